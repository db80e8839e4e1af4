import { describe, expect, it } from 'vitest';
import { bleu } from '../../../../server/quality/bleu.ts';
import { type FigureIndex, indexFigures } from '../../../../server/quality/figure-index.ts';
import { extractFigures, type Figure, isoDay, PATTERNS } from '../../../../server/quality/figures.ts';
import { ngramOverlaps } from '../../../../server/quality/ngram-overlap.ts';
import { lcsLength, rougeN } from '../../../../server/quality/rouge.ts';
import { scanTokens, TOKEN_PATTERN } from '../../../../server/quality/tokenize-for-metrics.ts';
import { seededRandom } from '../../../support/seeded-random.ts';

// The quality checks' fast paths against the plain definitions they replaced (kept here as the
// reference), on seeded random inputs built to hit the edge cases: results must be identical.

const random = seededRandom;

describe('scanTokens', () => {
  // Letters, marks and numbers in and out of ASCII and the BMP, joiners, lone surrogates, separators.
  // biome-ignore format: a character list reads best packed
  const PARTS = [
    'a', 'Z', 'é', 'ß', 'ǅ', '𝐀', '1', '0', '²', '٣', 'Ⅻ', '𝟏', '\u0301', '\u0903', '.', ',', "'", '’', ' ', '-',
    '·', '—', '😀', '\ud800', '\udc00', '\u200d', '_', '%', '$',
  ];

  it('finds exactly the matches of TOKEN_PATTERN', () => {
    const r = random(1);
    for (let i = 0; i < 20_000; i++) {
      const text = r.text(PARTS, 14);
      expect(scanTokens(text), JSON.stringify(text)).toEqual(text.match(TOKEN_PATTERN) ?? []);
    }
    const prose = 'Pipeline is $1,250,000 (up 12.5%); don’t re-engage 2026-03-04, v2.0, 3.x, x.3, a\u0301b.';
    expect(scanTokens(prose)).toEqual(prose.match(TOKEN_PATTERN));
  });
});

// Before: n-grams counted in maps keyed by the tokens joined with U+001F, order by order.
function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u001f');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function modifiedPrecision(candidate: readonly string[], references: readonly string[][], n: number) {
  const maxRef = new Map<string, number>();
  for (const ref of references) {
    for (const [gram, count] of ngramCounts(ref, n)) maxRef.set(gram, Math.max(count, maxRef.get(gram) ?? 0));
  }
  let matches = 0;
  let total = 0;
  for (const [gram, count] of ngramCounts(candidate, n)) {
    matches += Math.min(count, maxRef.get(gram) ?? 0);
    total += count;
  }
  return { matches, total };
}

// Before: the O(|a|·|b|) dynamic programme.
function lcsTable(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let row = new Array<number>(b.length + 1).fill(0);
  for (const token of a) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = token === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

describe('n-gram overlaps and LCS on token ids', () => {
  const tokens = (r: ReturnType<typeof random>, vocabulary: number, max: number) =>
    Array.from({ length: r.int(max + 1) }, () => `w${r.int(vocabulary)}`);

  it('count clipped n-grams like string-keyed maps, for every order and several references', () => {
    const r = random(2);
    for (let i = 0; i < 3_000; i++) {
      const vocabulary = 1 + r.int(8);
      const candidate = tokens(r, vocabulary, 30);
      const references = Array.from({ length: 1 + r.int(3) }, () => tokens(r, vocabulary + 2, 60));
      const expected = [1, 2, 3, 4, 5].map((n) => modifiedPrecision(candidate, references, n));
      expect(ngramOverlaps(candidate, references, 5)).toEqual(expected);
    }
  });

  it('give BLEU and ROUGE-N the same values as before, to the last bit', () => {
    const r = random(3);
    for (let i = 0; i < 1_000; i++) {
      const candidate = tokens(r, 6, 25);
      const reference = tokens(r, 9, 80);
      const n = 1 + r.int(3);
      const { matches } = modifiedPrecision(candidate, [reference], n);
      const p = candidate.length - n + 1 > 0 ? matches / (candidate.length - n + 1) : 0;
      const rec = reference.length - n + 1 > 0 ? matches / (reference.length - n + 1) : 0;
      expect(rougeN(candidate, reference, n).f1).toBe(p + rec > 0 ? (2 * p * rec) / (p + rec) : 0);
      expect(bleu(candidate, [reference]).precisions).toEqual(
        [1, 2, 3, 4].map((k) => {
          const c = modifiedPrecision(candidate, [reference], k);
          return c.total > 0 ? c.matches / c.total : 0;
        }),
      );
    }
  });

  it('find the LCS length of the table, across 32-bit word boundaries', () => {
    const r = random(4);
    for (let i = 0; i < 2_000; i++) {
      const vocabulary = 1 + r.int(6);
      const a = tokens(r, vocabulary, 1 + r.int(130));
      const b = tokens(r, vocabulary + r.int(3), 1 + r.int(130));
      expect(lcsLength(a, b)).toBe(lcsTable(a, b));
    }
  });
});

// Before: every pattern over every text through String.prototype.replace.
function extractFiguresBefore(text: string): Figure[] {
  let rest = text;
  const found: Figure[] = [];
  for (const { re, read } of PATTERNS) {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const figure = read(m);
      if (figure) found.push(figure);
      return ' '.repeat(m[0].length);
    });
  }
  return found;
}

