import { clippedOverlap, ngramCounts } from './tokenize-for-metrics.ts';

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
): { matches: number; total: number } {
  const maxRef = new Map<string, number>();
  for (const ref of references) {
    for (const [gram, count] of ngramCounts(ref, n)) maxRef.set(gram, Math.max(count, maxRef.get(gram) ?? 0));
  }
  const counts = ngramCounts(candidate, n);
  let total = 0;
  for (const count of counts.values()) total += count;
  return { matches: clippedOverlap(counts, maxRef), total };
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
  const { maxOrder = 4, smoothing = 'epsilon', epsilon = 0.1 } = options;
  const c = candidate.length;
  const r = closestLength(c, references);
  const counts = Array.from({ length: maxOrder }, (_, i) => modifiedPrecision(candidate, references, i + 1));
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

function closestLength(c: number, references: readonly (readonly string[])[]): number {
  let best = references[0]?.length ?? 0;
  for (const { length } of references) {
    const d = Math.abs(length - c) - Math.abs(best - c);
    if (d < 0 || (d === 0 && length < best)) best = length;
  }
  return best;
}
