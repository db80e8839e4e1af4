import { describe, expect, it, vi } from 'vitest';
import { pollSummary } from '../../../../extension/features/summary-poller.ts';
import { ApiFailure } from '../../../../extension/lib/api-client.ts';
import type { SummaryResponse } from '../../../../shared/api.ts';
import { finishedFixture, summaryFixture } from '../fixtures/summary.ts';

const running: SummaryResponse = { ...summaryFixture, status: 'running' };
const noSleep = vi.fn(async () => {});

function client(answers: (SummaryResponse | Error)[]) {
  return {
    getSummary: vi.fn(async () => {
      const next = answers.shift();
      if (!next) throw new Error('polled past the end');
      if (next instanceof Error) throw next;
      return next;
    }),
  };
}

describe('pollSummary', () => {
  it('polls until the summary is terminal, reporting every snapshot', async () => {
    const c = client([running, running, finishedFixture]);
    const seen: string[] = [];
    const final = await pollSummary(c, 'r1', {
      signal: new AbortController().signal,
      onUpdate: (s) => seen.push(s.status),
      sleep: noSleep,
    });
    expect(final).toBe(finishedFixture);
    expect(seen).toEqual(['running', 'running', 'done']);
    expect(c.getSummary).toHaveBeenCalledWith('r1', expect.any(AbortSignal));
  });

  it('rides out a brief outage, then gives up', async () => {
    const offline = () => new ApiFailure('offline', 'down');
    const ok = client([offline(), running, finishedFixture]);
    await expect(
      pollSummary(ok, 'r1', {
        signal: new AbortController().signal,
        onUpdate() {},
        sleep: noSleep,
      }),
    ).resolves.toBe(finishedFixture);
    const down = client([offline(), offline(), offline(), offline()]);
    await expect(
      pollSummary(down, 'r1', {
        signal: new AbortController().signal,
        onUpdate() {},
        sleep: noSleep,
      }),
    ).rejects.toMatchObject({ kind: 'offline' });
  });

  it('does not retry what retrying cannot fix', async () => {
    const c = client([new ApiFailure('not-found', 'gone', 404)]);
    await expect(
      pollSummary(c, 'r1', { signal: new AbortController().signal, onUpdate() {}, sleep: noSleep }),
    ).rejects.toMatchObject({ kind: 'not-found' });
    expect(c.getSummary).toHaveBeenCalledOnce();
  });

  it('gives up on a brief that never finishes', async () => {
    let t = 0;
    const c = client(Array.from({ length: 10 }, () => running));
    await expect(
      pollSummary(c, 'r1', {
        signal: new AbortController().signal,
        onUpdate() {},
        sleep: noSleep,
        timeoutMs: 1000,
        now: () => (t += 400),
      }),
    ).rejects.toMatchObject({ kind: 'server' });
    expect(c.getSummary).toHaveBeenCalledTimes(3);
  });

  it('stops when aborted between polls', async () => {
    const abort = new AbortController();
    const c = client([running, running, running]);
    const promise = pollSummary(c, 'r1', {
      signal: abort.signal,
      intervalMs: 5,
      onUpdate: () => abort.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(c.getSummary).toHaveBeenCalledOnce();
  });
});
