import { z } from 'zod';

/** The only reader of process.env: configuration parsed once, with readable errors. */
const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Public base URL of this server, used in links (demo CRM, citations). Defaults to http://HOST:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** PostgreSQL connection string; when unset the embedded PGlite under DATA_DIR is used. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('.data/pglite'),
  /** 'true' keeps the embedded database in memory only (throwaway demo or tests). */
  DB_MEMORY: z.enum(['true', 'false']).default('false'),
  /** 'dev': local HS256 tokens (demo). 'jwks': RS256/ES256 tokens from an identity provider. */
  AUTH_MODE: z.enum(['dev', 'jwks']).default('dev'),
  JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  /** Secret for dev tokens (HS256). The default is only for the local demo. */
  DEV_JWT_SECRET: z.string().min(16).default('account-summaries-local-dev-secret'),
  /** Seconds a delivered summary stays on the server before it is deleted. */
  SUMMARY_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
  /** 'off': this process serves HTTP only and generation runs in workers elsewhere (Lambda). */
  WORKER_MODE: z.enum(['on', 'off']).default('on'),
  /** Generation jobs one process runs at once (each runs a request's sections in parallel). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** A job's lease: a worker that stops heartbeating for this long loses the job to another. */
  JOB_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** How often idle workers look for jobs without LISTEN/NOTIFY (10x this with it). */
  JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /** Runs of a job (the first plus reclaims after lost leases) before its request is failed. */
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** Number of demo accounts generated on first start. */
  DEMO_ACCOUNTS: z.coerce.number().int().min(1).max(1_000_000).default(48),
  /** Region and, optionally, endpoint (VPC endpoint or a local test server) of bedrock-runtime. */
  BEDROCK_REGION: z.string().min(1).default('us-east-1'),
  BEDROCK_ENDPOINT: z.url().optional(),
  /** '2': calls share HTTP/2 sessions; '1.1': kept-alive HTTP/1.1 connections (e.g. for a proxy). */
  BEDROCK_HTTP_VERSION: z.enum(['1.1', '2']).default('2'),
  /** Endpoint override of bedrock-agent-runtime (Rerank), which has its own host name. */
  BEDROCK_AGENT_ENDPOINT: z.url().optional(),
  /** 'local': hashed lexical embedding (offline). 'bedrock': Titan Text Embeddings v2. */
  EMBEDDINGS_PROVIDER: z.enum(['local', 'bedrock']).default('local'),
  EMBEDDING_MODEL_ID: z.string().min(1).default('amazon.titan-embed-text-v2:0'),
  /** 'local': BM25 over the candidates (offline). 'bedrock': Bedrock Rerank. 'none': fused order. */
  RERANK_PROVIDER: z.enum(['local', 'bedrock', 'none']).default('local'),
  /** Reranking model ARN, e.g. arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0 */
  RERANK_MODEL_ARN: z.string().startsWith('arn:').optional(),
  /** Section writer: 'local' grounded writer (offline), 'bedrock' Converse, 'openai' chat completions. */
  LLM_PROVIDER: z.enum(['local', 'bedrock', 'openai']).default('local'),
  /** Bedrock model or inference-profile id per prompt tier (Claude needs a profile, e.g. us.anthropic…). */
  BEDROCK_MODEL_FAST: z.string().min(1).default('amazon.nova-lite-v1:0'),
  BEDROCK_MODEL_DEEP: z.string().min(1).default('amazon.nova-pro-v1:0'),
  /**
   * 'false' (default): one-shot Converse / completions; 'true': ConverseStream / streamed completions.
   * A section is shown only once its whole text has passed the checks, so streaming shows the seller
   * nothing sooner; and the AWS SDK opens a separate HTTP/2 session for every event stream (a new
   * connection and TLS handshake against Bedrock), where Converse calls share pooled sessions —
   * about half the server's CPU a summary (docs/benchmarks.md).
   */
  LLM_STREAM: z.enum(['true', 'false']).default('false'),
  /** Limit of one model call in ms (a timed-out call is retried within the section's 60 s). */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Model calls per section write, retries on throttling/5xx/timeouts included. */
  LLM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** Full-jitter exponential backoff between retries: base and cap in ms. */
  LLM_RETRY_BASE_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  LLM_RETRY_CAP_MS: z.coerce.number().int().min(0).max(300_000).default(8_000),
  /**
   * Model calls in flight at once from this process, across all requests. 8 lets one summary's six
   * sections all run at once (with 4, two waited ~2 s for a slot: docs/benchmarks.md, Generation).
   */
  LLM_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /** OpenAI-compatible server (Ollama: http://127.0.0.1:11434/v1, vLLM: http://host:8000/v1). */
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL_FAST: z.string().min(1).optional(),
  /** Defaults to OPENAI_MODEL_FAST. */
  OPENAI_MODEL_DEEP: z.string().min(1).optional(),
  /** Sent as a Bearer token when set (vLLM --api-key); Ollama needs none. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Structured (JSON) log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token that opens GET /metrics; unset = open to loopback connections only. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** API requests per user per minute (token bucket, per process); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(240),
  /** POST /v1/summaries per user per minute, on top of the general limit; 0 turns it off. */
  RATE_LIMIT_SUMMARIES_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(20),
  /** Comma-separated extension origins granted CORS (e.g. chrome-extension://<id>); unset = any extension. */
  EXTENSION_ORIGINS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const origins = (value ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      for (const origin of origins) {
        if (!/^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin)) {
          ctx.addIssue({ code: 'custom', message: `"${origin}" is not an extension origin` });
        }
      }
      return origins.length ? origins : undefined;
    }),
  /** Proactive delivery of briefs before meetings (browser feed; Slack too with SLACK_BOT_TOKEN). */
  DELIVERY_ENABLED: z.enum(['true', 'false']).default('true'),
  DELIVERY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  /** Meetings starting within this many minutes get their brief prepared and delivered. */
  DELIVERY_WINDOW_MINUTES: z.coerce.number().int().min(1).max(10_080).default(120),
  /** Attempts per delivery (generation and send) before it is given up. */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** Slack bot token (xoxb-…, scope chat:write); unset = no Slack delivery. */
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xox[bp]-/, 'must be a Slack bot token (xoxb-…)')
    .optional(),
  /** Slack Web API base URL (a proxy or a local test server). */
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
});

export type Env = z.infer<typeof envSchema>;

const checkedSchema = envSchema.superRefine((env, ctx) => {
  if (env.RERANK_PROVIDER === 'bedrock' && !env.RERANK_MODEL_ARN) {
    ctx.addIssue({
      code: 'custom',
      path: ['RERANK_MODEL_ARN'],
      message: 'required when RERANK_PROVIDER=bedrock',
    });
  }
  if (env.LLM_PROVIDER === 'openai') {
    for (const key of ['OPENAI_BASE_URL', 'OPENAI_MODEL_FAST'] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'required when LLM_PROVIDER=openai' });
    }
  }
  if (env.WORKER_MODE === 'off' && !env.DATABASE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['DATABASE_URL'],
      message: 'required when WORKER_MODE=off (workers elsewhere must share the database)',
    });
  }
  if (env.AUTH_MODE !== 'jwks') return;
  for (const key of ['JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'] as const) {
    if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when AUTH_MODE=jwks' });
  }
});

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = checkedSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function loadEnvOrExit(): Env {
  try {
    return parseEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
