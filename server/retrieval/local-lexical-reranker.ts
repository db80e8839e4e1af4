import { forEachLexicalTerm, lexicalTerms } from './lexical-terms.ts';
import type { Reranker, RerankScore } from './reranker.ts';

// Okapi BM25's usual constants: k1 saturates repeated terms, b normalises for passage length.
const K1 = 1.2;
const B = 0.75;

/**
 * BM25 over the candidate set itself (document frequencies from the candidates, which is what a
 * reranker sees). Ties keep the incoming order, so it refines the fused ranking rather than
 * reshuffling passages it cannot tell apart.
 */
export function createLocalLexicalReranker(): Reranker {
  return {
    id: 'local-bm25-v1',
    rerank: async (query, documents, topN) => scoreBm25(query, documents).slice(0, topN),
  };
}

/** Every document's BM25 score against query, most relevant first. */
export function scoreBm25(query: string, documents: readonly string[]): RerankScore[] {
  const queryTerms = [...new Set(lexicalTerms(query))];
  const slots = new Map(queryTerms.map((t, i) => [t, i]));
  const docs = documents.map((d) => queryTermCounts(d, slots));
  const n = docs.length;
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n) || 1;
  const idf = queryTerms.map((_, slot) => {
    const df = docs.filter((d) => d.tf[slot]! > 0).length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  });
  return docs
    .map((d, index) => {
      let score = 0;
      for (let slot = 0; slot < queryTerms.length; slot++) {
        const f = d.tf[slot]!;
        if (f) score += idf[slot]! * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / avgLength)));
      }
      return { index, score };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

/**
 * A document's length in terms and how often each query term occurs in it (tf[slot of the term]).
 * Only query terms can score, so the document's other terms are counted, not collected in a map.
 */
function queryTermCounts(
  document: string,
  slots: ReadonlyMap<string, number>,
): { tf: number[]; length: number } {
  const tf = new Array<number>(slots.size).fill(0);
  let length = 0;
  forEachLexicalTerm(document, (term) => {
    length++;
    const slot = slots.get(term);
    if (slot !== undefined) tf[slot]!++;
  });
  return { tf, length };
}
