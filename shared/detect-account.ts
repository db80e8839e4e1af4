/** Recognises the account record a CRM page shows, from its URL (and optional page hints). */

export type CrmKind =
  | 'salesforce-lightning'
  | 'salesforce-classic'
  | 'hubspot'
  | 'dynamics'
  | 'twenty'
  | 'custom';

export interface DetectedAccount {
  crm: CrmKind;
  accountId: string;
}

/** An admin-defined URL shape: a regular expression with a named group `accountId`. */
export interface AccountUrlPattern {
  urlPattern: string;
}

export interface DetectHints {
  patterns?: readonly AccountUrlPattern[];
  /** What the page itself says it shows (the demo CRM's `data-object` / `data-record-id`). */
  record?: { object: string; recordId: string } | null;
}

// Salesforce ids are 15 (case-sensitive) or 18 (case-safe) alphanumerics; accounts start with 001.
const SF_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const SF_ACCOUNT_ID = /^001[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The same characters the API accepts for an accountId (shared/api.ts), so a match is always usable.
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Returns the account the URL shows, or null when it is not an account record page. */
export function detectAccount(url: string, hints: DetectHints = {}): DetectedAccount | null {
  const custom = matchCustom(url, hints.patterns ?? []);
  if (custom) return custom;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return (
    salesforceLightning(parsed) ??
    salesforceClassic(parsed) ??
    hubspot(parsed) ??
    dynamics(parsed) ??
    twenty(parsed) ??
    fromRecordHint(parsed, hints.record)
  );
}

function matchCustom(url: string, patterns: readonly AccountUrlPattern[]): DetectedAccount | null {
  for (const { urlPattern } of patterns) {
    let re: RegExp;
    try {
      re = new RegExp(urlPattern);
    } catch {
      continue; // A broken admin pattern must not break detection on every other page.
    }
    const raw = re.exec(url)?.groups?.accountId;
    const accountId = raw === undefined ? undefined : safeDecode(raw);
    if (accountId && SAFE_ID.test(accountId)) return { crm: 'custom', accountId };
  }
  return null;
}

const isLoopback = (u: URL) => u.hostname === '127.0.0.1' || u.hostname === 'localhost';
const isSalesforceHost = (u: URL) => /(^|\.)(force\.com|salesforce\.com)$/.test(u.hostname) || isLoopback(u);

function salesforceLightning(u: URL): DetectedAccount | null {
  if (!isSalesforceHost(u)) return null;
  // /lightning/r/Account/{id}/view (or /related/…); /lightning/r/{id}/view; old one.app#/sObject/{id}.
  const path = u.pathname.startsWith('/one/one.app') ? u.hash.slice(1) : u.pathname;
  const withObject = /^\/(?:lightning\/r|sObject)\/([A-Za-z_]+)\/([A-Za-z0-9]+)(?:\/|$)/.exec(path);
  if (withObject) {
    const [, object, id] = withObject;
    return object!.toLowerCase() === 'account' && SF_ID.test(id!)
      ? { crm: 'salesforce-lightning', accountId: id! }
      : null;
  }
  const bare = /^\/(?:lightning\/r|sObject)\/([A-Za-z0-9]+)(?:\/|$)/.exec(path);
  if (bare && SF_ACCOUNT_ID.test(bare[1]!)) return { crm: 'salesforce-lightning', accountId: bare[1]! };
  return null;
}

function salesforceClassic(u: URL): DetectedAccount | null {
  if (!/(^|\.)salesforce\.com$/.test(u.hostname)) return null;
  const m = /^\/([A-Za-z0-9]+)\/?$/.exec(u.pathname);
  return m && SF_ACCOUNT_ID.test(m[1]!) ? { crm: 'salesforce-classic', accountId: m[1]! } : null;
}

function hubspot(u: URL): DetectedAccount | null {
  if (!/^app(-[a-z0-9]+)?\.hubspot\.com$/.test(u.hostname)) return null;
  // 0-2 is HubSpot's object type id for companies (0-1 contacts, 0-3 deals).
  const m = /^\/contacts\/\d+\/(?:company|record\/0-2)\/(\d+)(?:\/|$)/.exec(u.pathname);
  return m ? { crm: 'hubspot', accountId: m[1]! } : null;
}

function dynamics(u: URL): DetectedAccount | null {
  if (!/\.dynamics\.com$/.test(u.hostname) || !/\/main\.aspx$/i.test(u.pathname)) return null;
  const q = u.searchParams;
  if (q.get('pagetype')?.toLowerCase() !== 'entityrecord') return null;
  // Unified Interface names the entity (etn); legacy links use the type code (etc=1 is account).
  if (q.get('etn')?.toLowerCase() !== 'account' && q.get('etc') !== '1') return null;
  const id = (q.get('id') ?? '').replace(/^\{|\}$/g, '').toLowerCase();
  return UUID.test(id) ? { crm: 'dynamics', accountId: id } : null;
}

function twenty(u: URL): DetectedAccount | null {
  // Twenty is often self-hosted, so the path shape alone decides, whatever the host.
  const m = /^\/object\/company\/([^/]+)\/?$/.exec(u.pathname);
  return m && UUID.test(m[1]!) ? { crm: 'twenty', accountId: m[1]!.toLowerCase() } : null;
}

function fromRecordHint(u: URL, record: DetectHints['record']): DetectedAccount | null {
  if (record?.object.toLowerCase() !== 'account' || !SAFE_ID.test(record.recordId)) return null;
  // The URL outranks the DOM: during SPA navigation the old record's header can linger briefly.
  if (/^\/lightning\/(?!r\/account\/)/i.test(u.pathname)) return null;
  return { crm: isSalesforceHost(u) ? 'salesforce-lightning' : 'custom', accountId: record.recordId };
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
