import type { Queryable } from '../../data/db.ts';
import { clip } from '../sources.ts';
import type { DocumentFact } from '../types.ts';
import type { FactContext } from './context.ts';
import { type DocumentHit, EXCERPT_CHARS } from './document-queries.ts';

export interface DocumentRow {
  id: string;
  kind: DocumentFact['kind'];
  title: string;
  source: string | null;
  product: string | null;
  published_at: string;
  body: string;
  /** The words around the query in the retrieved passage, for the citation preview. */
  snippet?: string;
}

const COLUMNS = `d.id, d.kind, d.title, d.source, d.product, d.published_at, left(d.body, ${EXCERPT_CHARS * 2}) AS body`;

/** News and filings about the account, newest first. */
export function fetchNews(q: Queryable, accountId: string): Promise<DocumentRow[]> {
  return q.query<DocumentRow>(
    `SELECT ${COLUMNS} FROM documents d
      WHERE d.account_id = $1 AND d.kind IN ('news', 'filing')
      ORDER BY d.published_at DESC, d.id LIMIT 5`,
    [accountId],
  );
}

/** The latest meeting notes for the account. */
export function fetchMeetingNotes(q: Queryable, accountId: string): Promise<DocumentRow[]> {
  return q.query<DocumentRow>(
    `SELECT ${COLUMNS} FROM documents d
      WHERE d.account_id = $1 AND d.kind = 'meeting_note'
      ORDER BY d.published_at DESC, d.id LIMIT 3`,
    [accountId],
  );
}

/**
 * Knowledge-base articles chosen by the account's structured facts: products with an ML insight
 * weigh most (that is what a next step will be about), then products with open cases, then products
 * in use or in the pipeline; general articles (no product) come last. One query, ranked in SQL, and at
 * most two articles a product so a single product cannot crowd out the rest.
 */
export function fetchKnowledgeBase(q: Queryable, accountId: string): Promise<DocumentRow[]> {
  return q.query<DocumentRow>(
    `WITH products AS (
       SELECT product, max(weight) AS weight FROM (
         SELECT product, 3 + score AS weight FROM ml_insights WHERE account_id = $1 AND product IS NOT NULL
         UNION ALL SELECT product, 2 FROM support_cases
                    WHERE account_id = $1 AND status <> 'closed' AND product IS NOT NULL
         UNION ALL SELECT product, 1 FROM usage_monthly WHERE account_id = $1
         UNION ALL SELECT product, 1 FROM opportunities
                    WHERE account_id = $1 AND status IN ('open', 'stalled') AND product IS NOT NULL
       ) facts GROUP BY product
     ), ranked AS (
       SELECT ${COLUMNS}, coalesce(p.weight, 0.5) AS weight,
              row_number() OVER (PARTITION BY d.product ORDER BY d.published_at DESC, d.id) AS nth
         FROM documents d LEFT JOIN products p ON p.product = d.product
        WHERE d.account_id IS NULL AND d.kind = 'kb' AND (d.product IS NULL OR p.product IS NOT NULL)
     )
     SELECT id, kind, title, source, product, published_at, body FROM ranked
      WHERE nth <= 2 ORDER BY weight DESC, nth, published_at DESC, id LIMIT 5`,
    [accountId],
  );
}

/**
 * The rows of documents retrieval chose, in the order given, each body replaced by the passage
 * retrieval found most relevant in it. Read as the user again, so a document hidden since it was
 * retrieved is dropped rather than shown.
 */
export async function fetchRetrievedDocuments(
  q: Queryable,
  hits: readonly DocumentHit[],
): Promise<DocumentRow[]> {
  if (!hits.length) return [];
  const rows = await q.query<DocumentRow>(`SELECT ${COLUMNS} FROM documents d WHERE d.id = ANY($1::text[])`, [
    hits.map((h) => h.documentId),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hits.flatMap((h) => {
    const row = byId.get(h.documentId);
    return row ? [{ ...row, body: h.passage, snippet: h.snippet }] : [];
  });
}

/** Documents as facts with a quotable excerpt, each cited to its document record. */
export function buildDocuments(rows: DocumentRow[], ctx: FactContext): DocumentFact[] {
  return rows.map((r) => ({
    ref: ctx.sources.add({
      kind: 'document',
      recordId: r.id,
      title: r.title,
      snippet: r.snippet || clip(r.body, 240),
      date: r.published_at,
    }),
    id: r.id,
    kind: r.kind,
    title: r.title,
    source: r.source,
    product: r.product,
    publishedAt: r.published_at,
    excerpt: clip(r.body, EXCERPT_CHARS),
  }));
}
