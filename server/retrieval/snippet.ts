import { lexicalTerms } from './lexical-terms.ts';

const SNIPPET_CHARS = 240;

/**
 * A one-line excerpt of at most `max` characters from the part of text that best matches the
 * query: the sentence with the most distinct query terms (the first such on ties), widened with
 * its neighbours while they fit. A passage retrieved for a question is often long, and the words
 * that made it match may sit at its end; the preview should show those words, not the opening.
 * Cut at word boundaries and marked with ellipses where it was cut.
 */
export function snippetOf(text: string, query: string, max = SNIPPET_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const sentences = flat.match(/[^.!?]+(?:[.!?]+["”’)]*|$)\s*/g) ?? [flat];
  const wanted = new Set(lexicalTerms(query));
  const scores = sentences.map((s) => new Set(lexicalTerms(s).filter((t) => wanted.has(t))).size);
  const best = scores.indexOf(Math.max(...scores));
  const offsets: number[] = [];
  let at = 0;
  for (const s of sentences) {
    offsets.push(at);
    at += s.length;
  }

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
