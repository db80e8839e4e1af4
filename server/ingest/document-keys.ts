import { createHash } from 'node:crypto';
import { CHUNKER_VERSION } from '../retrieval/constants.ts';

/** The documents columns indexing reads (everything but the body). */
export interface DocumentMeta {
  id: string;
  account_id: string | null;
  kind: string;
  title: string;
  url: string | null;
  product: string | null;
  published_at: string;
  content_hash: string;
}

const hash = (parts: readonly unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/**
 * What the vectors depend on: the text (content hash, and the title, which is embedded with every
 * chunk), the embedder and the chunker. Unchanged → nothing to embed.
 */
export function contentKey(doc: DocumentMeta, embedderId: string): string {
  return hash([doc.content_hash, doc.title, embedderId, CHUNKER_VERSION]);
}

/** What is only copied onto the chunk rows: a change is an UPDATE, not a re-embedding. */
export function metadataKey(doc: DocumentMeta): string {
  return hash([doc.account_id, doc.kind, doc.product, doc.published_at, doc.url]);
}
