import type { ServerResponse } from 'node:http';
import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { awsError, type BedrockCall, type Reply, type Response } from './bedrock-wire.ts';

// Converse and ConverseStream routes of the local Bedrock server: a scriptable stand-in model.

/** What a test model sees of one request. */
export interface ConverseRequest {
  modelId: string;
  system: string;
  user: string;
  maxTokens?: number;
  temperature?: number;
  /** 1-based count of requests this model has received (including this one). */
  nth: number;
}

/** How a stand-in model answers one request. */
export interface ConverseScript {
  text: string;
  stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'content_filtered' | 'guardrail_intervened';
  usage?: { inputTokens: number; outputTokens: number };
  /** Streaming: number of contentBlockDelta frames the text is cut into (default 3). */
  deltas?: number;
  /** Streaming: after this many deltas, send an exception frame of `exception.type` and stop. */
  exception?: { afterDeltas: number; type: string; message?: string };
  /** Never answer (or, streaming, stop sending after `afterDeltas` deltas) until the client leaves. */
  hang?: { afterDeltas?: number };
}

/** Returns the answer, or null for a model id the account cannot use (a ValidationException). */
export type ConverseResponder = (request: ConverseRequest) => string | ConverseScript | null;

/** Test controls of the Converse routes. */
export interface ConverseControls {
  /** A function of the request, or a text per model id (unknown model ids get a ValidationException). */
  respond(responder: ConverseResponder | Record<string, string | ConverseScript>): void;
  /** Delay before a model starts answering (counts as in flight). */
  latency(modelId: string, ms: number): void;
  /** Converse requests being answered now, and the most there ever were at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Requests whose client went away before the answer ended (timeouts, aborts). */
  readonly abandoned: number;
  reset(): void;
}

const codec = new EventStreamCodec(
  (bytes) => Buffer.from(bytes).toString('utf8'),
  (text) => new Uint8Array(Buffer.from(text, 'utf8')),
);

