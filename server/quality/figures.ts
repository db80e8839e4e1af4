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

/**
 * What a pattern cannot match without, besides the digit all of them need: a "-" (ISO forms), a
 * month name (every MONTH alternative starts with one of MONTH_CLUE's abbreviations, case and
 * all), a "%" or "percent".
 */
type Clue = 'dash' | 'month' | 'percent';
type Clues = Record<Clue, boolean>;
interface FigurePattern {
  re: RegExp;
  needs?: Clue;
  read: (m: RegExpExecArray) => Figure | null;
}
const MONTH_CLUE = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

// Order matters: each pattern blanks what it matched, so "2026" inside a date is not also a number.
// Exported for the unit test that holds extractFigures equal to running them all through replace.
export const PATTERNS: readonly FigurePattern[] = [
  {
    needs: 'dash',
    re: /\b(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])/g,
    read: (m) => ({ kind: 'date', raw: m[0], iso: m[4] ? utcDay(m[0]) : `${m[1]}-${m[2]}-${m[3]}` }),
  },
  {
    needs: 'dash',
    re: /\b(\d{4})-(\d{2})(?![\w-])/g,
    read: (m) => ({ kind: 'month', raw: m[0], iso: `${m[1]}-${m[2]}` }),
  },
  {
    needs: 'month',
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => date(m[0], m[3]!, m[1]!, m[2]!),
  },
  {
    needs: 'month',
    re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => date(m[0], m[3]!, m[2]!, m[1]!),
  },
  {
    needs: 'month',
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{4})\\b`, 'g'),
    read: (m) => ({ kind: 'month', raw: m[0], iso: `${m[2]}-${monthNo(m[1]!)}` }),
  },
  {
    needs: 'percent',
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

const DIGIT = /\d/;

/** All figures in a text, in pattern order. */
export function extractFigures(text: string): Figure[] {
  const found: Figure[] = [];
  // Every pattern needs a digit; most input strings (names, subjects, passages) have none, and
  // skipping them saves seven regex passes each. Likewise a pattern is skipped when the text lacks
  // what it needs: it would blank nothing (blanking only removes, so the text's clues suffice).
  if (!DIGIT.test(text)) return found;
  const clues: Clues = {
    dash: text.includes('-'),
    month: MONTH_CLUE.test(text),
    percent: text.includes('%') || text.includes('percent'),
  };
  let rest = text;
  PATTERNS.forEach(({ re, needs, read }, p) => {
    if (needs && !clues[needs]) return;
    // The last pattern's blanks would be read by no one, so its text is not rebuilt.
    rest = readMatches(rest, re, read, found, p < PATTERNS.length - 1);
  });
  return found;
}

/**
 * Pushes the figures re finds in text and returns text with each match blanked when asked: what
 * text.replace(re, fn) did, without rebuilding a text no one reads or calling back through replace.
 */
function readMatches(
  text: string,
  re: RegExp,
  read: (m: RegExpExecArray) => Figure | null,
  found: Figure[],
  blank: boolean,
): string {
  let blanked = '';
  let from = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const figure = read(m);
    if (figure) found.push(figure);
    if (blank) {
      blanked += text.slice(from, m.index) + ' '.repeat(m[0].length);
      from = m.index + m[0].length;
    }
  }
  return from === 0 ? text : blanked + text.slice(from); // from = 0: nothing blanked
}

function num(int: string, frac: string | undefined): number {
  return Number(`${int.includes(',') ? int.replace(/,/g, '') : int}${frac ? `.${frac}` : ''}`);
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
  return Number.isNaN(t) ? timestamp.slice(0, 10) : isoDay(new Date(t));
}

/**
 * date.toISOString().slice(0, 10), the UTC day, without formatting a time no one reads (about
 * three times faster). Throws as toISOString does on an invalid date.
 */
export function isoDay(date: Date): string {
  const year = date.getUTCFullYear();
  // Years of other than four digits, and NaN (an invalid date), take toISOString's own way.
  if (!(year >= 1000 && year <= 9999)) return date.toISOString().slice(0, 10);
  return `${year}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
