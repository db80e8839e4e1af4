import { type TokenIds, tokenIds, zeros } from './token-ids.ts';

/** The clipped n-gram counts BLEU and ROUGE-N are built from, for every order at once. */
export interface NgramOverlap {
  /** Σ over the candidate's distinct n-grams of min(count in the candidate, most in any one reference). */
  matches: number;
  /** How many n-grams the candidate has: max(0, length − n + 1). */
  total: number;
}

/**
 * Clipped overlap of a candidate's n-grams with its references', for n = 1..maxOrder (index n − 1).
 *
 * Only n-grams the candidate has can match, so only they are numbered: a token's id comes from the
 * candidate's vocabulary (tokenIds) and an n-gram's id from its (n−1)-gram prefix id and its last
 * token id, one numeric map lookup instead of a joined string key. A reference position whose
 * prefix matches no candidate n-gram is dropped for every higher order, so the work follows the
 * candidate's size, however long the (usually far longer) reference is. Same counts as comparing
 * token strings.
 */
export function ngramOverlaps(
  candidate: readonly string[],
  references: readonly (readonly string[])[],
  maxOrder: number,
): NgramOverlap[] {
  return ngramOverlapsOfIds(tokenIds(candidate, references), maxOrder);
}

/** `ngramOverlaps` of tokens already encoded. */
export function ngramOverlapsOfIds(ids: TokenIds, maxOrder: number): NgramOverlap[] {
  if (maxOrder < 1) return [];
  // Order 1: an n-gram's id is its token's id.
  let grams: GramIds = { candidate: ids.candidate, references: ids.references, distinct: ids.vocabularySize };
  const overlaps = [clip(grams.candidate, grams.references, grams.distinct)];
  for (let n = 2; n <= maxOrder; n++) {
    grams = extendGrams(grams, ids, n);
    overlaps.push(clip(grams.candidate, grams.references, grams.distinct));
  }
  return overlaps;
}

interface GramIds {
  /** The id of the n-gram starting at each position (length − n + 1 of them). */
  candidate: number[];
  /** Same for each reference; -1 where the n-gram is not one of the candidate's. */
  references: number[][];
  /** How many distinct n-grams the candidate has: ids are 0..distinct − 1. */
  distinct: number;
}

/** The order-n ids from the order-(n−1) ids: (prefix id, last token id) → id. */
function extendGrams(previous: GramIds, encoded: TokenIds, n: number): GramIds {
  const { candidate: candidateTokens, references: referenceTokens, vocabularySize } = encoded;
  // prefix < distinct (n−1)-grams ≤ candidate length and token < vocabularySize: keys stay small
  // integers, unique per (prefix, token) pair.
  const ids = new Map<number, number>();
  const candidate = zeros(Math.max(0, candidateTokens.length - n + 1));
  for (let i = 0; i < candidate.length; i++) {
    const key = previous.candidate[i]! * vocabularySize + candidateTokens[i + n - 1]!;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    candidate[i] = id;
  }
  const references = referenceTokens.map((tokens, r) => {
    const prefixes = previous.references[r]!;
    const grams = zeros(Math.max(0, tokens.length - n + 1));
    for (let i = 0; i < grams.length; i++) {
      const prefix = prefixes[i]!;
      const token = tokens[i + n - 1]!;
      grams[i] = prefix < 0 || token < 0 ? -1 : (ids.get(prefix * vocabularySize + token) ?? -1);
    }
    return grams;
  });
  return { candidate, references, distinct: ids.size };
}

/** Σ min(candidate count, highest reference count) over the candidate's n-gram ids. */
function clip(candidate: number[], references: readonly number[][], distinct: number): NgramOverlap {
  const counts = count(candidate, distinct);
  const maxReference = zeros(distinct);
  for (const grams of references) {
    const referenceCounts = count(grams, distinct);
    for (let g = 0; g < distinct; g++) maxReference[g] = Math.max(maxReference[g]!, referenceCounts[g]!);
  }
  let matches = 0;
  for (let g = 0; g < distinct; g++) matches += Math.min(counts[g]!, maxReference[g]!);
  return { matches, total: candidate.length };
}

function count(grams: number[], distinct: number): number[] {
  const counts = zeros(distinct);
  for (const g of grams) if (g >= 0) counts[g] = counts[g]! + 1;
  return counts;
}
