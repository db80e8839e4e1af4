import { type NgramOverlap, ngramOverlaps } from './ngram-overlap.ts';

export interface BleuOptions {
  /** Highest n-gram order; weights are uniform, 1/maxOrder each. Default 4. */
  maxOrder?: number;
  /**
   * What an order with no clipped match contributes:
   * - 'epsilon' (default; Chen & Cherry 2014, method 1): its precision becomes ε / max(1, total),
   *   so one empty order lowers the score instead of zeroing it. No unigram match still scores 0.
   * - 'none' (Papineni et al. 2002 as printed): the geometric mean, and so BLEU, is 0.
   */
  smoothing?: 'epsilon' | 'none';
  /** ε for 'epsilon' smoothing. Default 0.1 (NLTK's default for method 1). */
  epsilon?: number;
}

export interface BleuResult {
  score: number;
  /** Modified (clipped) n-gram precision for n = 1..maxOrder, before any smoothing. */
  precisions: number[];
  brevityPenalty: number;
  /** c: candidate length in tokens. */
  candidateLength: number;
  /** r: the reference length closest to c (the shorter one on a tie). */
  referenceLength: number;
}

/**
 * Modified n-gram precision (Papineni et al. 2002, §2.1): each candidate n-gram counts at most as
 * often as it occurs in any one reference. `total` is the number of candidate n-grams.
 */
export function modifiedPrecision(
  candidate: readonly string[],
  references: readonly (readonly string[])[],
  n: number,
): NgramOverlap {
  return ngramOverlaps(candidate, references, n)[n - 1]!;
}

/**
 * Sentence BLEU of one tokenized candidate against one or more tokenized references, with no
 * corpus statistics: BLEU = BP · exp(Σ (1/N) log pₙ), pₙ the modified n-gram precisions,
 * BP = 1 if c > r else exp(1 − r/c). An empty candidate scores 0.
 */
export function bleu(
  candidate: readonly string[],
  references: readonly (readonly string[])[],
  options: BleuOptions = {},
): BleuResult {
  const counts = ngramOverlaps(candidate, references, options.maxOrder ?? 4);
  return bleuOfCounts(
    counts,
    candidate.length,
    references.map((r) => r.length),
    options,
  );
}

/**
 * BLEU from modified precision counts already taken (`counts[n − 1]` for order n, as many as
 * maxOrder), so a caller that also needs them for ROUGE counts the n-grams once.
 */
export function bleuOfCounts(
  counts: readonly NgramOverlap[],
  candidateLength: number,
  referenceLengths: readonly number[],
  options: BleuOptions = {},
): BleuResult {
  const { maxOrder = 4, smoothing = 'epsilon', epsilon = 0.1 } = options;
  const c = candidateLength;
  const r = closestLength(c, referenceLengths);
  const precisions = counts.map(({ matches, total }) => (total > 0 ? matches / total : 0));
  const brevityPenalty = c === 0 ? 0 : c > r ? 1 : Math.exp(1 - r / c);
  const result = { precisions, brevityPenalty, candidateLength: c, referenceLength: r };
  if (c === 0 || counts[0]!.matches === 0) return { score: 0, ...result };
  let logSum = 0;
  for (const { matches, total } of counts) {
    if (matches > 0) logSum += Math.log(matches / total);
    else if (smoothing === 'epsilon') logSum += Math.log(epsilon / Math.max(1, total));
    else return { score: 0, ...result };
  }
  return { score: brevityPenalty * Math.exp(logSum / maxOrder), ...result };
}

function closestLength(c: number, lengths: readonly number[]): number {
  let best = lengths[0] ?? 0;
  for (const length of lengths) {
    const d = Math.abs(length - c) - Math.abs(best - c);
    if (d < 0 || (d === 0 && length < best)) best = length;
  }
  return best;
}
