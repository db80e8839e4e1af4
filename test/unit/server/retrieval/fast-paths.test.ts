import { countTokens as libraryCount } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { fitToBudget } from '../../../../server/retrieval/fit-budget.ts';
import { forEachLexicalTerm, lexicalTerms } from '../../../../server/retrieval/lexical-terms.ts';
import { embedLexical } from '../../../../server/retrieval/local-lexical-embedder.ts';
import { scoreBm25 } from '../../../../server/retrieval/local-lexical-reranker.ts';
import { snippetOf } from '../../../../server/retrieval/snippet.ts';
import {
  countTokens,
  dropLastChar,
  encodeTokens,
  tokenByteLengths,
  truncateToTokens,
  truncateWithCount,
} from '../../../../server/retrieval/tokens.ts';
import { seededRandom } from '../../../support/seeded-random.ts';

// The local retrieval helpers' fast paths against the plain definitions they replaced (kept here
// as the reference), on seeded random inputs built to hit the edge cases. Results must be
// identical; the embedder's to the last bit, since its vectors are stored in the database.

const random = seededRandom;

// Letters, numbers and marks in and out of ASCII and the basic plane; case that folds oddly (final
// sigma, dotted İ, ligatures, full width); joiners; stop words and suffixes the stemmer strips;
// lone surrogates; every kind of whitespace.
// biome-ignore format: a character list reads best packed
const PARTS = [
  'a', 'Z', 'é', 'E\u0301', 'ß', 'ǅ', '𝐀', '1', '0', '²', '٣', 'Ⅻ', '𝟏', '½', '\u0301', '\u0903', '\u0345', '𝅘𝅥𝅮', '\u{1D165}', '\u{101FD}', '𠀀', '𠀀\u{1D165}',
  'Σ', 'ΑΣ', 'ς', 'İ', 'ﬁ', 'ﬀ', 'Ｆ', 'ſ', 'Å', 'ᾼ', 'ŉ', '東京', '한', '😀', '👩‍💻', '\u200d', '\ufeff', '\u00ad',
  '\ud800', '\udc00', '.', ',', "'", '’', '-', '‐', '—', '–', '…', '·', '_', '%', '$', '!', '?', '"', '”', ')',
  ' ', ' ', ' ', '  ', '\n', '\t', '\r\n', '\v', '\f', '\u00a0', '\u2028', '\u3000', '\u2009',
  'the', 'The', 'THE', 'and', 'their', 'which', "don't", 'don’t', 'U.S.', '3.5', 'v2.0', 'co-op',
  'ies', 'ing', 'ed', 'es', 'sses', 'ches', 'shes', 'xes', 'ss', 's', 'renewal', 'policies', 'passing',
  'boxes', 'glasses', 'churches', 'wishes', 'stored', 'bed', 'ties', 'storage',
];

function randomTexts(seed: number, count: number): string[] {
  const r = random(seed);
  return Array.from({ length: count }, (_, i) =>
    i % 4 === 0 ? r.codeUnits(40) : r.text(PARTS, i % 2 ? 12 : 80),
  );
}

// Before: NFKD, marks removed, lower case, then one regex match per word.
// biome-ignore format: a word list reads best packed
const STOP = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'for', 'from', 'has', 'have', 'he', 'her', 'his', 'how', 'i', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or', 'our', 'she', 'so', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'we', 'were', 'what', 'when', 'which', 'who', 'will', 'with', 'you', 'your']);

function referenceTerms(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const terms: string[] = [];
  for (const [word] of folded.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)) {
    const plain = word.replace(/['’]/g, '');
    if (STOP.has(plain)) continue;
    terms.push(referenceStem(plain));
  }
  return terms;
}

function referenceStem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

// Before: features counted in a string-keyed map, each hashed from scratch, then l2Normalize.
function referenceEmbed(text: string, dimensions: number): number[] {
  const terms = referenceTerms(text);
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  terms.forEach((term, i) => {
    add(term);
    if (i > 0) add(`${terms[i - 1]} ${term}`);
  });
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, count] of counts) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < feature.length; i++) {
      hash ^= feature.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    const sign = hash & 0x80000000 ? -1 : 1;
    const weight = feature.includes(' ') ? 0.5 : 1;
    vector[hash % dimensions]! += sign * weight * (1 + Math.log(count));
  }
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum);
  return norm > 0 ? vector.map((v) => v / norm) : vector;
}

