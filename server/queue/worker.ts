import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../data/db.ts';
import { currentLog, type Logger, scopedOr } from '../observability/logger.ts';
import { failExhaustedJobs } from './exhausted.ts';
import { fencedDatabase, type Lease } from './fenced-db.ts';
import {
  abandonJob,
  type ClaimedJob,
  claimJob,
  completeJob,
  heartbeatJob,
  type LeaseTerms,
  releaseJob,
} from './jobs.ts';
import { deliversNotifications, type JobListener, listenForJobs } from './listen.ts';

export interface JobWorkerOptions {
  db: Database;
  /**
   * Runs one job to its end; gets a database whose user transactions are fenced by the lease. A
   * rejection hands the job back for another run (counted as an attempt); what it resolves is unused.
   */
  run: (db: Database, job: ClaimedJob) => Promise<unknown>;
  leaseMs: number;
  /** Poll interval without LISTEN; with it, polling is a safety net at 10× this. */
  pollMs: number;
  maxAttempts: number;
  /** Jobs this process runs at once. */
  concurrency: number;
  /** A PostgreSQL to LISTEN on for new jobs; absent (PGlite) = polling only. */
  listenUrl?: string;
  owner?: string;
  /** Where job lines go when not inside a request's scope (default: the process logger). */
  logger?: Logger;
}

export interface JobWorker {
  readonly owner: string;
  /** Claims this request's job and runs it here now, if still queued and a slot is free; never rejects. */
  runNow(requestId: string): Promise<void>;
  /** Claims whatever is waiting, now. */
  wake(): void;
  /** Stops claiming and hands the jobs it holds back to the queue (others resume them at once). */
  stop(): Promise<void>;
}

/**
 * A worker of the generation queue: claims jobs (notified or polled), heartbeats each lease while
 * its run goes on, marks it done after, and fails jobs whose last attempt lost its lease.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const { db, leaseMs, pollMs } = options;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const terms: LeaseTerms = { owner, leaseMs, maxAttempts: options.maxAttempts };
  const running = new Map<string, { lease: Lease; done: Promise<void> }>();
  const log = () => scopedOr(options.logger ?? currentLog()).child({ worker: owner });
  let stopped = false;
  let pumping = false;
  let again = false;
  let lastSweep = 0;
  let timer: NodeJS.Timeout | undefined;

  function start(job: ClaimedJob): Promise<void> {
    const lease: Lease = { job, lost: false };
    log().info({ summaryId: job.requestId, attempt: job.attempts, waitedMs: job.waitedMs }, 'job claimed');
    const beat = setInterval(() => {
      heartbeatJob(db, job, leaseMs).then(
        (held) => {
          if (!held && !lease.lost) log().warn({ summaryId: job.requestId }, 'job lease lost');
          if (!held) lease.lost = true;
        },
        (error) => log().warn({ summaryId: job.requestId, error: String(error) }, 'job heartbeat failed'),
      );
    }, leaseMs / 3);
    beat.unref();
    const done = (async () => {
      try {
        await options.run(fencedDatabase(db, lease), job);
        // A no-op when the lease was lost or handed back: the job is someone else's then.
        await completeJob(db, job);
      } catch (error) {
        log().error({ summaryId: job.requestId, error: String(error) }, 'job run failed');
        await abandonJob(db, job).catch(() => {});
      } finally {
        clearInterval(beat);
        running.delete(job.requestId);
        if (!stopped) void pump();
      }
    })();
    running.set(job.requestId, { lease, done });
    return done;
  }

  /** Starts a claimed job, or hands it straight back when the worker stopped meanwhile. */
  async function take(job: ClaimedJob | null): Promise<Promise<void> | null> {
    if (!job) return null;
    if (stopped) {
      await releaseJob(db, job);
      return null;
    }
    return start(job);
  }

  async function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        if (Date.now() - lastSweep >= leaseMs / 2) {
          lastSweep = Date.now();
          const failed = await failExhaustedJobs(db, options.maxAttempts);
          for (const id of failed) log().warn({ summaryId: id }, 'job failed: out of attempts');
        }
        while (!stopped && running.size < options.concurrency) {
          if (!(await take(await claimJob(db, terms)))) break;
        }
      } while (again && !stopped);
    } catch (error) {
      if (!stopped) log().warn({ error: String(error) }, 'job poll failed');
    } finally {
      pumping = false;
    }
  }

  let listener: JobListener | undefined;
  if (
    options.listenUrl &&
    (await deliversNotifications(async () => {
      const [row] = await db.asSystem((q) => q.query<{ v: string }>('SELECT version() AS v'));
      return row?.v ?? '';
    }))
  ) {
    listener = listenForJobs(
      options.listenUrl,
      () => void pump(),
      (msg, error) => log().warn({ error: String(error) }, msg),
    );
  }
  const schedule = () => {
    timer = setTimeout(
      () => void pump().finally(() => !stopped && schedule()),
      listener?.connected ? pollMs * 10 : pollMs,
    );
    timer.unref();
  };
  schedule();
  void pump();

  return {
    owner,
    async runNow(requestId) {
      if (stopped || running.size >= options.concurrency) return;
      try {
        await await take(await claimJob(db, terms, requestId));
      } catch (error) {
        log().warn({ summaryId: requestId, error: String(error) }, 'job claim failed');
      }
    },
    wake: () => void pump(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await listener?.close();
      const runs = [...running.values()];
      // Refuse the runs' next writes first, then hand their jobs back: no write can follow a release.
      for (const r of runs) r.lease.lost = true;
      await Promise.all(runs.map((r) => releaseJob(db, r.lease.job).catch(() => {})));
      // Runs end at their next database access; a model call in flight is not waited for.
      await Promise.race([
        Promise.all(runs.map((r) => r.done)),
        new Promise((r) => setTimeout(r, 2_000).unref()),
      ]);
    },
  };
}
