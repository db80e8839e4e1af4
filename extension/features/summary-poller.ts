import type { RequestStatus, SummaryResponse } from '../../shared/api.ts';
import { type ApiClient, ApiFailure } from '../lib/api-client.ts';

const TERMINAL: ReadonlySet<RequestStatus> = new Set(['done', 'partial', 'failed']);
// Transient trouble while polling (a restart, a 429) should not throw away a brief half-way done.
const RETRYABLE = new Set(['offline', 'server', 'rate-limited']);
const MAX_RETRIES = 3;

export interface PollOptions {
  signal: AbortSignal;
  intervalMs?: number;
  /** Give up on a brief that never finishes (a stuck worker), rather than spin forever. */
  timeoutMs?: number;
  now?: () => number;
  /** Called with every snapshot, so sections render as they finish. */
  onUpdate(summary: SummaryResponse): void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const isTerminal = (status: RequestStatus) => TERMINAL.has(status);

/**
 * Polls a started summary until it is done, partial or failed; returns the last snapshot. The
 * fallback when the event stream cannot be used (a proxy that buffers it, an older server).
 */
export async function pollSummary(
  client: Pick<ApiClient, 'getSummary'>,
  requestId: string,
  options: PollOptions,
): Promise<SummaryResponse> {
  const { signal, intervalMs = 400, timeoutMs = 180_000, sleep = abortableSleep, now = Date.now } = options;
  const deadline = now() + timeoutMs;
  let failures = 0;
  for (;;) {
    try {
      const summary = await client.getSummary(requestId, signal);
      failures = 0;
      options.onUpdate(summary);
      if (isTerminal(summary.status)) return summary;
    } catch (error) {
      if (!(error instanceof ApiFailure) || !RETRYABLE.has(error.kind) || ++failures > MAX_RETRIES)
        throw error;
    }
    if (now() > deadline) throw new ApiFailure('server', 'The brief is taking much longer than usual.');
    await sleep(intervalMs * 2 ** failures, signal);
  }
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
