import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../../extension/lib/format.ts';

describe('formatMoney (chart labels)', () => {
  it('is compact with one decimal from a thousand up, and whole below it', () => {
    expect(formatMoney(1_250_000, 'USD', 'en-US')).toBe('$1.3M');
    expect(formatMoney(5_700, 'USD', 'en-US')).toBe('$5.7K');
    expect(formatMoney(934.3, 'USD', 'en-US')).toBe('$934');
    expect(formatMoney(225, 'USD', 'en-US')).toBe('$225');
  });

  it('falls back to a plain amount and code for a currency Intl does not know', () => {
    expect(formatMoney(1234.5, 'NOTACURRENCY', 'en-US')).toBe('1,235 NOTACURRENCY');
  });
});
