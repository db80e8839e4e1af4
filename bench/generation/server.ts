import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { createApp } from '../../server/app.ts';
import { signDevToken } from '../../server/auth/dev-tokens.ts';
import type { AppDeps } from '../../server/deps.ts';
import { parseEnv } from '../../server/env.ts';
import { createBedrockRuntimeClient } from '../../server/llm/bedrock-client.ts';
import type { SectionEngine } from '../../server/llm/engine.ts';
import { createSectionEngine } from '../../server/llm/providers.ts';
import type { Logger } from '../../server/observability/logger.ts';
import { createRetrievalProviders, type RetrievalProviders } from '../../server/retrieval/providers.ts';
import { createRuntime } from '../../server/runtime.ts';
import { createTimings, type SectionTiming } from './timings.ts';

export interface Server {
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  /** The engine and retrieval the runtime uses, for the one-section-at-a-time run. */
  engine: SectionEngine;
  retrieval: RetrievalProviders | null;
  /** The Bedrock client the engine sends through (the I/O floor replays calls through it). */
  bedrock: BedrockRuntimeClient;
  token(userId: string): Promise<string>;
  /** Section timings recorded since the last call. */
  take(): SectionTiming[];
  close(): Promise<void>;
}

/**
 * The server as production wires it (createRuntime: migrations, demo seed, document index, queue
 * worker, logs and metrics; createApp for the routes), with LLM_PROVIDER=bedrock pointed at the
 * local Bedrock server. The client is built as providers.ts builds it (pooled HTTP/2 sessions,
 * credentials from the SDK's chain, SDK retries off) and passed in only so its calls can be timed.
 */
export async function startServer(options: {
  bedrockUrl: string;
  accounts: number;
  databaseUrl?: string;
  env: Record<string, string>;
  logger: Logger;
}): Promise<Server> {
  const env = parseEnv({
    LLM_PROVIDER: 'bedrock',
    BEDROCK_ENDPOINT: options.bedrockUrl,
    DB_MEMORY: 'true',
    DEMO_ACCOUNTS: String(options.accounts),
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_SUMMARIES_PER_MINUTE: '0',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const client = createBedrockRuntimeClient({
    region: env.BEDROCK_REGION,
    endpoint: env.BEDROCK_ENDPOINT,
    httpVersion: env.BEDROCK_HTTP_VERSION,
    maxAttempts: 1,
  });
  const timings = createTimings();
  timings.watch(client);
  const engine = timings.engine(createSectionEngine(env, { bedrock: client }));
  const retrieval = createRetrievalProviders(env);
  const runtime = await createRuntime(env, { engine, retrieval, logger: options.logger });
  return {
    deps: runtime.deps,
    app: createApp(runtime.deps),
    engine,
    retrieval,
    bedrock: client,
    token: (userId) => signDevToken(userId, { secret: env.DEV_JWT_SECRET }),
    take: timings.take,
    close: async () => {
      await runtime.close();
      client.destroy();
    },
  };
}
