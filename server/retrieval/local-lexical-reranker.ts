import { lexicalTerms } from './lexical-terms.ts';
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
  const docs = documents.map((d) => {
    const tf = new Map<string, number>();
    const terms = lexicalTerms(d);
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { tf, length: terms.length };
  });
  const n = docs.length;
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n) || 1;
  const idf = new Map(
    queryTerms.map((t) => {
      const df = docs.filter((d) => d.tf.has(t)).length;
      return [t, Math.log(1 + (n - df + 0.5) / (df + 0.5))];
    }),
  );
  return docs
    .map((d, index) => {
      let score = 0;
      for (const t of queryTerms) {
        const f = d.tf.get(t) ?? 0;
        if (f) score += idf.get(t)! * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / avgLength)));
      }
      return { index, score };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index);
}
