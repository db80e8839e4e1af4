import type { Database, Queryable } from '../data/db.ts';
import { ApiError } from '../http/errors.ts';
import { currentLog } from '../observability/logger.ts';
import {
  type ChunkRow,
  chunkRows,
  type Nearest,
  nearestChunks,
  scopesOf,
  type TextMatch,
  textMatches,
} from './candidate-queries.ts';
import { vectorLiteral } from './embedder.ts';
import { fitToBudget } from './fit-budget.ts';
import { fuseRanks } from './fuse-ranks.ts';
import { localProviders, type RetrievalProviders } from './providers.ts';
import {
  type DocumentKind,
  parseRetrieveInput,
  type RetrieveInput,
  type RetrieveQuery,
} from './retrieve-input.ts';
import { snippetOf } from './snippet.ts';

/** One retrieved passage, with what a prompt needs to cite it. */
export interface RetrievedChunk {
  /** `${documentId}#${ord}`: stable and citable. */
  sourceId: string;
  documentId: string;
  ord: number;
  accountId: string | null;
  kind: DocumentKind;
  product: string | null;
  title: string;
  url: string | null;
  publishedAt: string;
  /** The passage (cut to the budget when `truncated`). */
  text: string;
  /** About 240 characters around the first query word, for a citation's preview. */
  snippet: string;
  /** Tokens of `text`; the sum over a result never exceeds the tokenBudget asked for. */
  tokens: number;
  truncated: boolean;
  /** Relevance, higher is better: the reranker's score, or the fused rank score without one. */
  score: number;
}

/**
 * Passages for a query, best first, as the user sees them (row-level security: another account's
 * chunks are never returned; global knowledge-base chunks always may be). Steps: embed the query
 * (outside any transaction) → k-NN per scope with the filters → optional full-text search fused
 * by reciprocal rank → rerank → fit to tokenBudget. Throws RetrievalInputError (400) on bad input.
 */
export async function retrieve(
  db: Database,
  userId: string,
  input: RetrieveInput,
  providers: RetrievalProviders = localProviders(),
): Promise<RetrievedChunk[]> {
  return (await retrieveMany(db, userId, [input], providers))[0]!;
}

interface Prepared {
  query: RetrieveQuery;
  /** The query's vector in pgvector's text form; null for the zero vector (nothing to compare). */
  literal: string | null;
  /** Candidates kept per search and after fusion. */
  pool: number;
}

interface Candidate {
  row: ChunkRow;
  score: number;
}

/**
 * retrieve() for several queries at once, each answered exactly as alone: the queries are embedded
 * in one call, every query's searches go to the database in one message and every query's chunk
 * rows in a second one that commits (server/data/pipeline.ts), then each is reranked and fitted to
 * its budget outside the transaction. One failing input (bad input, embedder) fails them all.
 */
export async function retrieveMany(
  db: Database,
  userId: string,
  inputs: readonly RetrieveInput[],
  providers: RetrievalProviders = localProviders(),
): Promise<RetrievedChunk[][]> {
  const queries = inputs.map(parseRetrieveInput);
  if (!db.hasVector)
    throw new ApiError('internal', 'retrieval needs the pgvector extension on this database');
  if (!queries.length) return [];
  const vectors = await providers.embedder.embed(queries.map((q) => q.query));
  const prepared = queries.map((query, i): Prepared => {
    const vector = vectors[i];
    if (!vector) throw new Error('the embedder returned no vector for the query');
    // A query of stop words only embeds (locally) to the zero vector, whose cosine distance is NaN.
    const literal = vector.some((v) => v !== 0) ? vectorLiteral(vector) : null;
    return { query, literal, pool: Math.min(200, Math.max(20, query.k * 4)) };
  });

  const candidates = await db.asUser(userId, async (q) => {
    // Each phase is issued in one tick, so it is one message: every query's searches, then every
    // query's chunk rows with COMMIT.
    const fused = await Promise.all(prepared.map((p) => fusedIds(q, p)));
    const rows = await Promise.all(
      fused.map((f) =>
        chunkRows(
          q,
          f.map((c) => c.id),
          { last: true },
        ),
      ),
    );
    return fused.map((f, i): Candidate[] => {
      const byId = new Map(rows[i]!.map((r) => [r.id, r]));
      return f.flatMap((c) => {
        const row = byId.get(c.id);
        return row ? [{ row, score: c.score }] : [];
      });
    });
  });
  return Promise.all(prepared.map((p, i) => rankAndFit(p.query, candidates[i]!, providers)));
}

/** One query's candidates in the caller's transaction: k-NN and full text per scope, fused. */
async function fusedIds(
  q: Queryable,
  { query, literal, pool }: Prepared,
): Promise<{ id: number; score: number }[]> {
  const scopes = scopesOf(query);
  const [nearestSets, matchSets] = await Promise.all([
    Promise.all(scopes.map((scope) => (literal ? nearestChunks(q, literal, query, scope, pool) : []))),
    Promise.all(scopes.map((scope) => (query.hybrid ? textMatches(q, query.query, query, scope, pool) : []))),
  ]);
  const nearest: Nearest[] = nearestSets.flat();
  const matches: TextMatch[] = matchSets.flat();
  nearest.sort((a, b) => a.distance - b.distance || a.id - b.id);
  matches.sort((a, b) => b.rank - a.rank || a.id - b.id);
  return fuseRanks([nearest.slice(0, pool).map((r) => r.id), matches.slice(0, pool).map((r) => r.id)]).slice(
    0,
    pool,
  );
}

/** Reranks a query's candidates (outside any transaction: the reranker may be remote) and fits its budget. */
async function rankAndFit(
  query: RetrieveQuery,
  candidates: Candidate[],
  providers: RetrievalProviders,
): Promise<RetrievedChunk[]> {
  let ranked = candidates.slice(0, query.k);
  if (query.rerank && providers.reranker && candidates.length > 1) {
    // The reranker sees a few times k, enough to promote a passage vector search placed lower.
    const pool = candidates.slice(0, Math.min(100, Math.max(20, query.k * 3)));
    try {
      const scores = await providers.reranker.rerank(
        query.query,
        pool.map((c) => `${c.row.title}\n${c.row.text}`),
        query.k,
      );
      ranked = scores.map((s) => ({ row: pool[s.index]!.row, score: s.score }));
    } catch (error) {
      // A reranker outage degrades ordering, not the summary: keep the fused order.
      // The error's name only: a provider's message could echo the query.
      currentLog().warn({ error: (error as Error)?.name ?? 'Error' }, 'rerank failed, using fused order');
    }
  }

  const chunks = ranked.map(({ row, score }) => ({
    sourceId: `${row.document_id}#${row.ord}`,
    documentId: row.document_id,
    ord: row.ord,
    accountId: row.account_id,
    kind: row.kind as DocumentKind,
    product: row.product,
    title: row.title,
    url: row.source_url,
    publishedAt: row.published_at,
    text: row.text,
    // Counted when the chunk was indexed: the budget needs no tokenizer here.
    tokens: row.token_count,
    snippet: '',
    score,
  }));
  return fitToBudget(chunks, query.tokenBudget).map((c) => ({
    ...c,
    snippet: snippetOf(c.text, query.query),
  }));
}
