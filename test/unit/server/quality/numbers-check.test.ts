import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../../server/quality/figures.ts';
import { checkNumbers, figureIndexOf } from '../../../../server/quality/numbers-check.ts';

const input = {
  amount: 1_250_000,
  weighted: 612_345,
  small: 6_723.13,
  changePct: -12.5,
  score: 0.815,
  count: 3,
  closeDate: '2026-03-04',
  occursAt: '2026-04-10T23:30:00.000Z',
  note: 'Revenue of $2.6 billion and 7,207 employees; case 00012345 opened March 3, 2025.',
  id: '001DM0000000042AAA',
};

describe('checkNumbers', () => {
  it('accepts figures in any of the formats used, normalised', () => {
    const text = [
      'Pipeline **$1,250,000** or **$1.25M** or $1.3M or $1250K [S1].',
      'Weighted $612.3K or $612,345, small $6.7K or $6,723.13 [S2].',
      'Spend down **12.5%**; propensity 82% or 81.5% [S3].',
      '3 deals; close **Mar 4, 2026**, March 4, 2026, 4 Mar 2026 or 2026-03-04; meeting Apr 10, 2026 [S4].',
      'In Mar 2026 and 2026-04 (2026); revenue $2.6 billion, 7,207 employees, case 00012345, March 3, 2025 [S5].',
    ].join('\n\n');
    const result = checkNumbers(text, input);
    expect(result.unsupported).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.checked).toBeGreaterThan(20);
  });

  it('catches invented or altered figures', () => {
    const result = checkNumbers(
      'Pipeline **$1,300,000** [S1]. Spend up 15% [S2]. 4 deals close Mar 5, 2026 [S3]. Revenue $1.4M in Jul 2026 [S4].',
      input,
    );
    expect(result.passed).toBe(false);
    expect(result.unsupported).toEqual(['Mar 5, 2026', 'Jul 2026', '15%', '$1,300,000', '4', '$1.4M']);
  });

  it('does not read ids, citation markers or words with digits as figures', () => {
    const result = checkNumbers('Case sev1 on S3 in Q3 for 001DM0000000042AAA [S12][S3].', { x: 1 });
    expect(result).toEqual({ passed: true, checked: 0, unsupported: [] });
  });

  it('does not accept digits from ids in the input', () => {
    expect(checkNumbers('Account 42 [S1].', input).unsupported).toEqual(['42']);
  });

  it('indexes a facts object once and gives every check on it the same figures', () => {
    const facts = { amount: 1_250_000, closeDate: '2026-03-04' };
    const first = figureIndexOf(facts);
    expect(figureIndexOf(facts)).toBe(first);
    expect(figureIndexOf({ ...facts })).not.toBe(first);
    expect(first.numbers).toContain(1_250_000);
    expect(checkNumbers('$1.25M closing Mar 4, 2026 [S1].', facts).passed).toBe(true);
    // Inputs that are not objects (the score CLI's plain text) are indexed each time.
    expect(checkNumbers('$1.25M [S1].', 'Pipeline $1,250,000').passed).toBe(true);
  });

  it('uses the UTC day of an input timestamp', () => {
    expect(checkNumbers('Apr 10, 2026 [S1].', input).passed).toBe(true);
    expect(checkNumbers('Apr 11, 2026 [S1].', input).passed).toBe(false);
  });
});

describe('extractFigures', () => {
  it('reads scaled amounts and percents with their precision', () => {
    expect(extractFigures('$1.25M, 12.5%, 3 million, €4bn')).toEqual([
      { kind: 'percent', raw: '12.5%', value: 12.5, decimals: 1 },
      { kind: 'number', raw: '$1.25M', value: 1.25, scale: 1e6, decimals: 2 },
      { kind: 'number', raw: '3 million', value: 3, scale: 1e6, decimals: 0 },
      { kind: 'number', raw: '€4bn', value: 4, scale: 1e9, decimals: 0 },
    ]);
  });
});
