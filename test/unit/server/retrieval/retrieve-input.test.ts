import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../server/http/errors.ts';
import { parseRetrieveInput, RetrievalInputError } from '../../../../server/retrieval/retrieve-input.ts';

function errorOf(input: unknown): RetrievalInputError {
  try {
    parseRetrieveInput(input);
  } catch (error) {
    return error as RetrievalInputError;
  }
  throw new Error('expected a validation error');
}

describe('retrieve input', () => {
  it('applies defaults', () => {
    expect(parseRetrieveInput({ query: ' renewal ' })).toEqual({
      query: 'renewal',
      includeGlobal: true,
      k: 8,
      hybrid: true,
      rerank: true,
    });
  });

  it.each([
    [{ query: '' }, 'query'],
    [{ query: '?!' }, 'query: must contain at least one word'],
    [{ query: 'x', kinds: ['memo'] }, 'kinds.0'],
    [{ query: 'x', kinds: [] }, 'kinds'],
    [{ query: 'x', k: 0 }, 'k'],
    [{ query: 'x', k: 2.5 }, 'k'],
    [{ query: 'x', from: '2024-13-01' }, 'from'],
    [{ query: 'x', from: '2024-06-02', to: '2024-06-01' }, 'from: must not be after to'],
    [{ query: 'x', tokenBudget: -1 }, 'tokenBudget'],
    [{ query: 'x', acountId: 'typo' }, 'acountId'],
    [{ query: 'x', accountId: '' }, 'accountId'],
  ])('rejects %j naming the field', (input, field) => {
    const error = errorOf(input);
    expect(error).toBeInstanceOf(RetrievalInputError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toContain(field);
  });

  it('accepts a same-day range and timestamps', () => {
    expect(() => parseRetrieveInput({ query: 'x', from: '2024-06-01', to: '2024-06-01' })).not.toThrow();
    expect(() =>
      parseRetrieveInput({ query: 'x', from: '2024-06-01T10:00:00Z', to: '2024-06-01' }),
    ).not.toThrow();
  });
});
