import { verifyDevToken } from './auth/dev-tokens.ts';
import { createJwksVerifier } from './auth/jwks-verifier.ts';
import type { TokenVerifier } from './auth/middleware.ts';
import { type Database, type DatabaseOptions, openDatabase } from './data/db.ts';
import { isSeeded, seedDemo } from './data/demo/seed.ts';
import type { AppDeps } from './deps.ts';
import type { Env } from './env.ts';
import type { SectionEngine } from './llm/engine.ts';
import { createLocalGroundedEngine } from './llm/local-grounded.ts';
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
 * Opens (migrates, seeds on first start) the database and wires the default providers: dev-token
 * auth and the offline local grounded engine.
 */
export async function createRuntime(
  env: Env,
  options: { db?: Database; engine?: SectionEngine; publicUrl?: string; sweepEveryMs?: number } = {},
): Promise<Runtime> {
  const db = options.db ?? (await openDatabase(databaseOptions(env)));
  if (!(await isSeeded(db))) await seedDemo(db, { accounts: env.DEMO_ACCOUNTS });
  const engine = options.engine ?? createLocalGroundedEngine();
  const publicUrl = options.publicUrl ?? publicUrlOf(env);
  const deps: AppDeps = {
    db,
    verifyToken: tokenVerifier(env),
    generate: (input) => generateSummary({ db, engine, publicUrl }, input),
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
