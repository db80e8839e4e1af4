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

/**
 * The database as one job's run sees it: every user transaction first checks, under a share lock,
 * that this worker still holds the lease, and fails with LeaseLostError otherwise. So a worker that
 * was presumed dead (paused past its lease, partitioned) and then wakes up writes nothing over the
 * worker that took its job over. The owner role is not available to a run.
 */
export function fencedDatabase(db: Database, lease: Lease): Database {
  return {
    kind: db.kind,
    hasVector: db.hasVector,
    asUser: (userId, fn) => {
      if (lease.lost) return Promise.reject(new LeaseLostError(lease.job.requestId));
      const fence = leaseFence(lease.job);
      // The fence is sent with BEGIN and the role switch (one round trip); a wrapper that does not
      // pass `first` on (tests inject faults that way) leaves it to be run here instead.
      return db.asUser(
        userId,
        async (q, fenced) => {
          const rows = fenced ?? (await q.query(fence.sql, fence.values));
          if (!rows.length) {
            lease.lost = true;
            throw new LeaseLostError(lease.job.requestId);
          }
          return fn(q);
        },
        fence,
      );
    },
    asSystem: () => Promise.reject(new Error('a generation job runs as its user only')),
    close: () => Promise.reject(new Error('a generation job cannot close the database')),
  };
}
