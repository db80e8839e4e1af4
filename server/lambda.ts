import { handle, streamHandle } from 'hono/aws-lambda';
import { createApp } from './app.ts';
import { openDatabase } from './data/db.ts';
import { parseEnv } from './env.ts';
import { createRuntime } from './runtime.ts';

/*
 * AWS Lambda entry point (API Gateway HTTP API and REST API, ALB, function URLs) through Hono's
 * adapter. A Lambda execution environment is frozen once its invocation has responded, so nothing
 * may run after a response: here POST only records the request and queues its job (WORKER_MODE is
 * forced off), and workers sharing DATABASE_URL generate it (`server/worker.ts`, or servers with
 * WORKER_MODE=on). Polling and /events read the database like on any other instance. The runtime
 * is built once per execution environment, during init (top-level await: bundle as ESM).
 */
const env = { ...parseEnv(), WORKER_MODE: 'off' as const, DELIVERY_ENABLED: 'false' as const };
if (!env.DATABASE_URL) {
  throw new Error(
    'Invalid configuration:\n  DATABASE_URL: required on Lambda (a PostgreSQL shared with workers)',
  );
}
// One invocation at a time per environment: two connections (a request and its SSE re-reads) suffice.
const db = await openDatabase({ url: env.DATABASE_URL, maxConnections: 2 });
const runtime = await createRuntime(env, { db });
const app = createApp(runtime.deps);

/** Buffered responses: API Gateway (v1 and v2 payloads), ALB and function URLs in BUFFERED mode. */
export const handler = handle(app);

/**
 * For a function URL in RESPONSE_STREAM mode, so /events streams. Only defined inside Lambda (the
 * runtime provides `awslambda`); API Gateway buffers whatever it gets, so behind it clients poll.
 */
export const streamHandler =
  // The AWS SDK defines an empty `awslambda` anywhere; only Lambda's runtime gives it streamifyResponse.
  typeof (globalThis as { awslambda?: { streamifyResponse?: unknown } }).awslambda?.streamifyResponse ===
  'function'
    ? streamHandle(app)
    : undefined;
