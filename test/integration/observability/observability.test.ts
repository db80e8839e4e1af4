import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountId } from '../../../server/data/demo/ids.ts';
import { LOCAL_GROUNDED_MODEL } from '../../../server/llm/local-grounded.ts';
import { createLogger } from '../../../server/observability/logger.ts';
import { loadPromptFiles } from '../../../server/sections/prompt-files.ts';
import type { SummaryResponse } from '../../../shared/api.ts';
import { SECTION_IDS } from '../../../shared/sections.ts';
import { type BedrockServer, startBedrockServer } from '../../support/bedrock-server.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { parsePrometheus, type Sample, total } from './prometheus-text.ts';

// Two real apps with captured JSON logs: the offline local writer, and Bedrock through the real SDK
// against a local Bedrock server that throttles, answers the fast model and rejects the deep one.
const FAST = 'amazon.nova-lite-v1:0';
const DEEP = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const GENERATED = 'GENERATED-CANARY the account keeps growing';
const SERVICE_ECHO = 'SERVICE-ECHO-CANARY of the request text';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const LOOPBACK = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };

interface Run {
  server: TestServer;
  lines: string[];
  token: string;
  summary: SummaryResponse;
  httpRequestId: string;
}

let bedrock: BedrockServer;
let local: Run;
let model: Run;

async function startRun(
  accountNo: number,
  env: Record<string, string>,
  accounts: number,
  requestId: string,
): Promise<Run> {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line) => void lines.push(line) } });
  const server = await startTestServer(accounts, 600, { env, runtime: { logger } });
  const token = await server.token('alice@example.com');
  const res = await server.call('POST', '/v1/summaries', {
    token,
    body: { accountId: accountId(accountNo) },
    headers: { 'x-request-id': requestId },
  });
  expect(res.status).toBe(202);
  expect(res.headers.get('x-request-id')).toBe(requestId);
  const { requestId: id } = (await res.json()) as { requestId: string };
  return { server, lines, token, summary: await server.waitForSummary(id, token), httpRequestId: requestId };
}

beforeAll(async () => {
  bedrock = await startBedrockServer();
  bedrock.converse.respond({
    [FAST]: { text: `- ${GENERATED} [S1]`, usage: { inputTokens: 1234, outputTokens: 56 } },
  });
  bedrock.inject({
    route: 'converse',
    times: 3,
    status: 429,
    errorType: 'ThrottlingException',
    message: SERVICE_ECHO,
  });
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  [local, model] = await Promise.all([
    startRun(11, {}, 12, 'obs-local-1'),
    startRun(
      1,
      {
        LLM_PROVIDER: 'bedrock',
        BEDROCK_ENDPOINT: bedrock.url,
        BEDROCK_MODEL_FAST: FAST,
        BEDROCK_MODEL_DEEP: DEEP,
        LLM_RETRY_BASE_MS: '0',
        LLM_RETRY_CAP_MS: '0',
        METRICS_TOKEN,
      },
      4,
      'obs-bedrock-1',
    ),
  ]);
}, 120_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([local?.server.close(), model?.server.close()]);
  await bedrock?.close();
});

const parsed = (run: Run) => run.lines.map((l) => JSON.parse(l) as Record<string, unknown>);

