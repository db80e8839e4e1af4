import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../../server/llm/engine.ts';
import { abortableSleep, backoffDelay, withRetries } from '../../../../server/llm/retry.ts';

const policy = (sleeps: number[], random = () => 0.5) => ({
  maxAttempts: 4,
  baseMs: 100,
  capMs: 300,
  random,
  sleep: async (ms: number) => void sleeps.push(ms),
});

/** Fails with the given errors in turn, then answers 'ok'. */
function flaky(...errors: Error[]) {
  const seen: number[] = [];
  const fn = async (attempt: number) => {
    seen.push(attempt);
    const error = errors[attempt - 1];
    if (error) throw error;
    return 'ok';
  };
  return { fn, seen };
}

const throttled = () => new EngineError('throttled', { retryable: true });

describe('backoffDelay', () => {
  it('is uniform in [0, min(cap, base · 2^(n-1))] (full jitter)', () => {
    const p = { baseMs: 100, capMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, { ...p, random: () => 0.999999 }))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, { ...p, random: () => 0 })).toBe(0);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3, p);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(400);
    }
  });
});

describe('withRetries', () => {
  it('retries retryable EngineErrors with growing jittered delays and counts attempts', async () => {
    const sleeps: number[] = [];
    const { fn, seen } = flaky(throttled(), throttled(), throttled());
    await expect(withRetries(fn, policy(sleeps))).resolves.toEqual({ value: 'ok', attempts: 4 });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(sleeps).toEqual([50, 100, 150]); // 0.5 × 100, 200, min(300, 400)
  });

  it('gives up after maxAttempts and says so, keeping the last error as cause', async () => {
    const sleeps: number[] = [];
    const last = throttled();
    const { fn } = flaky(throttled(), throttled(), throttled(), last);
    const error = await withRetries(fn, policy(sleeps)).catch((e: EngineError) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({
      message: 'throttled (gave up after 4 attempts)',
      retryable: true,
      cause: last,
    });
    expect(sleeps).toHaveLength(3);
  });

  it('does not retry other errors, or anything once maxAttempts is 1', async () => {
    const fatal = new EngineError('access denied');
    const bug = new TypeError('x is undefined');
    for (const error of [fatal, bug]) {
      const { fn, seen } = flaky(error);
      await expect(withRetries(fn, policy([]))).rejects.toBe(error);
      expect(seen).toEqual([1]);
    }
    const once = throttled();
    await expect(withRetries(flaky(once).fn, { ...policy([]), maxAttempts: 1 })).rejects.toBe(once);
  });

  it('stops when the signal aborts, also during the backoff', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fn, seen } = flaky(throttled());
    await expect(withRetries(fn, policy([]), controller.signal)).rejects.toThrow('throttled');
    expect(seen).toEqual([1]);

    const later = new AbortController();
    const waiting = withRetries(
      flaky(throttled()).fn,
      { ...policy([]), sleep: abortableSleep, baseMs: 60_000, random: () => 1 },
      later.signal,
    );
    setTimeout(() => later.abort(), 20);
    await expect(waiting).rejects.toMatchObject({ message: 'the request was cancelled', retryable: false });
  });
});
