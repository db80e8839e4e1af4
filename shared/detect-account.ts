/** Recognises the account record a CRM page shows, from its URL (and optional page hints). */
import { type AccountUrlPattern, matchPatterns } from './account-pattern.ts';
import { DYNAMICS_HOSTS, dynamics } from './crms/dynamics.ts';
import { HUBSPOT_HOSTS, hubspot } from './crms/hubspot.ts';
import { isLoopback, SAFE_ID } from './crms/ids.ts';
import { SALESFORCE_HOSTS, salesforceClassic, salesforceLightning } from './crms/salesforce.ts';
import { TWENTY_HOSTS, twenty } from './crms/twenty.ts';

export type { AccountUrlPattern } from './account-pattern.ts';

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

export interface DetectHints {
  /** Admin-defined shapes (Options); they outrank the built-in ones, so an admin can claim a host. */
  patterns?: readonly AccountUrlPattern[];
  /** What the page itself says it shows (the demo CRM's `data-object` / `data-record-id`). */
  record?: { object: string; recordId: string } | null;
}

/** The demo CRM on a loopback host (any port), then the CRMs the extension knows. */
export const DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** Match patterns of every host the content script runs on out of the box (manifest). */
export const BUILT_IN_CRM_HOSTS = [
  ...DEMO_HOSTS,
  ...SALESFORCE_HOSTS,
  ...HUBSPOT_HOSTS,
  ...DYNAMICS_HOSTS,
  ...TWENTY_HOSTS,
];

const DETECTORS: readonly [Exclude<CrmKind, 'custom'>, (u: URL) => string | null][] = [
  ['salesforce-lightning', salesforceLightning],
  ['salesforce-classic', salesforceClassic],
  ['hubspot', hubspot],
  ['dynamics', dynamics],
  ['twenty', twenty],
];

/** Returns the account the URL shows, or null when it is not an account record page. */
export function detectAccount(url: string, hints: DetectHints = {}): DetectedAccount | null {
  const custom = matchPatterns(url, hints.patterns ?? []);
  if (custom) return { crm: 'custom', accountId: custom };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  for (const [crm, detect] of DETECTORS) {
    const accountId = detect(parsed);
    if (accountId) return { crm, accountId };
  }
  return fromRecordHint(parsed, hints.record);
}

function fromRecordHint(u: URL, record: DetectHints['record']): DetectedAccount | null {
  if (record?.object.toLowerCase() !== 'account' || !SAFE_ID.test(record.recordId)) return null;
  // The URL outranks the DOM: during SPA navigation the old record's header can linger briefly.
  if (/^\/lightning\/(?!r\/account\/)/i.test(u.pathname)) return null;
  const salesforce = isLoopback(u) || /(^|\.)(force|salesforce)\.com$/.test(u.hostname);
  return { crm: salesforce ? 'salesforce-lightning' : 'custom', accountId: record.recordId };
}
