import { AsyncLocalStorage } from 'node:async_hooks';
import { EngineError } from './engine.ts';

/** Sees each failed attempt (throttling, timeouts…) of the calls it is in scope for; changes nothing. */
export interface AttemptObserver {
  failedAttempt(error: unknown, attempt: number): void;
}

/**
 * Scope an observer over an engine call (`attemptObservers.run(observer, () => engine.write(…))`) to
 * count what withRetries sees inside it, e.g. throttled attempts for metrics.
 */
export const attemptObservers = new AsyncLocalStorage<AttemptObserver>();

export interface RetryPolicy {
  /** Tries in all, the first included (1 = no retries). */
  maxAttempts: number;
  /** Backoff before retry n is uniform in [0, min(capMs, baseMs · 2^(n-1))] ("full jitter"). */
  baseMs: number;
  capMs: number;
  /** Injectable for tests: a number in [0, 1). */
  random?: () => number;
  /** Injectable for tests: waits ms, rejecting when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The full-jitter delay before retry number `retry` (1 for the first retry). */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'baseMs' | 'capMs' | 'random'>,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor((policy.random ?? Math.random)() * ceiling);
}

/**
 * Calls fn until it succeeds, fails with an error that is not a retryable EngineError, the attempts
 * run out or the signal aborts. fn receives the attempt number (1-based). Resolves with the value
 * and the number of attempts it took; a final retryable failure says how many attempts were made.
 */
export async function withRetries<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<{ value: T; attempts: number }> {
  const sleep = policy.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await fn(attempt), attempts: attempt };
    } catch (error) {
      try {
        attemptObservers.getStore()?.failedAttempt(error, attempt);
      } catch {
        // An observer never changes the outcome of a call.
      }
      const retryable = error instanceof EngineError && error.retryable && !signal?.aborted;
      if (!retryable) throw error;
      if (attempt >= policy.maxAttempts) {
        if (attempt === 1) throw error;
        throw new EngineError(`${error.message} (gave up after ${attempt} attempts)`, {
          retryable: true,
          cause: error,
        });
      }
      await sleep(backoffDelay(attempt, policy), signal);
    }
  }
}

/** setTimeout as a promise that rejects (not retryable) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => new EngineError('the request was cancelled');
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
