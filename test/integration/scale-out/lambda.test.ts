import type { APIGatewayProxyResult, LambdaEvent } from 'hono/aws-lambda';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signDevToken } from '../../../server/auth/dev-tokens.ts';
import { parseEnv } from '../../../server/env.ts';
import { createLogger } from '../../../server/observability/logger.ts';
import { createRuntime, type Runtime } from '../../../server/runtime.ts';
import { summaryResponseSchema } from '../../../shared/api.ts';
import { type PostgresServer, startPostgres } from '../../support/postgres-server.ts';

// server/lambda.ts driven by synthetic API Gateway HTTP API (payload v2) events, no AWS needed.
// On Lambda, POST only queues the job; a worker sharing the database (here one in this process,
// woken by LISTEN/NOTIFY) generates it, and polling and SSE through Lambda read the result.

const SECRET = 'lambda-test-secret-0123456789';
let database: PostgresServer;
let handler: (event: LambdaEvent) => Promise<APIGatewayProxyResult>;
let worker: Runtime | undefined;
let token: string;
let accountId: string;
const claims: { summaryId: string; waitedMs: number }[] = [];

const base = () => ({
  DATABASE_URL: database.url,
  DEV_JWT_SECRET: SECRET,
  DEMO_ACCOUNTS: '4',
  LOG_LEVEL: 'warn',
});

beforeAll(async () => {
  database = await startPostgres();
  for (const [key, value] of Object.entries(base())) vi.stubEnv(key, value);
  const lambda = await import('../../../server/lambda.ts');
  handler = lambda.handler as typeof handler;
  expect(lambda.streamHandler).toBeUndefined();
  token = await signDevToken('alice@example.com', { secret: SECRET });
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await worker?.close();
  await database?.stop();
});

function event(method: string, path: string, body?: unknown, auth = true): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'abc123.execute-api.us-east-1.amazonaws.com',
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? null : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      routeKey: '$default',
      stage: '$default',
      time: '12/Mar/2025:19:03:58 +0000',
      timeEpoch: Date.now(),
    },
  } as unknown as LambdaEvent;
}

const json = (result: APIGatewayProxyResult) => JSON.parse(result.body) as Record<string, unknown>;

describe('AWS Lambda handler (hono/aws-lambda)', () => {
  it('answers health and refuses calls without a token', async () => {
    const health = await handler(event('GET', '/healthz', undefined, false));
    expect(health.statusCode).toBe(200);
    expect(json(health)).toEqual({ status: 'ok', database: 'postgres' });
    const refused = await handler(
      event('GET', '/v1/summaries/7a1c6a38-9c6f-4a6e-9d43-3f7c1c0b9a11', undefined, false),
    );
    expect(refused.statusCode).toBe(401);
  });

  it('only queues on POST; a worker elsewhere generates, and Lambda serves polling and SSE', async () => {
    const sql = new pg.Client(database.url);
    await sql.connect();
    const { rows } = await sql.query<{ account_id: string }>(
      "SELECT account_id FROM account_access WHERE user_id = 'alice@example.com' ORDER BY 1 LIMIT 1",
    );
    await sql.end();
    accountId = rows[0]!.account_id;
    const posted = await handler(event('POST', '/v1/summaries', { accountId }));
    expect(posted.statusCode).toBe(202);
    const { requestId } = json(posted) as { requestId: string };
    await new Promise((r) => setTimeout(r, 500));
    const waiting = summaryResponseSchema.parse(
      json(await handler(event('GET', `/v1/summaries/${requestId}`))),
    );
    expect(waiting.status).toBe('pending');

    // A worker process's runtime on the same database (WORKER_MODE=on, LISTEN); it claims the
    // waiting job at start, and the next one the moment it is queued.
    const logger = createLogger({
      level: 'info',
      destination: {
        write: (line: string) => {
          const entry = JSON.parse(line) as { msg: string; summaryId: string; waitedMs: number };
          if (entry.msg === 'job claimed') claims.push(entry);
        },
      },
    });
    worker = await createRuntime(parseEnv({ ...base(), DELIVERY_ENABLED: 'false' }), {
      retrieval: null,
      logger,
    });
    await expect
      .poll(async () => json(await handler(event('GET', `/v1/summaries/${requestId}`))).status, {
        timeout: 30_000,
      })
      .toBe('done');

    const again = json(await handler(event('POST', '/v1/summaries', { accountId, refresh: true })));
    const sse = await handler(event('GET', `/v1/summaries/${again.requestId}/events`));
    expect(sse.statusCode).toBe(200);
    expect(sse.headers?.['content-type']).toMatch(/text\/event-stream/);
    // The adapter base64-encodes a streamed body; API Gateway decodes it for the client.
    const text = sse.isBase64Encoded ? Buffer.from(sse.body, 'base64').toString('utf8') : sse.body;
    const last = [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].at(-1)!;
    expect(last[1]).toBe('summary');
    expect(summaryResponseSchema.parse(JSON.parse(last[2]!)).status).toBe('done');

    const pickup = claims.find((c) => c.summaryId === again.requestId)!;
    expect(pickup.waitedMs).toBeLessThan(1_000);
    console.log(JSON.stringify({ lambdaToWorkerPickupMs: pickup.waitedMs }));
  }, 90_000);
});
