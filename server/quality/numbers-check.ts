import type { Checks } from '../../shared/api.ts';
import { type FigureIndex, indexFigures } from './figure-index.ts';
import { extractFigures, type Figure } from './figures.ts';
import { proseOf } from './markdown-blocks.ts';

export type NumbersCheck = NonNullable<Checks['numbers']>;

/**
 * Every figure in the output must be one the section's input holds. Normalisation rules:
 * - amounts: "$1,250,000", "1250000" and "$1.25M" are one value; an abbreviated amount matches when
 *   the input value rounds to it at the precision shown ("$1.25M" accepts 1,246,000–1,254,999);
 *   an amount written in full must match exactly (to the cent when cents are shown).
 * - percents: "12.5%" matches an input 12.5 (a percent) or 0.125 (a 0–1 score or ratio), rounded
 *   to the decimals shown; signs are ignored because direction is written in words.
 * - plain numbers (counts, days, units) must match exactly; a year matches any input date in it.
 * - dates in any of "Mar 4, 2026", "March 4, 2026", "4 March 2026", "2026-03-04" match an input
 *   date or timestamp on that UTC day; "Mar 2026" / "2026-03" match any input date in that month.
 */
export function checkNumbers(markdown: string, input: unknown): NumbersCheck {
  const index = figureIndexOf(input);
  const figures = extractFigures(proseOf(markdown));
  const unsupported = [...new Set(figures.filter((f) => !supported(f, index)).map((f) => f.raw))];
  return { passed: unsupported.length === 0, checked: figures.length, unsupported };
}

const indexed = new WeakMap<object, FigureIndex>();

/**
 * The figure index of an input, built once per facts object: a section's facts are checked on the
 * model's first answer and again when the section is saved, and indexing them was ~2 ms a summary
 * of the two (`npm run bench -- generation --profile`). Facts are never changed once read, so the
 * index stays true for as long as the object lives.
 */
export function figureIndexOf(input: unknown): FigureIndex {
  if (typeof input !== 'object' || input === null) return indexFigures(input);
  let index = indexed.get(input);
  if (!index) {
    index = indexFigures(input);
    indexed.set(input, index);
  }
  return index;
}

function supported(f: Figure, index: FigureIndex): boolean {
  switch (f.kind) {
    case 'date':
      return index.dates.has(f.iso);
    case 'month':
      return index.months.has(f.iso);
    case 'percent': {
      const tolerance = 0.5 * 10 ** -f.decimals + 1e-9;
      const matches = (x: number) =>
        Math.abs(x - f.value) <= tolerance || (x <= 1 && Math.abs(x * 100 - f.value) <= tolerance);
      return index.percents.some(matches) || index.numbers.some(matches);
    }
    case 'number': {
      const value = f.value * f.scale;
      // Written in full: exact. Abbreviated: the input value rounded to the precision shown.
      const tolerance = f.scale === 1 ? 1e-6 : 0.5 * 10 ** -f.decimals * f.scale + 1e-6;
      return index.numbers.some((x) => Math.abs(x - value) <= tolerance);
    }
  }
}
