import { categoryOf, LETTER, MARK, NUMBER } from '../text/unicode-category.ts';

// Words too common to tell documents apart; dropped before hashing or scoring.
// biome-ignore format: a word list reads best packed
const STOP = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'for', 'from', 'has', 'have', 'he', 'her', 'his', 'how', 'i', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or', 'our', 'she', 'so', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'we', 'were', 'what', 'when', 'which', 'who', 'will', 'with', 'you', 'your']);
// Longer words cannot be stop words, so they skip the set lookup (and hashing the word for it).
const STOP_MAX_LENGTH = Math.max(...[...STOP].map((w) => w.length));

/**
 * Lower-cased, accent-folded word terms of text, stop words removed and a light plural/-ing/-ed
 * suffix strip so "renewals" meets "renewal". Shared by the local embedder and the local reranker
 * so both see the same vocabulary.
 *
 * Defined as: NFKD, combining marks (\p{M}) removed, lower case, then each match of the Unicode
 * regex [\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)* with its apostrophes removed. The embedder's vectors
 * are stored, so this must never change. A hand-written scanner computes it, about twice as fast
 * as those regexes; test/unit/server/retrieval/fast-paths.test.ts holds it equal to the definition.
 */
export function lexicalTerms(text: string): string[] {
  const terms: string[] = [];
  forEachLexicalTerm(text, (term) => terms.push(term));
  return terms;
}

/** Calls visit with each of lexicalTerms(text) in order, without building the array. */
export function forEachLexicalTerm(text: string, visit: (term: string) => void): void {
  const folded = fold(text);
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const width = wordCharWidth(folded, i);
    // Stepping one code unit over a non-word pair is safe: its low half is no word character.
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    let apostrophes = false;
    i = wordRunEnd(folded, i + width);
    // A joiner continues the word only when a word character follows it.
    for (;;) {
      const joiner = folded.charCodeAt(i);
      if (joiner !== 0x2e && joiner !== 0x2d && joiner !== 0x27 && joiner !== 0x2019) break; // . - ' ’
      const next = wordCharWidth(folded, i + 1);
      if (next === 0) break;
      if (joiner === 0x27 || joiner === 0x2019) apostrophes = true;
      i = wordRunEnd(folded, i + 1 + next);
    }
    visitWord(folded, start, i, apostrophes, visit);
  }
}

/** Visits the term of the word text[start, end) unless it is a stop word. */
function visitWord(
  text: string,
  start: number,
  end: number,
  apostrophes: boolean,
  visit: (term: string) => void,
): void {
  if (apostrophes) {
    const word = withoutApostrophes(text.slice(start, end));
    if (!isStopWord(word)) visit(stem(word, 0, word.length));
    return;
  }
  // Stemmed straight from the text: one slice per term instead of one for the word and one more.
  if (end - start > STOP_MAX_LENGTH) visit(stem(text, start, end));
  else {
    const word = text.slice(start, end);
    if (!STOP.has(word)) visit(stem(word, 0, word.length));
  }
}

function isStopWord(word: string): boolean {
  return word.length <= STOP_MAX_LENGTH && STOP.has(word);
}

// Any UTF-16 code unit above 0x7f (without the u flag, surrogates included).
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * NFKD, marks removed, lower case. No ASCII character has a decomposition or is a mark, so ASCII
 * text (most documents) only needs lower-casing; the rest is folded as a whole, since lower-casing
 * depends on neighbours (a final Σ becomes ς).
 */
function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return stripMarks(text.normalize('NFKD')).toLowerCase();
}

/** text.replace(/\p{M}+/gu, '') in one pass of plain code, returning text itself when it has none. */
function stripMarks(text: string): string {
  let kept = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const width = markWidth(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    kept += text.slice(from, i);
    i += width;
    from = i;
  }
  return from === 0 ? text : kept + text.slice(from);
}

/** Code units of the mark (\p{M}) at i, or 0 when there is none. */
function markWidth(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return 0;
  if (unit < 0xd800 || unit > 0xdbff) return categoryOf(unit) === MARK ? 1 : 0;
  const codePoint = text.codePointAt(i)!;
  return categoryOf(codePoint) !== MARK ? 0 : codePoint > 0xffff ? 2 : 1;
}

/** The end of the run of word characters starting at i. */
function wordRunEnd(text: string, i: number): number {
  for (let width = wordCharWidth(text, i); width > 0; width = wordCharWidth(text, i)) i += width;
  return i;
}

/** Code units of the word character (\p{L} or \p{N}) at i, or 0 when there is none. */
function wordCharWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return ASCII_WORD[unit]!;
  if (unit < 0xd800 || unit > 0xdbff) return isWordCategory(categoryOf(unit)) ? 1 : 0;
  const codePoint = text.codePointAt(i)!;
  return !isWordCategory(categoryOf(codePoint)) ? 0 : codePoint > 0xffff ? 2 : 1;
}

function withoutApostrophes(word: string): string {
  return word.replace(/['’]/g, '');
}

const isWordCategory = (category: number) => category === LETTER || category === NUMBER;

// ASCII, the common case, straight from a table: 1 for a word character.
const ASCII_WORD = Uint8Array.from({ length: 0x80 }, (_, c) => (isWordCategory(categoryOf(c)) ? 1 : 0));

// Character codes the suffix rules test.
const C = 0x63;
const D = 0x64;
const E = 0x65;
const G = 0x67;
const H = 0x68;
const I = 0x69;
const N = 0x6e;
const S = 0x73;
const X = 0x78;

/**
 * The light stem of the word text[start, end), by these rules in order: words of at most 4
 * characters or with a digit stay; -ies → -y; -ing off when over 6 characters; -ed off when over 5;
 * -es off after ss, x, ch or sh; a final -s off unless -ss. Tests character codes, not endsWith or
 * regexes, since it runs for every term.
 */
function stem(text: string, start: number, end: number): string {
  const length = end - start;
  if (length <= 4 || hasAsciiDigit(text, start, end)) return text.slice(start, end);
  const last = text.charCodeAt(end - 1);
  const second = text.charCodeAt(end - 2);
  const third = text.charCodeAt(end - 3);
  const fourth = text.charCodeAt(end - 4);
  if (third === I && second === E && last === S) return `${text.slice(start, end - 3)}y`;
  if (third === I && second === N && last === G && length > 6) return text.slice(start, end - 3);
  if (second === E && last === D && length > 5) return text.slice(start, end - 2);
  if (second === E && last === S) {
    const sibilant =
      (fourth === S && third === S) || third === X || ((fourth === C || fourth === S) && third === H);
    if (sibilant) return text.slice(start, end - 2);
  }
  if (last === S && second !== S) return text.slice(start, end - 1);
  return text.slice(start, end);
}

/** /\d/ on text[start, end): \d without the u flag is [0-9] only. */
function hasAsciiDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}
