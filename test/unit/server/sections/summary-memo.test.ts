import { describe, expect, it } from 'vitest';
import { createSummaryMemo } from '../../../../server/sections/summary-memo.ts';

describe('createSummaryMemo', () => {
  it('shares one read between callers with the same key, in flight or done', async () => {
    const memo = createSummaryMemo();
    let reads = 0;
    const read = async () => ++reads;
    const [a, b] = await Promise.all([
      memo.once(['focus', 'u', 1], read),
      memo.once(['focus', 'u', 1], read),
    ]);
    expect([a, b, await memo.once(['focus', 'u', 1], read)]).toEqual([1, 1, 1]);
    expect(await memo.once(['focus', 'v', 1], read)).toBe(2);
  });

  it('hands a failure to the callers waiting on it, then forgets it', async () => {
    const memo = createSummaryMemo();
    let reads = 0;
    const failing = async () => {
      reads++;
      throw new Error('down');
    };
    await expect(Promise.all([memo.once(['k'], failing), memo.once(['k'], failing)])).rejects.toThrow('down');
    expect(reads).toBe(1);
    expect(await memo.once(['k'], async () => 'ok')).toBe('ok');
  });
});
