import { describe, expect, it } from 'vitest';
import { fitToBudget } from '../../../../server/retrieval/fit-budget.ts';
import { fuseRanks } from '../../../../server/retrieval/fuse-ranks.ts';
import { snippetOf } from '../../../../server/retrieval/snippet.ts';
import { countTokens } from '../../../../server/retrieval/tokens.ts';

const items = Array.from({ length: 12 }, (_, i) => ({
  id: i,
  text: `Passage ${i}: ${'renewal discount storage 日本語 🚀 '.repeat(5 + ((i * 7) % 40))}`,
}));

describe('fitToBudget', () => {
  it('never exceeds the budget and keeps rank order', () => {
    for (const budget of [1, 31, 32, 100, 257, 1000, 5000]) {
      const fitted = fitToBudget(items, budget);
      const total = fitted.reduce((n, c) => n + countTokens(c.text), 0);
      expect(total).toBeLessThanOrEqual(budget);
      expect(fitted.reduce((n, c) => n + c.tokens, 0)).toBe(total);
      expect(fitted.map((c) => c.id)).toEqual(items.slice(0, fitted.length).map((c) => c.id));
      expect(fitted.filter((c) => c.truncated).length).toBeLessThanOrEqual(1);
      if (fitted.at(-1)?.truncated)
        expect(items[fitted.length - 1]!.text.startsWith(fitted.at(-1)!.text)).toBe(true);
    }
  });

  it('keeps everything without a budget and nothing when not even a partial fits', () => {
    expect(fitToBudget(items)).toHaveLength(items.length);
    expect(fitToBudget(items, 10)).toEqual([]);
  });
});

describe('fuseRanks', () => {
  it('rewards agreement between lists (reciprocal rank fusion)', () => {
    const fused = fuseRanks([
      [1, 2, 3],
      [3, 4, 1],
    ]);
    expect(fused.map((f) => f.id)).toEqual([1, 3, 2, 4]);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
  });
});

describe('snippetOf', () => {
  it('centres on the first query word and marks cuts', () => {
    const text = `${'intro words '.repeat(60)}the renewal discount was approved ${'tail words '.repeat(60)}`;
    const snippet = snippetOf(text, 'Discount?');
    expect(snippet).toContain('renewal discount was approved');
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(242);
    expect(snippetOf('short text', 'x')).toBe('short text');
  });

  it('prefers the sentence with the most query terms and widens it with its neighbours', () => {
    const filler = 'The team reviewed the quarterly calendar. '.repeat(30);
    const text = `${filler}Procurement wants a data residency pilot. It starts in May. ${filler}`;
    const snippet = snippetOf(text, 'data residency pilot procurement', 120);
    expect(snippet).toContain('Procurement wants a data residency pilot.');
    expect(snippet).toContain('It starts in May.');
    expect(snippet.length).toBeLessThanOrEqual(122);
  });
});
