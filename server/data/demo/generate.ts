import { generateAccount } from './account.ts';
import { utcMidnight } from './dates.ts';
import { knowledgeBase } from './knowledge-base.ts';
import type { AccountBundle, DemoData, DemoOptions } from './types.ts';
import { DEMO_USERS } from './users.ts';

export const DEFAULT_ACCOUNTS = 48;
export const DEFAULT_SEED = 42;

export interface ResolvedDemoOptions {
  accounts: number;
  seed: number;
  anchor: Date;
}

/** Fills defaults; the anchor is taken at midnight UTC so a whole day yields the same data. */
export function resolveDemoOptions(options: DemoOptions = {}): ResolvedDemoOptions {
  const accounts = options.accounts ?? DEFAULT_ACCOUNTS;
  if (!Number.isInteger(accounts) || accounts < 0 || accounts > 9_999_999) {
    throw new Error(`accounts must be an integer between 0 and 9,999,999, got ${accounts}`);
  }
  return {
    accounts,
    seed: (options.seed ?? DEFAULT_SEED) >>> 0,
    anchor: utcMidnight(options.anchor ?? new Date()),
  };
}

/** The account-scoped rows, one account at a time: what a batched seeder consumes. */
export function* generateAccountBundles(options: DemoOptions = {}): Generator<AccountBundle> {
  const { accounts, seed, anchor } = resolveDemoOptions(options);
  for (let no = 1; no <= accounts; no++) yield generateAccount(no, seed, anchor);
}

export function emptyBundle(): AccountBundle {
  return {
    accounts: [],
    account_access: [],
    contacts: [],
    opportunities: [],
    activities: [],
    usage_monthly: [],
    support_cases: [],
    investments: [],
    feature_requests: [],
    ml_insights: [],
    documents: [],
  };
}

/** Appends every row of `from` to `into` (push per row: no spread, so large batches cannot overflow the stack). */
export function appendBundle(into: AccountBundle, from: AccountBundle): void {
  for (const key of Object.keys(from) as (keyof AccountBundle)[]) {
    const target = into[key] as unknown[];
    for (const row of from[key]) target.push(row);
  }
}

/**
 * The whole fictitious dataset, one array of rows per table. Pure: the same options give
 * byte-identical output on every machine. For very large counts prefer generateAccountBundles.
 */
export function generateDemoData(options: DemoOptions = {}): DemoData {
  const { anchor } = resolveDemoOptions(options);
  const data: DemoData = { users: DEMO_USERS.map((u) => ({ ...u })), ...emptyBundle() };
  data.documents.push(...knowledgeBase(anchor));
  for (const bundle of generateAccountBundles(options)) appendBundle(data, bundle);
  return data;
}
