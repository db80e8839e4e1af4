import { describe, expect, it } from 'vitest';
import { createSseParser, readSse, type SseEvent } from '../../../../extension/lib/sse-parser.ts';

function parseChunks(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

const streamOf = (chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

describe('createSseParser', () => {
  it('reads what Hono streamSSE writes: event, id and data, blank-line separated', () => {
    const events = parseChunks([
      'event: section\nid: 1\ndata: {"id":"executive"}\n\n',
      'event: summary\nid: 2\ndata: {"status":"done"}\n\n',
    ]);
    expect(events).toEqual([
      { event: 'section', data: '{"id":"executive"}', id: '1' },
      { event: 'summary', data: '{"status":"done"}', id: '2' },
    ]);
  });

  it('handles any chunking, CRLF and CR line ends, even a CRLF split across chunks', () => {
    const text = 'event: a\r\ndata: one\r\n\r\nevent: b\rdata: two\r\rdata: three\n\n';
    const whole = parseChunks([text]);
    const byChar = parseChunks([...text]);
    const splitCrlf = parseChunks([
      'event: a\r',
      '\ndata: one\r',
      '\n\r',
      '\nevent: b\rdata: two\r\rdata: three\n\n',
    ]);
    const expected = [
      { event: 'a', data: 'one', id: undefined },
      { event: 'b', data: 'two', id: undefined },
      { event: 'message', data: 'three', id: undefined },
    ];
    expect(whole).toEqual(expected);
    expect(byChar).toEqual(expected);
    expect(splitCrlf).toEqual(expected);
  });

  it('joins multi-line data, skips comments and unknown fields, keeps the last id', () => {
    const events = parseChunks([
      ': keep-alive\n',
      'retry: 1000\nid: 7\nfoo: bar\ndata: line 1\ndata:line 2\ndata\n\n',
      'data: x\n\n',
    ]);
    expect(events).toEqual([
      { event: 'message', data: 'line 1\nline 2\n', id: '7' },
      { event: 'message', data: 'x', id: '7' },
    ]);
  });

  it('does not dispatch events without data, nor one cut off by the end of the stream', () => {
    expect(parseChunks(['event: ping\n\n', 'event: section\ndata: {"half":'])).toEqual([]);
  });
});

describe('readSse', () => {
  it('decodes UTF-8 split inside a character', async () => {
    const bytes = new TextEncoder().encode('data: Sofía Sørensen\n\n');
    const cut = 9; // inside "í"
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readSse(stream, (e) => events.push(e));
    expect(events.map((e) => e.data)).toEqual(['Sofía Sørensen']);
  });

  it('rejects, and cancels the body, when the handler throws', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(
      readSse(stream, () => {
        throw new Error('bad event');
      }),
    ).rejects.toThrow('bad event');
    expect(cancelled).toBe(true);
  });

  it('reads a whole stream to its end', async () => {
    const events: SseEvent[] = [];
    await readSse(streamOf(['data: a\n\nda', 'ta: b\n\n']), (e) => events.push(e));
    expect(events.map((e) => e.data)).toEqual(['a', 'b']);
  });
});
