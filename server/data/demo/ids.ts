/**
 * Salesforce-style 18-character record ids: a 3-character key prefix, a 2-character "pod" (DM for
 * demo), a 10-digit ordinal and a 3-character suffix, e.g. account #1 is 001DM0000000001AAA.
 */
export const KEY_PREFIX = {
  account: '001',
  contact: '003',
  opportunity: '006',
  activity: '00U',
  supportCase: '500',
  investment: 'a01',
  featureRequest: 'a02',
  insight: 'a03',
  document: '069',
} as const;
export type RecordKind = keyof typeof KEY_PREFIX;

/** Child records get ordinal accountNo × 100 + index + 1, so ids are computable per account (O(1)). */
export const CHILDREN_PER_ACCOUNT = 100;

export function recordId(kind: RecordKind, ordinal: number): string {
  if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal >= 1e10) throw new Error(`bad ordinal ${ordinal}`);
  return `${KEY_PREFIX[kind]}DM${String(ordinal).padStart(10, '0')}AAA`;
}

export function accountId(accountNo: number): string {
  return recordId('account', accountNo);
}

/** The id of the index-th (0-based) child record of a kind that belongs to account accountNo. */
export function childId(kind: Exclude<RecordKind, 'account'>, accountNo: number, index: number): string {
  if (index < 0 || index >= CHILDREN_PER_ACCOUNT) throw new Error(`child index out of range: ${index}`);
  return recordId(kind, accountNo * CHILDREN_PER_ACCOUNT + index + 1);
}

/** Support case numbers as Salesforce shows them: 8 digits, zero-padded ("00012345"). */
export function caseNumber(accountNo: number, index: number): string {
  return String(10_000 + accountNo * 10 + index).padStart(8, '0');
}

export const SF_ID_PATTERN = /^[0-9a-zA-Z]{3}DM\d{10}AAA$/;
