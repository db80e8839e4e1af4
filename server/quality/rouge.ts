import { clippedOverlap, ngramCounts } from './tokenize-for-metrics.ts';

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
  const overlap = clippedOverlap(ngramCounts(candidate, n), ngramCounts(reference, n));
  return score(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/**
 * ROUGE-L (Lin 2004, §3.1): each text is one sequence (not split into sentences, so this is not
 * ROUGE-Lsum); recall = LCS/|reference|, precision = LCS/|candidate|.
 */
export function rougeL(candidate: readonly string[], reference: readonly string[]): RougeScore {
  return score(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** Length of the longest common subsequence; O(|a|·|b|) time, O(min(|a|,|b|)) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  let prev = new Array<number>(short.length + 1).fill(0);
  let row = new Array<number>(short.length + 1).fill(0);
  for (const token of long) {
    for (let j = 1; j <= short.length; j++) {
      row[j] = token === short[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    [prev, row] = [row, prev];
  }
  return prev[short.length]!;
}

function score(overlap: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = candidateTotal > 0 ? overlap / candidateTotal : 0;
  const recall = referenceTotal > 0 ? overlap / referenceTotal : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
