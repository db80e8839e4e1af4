/** One server-sent event. */
export interface SseEvent {
  /** `message` when the stream names none. */
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * An incremental text/event-stream parser (the WHATWG rules): feed it decoded text in chunks of
 * any size; it calls back once per complete event. Lines end in LF, CRLF or CR (a CR at the end
 * of a chunk waits for the next one, which may start with its LF); comments are skipped; several
 * `data:` lines join with LF; an event left unterminated when the stream ends is dropped.
 */
export function createSseParser(onEvent: (event: SseEvent) => void) {
  let buffer = '';
  let data: string[] = [];
  let type = '';
  let lastId: string | undefined;

  function dispatch() {
    if (data.length > 0) onEvent({ event: type || 'message', data: data.join('\n'), id: lastId });
    data = [];
    type = '';
  }

  function line(text: string) {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  }

  return {
    push(chunk: string) {
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        if (c === '\r' && i === buffer.length - 1) break; // CRLF may be split across chunks
        line(buffer.slice(start, i));
        if (c === '\r' && buffer[i + 1] === '\n') i++;
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    /** The stream ended: whatever was not closed by a blank line is dropped. */
    end() {
      buffer = '';
      data = [];
      type = '';
    },
  };
}

/**
 * Reads an event stream body to its end, calling back per event; rejects when the stream breaks,
 * `onEvent` throws or `signal` aborts (the body is cancelled then, which closes the connection).
 */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser(onEvent);
  // A pending read() settles (done) once the reader is cancelled, whatever the body's source does.
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parser.end();
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}
