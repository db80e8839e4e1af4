import type { SummaryResponse } from '../../shared/api.ts';
import type { SectionId } from '../../shared/sections.ts';
import { type ApiClient, ApiFailure } from '../lib/api-client.ts';
import { isTerminal, pollSummary } from './summary-poller.ts';
import { followSummaryEvents } from './summary-stream.ts';

export interface LoadOptions {
  accountId: string;
  /** Generate anew even when the server has a live brief for the account. */
  refresh?: boolean;
  /** Only these sections (the seller hides the others); all when absent. */
  sections?: SectionId[];
  signal: AbortSignal;
  /** Every snapshot on the way, so sections render as they finish. */
  onUpdate(summary: SummaryResponse): void;
  /** Told when the event stream failed and polling took over (for logs and tests). */
  onFallback?(error: unknown): void;
  /** false: poll only. */
  stream?: boolean;
  pollIntervalMs?: number;
  firstEventMs?: number;
}

// Failures polling would meet again: stop rather than fall back.
const FINAL = new Set(['signed-out', 'not-found']);

/**
 * Starts (or joins) the server's brief for an account and follows it to the end: one snapshot
 * right away (it carries the account header), then the event stream, falling back to polling when
 * the stream cannot be used. Resolves with the finished (done, partial or failed) summary.
 */
export async function loadSummary(
  client: Pick<ApiClient, 'createSummary' | 'getSummary' | 'openSummaryEvents'>,
  options: LoadOptions,
): Promise<SummaryResponse> {
  const { signal, onUpdate } = options;
  const { requestId } = await client.createSummary(
    {
      accountId: options.accountId,
      ...(options.refresh ? { refresh: true } : {}),
      ...(options.sections ? { sections: options.sections } : {}),
    },
    signal,
  );
  const first = await client.getSummary(requestId, signal);
  onUpdate(first);
  if (isTerminal(first.status)) return first;
  if (options.stream !== false) {
    try {
      return await followSummaryEvents(client, first, {
        signal,
        onUpdate,
        firstEventMs: options.firstEventMs,
      });
    } catch (error) {
      if (signal.aborted || (error instanceof ApiFailure && FINAL.has(error.kind))) throw error;
      options.onFallback?.(error);
    }
  }
  return pollSummary(client, requestId, { signal, onUpdate, intervalMs: options.pollIntervalMs });
}
