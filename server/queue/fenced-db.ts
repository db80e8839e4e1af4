import type { Database } from '../data/db.ts';
import { type ClaimedJob, leaseFence } from './jobs.ts';

/** This worker no longer holds the job: another one has reclaimed it, or the job was handed back. */
export class LeaseLostError extends Error {
  constructor(requestId: string) {
    super(`lost the lease on summary ${requestId}`);
    this.name = 'LeaseLostError';
  }
}

/** The lease of one run, shared by the heartbeat (which may find it lost) and the fenced database. */
export interface Lease {
  job: ClaimedJob;
  lost: boolean;
}

/** SQLSTATE that hold_lease (migration 005) raises when the lease is no longer this worker's. */
const LEASE_LOST = 'AS409';

/**
 * The database as one job's run sees it: every user transaction first checks, under a share lock,
 * that this worker still holds the lease, and fails with LeaseLostError otherwise. So a worker that
 * was presumed dead (paused past its lease, partitioned) and then wakes up writes nothing over the
 * worker that took its job over. The owner role is not available to a run.
 */
export function fencedDatabase(db: Database, lease: Lease): Database {
  const fence = leaseFence(lease.job);
  const lost = () => {
    lease.lost = true;
    return new LeaseLostError(lease.job.requestId);
  };
  return {
    kind: db.kind,
    hasVector: db.hasVector,
    asUser: (userId, fn, options) => {
      if (lease.lost) return Promise.reject(lost());
      // The fence is issued before fn's statements in the same tick, so it travels with them in one
      // message and runs first; it raises when the lease is lost, which stops the statements behind it.
      return db
        .asUser(
          userId,
          async (q) => {
            const fenced = q.query(fence.sql, fence.values);
            const ran = fn(q);
            // Both settle; the fence's failure is the one reported.
            const [held, result] = await Promise.allSettled([fenced, ran]);
            if (held.status === 'rejected') throw held.reason;
            if (result.status === 'rejected') throw result.reason;
            return result.value;
          },
          options,
        )
        .catch((error: unknown) => {
          throw (error as { code?: string })?.code === LEASE_LOST ? lost() : error;
        });
    },
    asSystem: () => Promise.reject(new Error('a generation job runs as its user only')),
    close: () => Promise.reject(new Error('a generation job cannot close the database')),
  };
}
