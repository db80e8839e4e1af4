/** Calendar helpers that work in UTC only, so output never depends on the machine's time zone. */

const DAY_MS = 86_400_000;

/** Midnight UTC of the given instant: the anchor every demo date is relative to. */
export function utcMidnight(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** An ISO timestamp `days` after the anchor at hh:mm UTC (negative days are in the past). */
export function at(anchor: Date, days: number, hour = 0, minute = 0): string {
  return new Date(anchor.getTime() + days * DAY_MS + (hour * 60 + minute) * 60_000).toISOString();
}

/** A 'YYYY-MM-DD' date `days` after the anchor. */
export function day(anchor: Date, days: number): string {
  return at(anchor, days).slice(0, 10);
}

/** The first day ('YYYY-MM-01') of the month `offset` months from the anchor's month. */
export function monthStart(anchor: Date, offset: number): string {
  return new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + offset, 1))
    .toISOString()
    .slice(0, 10);
}

/** Whole days from the anchor to an ISO date or timestamp (negative in the past). */
export function daysFrom(anchor: Date, iso: string): number {
  return Math.round((Date.parse(iso) - anchor.getTime()) / DAY_MS);
}

/** "March 3, 2025" — how news copy and notes spell dates. */
export function longDate(iso: string): string {
  const d = new Date(iso);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
