import { describe, expect, it } from 'vitest';
import { cosine, embeddingCosine } from '../../../../server/quality/cosine.ts';
import type { Embedder } from '../../../../server/retrieval/embedder.ts';

describe('cosine', () => {
  it('is 1 for parallel, 0 for orthogonal, −1 for opposite vectors and 0 for a zero vector', () => {
    expect(cosine([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 5])).toBe(0);
    expect(cosine([1, 1], [-1, -1])).toBeCloseTo(-1, 12);
    expect(cosine([3, 4], [4, 3])).toBeCloseTo(24 / 25, 12);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });
});

describe('embeddingCosine', () => {
  it('with the local lexical embedder: same words score 1, shared words more than none', async () => {
    const text = 'Renewal of the Object Storage contract is at risk.';
    expect(await embeddingCosine(text, text)).toBeCloseTo(1, 12);
    const related = await embeddingCosine(
      text,
      'Object Storage renewal closes in March; contract value unchanged.',
    );
    const unrelated = await embeddingCosine(text, 'Quarterly business review with the new CFO went well.');
    expect(related).toBeGreaterThan(0.2);
    expect(related).toBeGreaterThan(unrelated);
    expect(await embeddingCosine('', text)).toBe(0);
  });

  it('ignores citation markers and markup, and uses the embedder it is given', async () => {
    const seen: string[] = [];
    const embedder: Embedder = {
      id: 'fake',
      dimensions: 2,
      embed: async (texts) => {
        seen.push(...texts);
        return [
          [1, 0],
          [1, 1],
        ];
      },
    };
    expect(await embeddingCosine('**Up 12%** [S1][S2]', '<usage>\nup 12%\n</usage>', embedder)).toBeCloseTo(
      Math.SQRT1_2,
      12,
    );
    expect(seen.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(['**Up 12%**', 'up 12%']);
  });
});
