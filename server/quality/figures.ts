/**
 * Reads figures (amounts, percents, plain numbers, dates, months) out of text, normalised so that
 * "$1.25M", "$1,250,000" and 1250000 compare equal and "Mar 4, 2026", "March 4, 2026" and
 * "2026-03-04" are the same date. Signs are ignored: direction is carried by words ("up", "down").
 */
export type Figure =
  | { kind: 'number'; raw: string; value: number /** 1, 1e3, 1e6, 1e9 */; scale: number; decimals: number }
  | { kind: 'percent'; raw: string; value: number; decimals: number }
  | { kind: 'date'; raw: string; iso: string }
  | { kind: 'month'; raw: string; iso: string };

const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const NUM = '(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?';
const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

// Order matters: each pattern blanks what it matched, so "2026" inside a date is not also a number.
const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Figure | null }[] = [
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])/g,
    read: (m) => ({ kind: 'date', raw: m[0], iso: m[4] ? utcDay(m[0]) : `${m[1]}-${m[2]}-${m[3]}` }),
  },
  { re: /\b(\d{4})-(\d{2})(?![\w-])/g, read: (m) => ({ kind: 'month', raw: m[0], iso: `${m[1]}-${m[2]}` }) },
  {
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => date(m[0], m[3]!, m[1]!, m[2]!),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => date(m[0], m[3]!, m[2]!, m[1]!),
  },
  {
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => ({ kind: 'month', raw: m[0], iso: `${m[2]}-${monthNo(m[1]!)}` }),
  },
  {
    re: new RegExp(`(?<![\\w.,])${NUM}\\s?(?:%|percent\\b)`, 'g'),
    read: (m) => ({ kind: 'percent', raw: m[0], value: num(m[1]!, m[2]), decimals: m[2]?.length ?? 0 }),
  },
  {
    re: new RegExp(
      `(?<![\\w.,])(?:[$€£]\\s?|(?:USD|EUR|GBP)\\s)?${NUM}(?:([KMBkmb]|bn)(?![A-Za-z0-9])|\\s(thousand|million|billion)\\b|(?![A-Za-z0-9]))`,
      'g',
    ),
    read: (m) => ({
      kind: 'number',
      raw: m[0].trim(),
      value: num(m[1]!, m[2]),
      scale: SCALES[(m[3] ?? m[4] ?? '').toLowerCase()] ?? 1,
      decimals: m[2]?.length ?? 0,
    }),
  },
];

/** All figures in a text, in pattern order. */
export function extractFigures(text: string): Figure[] {
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

function num(int: string, frac: string | undefined): number {
  return Number(`${int.replace(/,/g, '')}${frac ? `.${frac}` : ''}`);
}

function monthNo(name: string): string {
  const i = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
    name.slice(0, 3).toLowerCase(),
  );
  return String(i + 1).padStart(2, '0');
}

function date(raw: string, year: string, month: string, day: string): Figure | null {
  const d = Number(day);
  if (d < 1 || d > 31) return null;
  return { kind: 'date', raw, iso: `${year}-${monthNo(month)}-${String(d).padStart(2, '0')}` };
}

function utcDay(timestamp: string): string {
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? timestamp.slice(0, 10) : new Date(t).toISOString().slice(0, 10);
}
