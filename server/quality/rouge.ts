import { ngramOverlaps } from './ngram-overlap.ts';
import { tokenIds } from './token-ids.ts';

export interface RougeScore {
  precision: number;
  recall: number;
  /** F with β = 1: the harmonic mean of precision and recall, 0 when both are 0. */
  f1: number;
}

/**
 * ROUGE-N (Lin 2004) of a tokenized candidate against one tokenized reference: the clipped n-gram
 * overlap Σ min(count in candidate, count in reference), divided by the reference's n-grams for
 * recall and by the candidate's for precision.
 */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const { matches } = ngramOverlaps(candidate, [reference], n)[n - 1]!;
  return rougeNOfOverlap(matches, candidate.length, reference.length, n);
}

/**
 * ROUGE-N from the clipped overlap already counted (ngramOverlaps, as BLEU's modified precision
 * against the one reference), so a caller scoring both counts the n-grams once.
 */
export function rougeNOfOverlap(
  overlap: number,
  candidateLength: number,
  referenceLength: number,
  n: number,
): RougeScore {
  return score(overlap, Math.max(0, candidateLength - n + 1), Math.max(0, referenceLength - n + 1));
}

/**
 * ROUGE-L (Lin 2004, §3.1): each text is one sequence (not split into sentences, so this is not
 * ROUGE-Lsum); recall = LCS/|reference|, precision = LCS/|candidate|.
 */
export function rougeL(candidate: readonly string[], reference: readonly string[]): RougeScore {
  return rougeLOfLcs(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** ROUGE-L from the LCS length already found (textMetrics finds it on encoded tokens). */
export function rougeLOfLcs(lcs: number, candidateLength: number, referenceLength: number): RougeScore {
  return score(lcs, candidateLength, referenceLength);
}

/**
 * Length of the longest common subsequence, bit-parallel (Allison & Dix 1986; Hyyrö 2004): one bit
 * per token of the shorter sequence, so O(|a|·|b|/32) time instead of the O(|a|·|b|) table, and a
 * token of the longer one that the shorter never uses costs one lookup. Same length as the table.
 * Memory: one bitset of the shorter sequence's length per distinct token in it.
 */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const ids = tokenIds(a, [b]);
  return lcsLengthOfIds(ids.candidate, ids.references[0]!, ids.vocabularySize);
}

/** `lcsLength` of sequences encoded by tokenIds (ids below vocabularySize; -1 matches nothing). */
export function lcsLengthOfIds(a: readonly number[], b: readonly number[], vocabularySize: number): number {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const words = Math.ceil(short.length / 32);
  const masks = matchMasks(short, words, vocabularySize);
  // After each token of long, the zero bits of v number the LCS of short and long read so far.
  const v = new Uint32Array(words).fill(0xffffffff);
  for (const id of long) {
    const mask = id >= 0 ? masks[id] : undefined;
    // A token absent from short leaves v unchanged: (v + 0) | v = v.
    if (mask) step(v, mask);
  }
  let ones = 0;
  for (let k = 0; k < words; k++) {
    const bits = Math.min(32, short.length - 32 * k);
    ones += popcount(bits === 32 ? v[k]! : v[k]! & (0xffffffff >>> (32 - bits)));
  }
  return short.length - ones;
}

/** Per token id, the bitset (32 bits a word) of the positions where `ids` holds it. */
function matchMasks(
  ids: readonly number[],
  words: number,
  vocabularySize: number,
): (Uint32Array | undefined)[] {
  const masks = new Array<Uint32Array | undefined>(vocabularySize).fill(undefined);
  ids.forEach((id, j) => {
    if (id < 0) return;
    let mask = masks[id];
    if (!mask) {
      mask = new Uint32Array(words);
      masks[id] = mask;
    }
    mask[j >>> 5]! |= 1 << (j & 31);
  });
  return masks;
}

/** v ← (v + u) | (v − u) with u = v & mask: a multi-word addition, the carry rippling up the words. */
function step(v: Uint32Array, mask: Uint32Array): void {
  let carry = 0;
  for (let k = 0; k < v.length; k++) {
    const vk = v[k]!;
    const u = (vk & mask[k]!) >>> 0;
    const sum = vk + u + carry;
    carry = sum > 0xffffffff ? 1 : 0;
    // u ⊆ v, so v − u borrows nothing: it is v & ~u. Storing keeps the sum's low 32 bits.
    v[k] = sum | (vk & ~u);
  }
}

function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function score(overlap: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = candidateTotal > 0 ? overlap / candidateTotal : 0;
  const recall = referenceTotal > 0 ? overlap / referenceTotal : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
