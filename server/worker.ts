import { loadEnvOrExit } from './env.ts';
import { createLogger } from './observability/logger.ts';
import { createRuntime } from './runtime.ts';

// A generation worker without HTTP (`node --import tsx server/worker.ts`): runs the jobs queued in
// the shared PostgreSQL by API processes that have no worker (WORKER_MODE=off, e.g. on Lambda).
const env = loadEnvOrExit();
if (!env.DATABASE_URL) {
  console.error('Invalid configuration:\n  DATABASE_URL: required for a worker (it shares the API database)');
  process.exit(1);
}
const logger = createLogger({ level: env.LOG_LEVEL });
const runtime = await createRuntime({ ...env, WORKER_MODE: 'on' }, { logger });
// Timers of the worker do not hold the process open (nor, without LISTEN, does any socket).
const alive = setInterval(() => {}, 60_000);
logger.info({ database: runtime.deps.db.kind }, 'worker started');

function shutdown() {
  clearInterval(alive);
  // Hands the jobs in progress back to the queue, where another worker resumes them at once.
  void runtime.close().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
