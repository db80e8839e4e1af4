import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../server/env.ts';
import { EngineError, type SectionWriteInput } from '../../../server/llm/engine.ts';
import {
  createOpenAiCompatibleEngine,
  type OpenAiEngineOptions,
} from '../../../server/llm/openai-compatible.ts';
import { createSectionEngine } from '../../../server/llm/providers.ts';
import type { SectionData } from '../../../server/sections/types.ts';

// A local stand-in for Ollama / vLLM: POST /v1/chat/completions, JSON or server-sent events.

type Answer = { status?: number; text?: string; finish?: string; hang?: boolean; delayMs?: number };
interface Seen {
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    stream: boolean;
    max_tokens: number;
    messages: { role: string; content: string }[];
  };
}

let server: http.Server;
let baseUrl: string;
let seen: Seen[];
let script: (n: number, body: Seen['body']) => Answer;
let inFlight = 0;
let maxInFlight = 0;
let abandoned = 0;

async function handle(req: IncomingMessage, res: ServerResponse) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  const body = JSON.parse(raw) as Seen['body'];
  seen.push({ headers: req.headers, body });
  const answer = script(seen.length, body);
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  let done = false;
  res.once('close', () => {
    if (!done) abandoned++;
    inFlight--;
  });
  if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
  if (answer.hang) return;
  done = true;
  if (answer.status) {
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ error: { message: `echo: ${body.messages[1]?.content}` } }));
  }
  const text = answer.text ?? `- Written by ${body.model}. [S1]`;
  const finish = answer.finish ?? 'stop';
  const usage = { prompt_tokens: 50, completion_tokens: 7 };
  if (!body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(
      JSON.stringify({
        choices: [{ message: { role: 'assistant', content: text }, finish_reason: finish }],
        usage,
      }),
    );
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const piece of text.match(/.{1,6}/gs) ?? []) {
    res.write(
      `data: ${JSON.stringify({ choices: [{ delta: { content: piece }, finish_reason: null }] })}\n\n`,
    );
  }
  res.write(`data: ${JSON.stringify({ choices: [{ delta: {}, finish_reason: finish }] })}\n\n`);
  res.write(`data: ${JSON.stringify({ choices: [], usage })}\n\ndata: [DONE]\n\n`);
  res.end();
}

beforeAll(async () => {
  server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
beforeEach(() => {
  seen = [];
  script = () => ({});
  maxInFlight = 0;
  abandoned = 0;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const SECRET = 'Contoso-SECRET-42';
const input = (
  tier: 'fast' | 'deep' = 'fast',
  extra: Partial<SectionWriteInput> = {},
): SectionWriteInput => ({
  sectionId: 'support',
  title: 'Support',
  prompt: `You are an analyst.\n\n<instructions>\nBe brief.\n</instructions>\n<data>\n${SECRET}\n</data>`,
  data: {} as SectionData,
  tier,
  maxOutputTokens: 200,
  ...extra,
});
const engine = (options: Partial<OpenAiEngineOptions> = {}) =>
  createOpenAiCompatibleEngine({
    baseUrl,
    models: { fast: 'llama3.2:3b', deep: 'qwen2.5:14b' },
    timeoutMs: 2_000,
    backoff: { baseMs: 1, capMs: 2, random: () => 0 },
    ...options,
  });

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineError);
  expect((error as Error).message).not.toContain(SECRET);
  return error as EngineError;
}

describe('OpenAI-compatible engine (Ollama, vLLM)', () => {
  it('streams chat completions from the model of each tier, with usage', async () => {
    const out = await engine({ apiKey: 'sk-test' }).write(input('deep'));
    expect(out).toEqual({
      markdown: '- Written by qwen2.5:14b. [S1]',
      model: 'qwen2.5:14b',
      usage: { inputTokens: 50, outputTokens: 7 },
      attempts: 1,
    });
    expect(seen[0]!.headers.authorization).toBe('Bearer sk-test');
    expect(seen[0]!.body).toMatchObject({ model: 'qwen2.5:14b', stream: true, max_tokens: 200 });
    expect(seen[0]!.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(seen[0]!.body.messages[0]!.content).toBe('You are an analyst.');
  });

  it('reads one-shot JSON answers and flags a cut-off one', async () => {
    script = () => ({ text: '- Cut', finish: 'length' });
    expect(await engine({ stream: false }).write(input())).toMatchObject({
      markdown: '- Cut',
      model: 'llama3.2:3b',
      truncated: true,
    });
    expect(seen[0]!.body.stream).toBe(false);
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('retries 429 and 503, not 400; never echoes the server body', async () => {
    script = (n) => (n <= 2 ? { status: n === 1 ? 429 : 503 } : {});
    expect(await engine().write(input())).toMatchObject({ attempts: 3 });
    seen = [];
    script = () => ({ status: 400 });
    const error = await rejection(engine().write(input()));
    expect(error).toMatchObject({
      retryable: false,
      message: 'the model server answered HTTP 400 for llama3.2:3b',
    });
    expect(seen).toHaveLength(1);
  });

  it('times out a silent server, retries, and gives up with a retryable error', async () => {
    script = () => ({ hang: true });
    const error = await rejection(engine({ timeoutMs: 150, maxAttempts: 2 }).write(input()));
    expect(error).toMatchObject({
      retryable: true,
      message: 'model llama3.2:3b did not answer within 150 ms (gave up after 2 attempts)',
    });
    await expect.poll(() => abandoned).toBe(2);
  });

  it('limits calls in flight and is what LLM_PROVIDER=openai configures', async () => {
    script = () => ({ delayMs: 40 });
    const env = parseEnv({
      LLM_PROVIDER: 'openai',
      OPENAI_BASE_URL: baseUrl,
      OPENAI_MODEL_FAST: 'llama3.2:3b',
      LLM_CONCURRENCY: '2',
    });
    const configured = createSectionEngine(env);
    expect(configured.name).toBe('openai-compatible');
    const outs = await Promise.all(
      Array.from({ length: 5 }, (_, i) => configured.write(input(i ? 'deep' : 'fast'))),
    );
    expect(outs.every((o) => o.model === 'llama3.2:3b')).toBe(true); // DEEP defaults to FAST
    expect(maxInFlight).toBe(2);
    expect(() => parseEnv({ LLM_PROVIDER: 'openai' })).toThrow(
      /OPENAI_BASE_URL: required when LLM_PROVIDER=openai/,
    );
  });
});
