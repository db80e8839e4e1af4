/**
 * The one way figures are written, in prompts and in generated text, so the numbers check can read
 * them back. Dates and months are formatted in UTC: stored calendar dates must not shift a day.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Built once: toLocaleString with options builds a new Intl.NumberFormat on every call, which
// was most of the CPU of rendering a prompt (bench/generation.ts --profile).
const WHOLE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const UP_TO_2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** $1,250,000 — cents only when there are any. */
export function formatMoney(value: number, currency = 'USD'): string {
  const cents = Math.round(Math.abs(value) * 100) % 100 !== 0;
  const body = (cents ? CENTS : WHOLE).format(Math.abs(value));
  return `${value < 0 ? '-' : ''}${currency === 'USD' ? '$' : `${currency} `}${body}`;
}

/** $1.25M / $480.5K / $6.7K for totals; below $1,000 the exact amount. */
export function formatMoneyCompact(value: number, currency = 'USD'): string {
  const abs = Math.abs(value);
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  const sign = value < 0 ? '-' : '';
  if (abs >= 1e9) return `${sign}${symbol}${trim(abs / 1e9, 2)}B`;
  if (abs >= 1e6) return `${sign}${symbol}${trim(abs / 1e6, 2)}M`;
  if (abs >= 1e3) return `${sign}${symbol}${trim(abs / 1e3, 1)}K`;
  return formatMoney(value, currency);
}

/** 12.5% — at most one decimal; the sign is left to the words around it ("up", "down"). */
export function formatPercent(value: number): string {
  return `${trim(Math.abs(value), 1)}%`;
}

/** 1,250 — counts and units. */
export function formatNumber(value: number): string {
  return UP_TO_2.format(value);
}

/** 'Mar 4, 2026' from 'YYYY-MM-DD' or an ISO timestamp. */
export function formatDate(value: string): string {
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** 'Mar 2026' from 'YYYY-MM', 'YYYY-MM-DD' or an ISO timestamp. */
export function formatMonth(value: string): string {
  const [year, month] = value.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/** 'YYYY-MM-DD' (UTC) of an ISO timestamp or date. */
export function isoDay(value: string | Date): string {
  return (typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value)
    .toISOString()
    .slice(0, 10);
}

/** Whole days from a to b (both ISO dates or timestamps), by calendar day in UTC. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(isoDay(b)) - Date.parse(isoDay(a))) / 86_400_000);
}

/** Rounds to the given decimals, halves up as Math.round does. */
export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function trim(value: number, decimals: number): string {
  return String(round(value, decimals));
}
