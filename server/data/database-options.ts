import type { Env } from '../env.ts';
import type { DatabaseOptions } from './db.ts';

/**
 * Which database the configuration names: DATABASE_URL, else the embedded one (in memory or under
 * DATA_DIR). A module of its own so command-line tools can open the database without loading the
 * whole runtime (providers, SDKs, scheduler).
 */
export function databaseOptions(env: Env): DatabaseOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return env.DB_MEMORY === 'true' ? { memory: true } : { dataDir: env.DATA_DIR };
}