describe('extractFigures', () => {
  // Fragments that make every pattern match, nearly match, or overlap another.
  // biome-ignore format: a fragment list reads best packed
  const PARTS = [
    '2026-03-04', '2026-03', 'T10:42:00.000Z', 'T23:30+01:00', '-', ' ', ', ', '.', 'Mar', 'March', 'Sept',
    'June', 'Dec.', ' 4', ' 31', ' 32', '1st', ' 2026', '12.5', '%', ' percent', '$', '€', 'USD ', '1,250,000',
    '1.25', 'M', 'k', 'bn', ' million', 'x', 'Q3', '0', '7', 'may', 'Jan', 'Feb', 'Apr', 'May', 'Jul', 'Aug',
    'Oct', 'Nov', '—', '(', ')',
  ];

  it('finds what running every pattern over the whole text finds, in the same order', () => {
    const r = random(5);
    for (let i = 0; i < 20_000; i++) {
      const text = r.text(PARTS, 10);
      expect(extractFigures(text), JSON.stringify(text)).toEqual(extractFiguresBefore(text));
    }
  });
});

// Before: every string through extractFigures, ISO values indexed a second time, Object.entries.
function indexFiguresBefore(input: unknown): FigureIndex {
  const ISO = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
  const SKIP_KEYS = new Set(['ref', 'id', 'recordId', 'url', 'website', 'email']);
  const numbers = new Set<number>();
  const index: FigureIndex = { numbers: [], percents: [], dates: new Set(), months: new Set() };
  const addDay = (iso: string) => {
    index.dates.add(iso);
    index.months.add(iso.slice(0, 7));
    numbers.add(Number(iso.slice(0, 4)));
  };
  const visit = (value: unknown) => {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) numbers.add(value);
    } else if (typeof value === 'string') {
      if (ISO.test(value)) addDay(value.length > 10 ? new Date(value).toISOString().slice(0, 10) : value);
      for (const f of extractFiguresBefore(value)) {
        if (f.kind === 'number') numbers.add(f.value * f.scale);
        else if (f.kind === 'percent') index.percents.push(f.value);
        else if (f.kind === 'date') addDay(f.iso);
        else {
          index.months.add(f.iso);
          numbers.add(Number(f.iso.slice(0, 4)));
        }
      }
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (!SKIP_KEYS.has(k)) visit(v);
    }
  };
  visit(input);
  index.numbers = [...numbers].map(Math.abs);
  index.percents = index.percents.map(Math.abs);
  return index;
}

describe('isoDay', () => {
  it('is the day of toISOString, for any instant or an invalid date', () => {
    const r = random(7);
    const YEAR = 365.2425 * 86_400_000;
    for (let i = 0; i < 20_000; i++) {
      // Mostly around now; some around 1970 and the years 1000, 10000 and 0, where formats change.
      const t = r.pick([56, 56, 56, 0, -970, 8_030, -1_970]) * YEAR + (r.int(2 * YEAR) - YEAR);
      const date = new Date(Math.round(t));
      expect(isoDay(date)).toBe(date.toISOString().slice(0, 10));
    }
    expect(() => isoDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('indexFigures', () => {
  const plain = (index: FigureIndex) => ({ ...index, dates: [...index.dates], months: [...index.months] });

  it('indexes whole ISO dates, timestamps and months as extracting them did, in the same order', () => {
    const r = random(6);
    // biome-ignore format: a value list reads best packed
    const values = [
      '2026-03-04', '2026-04-10T23:30:00.000Z', '2026-04-10T23:30:00+02:00', '2026-04-10T01:00-05:00',
      '2026-04-10T24:00', '2026-02-30', '2026-12', '2025-01', 'On 2026-03-04 and 2026-05', 'Mar 2026',
      '2026-03-04 ', 12.5, 2026, -3, 0.25, 'up 7%', '$1.2M', null, true,
    ];
    for (let i = 0; i < 3_000; i++) {
      const input = Array.from({ length: r.int(6) }, () => ({
        at: r.pick(values),
        id: r.pick(values),
        n: [r.pick(values)],
      }));
      expect(plain(indexFigures(input))).toEqual(plain(indexFiguresBefore(input)));
    }
  });

  it('still throws on a timestamp that is no date, as before', () => {
    const input = { at: '2026-13-45T10:00:00Z' };
    expect(() => indexFiguresBefore(input)).toThrow(RangeError);
    expect(() => indexFigures(input)).toThrow(RangeError);
  });
});
