import { describe, expect, it } from 'vitest';
import { lcsLength, rougeL, rougeN } from '../../../../server/quality/rouge.ts';
import { metricTokens as t } from '../../../../server/quality/tokenize-for-metrics.ts';

describe('rougeN', () => {
  it('"the cat sat on the mat" vs "the cat is on the mat": R-1 5/6, R-2 3/5', () => {
    const candidate = t('the cat sat on the mat');
    const reference = t('the cat is on the mat');
    expect(rougeN(candidate, reference, 1)).toEqual({ precision: 5 / 6, recall: 5 / 6, f1: 5 / 6 });
    const r2 = rougeN(candidate, reference, 2);
    expect(r2.precision).toBeCloseTo(3 / 5, 12);
    expect(r2.recall).toBeCloseTo(3 / 5, 12);
    expect(r2.f1).toBeCloseTo(3 / 5, 12);
  });

  it('clips repeated n-grams and weighs precision and recall equally (β = 1)', () => {
    // Overlap: "the" min(7, 2) = 2; P = 2/7, R = 2/6, F1 = 2PR/(P+R) = 4/13.
    const r1 = rougeN(t('the the the the the the the'), t('the cat is on the mat'), 1);
    expect(r1.precision).toBeCloseTo(2 / 7, 12);
    expect(r1.recall).toBeCloseTo(2 / 6, 12);
    expect(r1.f1).toBeCloseTo(4 / 13, 12);
  });

  it('a short output inside a long input: precision 1, recall low', () => {
    const r1 = rougeN(t('police killed the gunman'), t('the police killed the gunman in the city today'), 1);
    expect(r1).toMatchObject({ precision: 1, recall: 4 / 9 });
    expect(r1.f1).toBeCloseTo(8 / 13, 12);
  });

  it('scores 0 for no overlap, empty texts and texts shorter than n', () => {
    expect(rougeN(t('a b'), t('c d'), 1).f1).toBe(0);
    expect(rougeN([], t('c d'), 1)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(rougeN(t('a'), t('a'), 2)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('rougeL', () => {
  it('finds the longest common subsequence, not substring', () => {
    expect(lcsLength(t('a b c d e f'), t('a c e x f'))).toBe(4); // a c e f
    expect(lcsLength(t('the cat sat on the mat'), t('the cat is on the mat'))).toBe(5);
    expect(lcsLength([], t('a'))).toBe(0);
  });

  it("Lin 2004's example: S2 scores higher than S3 against the reference", () => {
    // R: police killed the gunman; S2: police kill the gunman (LCS 3); S3: the gunman kill police (LCS 2).
    const reference = t('police killed the gunman');
    expect(rougeL(t('police kill the gunman'), reference)).toEqual({
      precision: 3 / 4,
      recall: 3 / 4,
      f1: 3 / 4,
    });
    expect(rougeL(t('the gunman kill police'), reference)).toEqual({
      precision: 1 / 2,
      recall: 1 / 2,
      f1: 1 / 2,
    });
  });

  it('uses F with β = 1 when the lengths differ', () => {
    // LCS "a c e f" = 4; P = 4/6, R = 4/5, F1 = 2·(2/3)(4/5)/(2/3 + 4/5) = 8/11.
    const score = rougeL(t('a b c d e f'), t('a c e x f'));
    expect(score.precision).toBeCloseTo(4 / 6, 12);
    expect(score.recall).toBeCloseTo(4 / 5, 12);
    expect(score.f1).toBeCloseTo(8 / 11, 12);
  });
});
