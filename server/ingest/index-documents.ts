import type { Database } from '../data/db.ts';
import { chunkText } from '../retrieval/chunk-text.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { contentKey, type DocumentMeta, metadataKey } from './document-keys.ts';
import { normalizeText } from './normalize-text.ts';
import { type PreparedDocument, replaceChunks, updateChunkMetadata } from './write-chunks.ts';

export interface IndexOptions {
  /** Skip documents whose content (and embedder) is unchanged since they were indexed. Default true. */
  onlyChanged?: boolean;
  /** Only these documents (default: every row of documents). */
  documentIds?: readonly string[];
  /** Chunks per write transaction (whole documents per transaction). Default 256. */
  batchChunks?: number;
}

export interface IndexSummary {
  /** Documents considered. */
  seen: number;
  /** Documents chunked and embedded again. */
  indexed: number;
  /** Documents whose only change was metadata (chunk rows updated, nothing embedded). */
  updated: number;
  unchanged: number;
  chunksWritten: number;
  ms: number;
  /** Set when nothing could be indexed, e.g. a PostgreSQL without pgvector (retrieval is off). */
  skipped?: string;
}

// Bodies are loaded this many documents at a time, which bounds memory on a large corpus.
const LOAD_BATCH = 64;

/**
 * Brings the chunk index up to date with the documents table: new or changed documents are
 * cleaned, chunked (1,200 tokens, 50 overlap), embedded — outside any transaction, since PGlite
 * serialises them — and written in batches, each document's old chunks replaced in the same
 * transaction. Unchanged documents cost one comparison and no embedding call.
 */
export async function indexDocuments(
  db: Database,
  embedder: Embedder,
  options: IndexOptions = {},
): Promise<IndexSummary> {
  const started = performance.now();
  if (!db.hasVector) {
    return {
      seen: 0,
      indexed: 0,
      updated: 0,
      unchanged: 0,
      chunksWritten: 0,
      ms: 0,
      skipped: 'pgvector is not installed',
    };
  }
  const onlyChanged = options.onlyChanged ?? true;
  const ids = options.documentIds ? [...options.documentIds] : null;
  const state = await db.asSystem((q) =>
    q.query<DocumentMeta & { content_key: string | null; metadata_key: string | null }>(
      `SELECT d.id, d.account_id, d.kind, d.title, d.url, d.product, d.published_at, d.content_hash,
              i.content_key, i.metadata_key
       FROM documents d LEFT JOIN document_index i ON i.document_id = d.id
       WHERE $1::text[] IS NULL OR d.id = ANY($1::text[]) ORDER BY d.id`,
      [ids],
    ),
  );
  const summary: IndexSummary = {
    seen: state.length,
    indexed: 0,
    updated: 0,
    unchanged: 0,
    chunksWritten: 0,
    ms: 0,
  };
  const stale: string[] = [];
  for (const row of state) {
    if (onlyChanged && row.content_key === contentKey(row, embedder.id)) {
      if (row.metadata_key === metadataKey(row)) summary.unchanged++;
      else {
        await db.asSystem((q) => updateChunkMetadata(q, row, metadataKey(row)));
        summary.updated++;
      }
    } else stale.push(row.id);
  }

  for (let i = 0; i < stale.length; i += LOAD_BATCH) {
    const docs = await db.asSystem((q) =>
      q.query<DocumentMeta & { body: string }>(
        `SELECT id, account_id, kind, title, url, product, published_at, content_hash, body
         FROM documents WHERE id = ANY($1::text[]) ORDER BY id`,
        [stale.slice(i, i + LOAD_BATCH)],
      ),
    );
    const prepared = await prepare(docs, embedder);
    for (const batch of batches(prepared, options.batchChunks ?? 256)) {
      await db.asSystem((q) => replaceChunks(q, batch, embedder.id));
      summary.indexed += batch.length;
      summary.chunksWritten += batch.reduce((n, d) => n + d.chunks.length, 0);
    }
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

async function prepare(
  docs: readonly (DocumentMeta & { body: string })[],
  embedder: Embedder,
): Promise<PreparedDocument[]> {
  const chunked = docs.map(({ body, ...doc }) => ({ doc, chunks: chunkText(normalizeText(body)) }));
  // The title goes with every chunk: a passage deep in a document still says what it is about.
  const texts = chunked.flatMap(({ doc, chunks }) => chunks.map((c) => `${doc.title}\n\n${c.text}`));
  const vectors = texts.length ? await embedder.embed(texts) : [];
  if (vectors.length !== texts.length || vectors.some((v) => v.length !== embedder.dimensions)) {
    throw new Error(`embedder ${embedder.id} returned vectors of the wrong number or size`);
  }
  let next = 0;
  return chunked.map(({ doc, chunks }) => ({
    doc,
    contentKey: contentKey(doc, embedder.id),
    metadataKey: metadataKey(doc),
    chunks: chunks.map((c) => ({
      ord: c.ord,
      text: c.text,
      tokenCount: c.tokenCount,
      embedding: vectors[next++]!,
    })),
  }));
}

function* batches(docs: readonly PreparedDocument[], maxChunks: number): Generator<PreparedDocument[]> {
  let batch: PreparedDocument[] = [];
  let size = 0;
  for (const doc of docs) {
    if (batch.length && size + doc.chunks.length > maxChunks) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(doc);
    size += doc.chunks.length;
  }
  if (batch.length) yield batch;
}
