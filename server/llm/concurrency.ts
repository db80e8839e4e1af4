import { EngineError } from './engine.ts';

/** A counting semaphore: at most `max` calls of `run` are inside fn at once, the rest wait in order. */
export interface Limiter {
  readonly max: number;
  /** Calls inside fn now. */
  readonly active: number;
  /** Calls waiting for a slot. */
  readonly waiting: number;
  /** Runs fn in a free slot; a call still waiting when the signal aborts rejects and leaves the queue. */
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * Creates a limiter. Make one per provider per process (the engine does) and share it across
 * requests, so the model sees at most `max` calls from this server whatever the traffic.
 */
export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`concurrency must be a positive integer, got ${max}`);
  let active = 0;
  const queue: (() => void)[] = [];

  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };

  const acquire = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new EngineError('the request was cancelled'));
      if (active < max) {
        active++;
        return resolve();
      }
      // The slot is handed over directly by release(): active stays the same.
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const i = queue.indexOf(grant);
        if (i >= 0) queue.splice(i, 1);
        reject(new EngineError('the request was cancelled'));
      };
      queue.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  return {
    max,
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    async run(fn, signal) {
      await acquire(signal);
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}
