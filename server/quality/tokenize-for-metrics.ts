import { CITATION_MARKER } from './markdown-blocks.ts';

const MARKDOWN_LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const TAG = /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g;
// A run of letters/digits; digits joined by "." or "," stay one token ("1,250,000", "12.5"), and so
// does a word with an inner apostrophe ("don't"). Everything else separates and is dropped.
const TOKEN =
  /[\p{L}\p{M}\p{N}]+(?:(?:(?<=\p{N})[.,](?=\p{N})|(?<=\p{L})['’](?=\p{L}))[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Text with markup removed, for every text metric: `[S3]` citation markers, Markdown links and
 * images (their label stays), bare URLs and HTML/XML tags (the prompt's `<account>` …) are blanked.
 * Emphasis, heading and bullet marks need no rule: they are punctuation, which tokens never hold.
 */
export function metricText(text: string): string {
  return text.replace(CITATION_MARKER, ' ').replace(MARKDOWN_LINK, '$1').replace(URL, ' ').replace(TAG, ' ');
}

/**
 * The one tokenizer BLEU and ROUGE share, applied alike to the output and to the input so markup
 * can never count as a match: `metricText`, then NFKC and lower case, then Unicode words and
 * numbers (see TOKEN). "$1.25M" gives "1.25m", "12.5%" gives "12.5", "2026-03-04" gives "2026",
 * "03", "04". No stemming and no stop words: BLEU and ROUGE are defined over surface words.
 */
export function metricTokens(text: string): string[] {
  const plain = metricText(text).normalize('NFKC').toLowerCase();
  return [...plain.matchAll(TOKEN)].map((m) => m[0].replace(/’/g, "'"));
}

// Joins an n-gram's tokens into one map key; a control character cannot occur inside a token.
const SEP = '\u001f';

/** How often each n-gram (tokens joined by U+001F) occurs in tokens. */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(SEP);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Σ min(count in a, count in b) over the n-grams of a: the clipped overlap of two count maps. */
export function clippedOverlap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let overlap = 0;
  for (const [gram, count] of a) overlap += Math.min(count, b.get(gram) ?? 0);
  return overlap;
}
