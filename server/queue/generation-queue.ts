import type { Database } from '../data/db.ts';
import type { GenerateInput } from '../deps.ts';
import type { Env } from '../env.ts';
import type { Logger } from '../observability/logger.ts';
import { type JobWorker, startJobWorker } from './worker.ts';

export type QueueEnv = Pick<
  Env,
  'DATABASE_URL' | 'WORKER_MODE' | 'WORKER_CONCURRENCY' | 'JOB_LEASE_MS' | 'JOB_POLL_MS' | 'JOB_MAX_ATTEMPTS'
>;

export interface GenerationQueue {
  /**
   * AppDeps.generate: the request's job is already queued (by POST, in the request's transaction);
   * with a worker here, this process claims and runs it at once, so a single process adds no latency.
   * Resolves when that run ends (at once when another process or a later poll will take it).
   */
  generate: (input: GenerateInput) => Promise<void>;
  /** This process's worker; null with WORKER_MODE=off (API only: workers run elsewhere). */
  worker: JobWorker | null;
  /** Stops the worker, handing its jobs back to the queue. */
  close(): Promise<void>;
}

/** Starts this process's worker of the generation queue as configured (on by default). */
export async function startGenerationQueue(
  env: QueueEnv,
  db: Database,
  run: (db: Database, input: GenerateInput) => Promise<void>,
  logger?: Logger,
): Promise<GenerationQueue> {
  if (env.WORKER_MODE === 'off') return { generate: async () => {}, worker: null, close: async () => {} };
  const worker = await startJobWorker({
    db,
    run,
    leaseMs: env.JOB_LEASE_MS,
    // PGlite in this process: no other process can enqueue, and this one claims each job it records
    // at once (runNow) or as soon as a slot frees. Polling only sweeps expired leases and exhausted
    // jobs then, so it runs at the safety-net rate workers that LISTEN get on PostgreSQL: each poll
    // runs the wasm engine in this process, and at 250 ms that was a third of the idle server's CPU
    // (16.5 → 11.5 ms a second, measured from /proc two minutes after start).
    pollMs: db.kind === 'pglite' ? env.JOB_POLL_MS * 10 : env.JOB_POLL_MS,
    maxAttempts: env.JOB_MAX_ATTEMPTS,
    concurrency: env.WORKER_CONCURRENCY,
    listenUrl: db.kind === 'postgres' ? env.DATABASE_URL : undefined,
    logger,
  });
  return {
    generate: (input) => worker.runNow(input.requestId),
    worker,
    close: () => worker.stop(),
  };
}