/** A vector's float64 bits: equal strings mean the same bits, -0 and the last ulp included. */
const bits = (vector: readonly number[]) => Buffer.from(Float64Array.from(vector).buffer).toString('hex');

// Before: a term-frequency map per document.
function referenceBm25(query: string, documents: readonly string[]) {
  const queryTerms = [...new Set(referenceTerms(query))];
  const docs = documents.map((d) => {
    const tf = new Map<string, number>();
    const terms = referenceTerms(d);
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { tf, length: terms.length };
  });
  const n = docs.length;
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n) || 1;
  const idf = new Map(
    queryTerms.map((t) => {
      const df = docs.filter((d) => d.tf.has(t)).length;
      return [t, Math.log(1 + (n - df + 0.5) / (df + 0.5))];
    }),
  );
  return docs
    .map((d, index) => {
      let score = 0;
      for (const t of queryTerms) {
        const f = d.tf.get(t) ?? 0;
        if (f) score += idf.get(t)! * ((f * 2.2) / (f + 1.2 * (1 - 0.75 + (0.75 * d.length) / avgLength)));
      }
      return { index, score };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

// Before: whitespace collapsed by regex, every sentence's terms listed, no memory between calls.
function referenceSnippet(text: string, query: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const sentences = flat.match(/[^.!?]+(?:[.!?]+["”’)]*|$)\s*/g) ?? [flat];
  const wanted = new Set(referenceTerms(query));
  const scores = sentences.map((s) => new Set(referenceTerms(s).filter((t) => wanted.has(t))).size);
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
  if (length() > max) return referenceAroundFirstHit(flat, query, offsets[best]!, max);
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

function referenceAroundFirstHit(flat: string, query: string, from: number, max: number): string {
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

// Before: the prefix counted again until it fits, and once more by fitToBudget.
const AS_TEXT = { disallowedSpecial: new Set<string>() };
const referenceCount = (text: string) => (text ? libraryCount(text, AS_TEXT) : 0);

function referenceTruncate(text: string, maxTokens: number): string {
  if (maxTokens <= 0) return '';
  const tokens = encodeTokens(text);
  if (tokens.length <= maxTokens) return text;
  const bytes = Buffer.from(text, 'utf8');
  const lengths = tokenByteLengths(tokens);
  let end = 0;
  for (let i = 0; i < maxTokens; i++) end += lengths[i]!;
  while (end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  let cut = bytes.subarray(0, end).toString('utf8');
  while (cut && referenceCount(cut) > maxTokens) cut = dropLastChar(cut);
  return cut;
}

describe('lexicalTerms', () => {
  it('equals NFKD + marks removed + lower case + the word regex, on random and Unicode-heavy text', () => {
    for (const text of randomTexts(1, 20_000)) {
      expect(lexicalTerms(text), JSON.stringify(text)).toEqual(referenceTerms(text));
    }
  });

  it('visits the same terms it lists', () => {
    for (const text of randomTexts(2, 500)) {
      const visited: string[] = [];
      forEachLexicalTerm(text, (t) => visited.push(t));
      expect(visited).toEqual(lexicalTerms(text));
    }
  });

  it('folds the cases the ASCII fast path and the stemmer must not get wrong', () => {
    const samples = [
      'The Cafés and the CAFE, policies',
      'ΟΔΟΣ ΑΣ. Β ΣΑΣ',
      'İstanbul ﬁnance Ｆｕｌｌ ½ ²',
      "Don't U.S. co-op 3.5 v2.0 a--b a.-b 'quoted' end.",
      'glasses boxes churches wishes ties passing stored bed renewals class',
      'a\u0301b e\u0301\u0301 \u0301lead 😀word 𝐀𝐁 𝟏𝟐 東京 한국어',
    ];
    for (const text of samples) expect(lexicalTerms(text), text).toEqual(referenceTerms(text));
  });
});

describe('embedLexical', () => {
  it('gives every vector bit for bit as before (512 slots, and 7 so features share slots)', () => {
    for (const text of randomTexts(3, 5_000)) {
      expect(bits(embedLexical(text)), JSON.stringify(text)).toBe(bits(referenceEmbed(text, 512)));
      expect(bits(embedLexical(text, 7)), JSON.stringify(text)).toBe(bits(referenceEmbed(text, 7)));
    }
  });

  it('matches on document-sized text with repeated words and bigrams', () => {
    const r = random(4);
    for (let i = 0; i < 200; i++) {
      const text = r.text(PARTS, 1_500);
      expect(bits(embedLexical(text))).toBe(bits(referenceEmbed(text, 512)));
    }
  });
});

describe('scoreBm25', () => {
  it('scores and orders candidates exactly as a term-frequency map did', () => {
    const texts = randomTexts(5, 2_000);
    const r = random(6);
    for (let i = 0; i < 1_000; i++) {
      const query = r.pick(texts);
      const documents = Array.from({ length: r.int(35) }, () => r.pick(texts));
      expect(scoreBm25(query, documents)).toEqual(referenceBm25(query, documents));
    }
  });
});

describe('snippetOf', () => {
  it('cuts the same snippet, whatever was asked before of the same text or query', () => {
    const texts = randomTexts(7, 2_000);
    const r = random(8);
    const passages = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + r.int(40) }, () => r.pick(texts)).join(
        r.pick(['. ', '! ', '? ', ' ', '.\n', '']),
      ),
    );
    for (let i = 0; i < 3_000; i++) {
      // Few passages and queries, so the same pairs come back with other lengths.
      const passage = passages[r.int(i % 2 ? 300 : 5)]!;
      const query = texts[r.int(i % 3 ? 2_000 : 3)]!;
      const max = r.pick([20, 60, 120, 240, 700]);
      expect(snippetOf(passage, query, max)).toBe(referenceSnippet(passage, query, max));
    }
  });
});

describe('token counting', () => {
  it('counts like the tokenizer, and encode agrees with the count', () => {
    const texts = [...randomTexts(9, 400), 'x'.repeat(20_000), `${'word '.repeat(4_000)}<|endoftext|>`];
    for (const round of [1, 2]) {
      for (const text of texts) {
        expect(countTokens(text), `round ${round}`).toBe(referenceCount(text));
        expect(encodeTokens(text)).toHaveLength(referenceCount(text));
      }
    }
  });

  it('truncates to the same prefix and reports its count', () => {
    const r = random(10);
    for (const text of randomTexts(11, 600)) {
      const max = r.int(30);
      const cut = truncateWithCount(text, max);
      expect(cut.text).toBe(referenceTruncate(text, max));
      expect(truncateToTokens(text, max)).toBe(cut.text);
      expect(cut.tokens).toBe(referenceCount(cut.text));
    }
  });

  it('fits to a budget with the same items and counts', () => {
    const r = random(12);
    const texts = randomTexts(13, 300).map((t) => t.repeat(1 + r.int(6)));
    for (let i = 0; i < 300; i++) {
      const items = Array.from({ length: r.int(8) }, (_, id) => ({ id, text: r.pick(texts) }));
      const budget = r.pick([undefined, 1, 31, 32, 33, 60, 200, 1_000]);
      const expected: { id: number; text: string; tokens: number; truncated: boolean }[] = [];
      let left = budget ?? Number.POSITIVE_INFINITY;
      for (const item of items) {
        const tokens = referenceCount(item.text);
        if (tokens <= left) {
          expected.push({ ...item, tokens, truncated: false });
          left -= tokens;
          continue;
        }
        if (left >= 32) {
          const text = referenceTruncate(item.text, left);
          if (text) expected.push({ ...item, text, tokens: referenceCount(text), truncated: true });
        }
        break;
      }
      expect(fitToBudget(items, budget)).toEqual(expected);
    }
  });
});
