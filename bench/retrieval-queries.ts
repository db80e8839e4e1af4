import type { Database } from '../server/data/db.ts';
import { nearestChunks } from '../server/retrieval/candidate-queries.ts';
import { parseRetrieveInput } from '../server/retrieval/retrieve-input.ts';

export interface Hit {
  id: number;
  distance: number;
}

/** How each strategy answers "top k of this account nearest to v", as the bench user (RLS on). */
export const STRATEGIES = {
  /** Production path: MATERIALIZED CTE of the filtered rows, exact distance order. */
  ours: (db: Database, user: string, v: string, account: string, k: number) =>
    db.asUser(user, (q) =>
      nearestChunks(q, v, parseRetrieveInput({ query: 'bench', accountId: account }), { account }, k),
    ),
  /** Ground truth: a sequential scan with every index disabled. */
  exact: (db: Database, user: string, v: string, account: string, k: number) =>
    db.asUser(user, async (q) => {
      await q.query('SET LOCAL enable_indexscan = off');
      await q.query('SET LOCAL enable_bitmapscan = off');
      await q.query('SET LOCAL enable_indexonlyscan = off');
      return q.query<Hit>(
        `SELECT id, embedding <=> $1::vector AS distance FROM chunks WHERE account_id = $2
         ORDER BY distance, id LIMIT ${k}`,
        [v, account],
      );
    }),
  /** The one-liner most people write first; the planner may scan HNSW, then filter. */
  naive: (db: Database, user: string, v: string, account: string, k: number) =>
    db.asUser(user, (q) =>
      q.query<Hit>(
        `SELECT id, embedding <=> $1::vector AS distance FROM chunks WHERE account_id = $2
         ORDER BY embedding <=> $1::vector LIMIT ${k}`,
        [v, account],
      ),
    ),
  /** The pitfall itself: HNSW scan first, filter after (btree defeated, iterative scan off). */
  hnswPostFilter: (db: Database, user: string, v: string, account: string, k: number) =>
    db.asUser(user, async (q) => {
      await q.query('SET LOCAL enable_seqscan = off');
      await q.query('SET LOCAL hnsw.iterative_scan = off');
      return q.query<Hit>(
        `SELECT id, embedding <=> $1::vector AS distance FROM chunks WHERE account_id || '' = $2
         ORDER BY embedding <=> $1::vector LIMIT ${k}`,
        [v, account],
      );
    }),
} satisfies Record<
  string,
  (db: Database, user: string, v: string, account: string, k: number) => Promise<Hit[]>
>;

export type Strategy = keyof typeof STRATEGIES;

/**
 * recall@k against the exact answer. Equal texts tie on distance, so a hit counts when it is no
 * farther than the exact k-th neighbour (ids alone would punish a correct tie).
 */
export function recallAt(hits: readonly Hit[], exact: readonly Hit[]): number {
  if (!exact.length) return 1;
  const kth = exact.at(-1)!.distance;
  return Math.min(exact.length, hits.filter((h) => h.distance <= kth + 1e-6).length) / exact.length;
}
