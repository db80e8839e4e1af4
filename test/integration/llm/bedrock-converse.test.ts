import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../server/env.ts';
import { createBedrockRuntimeClient } from '../../../server/llm/bedrock-client.ts';
import { type BedrockEngineOptions, createBedrockEngine } from '../../../server/llm/bedrock-converse.ts';
import { EngineError, type ModelTier, type SectionWriteInput } from '../../../server/llm/engine.ts';
import { createSectionEngine } from '../../../server/llm/providers.ts';
import type { SectionData } from '../../../server/sections/types.ts';
import { type BedrockServer, startBedrockServer } from '../../support/bedrock-server.ts';

const FAST = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const DEEP = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const SECRET = 'Northwind-SECRET-7731';
const PREAMBLE = 'You are a sales-operations analyst.\n\nUse only the data provided in <data>.';
const PROMPT = `${PREAMBLE}\n\n<instructions>\n1. Write bullets.\n</instructions>\n\n<data>\n${SECRET} spend $1,250,000\n</data>`;

let bedrock: BedrockServer;
let client: BedrockRuntimeClient;
let sleeps: number[];

beforeAll(async () => {
  bedrock = await startBedrockServer();
  // The SDK's default HTTP/2 handler; SDK retries off, the engine retries itself.
  client = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: bedrock.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});
beforeEach(() => {
  bedrock.reset();
  sleeps = [];
});
afterAll(async () => {
  client?.destroy();
  await bedrock?.close();
});

function engine(options: Partial<BedrockEngineOptions> = {}) {
  return createBedrockEngine({
    client,
    models: { fast: FAST, deep: DEEP },
    timeoutMs: 2_000,
    // Fixed jitter and no real waiting: the delays are recorded instead.
    backoff: { baseMs: 100, capMs: 1_000, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) },
    ...options,
  });
}

function input(tier: ModelTier = 'fast', extra: Partial<SectionWriteInput> = {}): SectionWriteInput {
  return {
    sectionId: 'executive',
    title: 'Executive summary',
    prompt: PROMPT,
    data: {} as SectionData,
    tier,
    maxOutputTokens: 321,
    ...extra,
  };
}

const modelCalls = () => bedrock.calls.filter((c) => c.route.startsWith('converse'));

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineError);
  expect((error as Error).message).not.toMatch(/SECRET|1,250,000|sales-operations/);
  return error as EngineError;
}

