import type { Database } from '../data/db.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { type IndexSummary, indexDocuments } from './index-documents.ts';
import { IngestError } from './ingest-error.ts';
import { readSourceFiles, type SourceFile } from './read-source-files.ts';
import type { SourceMetadata } from './source-metadata.ts';

/**
 * Ingests a file or folder: reads and validates every file (a bad one fails the run before any
 * write), checks the accounts exist, upserts the documents rows whose content or metadata changed
 * (body = the cleaned text, content_hash = its SHA-256), then indexes them.
 */
export async function ingestFiles(
  db: Database,
  embedder: Embedder,
  path: string,
  defaults: SourceMetadata = {},
): Promise<IndexSummary> {
  return ingestSourceFiles(db, embedder, await readSourceFiles(path, defaults));
}

/** ingestFiles for files already read and validated (the CLI reads them before opening the database). */
export async function ingestSourceFiles(
  db: Database,
  embedder: Embedder,
  files: readonly SourceFile[],
): Promise<IndexSummary> {
  const accounts = [...new Set(files.flatMap((f) => (f.meta.account ? [f.meta.account] : [])))];
  const ids = files.map((f) => f.id);
  const existing = await db.asSystem(async (q) => {
    const known = await q.query<{ id: string }>('SELECT id FROM accounts WHERE id = ANY($1::text[])', [
      accounts,
    ]);
    const missing = accounts.filter((a) => !known.some((k) => k.id === a));
    if (missing.length) throw new IngestError(`unknown account: ${missing.join(', ')}`);
    return q.query<{ id: string; content_hash: string; published_at: string }>(
      'SELECT id, content_hash, published_at FROM documents WHERE id = ANY($1::text[])',
      [ids],
    );
  });
  const before = new Map(existing.map((r) => [r.id, r]));
  const rows = files.map((f) => {
    const old = before.get(f.id);
    // Without a date in the file, an unchanged document keeps its date: touching a file (new
    // mtime) must not count as a change.
    const fallback = old && old.content_hash === f.contentHash ? old.published_at : f.modifiedAt;
    const published = f.meta.published ? new Date(f.meta.published).toISOString() : fallback;
    return [
      f.id,
      f.meta.account ?? null,
      f.meta.kind ?? 'kb',
      f.title,
      f.meta.url ?? null,
      f.meta.source ?? 'upload',
      f.meta.product ?? null,
      published,
      f.text,
      f.contentHash,
    ];
  });
  await db.asSystem(async (q) => {
    for (const row of rows) {
      // The WHERE keeps an identical row untouched (no dead tuple, no trigger, no index churn).
      await q.query(
        `INSERT INTO documents (id, account_id, kind, title, url, source, product, published_at, body, content_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, kind = excluded.kind,
           title = excluded.title, url = excluded.url, source = excluded.source, product = excluded.product,
           published_at = excluded.published_at, body = excluded.body, content_hash = excluded.content_hash
         WHERE (documents.account_id, documents.kind, documents.title, documents.url, documents.source,
                documents.product, documents.published_at, documents.content_hash)
           IS DISTINCT FROM (excluded.account_id, excluded.kind, excluded.title, excluded.url, excluded.source,
                excluded.product, excluded.published_at, excluded.content_hash)`,
        row,
      );
    }
  });
  return indexDocuments(db, embedder, { documentIds: ids });
}
