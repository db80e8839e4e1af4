import { describe, expect, it, vi } from 'vitest';
import { loadSummary } from '../../../../extension/features/summary-loader.ts';
import { StreamInterrupted, withSection } from '../../../../extension/features/summary-stream.ts';
import { ApiFailure } from '../../../../extension/lib/api-client.ts';
import type { SummaryResponse } from '../../../../shared/api.ts';
import { finishedFixture } from '../fixtures/summary.ts';

const pending: SummaryResponse = {
  ...finishedFixture,
  status: 'pending',
  sections: finishedFixture.sections.map((s) => ({ ...s, status: 'pending', markdown: null, citations: [] })),
};
const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const sectionEvents = finishedFixture.sections.map((s) => sse('section', s));

/** A stream that sends `chunks`, then ends (or stays open when `hang`). */
function stream(chunks: string[], hang = false) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      if (!hang) controller.close();
    },
  });
}

function client(events: () => Promise<ReadableStream<Uint8Array>>, polls: SummaryResponse[] = []) {
  const answers = [pending, ...polls];
  return {
    createSummary: vi.fn(async () => ({ requestId: 'r1', status: 'pending' as const })),
    getSummary: vi.fn(async () => answers.shift() ?? finishedFixture),
    openSummaryEvents: vi.fn(events),
  };
}

const run = (c: ReturnType<typeof client>, extra: Partial<Parameters<typeof loadSummary>[1]> = {}) => {
  const updates: SummaryResponse[] = [];
  const fallback = vi.fn();
  const promise = loadSummary(c, {
    accountId: 'A',
    signal: new AbortController().signal,
    onUpdate: (s) => updates.push(s),
    onFallback: fallback,
    pollIntervalMs: 1,
    ...extra,
  });
  return { promise, updates, fallback };
};

describe('loadSummary over the event stream', () => {
  it('renders sections one by one from the stream, without polling', async () => {
    const c = client(async () => stream([...sectionEvents, sse('summary', finishedFixture)]));
    const { promise, updates, fallback } = run(c, { sections: ['executive', 'pipeline'], refresh: true });
    await expect(promise).resolves.toEqual(finishedFixture);
    expect(c.createSummary).toHaveBeenCalledWith(
      { accountId: 'A', refresh: true, sections: ['executive', 'pipeline'] },
      expect.any(AbortSignal),
    );
    expect(c.getSummary).toHaveBeenCalledOnce();
    // First snapshot, one update per section event, then the final summary.
    expect(updates).toHaveLength(1 + 6 + 1);
    const done = updates.map((u) => u.sections.filter((s) => s.status === 'done').length);
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 6]);
    expect(updates[1]!.account).toEqual(finishedFixture.account);
    expect(updates[1]!.status).toBe('running');
    expect(fallback).not.toHaveBeenCalled();
  });

  it('does not open a stream for a brief the server already finished', async () => {
    const c = client(async () => stream([]));
    c.getSummary.mockResolvedValueOnce(finishedFixture);
    await expect(run(c).promise).resolves.toBe(finishedFixture);
    expect(c.openSummaryEvents).not.toHaveBeenCalled();
  });

  it.each([
    ['cannot be opened', async () => Promise.reject(new ApiFailure('bad-response', 'not a stream'))],
    ['is refused by the network', async () => Promise.reject(new ApiFailure('offline', 'down'))],
    ['ends before the summary event', async () => stream(sectionEvents.slice(0, 2))],
    ['sends an unreadable event', async () => stream(['event: section\ndata: {"nope":1}\n\n'])],
  ])('falls back to polling when the stream %s', async (_, events) => {
    const c = client(events, [{ ...pending, status: 'running' }, finishedFixture]);
    const { promise, updates, fallback } = run(c);
    await expect(promise).resolves.toBe(finishedFixture);
    expect(fallback).toHaveBeenCalledOnce();
    expect(c.getSummary).toHaveBeenCalledTimes(3);
    expect(updates.at(-1)).toBe(finishedFixture);
  });

  it('falls back when a buffering proxy keeps the stream silent', async () => {
    const c = client(async () => stream([], true), [finishedFixture]);
    const { promise, fallback } = run(c, { firstEventMs: 20 });
    await expect(promise).resolves.toBe(finishedFixture);
    expect(fallback.mock.calls[0]![0]).toBeInstanceOf(StreamInterrupted);
  });

  it('does not fall back when the brief is gone or the token expired', async () => {
    const gone = client(async () => stream(['event: error\ndata: {}\n\n']));
    await expect(run(gone).promise).rejects.toMatchObject({ kind: 'not-found' });
    const expired = client(async () => Promise.reject(new ApiFailure('signed-out', 'expired', 401)));
    await expect(run(expired).promise).rejects.toMatchObject({ kind: 'signed-out' });
    expect(gone.getSummary).toHaveBeenCalledOnce();
  });

  it('stops reading when aborted mid-stream', async () => {
    const abort = new AbortController();
    const c = client(async () => stream([sectionEvents[0]!], true));
    const promise = loadSummary(c, {
      accountId: 'A',
      signal: abort.signal,
      onUpdate: (s) => s.sections[0]?.status === 'done' && abort.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(c.getSummary).toHaveBeenCalledOnce();
  });
});

describe('withSection', () => {
  it('replaces a section in place and adds an unknown one at the end', () => {
    const next = withSection(pending, finishedFixture.sections[2]!);
    expect(next.sections.map((s) => s.status)).toEqual([
      'pending',
      'pending',
      'done',
      'pending',
      'pending',
      'pending',
    ]);
    expect(next.sections[0]).toBe(pending.sections[0]);
    const fewer = { ...pending, sections: pending.sections.slice(0, 1) };
    expect(withSection(fewer, finishedFixture.sections[5]!).sections.map((s) => s.id)).toEqual([
      'executive',
      'recommendations',
    ]);
  });
});
