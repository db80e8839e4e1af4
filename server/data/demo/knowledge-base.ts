import { day } from './dates.ts';
import { sha256 } from './documents.ts';
import { recordId } from './ids.ts';
import { KB_ARTICLES } from './kb-articles.ts';
import type { DocumentRow } from './types.ts';

/**
 * The global knowledge base (account_id NULL, readable by everyone). Ordinals 1–99 of the document
 * key prefix are free: per-account documents start at ordinal 101.
 */
export function knowledgeBase(anchor: Date): DocumentRow[] {
  return KB_ARTICLES.map((a, i) => ({
    id: recordId('document', i + 1),
    account_id: null,
    kind: 'kb',
    title: a.title,
    url: `https://docs.example.com/kb/${a.slug}`,
    source: 'Product knowledge base',
    product: a.product,
    published_at: `${day(anchor, -a.ageDays)}T09:00:00.000Z`,
    body: a.body,
    content_hash: sha256(a.body),
  }));
}
