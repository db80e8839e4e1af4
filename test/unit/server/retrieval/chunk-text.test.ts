import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../../server/retrieval/chunk-text.ts';
import { countTokens, encodeTokens, truncateToTokens } from '../../../../server/retrieval/tokens.ts';

// Distinct words, so each chunk's position in the source can be found with indexOf.
const english = Array.from({ length: 5000 }, (_, i) => `word${i}${i % 17 === 0 ? '.\n\n' : ''}`).join(' ');
const mixed = Array.from(
  { length: 3000 },
  (_, i) => ['日本語', '🚀', 'naïve', 'Ünïcödé', '𠜎𠜱', `n${i}`][i % 6],
).join(' ');

describe('chunkText', () => {
  it('cuts 1,200-token chunks overlapping by exactly 50 tokens', () => {
    const chunks = chunkText(english);
    expect(chunks.length).toBeGreaterThan(3);
    for (const [i, c] of chunks.entries()) {
      expect(c.ord).toBe(i);
      expect(c.end - c.start).toBeLessThanOrEqual(1200);
      expect(countTokens(c.text)).toBe(c.tokenCount);
      expect(c.tokenCount).toBeLessThanOrEqual(1200);
      if (i < chunks.length - 1) {
        expect(c.end - c.start).toBe(1200);
        expect(c.end - chunks[i + 1]!.start).toBe(50);
      }
    }
    expect(chunks[0]!.start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(encodeTokens(english).length);
  });

  it('covers the text in order, each chunk a verbatim piece of it', () => {
    const chunks = chunkText(english);
    let previousEnd = 0;
    for (const c of chunks) {
      const at = english.indexOf(c.text);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThanOrEqual(previousEnd); // overlaps or touches the previous chunk
      previousEnd = at + c.text.length;
    }
    expect(previousEnd).toBe(english.length);
  });

  it('never splits a multi-byte character and keeps at least the overlap', () => {
    const chunks = chunkText(mixed, { size: 300, overlap: 50 });
    for (const [i, c] of chunks.entries()) {
      expect(c.text).not.toContain('\ufffd');
      expect(mixed.includes(c.text)).toBe(true);
      expect(c.tokenCount).toBeLessThanOrEqual(300);
      if (i > 0) expect(chunks[i - 1]!.end - c.start).toBeGreaterThanOrEqual(50);
    }
  });

  it('handles short, empty and special-token text', () => {
    expect(chunkText('')).toEqual([]);
    expect(chunkText('one short line')).toMatchObject([{ ord: 0, text: 'one short line', start: 0 }]);
    expect(chunkText('see <|endoftext|> here')[0]!.text).toBe('see <|endoftext|> here');
    expect(() => chunkText('x', { size: 10, overlap: 10 })).toThrow();
  });
});

describe('truncateToTokens', () => {
  it('returns a prefix within the limit, cut at a character', () => {
    for (const n of [1, 7, 50, 333]) {
      const cut = truncateToTokens(mixed, n);
      expect(countTokens(cut)).toBeLessThanOrEqual(n);
      expect(mixed.startsWith(cut)).toBe(true);
      expect(cut).not.toContain('\ufffd');
    }
    expect(truncateToTokens('short', 100)).toBe('short');
    expect(truncateToTokens('short', 0)).toBe('');
  });
});
