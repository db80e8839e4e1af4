/** Small display formatters; the panel follows the browser's locale. */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// Building an Intl formatter costs far more than using one (a brief formats ~100 dates and sums),
// so each locale/options pair is built once.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** An Intl.DateTimeFormat built once per locale and options. */
export const dateFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions) =>
  cached(`d:${locale}:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

/** "2026-03-04" or an ISO timestamp → "Mar 4, 2026"; anything unparseable is shown as given. */
export function formatDate(value: string, locale?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    // A bare date is a calendar day, not midnight UTC shifted into the local zone.
    ...(DATE_ONLY.test(value) ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** "just now", "4 min ago", "2 h ago", else the date. */
export function relativeTime(from: number, now = Date.now(), locale?: string): string {
  const minutes = Math.round((now - from) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return formatDate(new Date(from).toISOString(), locale);
}

/** Compact money for chart labels: 1250000 → "$1.3M", 934.3 → "$934" (no cents below a thousand). */
export function formatMoney(value: number, currency: string, locale?: string): string {
  try {
    const digits = Math.abs(value) < 1000 ? 0 : 1;
    const make = () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: digits,
      });
    return cached(`n:${locale}:${currency}:${digits}`, make).format(value);
  } catch {
    return `${Math.round(value).toLocaleString(locale)} ${currency}`;
  }
}

/** "https://www.acme.com/about" → "acme.com", for a compact website link. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Only web links are ever rendered as links (never javascript: or data: from generated content). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
