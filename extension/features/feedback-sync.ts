import type { FlushResult } from './feedback-outbox.ts';

export interface FeedbackSyncDeps {
  /** Sends what is due (everything when `force`); resolves with what is left. */
  flush(force: boolean): Promise<FlushResult | null>;
  /** After every flush, so the panel can show which votes reached the server. */
  onFlushed(result: FlushResult): void;
  now?: () => number;
}

/**
 * Keeps the feedback outbox moving while the panel is open: a flush when asked (panel opened,
 * back online, a vote was queued), then one timer for the earliest retry the backoff allows.
 */
export function createFeedbackSync(deps: FeedbackSyncDeps) {
  const now = deps.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  async function run(force: boolean) {
    clearTimeout(timer);
    let result: FlushResult | null = null;
    try {
      result = await deps.flush(force);
    } catch {
      // IndexedDB trouble: nothing to retry on a timer; the next kick tries again.
    }
    if (disposed || !result) return;
    deps.onFlushed(result);
    if (result.nextAt !== null) {
      clearTimeout(timer);
      timer = setTimeout(() => void run(false), Math.max(0, result.nextAt - now()));
    }
  }

  return {
    /** Flush now; `force` ignores the backoff (the network just came back). */
    kick: (force = false) => run(force),
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
