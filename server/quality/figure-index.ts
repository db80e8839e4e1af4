import { extractFigures, isoDay } from './figures.ts';

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
const ISO_MONTH = /^\d{4}-\d{2}$/;

/**
 * Walks any JSON-like input (a section's facts) and indexes its figures: number values as they
 * are, strings through the same extraction the output goes through, ISO dates as days and months.
 */
export function indexFigures(input: unknown): FigureIndex {
  const numbers = new Set<number>();
  const index: FigureIndex = { numbers: [], percents: [], dates: new Set(), months: new Set() };
  const addMonth = (iso: string) => {
    index.months.add(iso);
    numbers.add(Number(iso.slice(0, 4))); // "in 2026" is backed by any 2026 month
  };
  const addDay = (iso: string) => {
    index.dates.add(iso);
    addMonth(iso.slice(0, 7));
  };
  const visit = (value: unknown) => {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) numbers.add(value);
    } else if (typeof value === 'string') {
      // Most fact strings with digits are a whole ISO date, timestamp or month. extractFigures
      // would read each back as the one figure indexed here (a timestamp's UTC day, which the
      // parse below already gives), so the regex passes are skipped for them.
      if (ISO.test(value)) addDay(value.length > 10 ? isoDay(new Date(value)) : value);
      else if (ISO_MONTH.test(value)) addMonth(value);
      else {
        for (const f of extractFigures(value)) {
          if (f.kind === 'number') numbers.add(f.value * f.scale);
          else if (f.kind === 'percent') index.percents.push(f.value);
          else if (f.kind === 'date') addDay(f.iso);
          else addMonth(f.iso);
        }
      }
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (value && typeof value === 'object') {
      // Object.keys: the same keys in the same order as Object.entries, without a pair per key.
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) if (!SKIP_KEYS.has(k)) visit(record[k]);
    }
  };
  visit(input);
  index.numbers = [...numbers].map(Math.abs);
  index.percents = index.percents.map(Math.abs);
  return index;
}
