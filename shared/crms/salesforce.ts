import { isLoopback, SF_ACCOUNT_ID, SF_ID } from './ids.ts';

/** Where Lightning and Classic pages are served (My Domain, sandboxes, developer editions). */
export const SALESFORCE_HOSTS = ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'];

// Setup lives on *.salesforce-setup.com and *.my.salesforce-setup.com, which these never match.
const isSalesforceHost = (u: URL) => /(^|\.)(force\.com|salesforce\.com)$/.test(u.hostname);

/**
 * Lightning Experience: /lightning/r/Account/{id}/view (and /related/…, /edit), the bare
 * /lightning/r/{id}/view, and the old one.app#/sObject/{id}/view. The demo CRM serves the same
 * shapes on a loopback host.
 */
export function salesforceLightning(u: URL): string | null {
  if (!isSalesforceHost(u) && !isLoopback(u)) return null;
  const path = u.pathname.startsWith('/one/one.app') ? u.hash.slice(1) : u.pathname;
  const withObject = /^\/(?:lightning\/r|sObject)\/([A-Za-z_]+)\/([A-Za-z0-9]+)(?:\/|$)/.exec(path);
  if (withObject) {
    const [, object, id] = withObject;
    return object!.toLowerCase() === 'account' && SF_ID.test(id!) ? id! : null;
  }
  const bare = /^\/(?:lightning\/r|sObject)\/([A-Za-z0-9]+)(?:\/|$)/.exec(path);
  return bare && SF_ACCOUNT_ID.test(bare[1]!) ? bare[1]! : null;
}

/** Salesforce Classic: the record id is the whole path (/001…); /e, /o and ?fcf= are not records. */
export function salesforceClassic(u: URL): string | null {
  if (!/(^|\.)salesforce\.com$/.test(u.hostname)) return null;
  const m = /^\/([A-Za-z0-9]+)\/?$/.exec(u.pathname);
  return m && SF_ACCOUNT_ID.test(m[1]!) ? m[1]! : null;
}