describe('Bedrock Converse engine through the real SDK', () => {
  it('streams the answer from the model of each tier, with the prompt split into system and user', async () => {
    bedrock.converse.respond({
      [FAST]: {
        text: '- Spend is **$1,250,000**. [S1]',
        deltas: 5,
        usage: { inputTokens: 42, outputTokens: 9 },
      },
      [DEEP]: '- A deeper look. [S2]',
    });
    const fast = await engine().write(input('fast'));
    expect(fast).toEqual({
      markdown: '- Spend is **$1,250,000**. [S1]',
      model: FAST,
      usage: { inputTokens: 42, outputTokens: 9 },
      attempts: 1,
    });
    const deep = await engine().write(input('deep'));
    expect(deep).toMatchObject({ markdown: '- A deeper look. [S2]', model: DEEP, attempts: 1 });
    expect(modelCalls().map((c) => [c.route, c.params.modelId])).toEqual([
      ['converse-stream', FAST],
      ['converse-stream', DEEP],
    ]);
    expect(modelCalls()[0]!.body).toEqual({
      system: [{ text: PREAMBLE }],
      messages: [{ role: 'user', content: [{ text: PROMPT.slice(PREAMBLE.length).trim() }] }],
      inferenceConfig: { maxTokens: 321, temperature: 0.2 },
    });
  });

  it('uses Converse when streaming is off, and over HTTP/1.1 too', async () => {
    bedrock.converse.respond({ [DEEP]: '- One shot. [S1]' });
    expect(await engine({ stream: false }).write(input('deep'))).toMatchObject({
      markdown: '- One shot. [S1]',
      model: DEEP,
      usage: { inputTokens: expect.any(Number), outputTokens: 4 },
    });
    const h1 = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: bedrock.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler(),
    });
    expect((await engine({ client: h1 }).write(input('deep'))).markdown).toBe('- One shot. [S1]');
    h1.destroy();
    expect(modelCalls().map((c) => c.route)).toEqual(['converse', 'converse-stream']);
  });

  it('retries throttling with full-jitter exponential backoff, then succeeds', async () => {
    bedrock.throttle('converse-stream', 2);
    const out = await engine().write(input());
    expect(out).toMatchObject({ model: FAST, attempts: 3 });
    expect(modelCalls()).toHaveLength(3);
    // random() = 0.5 of min(cap, base · 2^(n-1)): 0.5 · 100, 0.5 · 200.
    expect(sleeps).toEqual([50, 100]);
  });

  it('gives up after maxAttempts with a retryable error naming the cause', async () => {
    bedrock.throttle('converse-stream', 5);
    const error = await rejection(engine({ maxAttempts: 3 }).write(input()));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(
      `Bedrock is throttling requests to ${FAST} (ThrottlingException, HTTP 429) (gave up after 3 attempts)`,
    );
    expect(modelCalls()).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]);
  });

  it.each([
    [503, 'ServiceUnavailableException'],
    [424, 'ModelNotReadyException'],
    [500, 'InternalServerException'],
  ])('retries HTTP %i %s', async (status, errorType) => {
    bedrock.inject({ route: 'converse-stream', status, errorType, message: SECRET });
    expect(await engine().write(input())).toMatchObject({ attempts: 2 });
  });

  it.each([
    [400, 'ValidationException', 'as invalid'],
    [403, 'AccessDeniedException', 'was denied'],
    [404, 'ResourceNotFoundException', 'was not found'],
  ])('does not retry HTTP %i %s', async (status, errorType, words) => {
    bedrock.inject({ route: 'converse-stream', status, errorType, message: `bad input: ${SECRET}` });
    const error = await rejection(engine().write(input()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(words);
    expect(error.message).toContain(`${errorType}, HTTP ${status}`);
    expect(modelCalls()).toHaveLength(1);
  });

  it('retries a stream that fails midway, and reports a clear error when it keeps failing', async () => {
    bedrock.converse.respond((r) =>
      r.nth === 1
        ? {
            text: `- partial ${SECRET} text`,
            exception: { afterDeltas: 2, type: 'modelStreamErrorException' },
          }
        : '- Whole answer. [S1]',
    );
    expect(await engine().write(input())).toMatchObject({ markdown: '- Whole answer. [S1]', attempts: 2 });

    bedrock.reset();
    bedrock.converse.respond(() => ({
      text: `- partial ${SECRET}`,
      exception: { afterDeltas: 1, type: 'throttlingException' },
    }));
    const error = await rejection(engine({ maxAttempts: 2 }).write(input()));
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toBe(
      `Bedrock is throttling requests to ${FAST} (ThrottlingException) (gave up after 2 attempts)`,
    );
  });

  it('times out a call that does not answer, aborts it on the server and retries', async () => {
    bedrock.converse.respond((r) => (r.nth === 1 ? { text: '- late', hang: {} } : '- In time. [S1]'));
    const started = performance.now();
    expect(await engine({ timeoutMs: 300 }).write(input())).toMatchObject({ attempts: 2 });
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect.poll(() => bedrock.converse.abandoned).toBe(1);

    bedrock.reset();
    bedrock.converse.respond(() => ({ text: '- never finishes', hang: { afterDeltas: 1 } }));
    const error = await rejection(engine({ timeoutMs: 200, maxAttempts: 2 }).write(input()));
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toBe(`model ${FAST} did not answer within 200 ms (gave up after 2 attempts)`);
    await expect.poll(() => bedrock.converse.abandoned).toBe(2);
    expect(bedrock.converse.inFlight).toBe(0);
  });

  it('stops at once, without retrying, when the caller abandons the request', async () => {
    bedrock.converse.respond(() => ({ text: '- slow', hang: {} }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(engine().write(input('fast', { signal: controller.signal })));
    expect(error).toMatchObject({ retryable: false, message: 'the request was cancelled' });
    expect(modelCalls()).toHaveLength(1);
    await expect.poll(() => bedrock.converse.abandoned).toBe(1);
  });

  it('keeps at most `concurrency` calls in flight across parallel writes', async () => {
    bedrock.converse.latency(FAST, 60);
    bedrock.converse.latency(DEEP, 60);
    const shared = engine({ concurrency: 2 });
    const outs = await Promise.all(
      Array.from({ length: 6 }, (_, i) => shared.write(input(i % 2 ? 'deep' : 'fast'))),
    );
    expect(outs.map((o) => o.model)).toEqual([FAST, DEEP, FAST, DEEP, FAST, DEEP]);
    expect(bedrock.converse.maxInFlight).toBe(2);
    expect(shared.limiter).toMatchObject({ active: 0, waiting: 0 });
  });

  it('keeps the text of an answer cut at max_tokens and flags it; refuses a guardrail block', async () => {
    bedrock.converse.respond({ [FAST]: { text: '- Spend grew to', stopReason: 'max_tokens' } });
    expect(await engine().write(input())).toMatchObject({ markdown: '- Spend grew to', truncated: true });
    bedrock.converse.respond({ [FAST]: { text: 'Sorry.', stopReason: 'guardrail_intervened' } });
    const error = await rejection(engine().write(input()));
    expect(error).toMatchObject({
      retryable: false,
      message: `model ${FAST} declined to answer (guardrail_intervened)`,
    });
  });

  it('is what LLM_PROVIDER=bedrock configures, with the default model ids per tier', async () => {
    const env = parseEnv({ LLM_PROVIDER: 'bedrock', BEDROCK_ENDPOINT: bedrock.url });
    const configured = createSectionEngine(env, { bedrock: client });
    expect(configured).toMatchObject({ name: 'bedrock', regenerateOnFailedNumbers: true });
    await configured.write(input('fast'));
    await configured.write(input('deep'));
    expect(modelCalls().map((c) => c.params.modelId)).toEqual([
      'amazon.nova-lite-v1:0',
      'amazon.nova-pro-v1:0',
    ]);
    // One-shot Converse by default (pooled HTTP/2 sessions); LLM_STREAM=true streams.
    expect(modelCalls().map((c) => c.route)).toEqual(['converse', 'converse']);
    bedrock.reset();
    await createSectionEngine({ ...env, LLM_STREAM: 'true' }, { bedrock: client }).write(input('fast'));
    expect(modelCalls().map((c) => c.route)).toEqual(['converse-stream']);
    expect(createSectionEngine(parseEnv({})).name).toBe('local-grounded');
  });

  it('reuses connections between calls over HTTP/1.1 and HTTP/2, where the SDK default opens one a call', async () => {
    const env = parseEnv({ LLM_PROVIDER: 'bedrock', BEDROCK_ENDPOINT: bedrock.url });
    const opened = async (engine: ReturnType<typeof createSectionEngine>) => {
      const before = bedrock.connections();
      for (let i = 0; i < 3; i++) await engine.write(input('fast'));
      await Promise.all([engine.write(input('fast')), engine.write(input('deep'))]);
      for (let i = 0; i < 3; i++) await engine.write(input('deep'));
      return bedrock.connections() - before;
    };
    const config = {
      region: 'us-east-1',
      endpoint: bedrock.url,
      maxAttempts: 1,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    };
    const http1 = createBedrockRuntimeClient({ ...config, httpVersion: '1.1' });
    const http2 = createBedrockRuntimeClient(config);
    const isolated = new BedrockRuntimeClient(config);
    try {
      // Kept-alive HTTP/1.1: one connection for the calls one after another, a second for the
      // call made while the first was busy, both reused afterwards.
      expect(await opened(createSectionEngine(env, { bedrock: http1 }))).toBe(2);
      expect(await opened(createSectionEngine(env, { bedrock: http2 }))).toBe(1);
      expect(await opened(createSectionEngine(env, { bedrock: isolated }))).toBe(8);
    } finally {
      http1.destroy();
      http2.destroy();
      isolated.destroy();
    }
  });

  it('opens a new connection when the server has closed an idle kept-alive one, without a failed call', async () => {
    const closing = await startBedrockServer({ keepAliveTimeoutMs: 100 });
    const client = createBedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: closing.url,
      httpVersion: '1.1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    try {
      // One attempt a call: a reused dead socket would fail the write instead of being retried.
      const env = parseEnv({ LLM_PROVIDER: 'bedrock', BEDROCK_ENDPOINT: closing.url, LLM_MAX_ATTEMPTS: '1' });
      const engine = createSectionEngine(env, { bedrock: client });
      await engine.write(input('fast'));
      await new Promise((r) => setTimeout(r, 400));
      await engine.write(input('fast'));
      expect(closing.connections()).toBe(2);
      expect(closing.calls.filter((c) => c.route === 'converse')).toHaveLength(2);
    } finally {
      client.destroy();
      await closing.close();
    }
  });

  it('streams answers (ConverseStream) over kept-alive HTTP/1.1 as over HTTP/2', async () => {
    const env = parseEnv({ LLM_PROVIDER: 'bedrock', BEDROCK_ENDPOINT: bedrock.url, LLM_STREAM: 'true' });
    const config = {
      region: 'us-east-1',
      endpoint: bedrock.url,
      maxAttempts: 1,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    };
    const outputs = [];
    for (const httpVersion of ['1.1', '2'] as const) {
      const client = createBedrockRuntimeClient({ ...config, httpVersion });
      try {
        bedrock.reset();
        outputs.push(await createSectionEngine(env, { bedrock: client }).write(input('deep')));
        expect(modelCalls().map((c) => c.route)).toEqual(['converse-stream']);
      } finally {
        client.destroy();
      }
    }
    expect(outputs[0]!.markdown).toBe(outputs[1]!.markdown);
    expect(outputs[0]!.markdown.length).toBeGreaterThan(0);
  });
});
