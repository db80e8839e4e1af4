// Formatting for the demo CRM pages. Times are shown in UTC so a page reads the same on every
// machine (and in tests), the way a CRM shows them in the org's default time zone.

const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const dayTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const monthYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

const parse = (value: string | Date) => (value instanceof Date ? value : new Date(value));
const valid = (d: Date) => !Number.isNaN(d.getTime());

/** $1,250,000 (whole dollars, as list views show currency). */
export function formatMoney(value: number | null | undefined): string {
  return value == null ? '' : money.format(value);
}

/** 7,207 */
export function formatCount(value: number | null | undefined): string {
  return value == null ? '' : count.format(value);
}

/** Mar 3, 2027 — for calendar dates ('YYYY-MM-DD' is read as UTC, so the day never shifts). */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null) return '';
  const d = parse(value);
  return valid(d) ? day.format(d) : String(value);
}

/** Nov 22, 2026, 4:00 PM (UTC) */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value == null) return '';
  const d = parse(value);
  return valid(d) ? `${dayTime.format(d)} UTC` : String(value);
}

/** Aug 2025 — a usage month. */
export function formatMonth(value: string): string {
  const d = parse(value);
  return valid(d) ? monthYear.format(d) : value;
}

/** 0.817 → 82% */
export function formatPercent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** 'churn_risk' → 'Churn risk', 'sev2' → 'Sev2', 'meeting_note' → 'Meeting note'. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 'Alice Chen' → 'AC' for the avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** 'https://northwind.example.com' → 'northwind.example.com' for display. */
export function displayUrl(url: string | null | undefined): string {
  return (url ?? '').replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** The URL if it is http(s), else null: a stored `javascript:` URL must never become a link. */
export function safeHref(url: string | null | undefined): string | null {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}
