import type { Database } from '../data/db.ts';
import { ApiError } from '../http/errors.ts';
import { currentLog } from '../observability/logger.ts';
import {
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
import { type DocumentKind, parseRetrieveInput, type RetrieveInput } from './retrieve-input.ts';
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
  const query = parseRetrieveInput(input);
  if (!db.hasVector)
    throw new ApiError('internal', 'retrieval needs the pgvector extension on this database');
  const [vector] = await providers.embedder.embed([query.query]);
  if (!vector) throw new Error('the embedder returned no vector for the query');
  const pool = Math.min(200, Math.max(20, query.k * 4));

  // A query of stop words only embeds (locally) to the zero vector, whose cosine distance is NaN.
  const literal = vector.some((v) => v !== 0) ? vectorLiteral(vector) : null;

  const candidates = await db.asUser(userId, async (q) => {
    // Every scope's searches are issued together: one round trip (server/data/pipeline.ts).
    const scopes = scopesOf(query);
    const [nearestSets, matchSets] = await Promise.all([
      Promise.all(scopes.map((scope) => (literal ? nearestChunks(q, literal, query, scope, pool) : []))),
      Promise.all(
        scopes.map((scope) => (query.hybrid ? textMatches(q, query.query, query, scope, pool) : [])),
      ),
    ]);
    const nearest: Nearest[] = nearestSets.flat();
    const matches: TextMatch[] = matchSets.flat();
    nearest.sort((a, b) => a.distance - b.distance || a.id - b.id);
    matches.sort((a, b) => b.rank - a.rank || a.id - b.id);
    const fused = fuseRanks([
      nearest.slice(0, pool).map((r) => r.id),
      matches.slice(0, pool).map((r) => r.id),
    ]);
    // The transaction's last read: COMMIT goes with it (server/data/pipeline.ts).
    const ids = fused.map((f) => f.id).slice(0, pool);
    const rows = new Map((await chunkRows(q, ids, { last: true })).map((r) => [r.id, r]));
    return fused
      .slice(0, pool)
      .flatMap((f) => (rows.has(f.id) ? [{ row: rows.get(f.id)!, score: f.score }] : []));
  });

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
