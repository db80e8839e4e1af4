import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlushResult } from '../../../../extension/features/feedback-outbox.ts';
import { createFeedbackSync } from '../../../../extension/features/feedback-sync.ts';

const left = (pending: number, nextAt: number | null): FlushResult => ({
  sent: 0,
  failed: 0,
  pending,
  nextAt,
});

beforeEach(() => vi.useFakeTimers({ now: 1_000 }));
afterEach(() => vi.useRealTimers());

describe('createFeedbackSync', () => {
  it('retries at the earliest backoff the outbox reports, until nothing is left', async () => {
    const flush = vi
      .fn<(force: boolean) => Promise<FlushResult>>()
      .mockResolvedValueOnce(left(1, 5_000))
      .mockResolvedValueOnce(left(1, 9_000))
      .mockResolvedValueOnce(left(0, null));
    const onFlushed = vi.fn();
    const sync = createFeedbackSync({ flush, onFlushed });
    await sync.kick();
    expect(flush).toHaveBeenLastCalledWith(false);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(flush).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1);
    expect(flush).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(flush).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(flush).toHaveBeenCalledTimes(3);
    expect(onFlushed).toHaveBeenCalledTimes(3);
  });

  it('flushes at once, ignoring the backoff, when kicked with force (back online)', async () => {
    const flush = vi.fn(async () => left(1, 600_000));
    const sync = createFeedbackSync({ flush, onFlushed() {} });
    await sync.kick();
    await sync.kick(true);
    expect(flush).toHaveBeenLastCalledWith(true);
    sync.dispose();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(flush).toHaveBeenCalledTimes(2);
  });
});
