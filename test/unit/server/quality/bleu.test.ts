import { describe, expect, it } from 'vitest';
import { bleu, modifiedPrecision } from '../../../../server/quality/bleu.ts';
import { metricTokens as t } from '../../../../server/quality/tokenize-for-metrics.ts';

// Papineni et al. 2002, §2.1 Example 1: two candidates, three references.
const candidate1 = t(
  'It is a guide to action which ensures that the military always obeys the commands of the party.',
);
const candidate2 = t('It is to insure the troops forever hearing the activity guidebook that party direct.');
const references = [
  'It is a guide to action that ensures that the military will forever heed Party commands.',
  'It is the guiding principle which guarantees the military forces always being under the command of the Party.',
  'It is the practical guide for the army always to heed the directions of the party.',
].map(t);

describe('modifiedPrecision', () => {
  it('reproduces the paper: 17/18 and 8/14 for unigrams, 10/17 and 1/13 for bigrams', () => {
    expect(modifiedPrecision(candidate1, references, 1)).toEqual({ matches: 17, total: 18 });
    expect(modifiedPrecision(candidate2, references, 1)).toEqual({ matches: 8, total: 14 });
    expect(modifiedPrecision(candidate1, references, 2)).toEqual({ matches: 10, total: 17 });
    expect(modifiedPrecision(candidate2, references, 2)).toEqual({ matches: 1, total: 13 });
  });

  it('clips a repeated word to its most frequent reference count (Example 2: 2/7)', () => {
    const refs = [t('The cat is on the mat.'), t('There is a cat on the mat.')];
    expect(modifiedPrecision(t('the the the the the the the.'), refs, 1)).toEqual({ matches: 2, total: 7 });
  });
});

describe('bleu', () => {
  it('scores identical texts 1 and a text with no shared word 0', () => {
    const text = t('the cat is on the mat');
    expect(bleu(text, [text]).score).toBe(1);
    expect(bleu(text, [t('dogs bark loudly at night')]).score).toBe(0);
    expect(bleu([], [text])).toMatchObject({ score: 0, brevityPenalty: 0 });
  });

  it('computes the paper candidate 1: p = 17/18, 10/17, 7/16, 4/15, c = r = 18, BP = 1', () => {
    const result = bleu(candidate1, references);
    expect(result).toMatchObject({ candidateLength: 18, referenceLength: 18, brevityPenalty: 1 });
    const expected = Math.exp(
      (Math.log(17 / 18) + Math.log(10 / 17) + Math.log(7 / 16) + Math.log(4 / 15)) / 4,
    );
    expect(result.score).toBeCloseTo(expected, 12);
    expect(result.score).toBeCloseTo(0.5045666840058485, 12); // NLTK's sentence_bleu doc example
  });

  it('"the cat sat on the mat" vs "the cat is on the mat": 0 unsmoothed, (1/240)^¼ with ε = 0.1', () => {
    const candidate = t('the cat sat on the mat');
    const reference = [t('the cat is on the mat')];
    // p1 = 5/6, p2 = 3/5, p3 = 1/4, p4 = 0/3 (smoothed to 0.1/3); c = r = 6, BP = 1.
    const none = bleu(candidate, reference, { smoothing: 'none' });
    expect(none.precisions).toEqual([5 / 6, 3 / 5, 1 / 4, 0]);
    expect(none.score).toBe(0);
    expect(bleu(candidate, reference).score).toBeCloseTo((1 / 240) ** 0.25, 12);
  });

  it('applies the brevity penalty exp(1 − r/c) against the closest reference length', () => {
    // Paper §2.2: "of the" has perfect modified precisions; only BP keeps it from scoring 1.
    const ofThe = t('of the');
    expect(modifiedPrecision(ofThe, references, 1)).toEqual({ matches: 2, total: 2 });
    expect(modifiedPrecision(ofThe, references, 2)).toEqual({ matches: 1, total: 1 });
    const result = bleu(ofThe, references, { maxOrder: 2 });
    expect(result).toMatchObject({ candidateLength: 2, referenceLength: 16 });
    expect(result.brevityPenalty).toBeCloseTo(Math.exp(1 - 16 / 2), 12);
    expect(result.score).toBeCloseTo(Math.exp(-7), 12);
    // Candidate 2: c = 14, closest r = 16; p3, p4 have no match: ε/12, ε/11.
    const c2 = bleu(candidate2, references);
    expect(c2.brevityPenalty).toBeCloseTo(Math.exp(1 - 16 / 14), 12);
    const p = (8 / 14) * (1 / 13) * (0.1 / 12) * (0.1 / 11);
    expect(c2.score).toBeCloseTo(Math.exp(1 - 16 / 14) * p ** 0.25, 12);
    expect(bleu(candidate2, references, { smoothing: 'none' }).score).toBe(0);
  });

  it('gives no penalty to a candidate longer than its reference', () => {
    const result = bleu(t('the cat is on the mat today'), [t('the cat is on the mat')]);
    expect(result.brevityPenalty).toBe(1);
    expect(result.score).toBeCloseTo(((6 / 7) * (5 / 6) * (4 / 5) * (3 / 4)) ** 0.25, 12);
  });

  it('prefers the shorter reference length on a tie', () => {
    const result = bleu(t('a b c d e'), [t('a b c d'), t('a b c d e f')]);
    expect(result.referenceLength).toBe(4);
  });
});
