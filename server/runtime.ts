import { verifyDevToken } from './auth/dev-tokens.ts';
import { createJwksVerifier } from './auth/jwks-verifier.ts';
import type { TokenVerifier } from './auth/middleware.ts';
import { type Database, type DatabaseOptions, openDatabase } from './data/db.ts';
import { isSeeded, seedDemo } from './data/demo/seed.ts';
import type { AppDeps } from './deps.ts';
import type { Env } from './env.ts';
import { indexDocuments } from './ingest/index-documents.ts';
import type { SectionEngine } from './llm/engine.ts';
import { createSectionEngine } from './llm/providers.ts';
import { createRetrievalProviders, type RetrievalProviders } from './retrieval/providers.ts';
import { generateSummary } from './sections/generate-summary.ts';
import { purgeExpiredSummaries } from './summaries/summary-requests.ts';

export interface Runtime {
  deps: AppDeps;
  /** Stops the expiry sweeper and closes the database. */
  close(): Promise<void>;
}

export function databaseOptions(env: Env): DatabaseOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return env.DB_MEMORY === 'true' ? { memory: true } : { dataDir: env.DATA_DIR };
}

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
  } = {},
): Promise<Runtime> {
  const db = options.db ?? (await openDatabase(databaseOptions(env)));
  if (!(await isSeeded(db))) await seedDemo(db, { accounts: env.DEMO_ACCOUNTS });
  const retrieval = await prepareRetrieval(
    db,
    options.retrieval === undefined ? createRetrievalProviders(env) : options.retrieval,
  );
  // Once per process: the engine's concurrency limit is shared by every request it serves.
  const engine = options.engine ?? createSectionEngine(env);
  const publicUrl = options.publicUrl ?? publicUrlOf(env);
  const deps: AppDeps = {
    db,
    verifyToken: tokenVerifier(env),
    generate: (input) => generateSummary({ db, engine, publicUrl, retrieval }, input),
    summaryTtlSeconds: env.SUMMARY_TTL_SECONDS,
    publicUrl,
    devSecret: env.DEV_JWT_SECRET,
  };
  const sweeper = setInterval(
    () =>
      void purgeExpiredSummaries(db).catch((e) =>
        console.error(JSON.stringify({ level: 'error', msg: 'purge failed', error: String(e) })),
      ),
    options.sweepEveryMs ?? 15_000,
  );
  sweeper.unref();
  return {
    deps,
    close: async () => {
      clearInterval(sweeper);
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
): Promise<RetrievalProviders | null> {
  if (!providers || !db.hasVector) return null;
  try {
    const summary = await indexDocuments(db, providers.embedder, { onlyChanged: true });
    console.log(JSON.stringify({ level: 'info', msg: 'document index ready', ...summary }));
    return providers;
  } catch (error) {
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'document indexing failed; ranking documents by SQL',
        error: String(error),
      }),
    );
    return null;
  }
}
