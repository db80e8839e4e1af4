/**
 * Golden demo accounts: the ten hand-written scenarios of the demo data (server/data/demo/
 * scenarios.ts), each exercising a different signal, plus two generated accounts with ordinary
 * data. Demo data is deterministic, so a golden account is the same everywhere.
 */
export const GOLDEN_ACCOUNTS: readonly { no: number; story: string }[] = [
  { no: 1, story: 'large open pipeline, one stalled deal' },
  { no: 2, story: 'stalled $640k deal in Negotiation' },
  { no: 3, story: 'escalated sev1 three days ago' },
  { no: 4, story: 'seasonal usage, migration credits' },
  { no: 5, story: 'Carol’s account (other team)' },
  { no: 6, story: 'Series C, fast-growing usage' },
  { no: 7, story: 'new CIO, escalated sev2' },
  { no: 8, story: 'falling usage, stalled renewal' },
  { no: 9, story: 'launch and expansion news' },
  { no: 10, story: 'Carol’s second account' },
  { no: 13, story: 'generated, ordinary' },
  { no: 21, story: 'generated, ordinary' },
];

/** Parses "1-4,8,13" into account numbers, in order, without duplicates. */
export function parseAccountList(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new Error(`--accounts: "${part}" is not a number or a range like 1-4`);
    const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (from < 1 || to < from || to > 10_000) throw new Error(`--accounts: "${part}" is not a valid range`);
    for (let n = from; n <= to; n++) if (!out.includes(n)) out.push(n);
  }
  return out;
}