/** Prose fragments of a text long enough to be recognisable (split at citations, markup and quotes). */
function fragments(text: string, min = 16): string[] {
  return text
    .split(/\[S\d+\]|\n|\*\*|"|—|<[^>]*>|\{\{[^}]*\}\}/)
    .map((f) => f.trim())
    .filter((f) => f.length >= min);
}

function expectNoneLogged(run: Run, texts: string[], what: string) {
  const log = run.lines.join('');
  const leaked = texts.flatMap((t) => fragments(t)).filter((f) => log.includes(f));
  expect(leaked, `${what} in the logs`).toEqual([]);
}

describe('structured logs', () => {
  it('are JSON lines with level, time and message', () => {
    for (const line of parsed(local)) {
      expect(line).toMatchObject({
        level: expect.any(String),
        time: expect.any(String),
        msg: expect.any(String),
      });
    }
  });

  it('write one access line per request with the route pattern, never the raw URL or query', async () => {
    const res = await local.server.call('GET', '/v1/accounts?query=Silverbirch%20Pharmaceuticals', {
      token: local.token,
    });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    const access = parsed(local).filter((l) => l.reqId === id && l.msg === 'request');
    expect(access).toEqual([
      expect.objectContaining({
        method: 'GET',
        route: '/v1/accounts',
        status: 200,
        userId: 'alice@example.com',
      }),
    ]);
    expect(access[0]!.ms).toBeGreaterThanOrEqual(0);
    const log = local.lines.join('');
    expect(log).not.toContain('Silverbirch');
    expect(log).not.toContain('query=');
    const poll = parsed(local).find((l) => l.msg === 'request' && l.method === 'GET' && l.status === 200);
    expect(poll?.route).toBe('/v1/summaries/:requestId');
  });

  it('honours a sane x-request-id and replaces anything else with a UUID', async () => {
    const sane = await local.server.call('GET', '/healthz', {
      headers: { 'x-request-id': 'trace-4f2a.9:x' },
    });
    expect(sane.headers.get('x-request-id')).toBe('trace-4f2a.9:x');
    for (const bad of ['has space', 'x'.repeat(129), '<script>', 'a"b', 'é']) {
      const res = await local.server.call('GET', '/healthz', { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
  });

  it('carry the request id and the summary id on the lines of the generation it started', () => {
    const mine = parsed(local).filter((l) => l.summaryId === local.summary.requestId);
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['summary started', 'summary finished']));
    for (const line of mine) expect(line.reqId).toBe(local.httpRequestId);
    expect(mine.find((l) => l.msg === 'summary finished')).toMatchObject({ sections: { done: 6 } });
  });

  it('hold no section text, prompt text, document text or customer name (local writer)', async () => {
    expect(local.summary.status).toBe('done');
    expectNoneLogged(
      local,
      local.summary.sections.map((s) => s.markdown ?? ''),
      'section markdown',
    );
    const prompts = await loadPromptFiles();
    expectNoneLogged(
      local,
      SECTION_IDS.map((id) => prompts[id].body),
      'prompt text',
    );
    const docs = await local.server.db.asSystem((q) =>
      q.query<{ body: string; title: string }>('SELECT body, title FROM documents WHERE account_id = $1', [
        accountId(11),
      ]),
    );
    expect(docs.length).toBeGreaterThan(0);
    expectNoneLogged(
      local,
      docs.flatMap((d) => [d.body, d.title]),
      'document text',
    );
    expect(local.lines.join('')).not.toContain('Silverbirch');
  });

  it('hold no prompt, answer or service message when a Bedrock engine throttles and fails', () => {
    expect(model.summary.status).toBe('partial');
    const failures = parsed(model).filter(
      (l) => l.level === 'warn' && String(l.msg).includes('failed in engine'),
    );
    expect(failures).toHaveLength(2);
    for (const line of failures)
      expect(line).toMatchObject({ reqId: model.httpRequestId, summaryId: model.summary.requestId });
    const log = model.lines.join('');
    expect(log).not.toContain('GENERATED-CANARY');
    expect(log).not.toContain('SERVICE-ECHO-CANARY');
    const sent = bedrock.calls.flatMap((c) => {
      const body = c.body as { system?: { text?: string }[]; messages?: { content?: { text?: string }[] }[] };
      return [...(body?.system ?? []), ...(body?.messages?.flatMap((m) => m.content ?? []) ?? [])].map(
        (b) => b.text ?? '',
      );
    });
    expect(sent.length).toBeGreaterThan(0);
    expectNoneLogged(model, sent, 'prompt text sent to Bedrock');
  });
});

describe('GET /metrics', () => {
  const scrape = async (run: Run, init: RequestInit = {}, env: object = LOOPBACK): Promise<Sample[]> => {
    const res = await run.server.app.request('/metrics', init, env);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheus(await res.text());
  };

  it('reports requests, sections, model calls, cache use and in-flight work after a summary', async () => {
    const again = await local.server.call('POST', '/v1/summaries', {
      token: local.token,
      body: { accountId: accountId(11) },
    });
    expect(((await again.json()) as { requestId: string }).requestId).toBe(local.summary.requestId);
    const m = await scrape(local);
    expect(
      total(m, 'http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/summaries',
        status: '202',
      }),
    ).toBe(2);
    expect(
      total(m, 'http_request_duration_seconds_count', { route: '/v1/summaries/:requestId' }),
    ).toBeGreaterThan(0);
    for (const section of SECTION_IDS) {
      expect(total(m, 'summary_section_duration_seconds_count', { section, status: 'done' }), section).toBe(
        1,
      );
      expect(total(m, 'summary_section_duration_seconds_sum', { section })).toBeGreaterThan(0);
    }
    expect(
      total(m, 'model_call_duration_seconds_count', {
        provider: 'local-grounded',
        model: LOCAL_GROUNDED_MODEL,
        outcome: 'ok',
      }),
    ).toBe(6);
    expect(total(m, 'summary_cache_requests_total', { result: 'miss' })).toBe(1);
    expect(total(m, 'summary_cache_requests_total', { result: 'hit' })).toBe(1);
    expect(total(m, 'summaries_in_flight')).toBe(0);
    expect(total(m, 'errors_total')).toBe(0);
    expect(total(m, 'model_tokens_total')).toBe(0);
  });

  it('counts tokens, throttles, failed model calls and failed sections of a Bedrock run', async () => {
    const auth = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } };
    const m = await scrape(model, auth, {});
    expect(total(m, 'model_throttles_total')).toBe(3);
    expect(total(m, 'model_tokens_total', { model: FAST, direction: 'input' })).toBe(4 * 1234);
    expect(total(m, 'model_tokens_total', { model: FAST, direction: 'output' })).toBe(4 * 56);
    expect(
      total(m, 'model_call_duration_seconds_count', {
        provider: 'bedrock',
        model: FAST,
        tier: 'fast',
        outcome: 'ok',
      }),
    ).toBe(4);
    expect(
      total(m, 'model_call_duration_seconds_count', { model: DEEP, tier: 'deep', outcome: 'error' }),
    ).toBe(2);
    expect(total(m, 'summary_section_duration_seconds_count', { status: 'failed' })).toBe(2);
    expect(total(m, 'errors_total', { kind: 'section_failed' })).toBe(2);
    expect(total(m, 'errors_total', { kind: 'engine' })).toBe(2);
  });

  it('with METRICS_TOKEN set, answers only that bearer token, loopback or not', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789abcd', `Basic ${METRICS_TOKEN}`]) {
      const res = await model.server.app.request(
        '/metrics',
        { headers: authorization ? { authorization } : {} },
        LOOPBACK,
      );
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });

  it('without a token, answers a direct loopback connection only', async () => {
    const denied = async (init: RequestInit, env: object) =>
      expect((await local.server.app.request('/metrics', init, env)).status).toBe(401);
    await denied({}, {});
    await denied({}, { incoming: { socket: { remoteAddress: '10.1.2.3' } } });
    await denied({ headers: { 'x-forwarded-for': '203.0.113.9' } }, LOOPBACK);
    // Over a real socket, through @hono/node-server's bindings.
    const http = serve({ fetch: local.server.app.fetch, hostname: '127.0.0.1', port: 0 });
    if (!http.listening) await new Promise((r) => http.once('listening', r));
    try {
      const { port } = http.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('http_request_duration_seconds_bucket');
    } finally {
      await new Promise((r) => http.close(r));
    }
  });
});
