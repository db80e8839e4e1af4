import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { type AccountUrlPattern, compilePattern } from '../../shared/account-pattern.ts';
import { BUILT_IN_CRM_HOSTS } from '../../shared/detect-account.ts';
import { accountPatternsItem } from '../lib/settings.ts';

/** The id of the runtime-registered copy of crm.content.ts for hosts added in Options. */
export const CUSTOM_SCRIPT_ID = 'crm-custom-hosts';
/** Where WXT writes the content script (the manifest lists the same file for the built-in hosts). */
export const CRM_SCRIPT_FILE = 'content-scripts/crm.js';

const BUILT_IN = BUILT_IN_CRM_HOSTS.map((p) => new MatchPattern(p));

/** Whether the manifest's content script already runs on a host pattern like `https://x.acme.io/*`. */
export function isBuiltInHost(hostPattern: string): boolean {
  const sample = hostPattern.replace('://*.', '://any-subdomain.').replace(/\*$/, '');
  return BUILT_IN.some((p) => p.includes(sample));
}

/** Host patterns the custom patterns need beyond the built-in CRM hosts, without repeats. */
export function extraHostPatterns(patterns: readonly AccountUrlPattern[]): string[] {
  const hosts = patterns.flatMap(({ urlPattern }) => {
    const compiled = compilePattern(urlPattern);
    return compiled.ok && !isBuiltInHost(compiled.hostPattern) ? [compiled.hostPattern] : [];
  });
  return [...new Set(hosts)];
}

type Api = Pick<typeof browser, 'permissions' | 'scripting' | 'tabs'>;

/**
 * Asks the seller for access to new CRM hosts. Must run inside the click that saves the pattern
 * (Chrome shows a permission prompt only during a user gesture). True when every host is granted.
 */
export async function requestHostAccess(
  hostPatterns: readonly string[],
  api: Api = browser,
): Promise<boolean> {
  const origins = hostPatterns.filter((h) => !isBuiltInHost(h));
  if (origins.length === 0) return true;
  return api.permissions.request({ origins });
}

/**
 * Makes the registered content script cover exactly the custom hosts the seller granted (patterns
 * can be added, removed, or their permission revoked in chrome://extensions), then injects it into
 * tabs already open on a newly covered host, so they need no reload. Returns the covered hosts.
 */
export async function syncCustomContentScript(api: Api = browser): Promise<string[]> {
  const wanted = extraHostPatterns(await accountPatternsItem.getValue());
  const granted: string[] = [];
  for (const host of wanted) if (await api.permissions.contains({ origins: [host] })) granted.push(host);
  const [existing] = await api.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  const before = new Set(existing?.matches ?? []);
  if (granted.length === 0) {
    if (existing) await api.scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
    return [];
  }
  const script = {
    id: CUSTOM_SCRIPT_ID,
    matches: granted,
    js: [CRM_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing) await api.scripting.updateContentScripts([script]);
  else await api.scripting.registerContentScripts([script]);
  const added = granted.filter((h) => !before.has(h));
  if (added.length > 0) await injectIntoOpenTabs(added, api);
  return granted;
}

async function injectIntoOpenTabs(hostPatterns: string[], api: Api): Promise<void> {
  for (const tab of await api.tabs.query({ url: hostPatterns })) {
    if (tab.id === undefined) continue;
    await api.scripting.executeScript({ target: { tabId: tab.id }, files: [CRM_SCRIPT_FILE] }).catch(() => {
      // A tab that navigated away or is still loading gets the registered script anyway.
    });
  }
}

/** Hosts no longer needed by any pattern (nor `keep`: the backend, the SSO issuer) are given back. */
export async function releaseUnusedHosts(
  removed: readonly AccountUrlPattern[],
  remaining: readonly AccountUrlPattern[],
  keep: readonly string[],
  api: Api = browser,
): Promise<void> {
  const still = new Set([...extraHostPatterns(remaining), ...keep]);
  const origins = extraHostPatterns(removed).filter((h) => !still.has(h));
  if (origins.length > 0) await api.permissions.remove({ origins }).catch(() => false);
}
