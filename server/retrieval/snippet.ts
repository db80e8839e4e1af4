import { forEachLexicalTerm, lexicalTerms } from './lexical-terms.ts';

const SNIPPET_CHARS = 240;

/**
 * A one-line excerpt of at most `max` characters from the part of text that best matches the
 * query: the sentence with the most distinct query terms (the first such on ties), widened with
 * its neighbours while they fit. A passage retrieved for a question is often long, and the words
 * that made it match may sit at its end; the preview should show those words, not the opening.
 * Cut at word boundaries and marked with ellipses where it was cut.
 */
export function snippetOf(text: string, query: string, max = SNIPPET_CHARS): string {
  const flat = collapseWhitespace(text).trim();
  if (flat.length <= max) return flat;
  const { sentences, offsets, best } = sentencesOf(flat, query);

  let from = best;
  let to = best;
  const length = () => offsets[to]! + sentences[to]!.length - offsets[from]!;
  if (length() > max) return aroundFirstHit(flat, query, offsets[best]!, max);
  // Widen forward first (a sentence's follow-up usually matters more), then back.
  for (let grew = true; grew; ) {
    grew = false;
    if (to + 1 < sentences.length && length() + sentences[to + 1]!.length <= max) {
      to++;
      grew = true;
    }
    if (from > 0 && length() + sentences[from - 1]!.length <= max) {
      from--;
      grew = true;
    }
  }
  const start = offsets[from]!;
  const end = offsets[to]! + sentences[to]!.length;
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

interface Sentences {
  query: string;
  sentences: string[];
  /** Where each sentence starts in the text. */
  offsets: number[];
  /** The sentence with the most distinct query terms (the first such on ties). */
  best: number;
}

/** The sentences of flat (whitespace-collapsed text) and the one that best matches query. */
function sentencesOf(flat: string, query: string): Sentences {
  const known = recentSentences.get(flat);
  if (known?.query === query) return known;
  const sentences = flat.match(/[^.!?]+(?:[.!?]+["”’)]*|$)\s*/g) ?? [flat];
  const wanted = queryTerms(query);
  const scores = sentences.map((s) => distinctTermsOf(s, wanted));
  const best = scores.indexOf(Math.max(...scores));
  const offsets: number[] = [];
  let at = 0;
  for (const s of sentences) {
    offsets.push(at);
    at += s.length;
  }
  const found = { query, sentences, offsets, best };
  if (flat.length <= RECENT_SENTENCES_MAX_CHARS) remember(flat, found);
  return found;
}

// The sentences of the last passages seen. A retrieval's passages each get a snippet (search.ts),
// and then the chosen ones a longer excerpt (document-queries.ts): same text, same query, so the
// excerpt finds its sentences scored already. A few passages' worth, so memory stays small.
const recentSentences = new Map<string, Sentences>();
const RECENT_SENTENCES = 128;
const RECENT_SENTENCES_MAX_CHARS = 16_000;

function remember(flat: string, found: Sentences): void {
  recentSentences.delete(flat);
  recentSentences.set(flat, found);
  if (recentSentences.size > RECENT_SENTENCES) {
    recentSentences.delete(recentSentences.keys().next().value!);
  }
}

// The terms of the last query seen: a retrieval asks for the snippets of all its passages with
// the same query, which then is folded and scanned once instead of once per passage.
let lastQuery: string | undefined;
let lastTerms: ReadonlySet<string> = new Set();

function queryTerms(query: string): ReadonlySet<string> {
  if (query !== lastQuery) {
    lastTerms = new Set(lexicalTerms(query));
    lastQuery = query;
  }
  return lastTerms;
}

/** How many of the wanted terms occur in text (each counted once). */
function distinctTermsOf(text: string, wanted: ReadonlySet<string>): number {
  const found = new Set<string>();
  forEachLexicalTerm(text, (term) => {
    if (wanted.has(term)) found.add(term);
  });
  return found.size;
}

/** `max` characters around the first query word found at or after `from` (its start if none). */
function aroundFirstHit(flat: string, query: string, from: number, max: number): string {
  const lower = flat.toLowerCase();
  const words = query.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  const hits = words.map((w) => lower.indexOf(w, from)).filter((i) => i >= 0);
  const hit = hits.length ? Math.min(...hits) : from;
  let start = Math.max(0, Math.min(hit - Math.floor(max / 4), flat.length - max));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < hit ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + max);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

/**
 * text.replace(/\s+/g, ' ') in one pass of plain code. Text is mostly words between single spaces,
 * which the regex would replace one by one with themselves; here only other runs are rebuilt.
 */
function collapseWhitespace(text: string): string {
  let collapsed = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    if (!isWhitespace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    do i++;
    while (i < text.length && isWhitespace(text.charCodeAt(i)));
    if (i - start === 1 && text.charCodeAt(start) === 0x20) continue;
    collapsed += `${text.slice(from, start)} `;
    from = i;
  }
  return from === 0 ? text : collapsed + text.slice(from);
}

// /\s/ of each UTF-16 code unit (without the u flag \s sees code units, and no surrogate is one).
const WHITESPACE = /\s/;
// 0 = not looked up yet, 1 = whitespace, 2 = not; filled as characters are met.
const WHITESPACE_CLASSES = new Uint8Array(0x10000);

function isWhitespace(codeUnit: number): boolean {
  let found = WHITESPACE_CLASSES[codeUnit]!;
  if (found === 0) {
    found = WHITESPACE.test(String.fromCharCode(codeUnit)) ? 1 : 2;
    WHITESPACE_CLASSES[codeUnit] = found;
  }
  return found === 1;
}
