import type { Queryable } from '../data/db.ts';
import { vectorLiteral } from '../retrieval/embedder.ts';
import type { DocumentMeta } from './document-keys.ts';

export interface PreparedDocument {
  doc: DocumentMeta;
  contentKey: string;
  metadataKey: string;
  chunks: { ord: number; text: string; tokenCount: number; embedding: number[] }[];
}

/**
 * Replaces the chunks of the given documents and records what was indexed. Run it inside one
 * transaction (db.asSystem): a failure anywhere rolls back the deletes too, so readers see either
 * the old chunks or the new ones, never a mix or none.
 */
export async function replaceChunks(q: Queryable, docs: readonly PreparedDocument[], embedderId: string) {
  if (!docs.length) return;
  await q.query('DELETE FROM chunks WHERE document_id = ANY($1::text[])', [docs.map((d) => d.doc.id)]);
  const rows = docs.flatMap((d) => d.chunks.map((c) => ({ d: d.doc, c })));
  if (rows.length) {
    // One statement per batch: column arrays unnested into rows (vectors travel as text, see ENVIRONMENT).
    await q.query(
      `INSERT INTO chunks (document_id, ord, account_id, kind, product, published_at, title, source_url, text, token_count, embedding)
       SELECT d, o, a, k, p, t, ti, u, tx, n, e::vector
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                   $7::text[], $8::text[], $9::text[], $10::int[], $11::text[]) AS r(d, o, a, k, p, t, ti, u, tx, n, e)`,
      [
        rows.map((r) => r.d.id),
        rows.map((r) => r.c.ord),
        rows.map((r) => r.d.account_id),
        rows.map((r) => r.d.kind),
        rows.map((r) => r.d.product),
        rows.map((r) => r.d.published_at),
        rows.map((r) => r.d.title),
        rows.map((r) => r.d.url),
        rows.map((r) => r.c.text),
        rows.map((r) => r.c.tokenCount),
        rows.map((r) => vectorLiteral(r.c.embedding)),
      ],
    );
  }
  await recordIndexed(q, docs, embedderId);
}

/** Copies changed metadata onto existing chunk rows (no re-embedding). Same transaction rules. */
export async function updateChunkMetadata(q: Queryable, doc: DocumentMeta, metadataKey: string) {
  await q.query(
    `UPDATE chunks SET account_id = $2, kind = $3, product = $4, published_at = $5, source_url = $6
     WHERE document_id = $1`,
    [doc.id, doc.account_id, doc.kind, doc.product, doc.published_at, doc.url],
  );
  await q.query('UPDATE document_index SET metadata_key = $2, indexed_at = now() WHERE document_id = $1', [
    doc.id,
    metadataKey,
  ]);
}

async function recordIndexed(q: Queryable, docs: readonly PreparedDocument[], embedderId: string) {
  await q.query(
    `INSERT INTO document_index (document_id, content_key, metadata_key, embedder, chunk_count, indexed_at)
     SELECT d, c, m, $4, n, now() FROM unnest($1::text[], $2::text[], $3::text[], $5::int[]) AS u(d, c, m, n)
     ON CONFLICT (document_id) DO UPDATE SET content_key = excluded.content_key,
       metadata_key = excluded.metadata_key, embedder = excluded.embedder,
       chunk_count = excluded.chunk_count, indexed_at = excluded.indexed_at`,
    [
      docs.map((d) => d.doc.id),
      docs.map((d) => d.contentKey),
      docs.map((d) => d.metadataKey),
      embedderId,
      docs.map((d) => d.chunks.length),
    ],
  );
}
