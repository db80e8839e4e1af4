import type { EngineError } from './engine.ts';

export interface CallOutcome {
  /** The per-call timeout fired. */
  timedOut: boolean;
  /** The caller's signal aborted (the request was abandoned). */
  cancelled: boolean;
}

/**
 * One provider call under a time limit: fn gets a signal that aborts when `timeoutMs` passes or the
 * caller's signal aborts, and the call rejects at that moment even if fn ignores its signal.
 * Whatever fn throws goes through mapError with what happened, so a provider can tell a timeout
 * (worth retrying) from a cancelled request (not).
 */
export async function timedCall<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  options: {
    timeoutMs: number;
    signal?: AbortSignal;
    mapError: (error: unknown, outcome: CallOutcome) => EngineError;
  },
): Promise<T> {
  const { signal } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const cancel = () => controller.abort();
  signal?.addEventListener('abort', cancel, { once: true });
  if (signal?.aborted) controller.abort();
  try {
    return await untilAborted(fn(controller.signal), controller.signal);
  } catch (error) {
    throw options.mapError(error, { timedOut, cancelled: !timedOut && Boolean(signal?.aborted) });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}

/** Settles with the promise, or rejects as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
