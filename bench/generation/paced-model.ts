import type { ServerResponse } from 'node:http';
import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { awsError, type BedrockCall, type Reply, type Response } from '../../test/support/bedrock-server.ts';
import { rng } from '../stats.ts';

/** Latency of one stand-in model: time to first token, then a steady rate, each with ±jitter. */
export interface ModelLatency {
  firstTokenMs: number;
  perTokenMs: number;
  /** Relative spread, e.g. 0.25: each request draws firstTokenMs × (1 ± 0.25). */
  jitter: number;
  /** Bullets the model writes (its answer length). */
  bullets: number;
}

const CHARS_PER_TOKEN = 4;
const TOKENS_PER_DELTA = 3;
const codec = new EventStreamCodec(
  (bytes) => Buffer.from(bytes).toString('utf8'),
  (text) => new Uint8Array(Buffer.from(text, 'utf8')),
);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A model that copies: one bullet per fact line of the prompt's <data> block (`[Sn] …`), cut at a
 * field boundary and ending with that line's source id. Every figure is copied from the data, so
 * the numbers and citations checks pass, like a well-behaved model's answer.
 */
export function groundedAnswer(user: string, bullets: number): string {
  const data = /^<data>$([\s\S]*?)^<\/data>$/m.exec(user)?.[1] ?? '';
  const lines = [...data.matchAll(/^\[(S\d+)\] (.+)$/gm)].slice(0, bullets);
  const cut = (text: string) => {
    const parts = text.split(/(?: · |; )/);
    let kept = parts[0]!;
    for (const part of parts.slice(1)) {
      if (kept.length >= 120) break;
      kept += ` · ${part}`;
    }
    return kept;
  };
  return (
    lines.map(([, id, text]) => `- ${cut(text!)} [${id}]`).join('\n') || '- No records are on file. [S1]'
  );
}

/**
 * Converse and ConverseStream routes for the local Bedrock server (test/support/bedrock-server.ts)
 * with per-model pacing: the stream's first delta comes after the time to first token, the rest at
 * the per-token rate, a few tokens a frame, as Bedrock streams them.
 */
export function pacedModelRoutes(models: Record<string, ModelLatency>, seed = 1) {
  const random = rng(seed);
  const spread = (ms: number, jitter: number) => ms * (1 - jitter + 2 * jitter * random());

  function plan(call: BedrockCall) {
    const model = models[call.params.modelId!];
    const body = call.body as {
      messages?: { content?: { text?: string }[] }[];
      system?: { text?: string }[];
    };
    const user = body?.messages?.[0]?.content?.[0]?.text;
    if (!model || !user) return null;
    const text = groundedAnswer(user, model.bullets);
    const inputChars = user.length + (body.system?.[0]?.text?.length ?? 0);
    const usage = {
      inputTokens: Math.ceil(inputChars / CHARS_PER_TOKEN),
      outputTokens: Math.ceil(text.length / CHARS_PER_TOKEN),
    };
    return {
      text,
      usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
      firstMs: spread(model.firstTokenMs, model.jitter),
      perTokenMs: spread(model.perTokenMs, model.jitter / 2),
    };
  }
  const invalid = () => awsError(400, 'ValidationException', 'The provided model identifier is invalid.');

  const converse = async (call: BedrockCall): Promise<Reply> => {
    const p = plan(call);
    if (!p) return invalid();
    await sleep(p.firstMs + p.perTokenMs * p.usage.outputTokens);
    return {
      body: {
        output: { message: { role: 'assistant', content: [{ text: p.text }] } },
        stopReason: 'end_turn',
        usage: p.usage,
        metrics: { latencyMs: Math.round(p.firstMs + p.perTokenMs * p.usage.outputTokens) },
      },
    };
  };

  const converseStream = async (call: BedrockCall, res: Response): Promise<Reply | undefined> => {
    const p = plan(call);
    if (!p) return invalid();
    let gone = false;
    res.once('close', () => {
      gone = true;
    });
    res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream' });
    const event = (type: string, body: unknown) => {
      const headers: MessageHeaders = {
        ':event-type': { type: 'string', value: type },
        ':content-type': { type: 'string', value: 'application/json' },
        ':message-type': { type: 'string', value: 'event' },
      };
      if (!gone)
        (res as ServerResponse).write(
          Buffer.from(codec.encode({ headers, body: Buffer.from(JSON.stringify(body)) })),
        );
    };
    event('messageStart', { role: 'assistant' });
    event('contentBlockStart', { contentBlockIndex: 0, start: {} });
    await sleep(p.firstMs);
    const size = TOKENS_PER_DELTA * CHARS_PER_TOKEN;
    for (let i = 0; i < p.text.length && !gone; i += size) {
      if (i > 0) await sleep(p.perTokenMs * TOKENS_PER_DELTA);
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: p.text.slice(i, i + size) } });
    }
    event('contentBlockStop', { contentBlockIndex: 0 });
    event('messageStop', { stopReason: 'end_turn' });
    event('metadata', { usage: p.usage, metrics: { latencyMs: Math.round(p.firstMs) } });
    res.end();
    return undefined;
  };

  return { converse, converseStream };
}
