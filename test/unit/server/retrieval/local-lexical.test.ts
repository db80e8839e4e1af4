import { describe, expect, it } from 'vitest';
import { EMBEDDING_DIMENSIONS } from '../../../../server/retrieval/constants.ts';
import { lexicalTerms } from '../../../../server/retrieval/lexical-terms.ts';
import {
  createLocalLexicalEmbedder,
  embedLexical,
} from '../../../../server/retrieval/local-lexical-embedder.ts';
import {
  createLocalLexicalReranker,
  scoreBm25,
} from '../../../../server/retrieval/local-lexical-reranker.ts';

const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);

describe('local lexical embedder', () => {
  it('is deterministic, fixed-size and unit length', async () => {
    const embedder = createLocalLexicalEmbedder();
    const [a, b] = await embedder.embed([
      'Renewal risk for the storage contract',
      'Renewal risk for the storage contract',
    ]);
    expect(embedder.dimensions).toBe(EMBEDDING_DIMENSIONS);
    expect(embedder.id).toBe(`local-lexical-v1/${EMBEDDING_DIMENSIONS}`);
    expect(a).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(a).toEqual(b);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 10);
    // A fixed vector pins the hash: changing it silently would invalidate every stored embedding.
    expect(embedLexical('credit program').findIndex((v) => v !== 0)).toBe(
      embedLexical('program credit program').findIndex((v) => v !== 0),
    );
  });

  it('puts related text closer than unrelated text, and sees word order', () => {
    const query = embedLexical('storage renewal discount');
    const related = embedLexical('The storage renewals came with a discount.');
    const unrelated = embedLexical('Quarterly football results and weather.');
    expect(dot(query, related)).toBeGreaterThan(0.5);
    expect(Math.abs(dot(query, unrelated))).toBeLessThan(0.2);
    expect(dot(embedLexical('credit program'), embedLexical('program credit'))).toBeLessThan(0.99);
  });

  it('gives no-word text the zero vector', () => {
    expect(embedLexical('!!! ---').every((v) => v === 0)).toBe(true);
  });

  it('folds case, accents, stop words and simple plurals', () => {
    expect(lexicalTerms('The Cafés and the CAFE, policies')).toEqual(['cafe', 'cafe', 'policy']);
  });
});

describe('local BM25 reranker', () => {
  it('ranks passages by query-term evidence, keeping input order on ties', async () => {
    const docs = ['nothing relevant', 'storage storage discount', 'storage', 'another unrelated one'];
    const scores = scoreBm25('storage discount', docs);
    expect(scores.map((s) => s.index)).toEqual([1, 2, 0, 3]);
    const top = await createLocalLexicalReranker().rerank('storage discount', docs, 2);
    expect(top.map((s) => s.index)).toEqual([1, 2]);
  });
});
