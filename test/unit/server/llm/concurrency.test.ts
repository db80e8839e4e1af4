import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../../server/llm/concurrency.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A task that runs until released, recording the peak of tasks running at once. */
function tasks() {
  let running = 0;
  const stats = { peak: 0, order: [] as number[] };
  const releases: (() => void)[] = [];
  const task = (id: number) => async () => {
    running++;
    stats.peak = Math.max(stats.peak, running);
    stats.order.push(id);
    await new Promise<void>((r) => releases.push(r));
    running--;
    return id;
  };
  return { task, stats, releases };
}

describe('createLimiter', () => {
  it('runs at most max at once, the rest in arrival order', async () => {
    const limiter = createLimiter(2);
    const { task, stats, releases } = tasks();
    const all = Promise.all([1, 2, 3, 4, 5].map((id) => limiter.run(task(id))));
    await tick();
    expect({ active: limiter.active, waiting: limiter.waiting }).toEqual({ active: 2, waiting: 3 });
    while (releases.length) {
      releases.shift()!();
      await tick();
    }
    expect(await all).toEqual([1, 2, 3, 4, 5]);
    expect(stats).toEqual({ peak: 2, order: [1, 2, 3, 4, 5] });
    expect({ active: limiter.active, waiting: limiter.waiting }).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
    expect(limiter.active).toBe(0);
  });

  it('drops a waiting call whose signal aborts, without taking a slot', async () => {
    const limiter = createLimiter(1);
    const { task, releases } = tasks();
    const first = limiter.run(task(1));
    const controller = new AbortController();
    const second = limiter.run(task(2), controller.signal);
    const third = limiter.run(task(3));
    await tick();
    controller.abort();
    await expect(second).rejects.toMatchObject({ name: 'EngineError', message: 'the request was cancelled' });
    expect(limiter.waiting).toBe(1);
    releases.shift()!();
    await tick();
    releases.shift()!();
    expect(await Promise.all([first, third])).toEqual([1, 3]);
    await expect(limiter.run(task(4), AbortSignal.abort())).rejects.toThrow('cancelled');
  });

  it('rejects a nonsensical limit', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
    expect(() => createLimiter(1.5)).toThrow(RangeError);
  });
});
