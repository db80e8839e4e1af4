import { EMBEDDING_DIMENSIONS } from './constants.ts';
import type { Embedder } from './embedder.ts';
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

/**
 * The vector of one text (all zeros when it has no words). Stored at indexing time, so it must stay
 * bit-for-bit what it was: each feature (a term, or two adjacent terms joined by a space, "a b")
 * adds sign · weight · (1 + ln count) to slot fnv1a(feature) mod dimensions, features in order of
 * first appearance (a word before the bigram it ends), then the vector is scaled to unit length.
 * Features are counted by term ids rather than by joined strings, and a bigram's hash continues
 * from its first term's, so no bigram string is built; the floating-point operations and their
 * order are the same, hence so is every bit (test/unit/server/retrieval/fast-paths.test.ts).
 */
export function embedLexical(text: string, dimensions = EMBEDDING_DIMENSIONS): number[] {
  const features = countFeatures(lexicalTerms(text));
  const vector = scratchVector(dimensions);
  for (let f = 0; f < features.hashes.length; f++) {
    const hash = features.hashes[f]!;
    const sign = hash & 0x80000000 ? -1 : 1;
    const weight = features.bigram[f] ? BIGRAM_WEIGHT : 1;
    vector[hash % dimensions]! += sign * weight * (1 + Math.log(features.counts[f]!));
  }
  return takeUnitVector(vector);
}

/** Distinct features in order of first appearance: their hashes, counts and whether bigrams. */
interface Features {
  hashes: number[];
  counts: number[];
  bigram: boolean[];
}

function countFeatures(terms: readonly string[]): Features {
  const features: Features = { hashes: [], counts: [], bigram: [] };
  // Per distinct term: its id (index into these arrays), hash and feature index.
  const termIds = new Map<string, number>();
  const termHashes: number[] = [];
  const termFeatures: number[] = [];
  // Per distinct bigram, keyed by first id × terms.length + second id (unique: ids < terms.length).
  const bigramFeatures = new Map<number, number>();
  let previous = -1;
  for (const term of terms) {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termHashes.length;
      termIds.set(term, id);
      termHashes.push(fnv1a(term));
      termFeatures.push(addFeature(features, termHashes[id]!, false));
    } else features.counts[termFeatures[id]!]!++;
    // Bigrams carry word order ("credit program" vs "program credit").
    if (previous >= 0) {
      const key = previous * terms.length + id;
      const feature = bigramFeatures.get(key);
      if (feature === undefined) {
        // fnv1a(`${previous term} ${term}`), continuing from the previous term's hash.
        const hash = fnv1a(term, fnv1aStep(termHashes[previous]!, 0x20));
        bigramFeatures.set(key, addFeature(features, hash, true));
      } else features.counts[feature]!++;
    }
    previous = id;
  }
  return features;
}

/** Appends a feature seen once; returns its index. */
function addFeature(features: Features, hash: number, bigram: boolean): number {
  features.hashes.push(hash);
  features.counts.push(1);
  features.bigram.push(bigram);
  return features.hashes.length - 1;
}

// One zeroed accumulator reused by every call (embedding is synchronous): a fresh 4 KB typed
// array per text costs more than the rest of a short query's embedding.
let scratch = new Float64Array(0);

function scratchVector(dimensions: number): Float64Array {
  if (scratch.length !== dimensions) scratch = new Float64Array(dimensions);
  return scratch;
}

/**
 * l2Normalize (embedder.ts) of the accumulated vector as a plain array (the same sum in the same
 * order, the same divisions), leaving the accumulator zeroed for the next call.
 */
function takeUnitVector(vector: Float64Array): number[] {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum);
  const out = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = norm > 0 ? vector[i]! / norm : vector[i]!;
  vector.fill(0);
  return out;
}

const FNV_OFFSET = 0x811c9dc5;

// 32-bit FNV-1a: tiny, fast and stable across platforms and releases (the vectors are stored).
// It folds the text's UTF-16 code units left to right, so a longer text's hash can continue from
// a prefix's: fnv1a(b, fnv1aStep(fnv1a(a), 0x20)) === fnv1a(`${a} ${b}`).
function fnv1a(text: string, hash = FNV_OFFSET): number {
  for (let i = 0; i < text.length; i++) hash = fnv1aStep(hash, text.charCodeAt(i));
  return hash;
}

function fnv1aStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, 0x01000193) >>> 0;
}