export function converseRoutes() {
  let responder: ConverseResponder = defaultResponder;
  const latencies = new Map<string, number>();
  const counts = new Map<string, number>();
  const state = { inFlight: 0, maxInFlight: 0, abandoned: 0 };

  /** Parses, counts and delays a request; undefined (and an error reply) when invalid. */
  async function begin(call: BedrockCall, res: Response) {
    const request = parseRequest(call, (counts.get(call.params.modelId!) ?? 0) + 1);
    if (typeof request === 'string') return { error: awsError(400, 'ValidationException', request) };
    counts.set(request.modelId, request.nth);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    // Set when the model has said all it will say; a close before that means the client left
    // (an HTTP/2 response emits 'finish' even when the client resets the stream, so track it here).
    let answered = false;
    const settle = () => {
      if (!answered) state.inFlight--;
      answered = true;
    };
    res.once('close', () => {
      if (!answered) state.abandoned++;
      settle();
    });
    const delay = latencies.get(request.modelId);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const answer = responder(request);
    if (answer === null) {
      settle();
      return { error: awsError(400, 'ValidationException', 'The provided model identifier is invalid.') };
    }
    const script = typeof answer === 'string' ? { text: answer } : answer;
    return { request, script, settle };
  }

  const converse = async (call: BedrockCall, res: Response): Promise<Reply | undefined> => {
    const started = await begin(call, res);
    if ('error' in started) return started.error;
    const { request, script, settle } = started;
    if (script.hang) return undefined;
    settle();
    return {
      body: {
        output: { message: { role: 'assistant', content: [{ text: script.text }] } },
        stopReason: script.stopReason ?? 'end_turn',
        usage: usageOf(request, script),
        metrics: { latencyMs: latencies.get(request.modelId) ?? 1 },
      },
    };
  };

  const converseStream = async (call: BedrockCall, res: Response): Promise<Reply | undefined> => {
    const started = await begin(call, res);
    if ('error' in started) return started.error;
    const { request, script } = started;
    if (script.hang && script.hang.afterDeltas === undefined) return undefined;
    res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream' });
    const send = async (headers: MessageHeaders, body: unknown) => {
      // Both response kinds have write(Buffer); their overload sets just do not unify.
      (res as ServerResponse).write(
        Buffer.from(codec.encode({ headers, body: Buffer.from(JSON.stringify(body)) })),
      );
      await new Promise((r) => setImmediate(r));
    };
    const event = (type: string, body: unknown) => send(eventHeaders(type), body);
    await event('messageStart', { role: 'assistant' });
    await event('contentBlockStart', { contentBlockIndex: 0, start: {} });
    const pieces = split(script.text, script.deltas ?? 3);
    for (const [i, piece] of pieces.entries()) {
      if (script.exception?.afterDeltas === i) {
        started.settle();
        return endWithException(res, script.exception, send);
      }
      if (script.hang?.afterDeltas === i) return undefined;
      await event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: piece } });
    }
    if (script.exception) {
      started.settle();
      return endWithException(res, script.exception, send);
    }
    if (script.hang) return undefined;
    await event('contentBlockStop', { contentBlockIndex: 0 });
    await event('messageStop', { stopReason: script.stopReason ?? 'end_turn' });
    await event('metadata', { usage: usageOf(request, script), metrics: { latencyMs: 1 } });
    started.settle();
    res.end();
    return undefined;
  };

  const controls: ConverseControls = {
    respond(next) {
      responder = typeof next === 'function' ? next : (request) => next[request.modelId] ?? null;
    },
    latency: (modelId, ms) => latencies.set(modelId, ms),
    get inFlight() {
      return state.inFlight;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    get abandoned() {
      return state.abandoned;
    },
    reset() {
      responder = defaultResponder;
      latencies.clear();
      counts.clear();
      Object.assign(state, { inFlight: 0, maxInFlight: 0, abandoned: 0 });
    },
  };
  return { converse, converseStream, controls };
}

function defaultResponder(request: ConverseRequest): string {
  return `- Written by ${request.modelId}. [S1]`;
}

function parseRequest(call: BedrockCall, nth: number): ConverseRequest | string {
  const body = call.body as
    | {
        system?: { text?: string }[];
        messages?: { role?: string; content?: { text?: string }[] }[];
        inferenceConfig?: { maxTokens?: number; temperature?: number };
      }
    | undefined;
  const user = body?.messages?.find((m) => m.role === 'user')?.content?.[0]?.text;
  if (!user) return 'A conversation must start with a user message.';
  return {
    modelId: call.params.modelId!,
    system: (body?.system ?? []).map((s) => s.text ?? '').join('\n'),
    user,
    maxTokens: body?.inferenceConfig?.maxTokens,
    temperature: body?.inferenceConfig?.temperature,
    nth,
  };
}

function usageOf(request: ConverseRequest, script: ConverseScript) {
  const count = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const usage = script.usage ?? {
    inputTokens: count(request.system) + count(request.user),
    outputTokens: count(script.text),
  };
  return { ...usage, totalTokens: usage.inputTokens + usage.outputTokens };
}

function eventHeaders(type: string): MessageHeaders {
  return {
    ':event-type': { type: 'string', value: type },
    ':content-type': { type: 'string', value: 'application/json' },
    ':message-type': { type: 'string', value: 'event' },
  };
}

async function endWithException(
  res: Response,
  exception: NonNullable<ConverseScript['exception']>,
  send: (headers: MessageHeaders, body: unknown) => Promise<void>,
) {
  await send(
    {
      ':exception-type': { type: 'string', value: exception.type },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'exception' },
    },
    { message: exception.message ?? `${exception.type} while streaming`, originalStatusCode: 500 },
  );
  res.end();
  return undefined;
}

/** Cuts text into n pieces of about equal length (fewer when the text is short). */
function split(text: string, n: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, n)));
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}
