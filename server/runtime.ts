import { verifyDevToken } from './auth/dev-tokens.ts';
import { createJwksVerifier } from './auth/jwks-verifier.ts';
import type { TokenVerifier } from './auth/middleware.ts';
import { databaseOptions } from './data/database-options.ts';
import { type Database, openDatabase } from './data/db.ts';
import { isSeeded, seedDemo } from './data/demo/seed.ts';
import { startDeliveryFromEnv } from './delivery/from-env.ts';
import type { AppDeps } from './deps.ts';
import type { Env } from './env.ts';
import { indexDocuments } from './ingest/index-documents.ts';
import type { SectionEngine } from './llm/engine.ts';
import { createSectionEngine } from './llm/providers.ts';
import { configuredModels, instrumentEngine } from './observability/instrument-engine.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';
import { observeGeneration } from './observability/observe-generation.ts';
import { startGenerationQueue } from './queue/generation-queue.ts';
import { createRetrievalProviders, type RetrievalProviders } from './retrieval/providers.ts';
import { logLine } from './sections/failures.ts';
import { generateSummary } from './sections/generate-summary.ts';
import { purgeExpiredSummaries } from './summaries/summary-requests.ts';

export interface Runtime {
  deps: AppDeps;
  /** Stops the expiry sweeper and the job worker (handing its jobs back), and closes the database. */
  close(): Promise<void>;
}

export { databaseOptions };

/** Dev tokens for the embedded demo; the identity provider's JWKS in production. */
export function tokenVerifier(env: Env): TokenVerifier {
  if (env.AUTH_MODE === 'jwks') {
    return createJwksVerifier({
      jwksUrl: env.JWKS_URL!,
      issuer: env.JWT_ISSUER!,
      audience: env.JWT_AUDIENCE!,
    });
  }
  return (token) => verifyDevToken(token, env.DEV_JWT_SECRET);
}

export function publicUrlOf(env: Env, port = env.PORT): string {
  return env.PUBLIC_URL ?? `http://${env.HOST}:${port}`;
}

/**
 * Opens (migrates, seeds on first start) the database, brings the document index up to date and
 * wires the providers chosen by configuration (by default dev-token auth, the offline local grounded
 * engine and local retrieval).
 */
export async function createRuntime(
  env: Env,
  options: {
    db?: Database;
    engine?: SectionEngine;
    /** Retrieval providers (default: from env); null = documents ranked by SQL, no indexing. */
    retrieval?: RetrievalProviders | null;
    publicUrl?: string;
    sweepEveryMs?: number;
    /** Default: JSON lines on stdout at LOG_LEVEL. */
    logger?: Logger;
    /** Default: a fresh registry for this runtime. */
    metrics?: Metrics;
  } = {},
): Promise<Runtime> {
  const logger = options.logger ?? createLogger({ level: env.LOG_LEVEL });
  const metrics = options.metrics ?? createMetrics();
  const db = options.db ?? (await openDatabase(databaseOptions(env)));
  if (!(await isSeeded(db))) await seedDemo(db, { accounts: env.DEMO_ACCOUNTS });
  const retrieval = await prepareRetrieval(
    db,
    options.retrieval === undefined ? createRetrievalProviders(env) : options.retrieval,
    { logger, metrics },
  );
  // Once per process: the engine's concurrency limit is shared by every request it serves.
  // Measured (latency, tokens, throttling) without changing what the engine does.
  const engine = instrumentEngine(
    options.engine ?? createSectionEngine(env),
    metrics,
    options.engine ? {} : configuredModels(env),
  );
  const publicUrl = options.publicUrl ?? publicUrlOf(env);
  // Requests are generated through the queue (server/queue): this process's worker, or any other's.
  const generation = await startGenerationQueue(
    env,
    db,
    (jobDb, input) =>
      observeGeneration({ logger, metrics }, async (job, hooks) => {
        // Thrown, the worker hands the job back (it is resumed) instead of completing it.
        if (!(await generateSummary({ db: jobDb, engine, publicUrl, retrieval, ...hooks }, job)))
          throw new Error('the summary was left unfinished: its last writes failed');
      })(input),
    logger,
  );
  const deps: AppDeps = {
    db,
    verifyToken: tokenVerifier(env),
    generate: generation.generate,
    summaryTtlSeconds: env.SUMMARY_TTL_SECONDS,
    publicUrl,
    devSecret: env.DEV_JWT_SECRET,
    logger,
    metrics,
    metricsToken: env.METRICS_TOKEN,
    rateLimits: {
      perMinute: env.RATE_LIMIT_PER_MINUTE,
      summariesPerMinute: env.RATE_LIMIT_SUMMARIES_PER_MINUTE,
    },
    extensionOrigins: env.EXTENSION_ORIGINS,
  };
  const sweeper = setInterval(
    () =>
      void purgeExpiredSummaries(db).catch((e) => {
        logger.error({ error: logLine(e) }, 'purge failed');
        metrics.errors.inc({ kind: 'purge' });
      }),
    options.sweepEveryMs ?? 15_000,
  );
  sweeper.unref();
  // Briefs before meetings (DELIVERY_ENABLED); stopped before the database closes.
  const delivery = await startDeliveryFromEnv(env, { db, engine, retrieval, publicUrl });
  return {
    deps,
    close: async () => {
      clearInterval(sweeper);
      await generation.close();
      await delivery?.stop();
      await db.close();
    },
  };
}

/**
 * Brings the chunk index up to date with the documents (unchanged documents cost nothing, so a
 * restart is cheap) and returns the providers to retrieve with. Without pgvector, or when indexing
 * fails (e.g. the embedding service is unreachable), sections rank documents by SQL instead and
 * the server still starts.
 */
async function prepareRetrieval(
  db: Database,
  providers: RetrievalProviders | null,
  ops: { logger: Logger; metrics: Metrics },
): Promise<RetrievalProviders | null> {
  if (!providers || !db.hasVector) return null;
  try {
    const summary = await indexDocuments(db, providers.embedder, { onlyChanged: true });
    ops.logger.info(summary, 'document index ready');
    return providers;
  } catch (error) {
    ops.logger.error({ error: logLine(error) }, 'document indexing failed; ranking documents by SQL');
    ops.metrics.errors.inc({ kind: 'indexing' });
    return null;
  }
}
