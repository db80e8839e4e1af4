import { formatDate, formatMoney, formatMoneyCompact, formatPercent } from '../../sections/format.ts';

/**
 * Building blocks of the local grounded writer. Every figure goes through these helpers, which
 * write it exactly as the data holds it, so the numbers check can trace it back.
 */

/** `[S1][S4]` — each ref once, in the order given. */
export function cite(...refs: (string | undefined | null)[]): string {
  return [...new Set(refs.filter((r): r is string => Boolean(r)))].map((r) => `[${r}]`).join('');
}

/** A sentence ending with its citations, period last: "Text [S1]." */
export function sentence(text: string, ...refs: (string | undefined | null)[]): string {
  const body = text.trim().replace(/[.\s]+$/, '');
  return `${body} ${cite(...refs)}.`;
}

/** A bullet line ending with its citations (bullets carry no final period). */
export function bullet(text: string, ...refs: (string | undefined | null)[]): string {
  return `- ${text.trim().replace(/[.\s]+$/, '')} ${cite(...refs)}`;
}

export const bold = (text: string | number) => `**${text}**`;
export const money = (value: number) => bold(formatMoney(value));
export const moneyShort = (value: number) => bold(formatMoneyCompact(value));
export const pct = (value: number) => bold(formatPercent(value));
export const date = (iso: string) => bold(formatDate(iso));

/** "up 12.5%" / "down 3%" with the figure in bold; "unchanged" when it rounds to 0%. */
export function change(value: number): string {
  if (formatPercent(value) === '0%') return 'unchanged';
  return `${value >= 0 ? 'up' : 'down'} ${pct(value)}`;
}

/** "a" or "an" before a word, by its first letter (good enough for segment and industry names). */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** The sentences of a text (split after . ! ? followed by a space). */
export function sentences(text: string): string[] {
  return plain(text)
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.replace(/[.!?]+$/, ''))
    .filter(Boolean);
}

/** The first sentence if it is short enough to quote whole, else null: quotes are never cut. */
export function shortSentence(text: string, max = 200): string | null {
  const first = sentences(text)[0];
  return first && first.length <= max ? first : null;
}

/** The sentence after a label such as "Summary:" in notes, or null when the label is absent. */
export function labelled(text: string, label: string): string | null {
  const at = text.indexOf(`${label}:`);
  return at < 0 ? null : shortSentence(text.slice(at + label.length + 1), 240);
}

/** The first clauses of a "; "-separated list (model drivers), never cut mid-clause. */
export function clauses(text: string, count = 2): string {
  return plain(text)
    .split(/;\s*/)
    .slice(0, count)
    .map((c) => c.replace(/[.\s]+$/, ''))
    .join('; ');
}

/** Joins blocks (paragraphs, bullet groups) with blank lines, dropping empty ones. */
export function blocks(...parts: (string | string[] | null | undefined | false)[]): string {
  return parts
    .map((p) => (Array.isArray(p) ? p.join('\n') : p))
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .join('\n\n');
}

/** "a, b and c" */
export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Data text (names, products) with the characters the panel's markdown subset reads as markup removed. */
export function plain(text: string): string {
  return text
    .replace(/[*_`#<>[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A record name from the data in quotes. */
export function quote(text: string): string {
  return `"${plain(text).replace(/"/g, "'")}"`;
}

/** Plural noun for a count: plural(1, 'case') → "case", plural(3, 'case') → "cases". */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return count === 1 ? noun : many;
}
