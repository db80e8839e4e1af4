import { EMBEDDING_DIMENSIONS } from './constants.ts';
import { type Embedder, l2Normalize } from './embedder.ts';
import { lexicalTerms } from './lexical-terms.ts';

/**
 * The offline default: a hashed bag of words and word bigrams (feature hashing with a sign bit,
 * so collisions cancel out on average instead of piling up), sub-linear term frequency, L2
 * normalised. Deterministic and fast; matches words, not meanings.
 */
export function createLocalLexicalEmbedder(dimensions = EMBEDDING_DIMENSIONS): Embedder {
  return {
    id: `local-lexical-v1/${dimensions}`,
    dimensions,
    embed: async (texts) => texts.map((t) => embedLexical(t, dimensions)),
  };
}

// Bigrams refine, words decide: half weight keeps a shared phrase from outvoting shared words.
const BIGRAM_WEIGHT = 0.5;

/** The vector of one text (all zeros when it has no words). */
export function embedLexical(text: string, dimensions = EMBEDDING_DIMENSIONS): number[] {
  const terms = lexicalTerms(text);
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  terms.forEach((term, i) => {
    add(term);
    // Bigrams carry word order ("credit program" vs "program credit"); a space marks them.
    if (i > 0) add(`${terms[i - 1]} ${term}`);
  });
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, count] of counts) {
    const hash = fnv1a(feature);
    const sign = hash & 0x80000000 ? -1 : 1;
    const weight = feature.includes(' ') ? BIGRAM_WEIGHT : 1;
    vector[hash % dimensions]! += sign * weight * (1 + Math.log(count));
  }
  return l2Normalize(vector);
}

// 32-bit FNV-1a: tiny, fast and stable across platforms and releases (the vectors are stored).
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
