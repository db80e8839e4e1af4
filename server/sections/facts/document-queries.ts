import type { RetrieveInput } from '../../retrieval/retrieve-input.ts';
import type { RetrievedChunk } from '../../retrieval/search.ts';
import { snippetOf } from '../../retrieval/snippet.ts';
import type { DocumentFocus } from './document-focus.ts';

/** The document kinds a section can ask for, each fed by retrieval when the index is available. */
export const DOCUMENT_KINDS = ['news', 'knowledge_base', 'meeting_notes'] as const;
export type DocumentDataKind = (typeof DOCUMENT_KINDS)[number];

/** Documents a section shows per kind: enough to ground it, few enough to read in a minute. */
export const DOCUMENT_LIMITS: Record<DocumentDataKind, number> = {
  news: 5,
  knowledge_base: 5,
  meeting_notes: 3,
};

const DAY_MS = 86_400_000;
/** Characters of a document a prompt quotes: the best-matching sentences of the retrieved chunk. */
export const EXCERPT_CHARS = 700;
const MAX_PRODUCTS = 6;
const MAX_TOPICS = 8;

/** One chosen document and the part of it retrieval found most relevant. */
export interface DocumentHit {
  documentId: string;
  passage: string;
  snippet: string;
}

/**
 * The retrieval query for a document kind, shaped by the account's structured facts: products in
 * use, in the pipeline or in trouble pick the playbooks; open deals and upcoming meetings pick the
 * meeting notes; news is the account's own, from the last two years. Candidates are over-fetched
 * (k) so that the selection below can keep variety.
 */
export function documentQuery(
  kind: DocumentDataKind,
  accountId: string,
  focus: DocumentFocus,
  now: Date,
): RetrieveInput {
  const products = focus.products.slice(0, MAX_PRODUCTS).map((p) => p.product);
  const topics = focus.topics.slice(0, MAX_TOPICS);
  const day = (offsetDays: number) => new Date(now.getTime() + offsetDays * DAY_MS).toISOString();
  switch (kind) {
    case 'knowledge_base':
      return {
        query: words([...products, ...topics, 'playbook best practice', focus.industry]),
        accountId,
        kinds: ['kb'],
        k: 20,
      };
    case 'news':
      return {
        query: words([
          focus.accountName,
          focus.industry,
          'announcement results leadership expansion',
          ...products,
        ]),
        accountId,
        includeGlobal: false,
        kinds: ['news', 'filing'],
        from: day(-730),
        to: now.toISOString(),
        k: 12,
      };
    case 'meeting_notes':
      return {
        query: words([...topics, ...products, 'next steps decision']),
        accountId,
        includeGlobal: false,
        kinds: ['meeting_note'],
        from: day(-365),
        to: now.toISOString(),
        k: 10,
      };
  }
}

/**
 * Picks the documents to show from ranked chunks: one passage per document (its best), then per
 * kind — knowledge base: only general articles or articles on the account's products, the best
 * article of each product in order of the product's weight first, at most two per product;
 * news and meeting notes: the most relevant, newest first.
 */
export function selectDocuments(
  kind: DocumentDataKind,
  chunks: readonly RetrievedChunk[],
  focus: DocumentFocus,
  query: string,
): DocumentHit[] {
  const hit = (c: RetrievedChunk): DocumentHit => ({
    documentId: c.documentId,
    passage: snippetOf(c.text, query, EXCERPT_CHARS),
    snippet: c.snippet,
  });
  const best = new Map<string, RetrievedChunk>();
  for (const c of chunks) if (!best.has(c.documentId)) best.set(c.documentId, c);
  const ranked = [...best.values()];
  const limit = DOCUMENT_LIMITS[kind];
  if (kind !== 'knowledge_base') {
    return ranked
      .slice(0, limit)
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.documentId.localeCompare(b.documentId))
      .map(hit);
  }
  const weights = new Map(focus.products.map((p) => [p.product, p.weight]));
  const eligible = ranked.filter((c) => c.product === null || weights.size === 0 || weights.has(c.product));
  const chosen: RetrievedChunk[] = [];
  for (const { product } of focus.products) {
    const first = eligible.find((c) => c.product === product);
    if (first && chosen.length < limit) chosen.push(first);
  }
  const perProduct = (p: string | null) => chosen.filter((c) => p !== null && c.product === p).length;
  for (const c of eligible) {
    if (chosen.length >= limit) break;
    if (!chosen.includes(c) && perProduct(c.product) < 2) chosen.push(c);
  }
  return chosen.map(hit);
}

/** Joins query parts into one line of at most 1,000 characters (empty parts skipped). */
function words(parts: readonly (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => Boolean(p?.trim()))
    .join(' ')
    .replace(/\s+/g, ' ')
    .slice(0, 1_000);
}
