import { extractFigures } from './figures.ts';

/** Every figure an input holds, normalised for lookup by the numbers check. */
export interface FigureIndex {
  numbers: number[];
  percents: number[];
  dates: Set<string>;
  months: Set<string>;
}

// Identifiers and links hold digits that are not figures anyone would quote.
const SKIP_KEYS = new Set(['ref', 'id', 'recordId', 'url', 'website', 'email']);
const ISO = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Walks any JSON-like input (a section's facts) and indexes its figures: number values as they
 * are, strings through the same extraction the output goes through, ISO dates as days and months.
 */
export function indexFigures(input: unknown): FigureIndex {
  const numbers = new Set<number>();
  const index: FigureIndex = { numbers: [], percents: [], dates: new Set(), months: new Set() };
  const addDay = (iso: string) => {
    index.dates.add(iso);
    index.months.add(iso.slice(0, 7));
    numbers.add(Number(iso.slice(0, 4))); // "in 2026" is backed by any 2026 date
  };
  const visit = (value: unknown) => {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) numbers.add(value);
    } else if (typeof value === 'string') {
      if (ISO.test(value)) addDay(value.length > 10 ? new Date(value).toISOString().slice(0, 10) : value);
      for (const f of extractFigures(value)) {
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
