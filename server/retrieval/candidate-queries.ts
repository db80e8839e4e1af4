import type { Queryable, StatementOptions } from '../data/db.ts';
import { lowerBound, type RetrieveQuery, upperBound } from './retrieve-input.ts';

/**
 * Up to this many rows match a filter → exact k-NN over exactly those rows (MATERIALIZED CTE, so
 * the planner cannot run the HNSW index first and filter afterwards, returning fewer than k).
 * Above it → HNSW with pgvector's iterative scan, which keeps scanning until enough rows pass.
 */
export const EXACT_SCAN_MAX_ROWS = 10_000;

export type Scope = { account: string } | 'global' | 'all';

/** WHERE clause for one scope of a retrieve query, its parameters numbered after `before` others. */
export function whereClause(
  query: RetrieveQuery,
  scope: Scope,
  before = 1,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value) + before}`;
  const parts: string[] = [];
  if (scope === 'global') parts.push('account_id IS NULL');
  else if (scope !== 'all') parts.push(`account_id = ${bind(scope.account)}`);
  if (query.kinds) parts.push(`kind = ANY(${bind(query.kinds)}::text[])`);
  if (query.products) parts.push(`product = ANY(${bind(query.products)}::text[])`);
  if (query.from) parts.push(`published_at >= ${bind(lowerBound(query.from))}::timestamptz`);
  if (query.to) parts.push(`published_at <= ${bind(upperBound(query.to))}::timestamptz`);
  return { sql: parts.length ? parts.join(' AND ') : 'true', params };
}

/** The scopes a query searches: its account and the global knowledge base, or all visible rows. */
export function scopesOf(query: RetrieveQuery): Scope[] {
  if (!query.accountId) return ['all'];
  return query.includeGlobal ? [{ account: query.accountId }, 'global'] : [{ account: query.accountId }];
}

export interface Nearest {
  id: number;
  distance: number;
}

/**
 * The n chunks nearest to vector (pgvector text form) within one scope, by cosine distance.
 * Row-level security applies: q must be a db.asUser transaction.
 */
export async function nearestChunks(
  q: Queryable,
  vector: string,
  query: RetrieveQuery,
  scope: Scope,
  n: number,
  exactMax = EXACT_SCAN_MAX_ROWS,
): Promise<Nearest[]> {
  const where = whereClause(query, scope);
  // One round trip in the common case: the exact answer plus how many rows the filter kept.
  const exact = await q.query<Nearest & { scoped: number }>(
    `WITH scoped AS MATERIALIZED (SELECT id, embedding FROM chunks WHERE ${where.sql} LIMIT ${exactMax + 1})
     SELECT id, embedding <=> $1::vector AS distance, (SELECT count(*)::int FROM scoped) AS scoped
     FROM scoped ORDER BY distance, id LIMIT ${n}`,
    [vector, ...where.params],
  );
  if (!exact.length || exact[0]!.scoped <= exactMax)
    return exact.map(({ id, distance }) => ({ id, distance }));
  // SET cannot take parameters; n is a validated integer.
  await q.query(`SET LOCAL hnsw.ef_search = ${Math.max(40, Math.min(1000, n))}`);
  await q.query('SET LOCAL hnsw.iterative_scan = strict_order');
  return q.query<Nearest>(
    `SELECT id, embedding <=> $1::vector AS distance FROM chunks WHERE ${where.sql}
     ORDER BY embedding <=> $1::vector LIMIT ${n}`,
    [vector, ...where.params],
  );
}

export interface TextMatch {
  id: number;
  rank: number;
}

/**
 * The n best full-text matches within one scope. Any query word may match (OR of the query's
 * English lexemes, stemmed by Postgres), ranked by ts_rank_cd; title words weigh more (setweight A).
 * Like nearestChunks, a selective scope is matched row by row: probing the GIN index for common
 * words would visit most of the table to keep a handful of rows.
 */
export async function textMatches(
  q: Queryable,
  text: string,
  query: RetrieveQuery,
  scope: Scope,
  n: number,
  exactMax = EXACT_SCAN_MAX_ROWS,
): Promise<TextMatch[]> {
  const where = whereClause(query, scope);
  const tsQuery = `(SELECT to_tsquery('simple', string_agg(quote_literal(lexeme), ' | '))
                    FROM unnest(to_tsvector('english', $1)))`;
  // The outer LEFT JOIN returns the scope's size even when no row matches.
  const scoped = await q.query<{ id: number | null; rank: number; scoped: number }>(
    `WITH scoped AS MATERIALIZED (SELECT id, tsv FROM chunks WHERE ${where.sql} LIMIT ${exactMax + 1}),
          tq AS MATERIALIZED (SELECT ${tsQuery} AS q),
          m AS (SELECT s.id, ts_rank_cd(s.tsv, tq.q) AS rank FROM scoped s, tq
                WHERE s.tsv @@ tq.q ORDER BY rank DESC, s.id LIMIT ${n})
     SELECT m.id, m.rank, (SELECT count(*)::int FROM scoped) AS scoped FROM (SELECT 1) one LEFT JOIN m ON true`,
    [text, ...where.params],
  );
  if ((scoped[0]?.scoped ?? 0) <= exactMax) {
    return scoped.flatMap(({ id, rank }) => (id === null ? [] : [{ id, rank }]));
  }
  return q.query<TextMatch>(
    `WITH tq AS MATERIALIZED (SELECT ${tsQuery} AS q)
     SELECT c.id, ts_rank_cd(c.tsv, tq.q) AS rank FROM chunks c, tq
     WHERE c.tsv @@ tq.q AND ${where.sql}
     ORDER BY rank DESC, c.id LIMIT ${n}`,
    [text, ...where.params],
  );
}

export interface ChunkRow {
  id: number;
  document_id: string;
  ord: number;
  account_id: string | null;
  kind: string;
  product: string | null;
  published_at: string;
  title: string;
  source_url: string | null;
  text: string;
  /** countTokens(text), stored at indexing. */
  token_count: number;
}

/** The stored rows of the given chunk ids (those visible to the transaction's user). */
export function chunkRows(
  q: Queryable,
  ids: readonly number[],
  options?: StatementOptions,
): Promise<ChunkRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return q.query<ChunkRow>(
    `SELECT id, document_id, ord, account_id, kind, product, published_at, title, source_url, text,
            token_count
     FROM chunks WHERE id = ANY($1::bigint[])`,
    [ids],
    options,
  );
}
