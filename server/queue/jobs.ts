import type { SectionId } from '../../shared/sections.ts';
import type { Database, Queryable } from '../data/db.ts';

/** A job a worker holds: the request to generate and the lease (owner + attempt) that fences it. */
// Each bookkeeping transaction is one statement: COMMIT goes with it (server/data/pipeline.ts).
const ONE_MESSAGE = { oneMessage: true } as const;

export interface ClaimedJob {
  requestId: string;
  userId: string;
  accountId: string;
  sections: SectionId[];
  /** 1 on the first run; each reclaim after a lost lease adds one. */
  attempts: number;
  owner: string;
  /** Milliseconds from enqueue to this claim, by the database clock. */
  waitedMs: number;
}

export interface LeaseTerms {
  owner: string;
  leaseMs: number;
  maxAttempts: number;
}

/** Enqueues a recorded request's job, in the caller's (the user's) transaction. */
export async function enqueueJob(
  q: Queryable,
  job: { requestId: string; userId: string; accountId: string; sections: readonly SectionId[] },
): Promise<void> {
  await q.query(
    `INSERT INTO generation_jobs (request_id, user_id, account_id, sections) VALUES ($1, $2, $3, $4::text[])`,
    [job.requestId, job.userId, job.accountId, job.sections],
  );
}

interface ClaimRow {
  request_id: string;
  user_id: string;
  account_id: string;
  sections: SectionId[];
  attempts: number;
  waited_ms: number;
}

/**
 * Claims the oldest runnable job (queued, or running with a lease that ran out and attempts left),
 * or that of one request when `requestId` is given. Owner role: the claim is bookkeeping across
 * users; the job itself then runs as its user. Null when there is none (or another worker has it).
 */
export async function claimJob(
  db: Database,
  terms: LeaseTerms,
  requestId?: string,
): Promise<ClaimedJob | null> {
  const [row] = await db.asSystem(
    (q) =>
      q.query<ClaimRow>(
        `UPDATE generation_jobs j
          SET state = 'running', attempts = j.attempts + 1, lease_owner = $1,
              lease_expires_at = now() + make_interval(secs => $2), heartbeat_at = now(), updated_at = now()
        WHERE j.request_id = (
          SELECT g.request_id FROM generation_jobs g JOIN summary_requests r ON r.id = g.request_id
           WHERE r.expires_at > now() AND ($4::text IS NULL OR g.request_id = $4)
             AND (g.state = 'queued' OR (g.state = 'running' AND g.lease_expires_at < now() AND g.attempts < $3))
           ORDER BY g.created_at LIMIT 1
           FOR UPDATE OF g SKIP LOCKED)
        RETURNING j.request_id, j.user_id, j.account_id, j.sections, j.attempts,
                  (extract(epoch FROM now() - j.created_at) * 1000)::float8 AS waited_ms`,
        [terms.owner, terms.leaseMs / 1000, terms.maxAttempts, requestId ?? null],
      ),
    ONE_MESSAGE,
  );
  if (!row) return null;
  return {
    requestId: row.request_id,
    userId: row.user_id,
    accountId: row.account_id,
    sections: row.sections,
    attempts: row.attempts,
    owner: terms.owner,
    waitedMs: Math.round(row.waited_ms),
  };
}

const HELD = 'request_id = $1 AND lease_owner = $2 AND attempts = $3 AND state = $4';
const held = (job: ClaimedJob) => [job.requestId, job.owner, job.attempts, 'running'];

/** Pushes the lease forward; false when it is no longer this worker's (expired and reclaimed). */
export async function heartbeatJob(db: Database, job: ClaimedJob, leaseMs: number): Promise<boolean> {
  const rows = await db.asSystem(
    (q) =>
      q.query(
        `UPDATE generation_jobs SET heartbeat_at = now(), lease_expires_at = now() + make_interval(secs => $5),
              updated_at = now()
        WHERE ${HELD} RETURNING 1`,
        [...held(job), leaseMs / 1000],
      ),
    ONE_MESSAGE,
  );
  return rows.length > 0;
}

/** Marks a held job done (its request is finished, or gone). */
export async function completeJob(db: Database, job: ClaimedJob): Promise<void> {
  await db.asSystem(
    (q) =>
      q.query(
        `UPDATE generation_jobs SET state = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
        WHERE ${HELD}`,
        held(job),
      ),
    ONE_MESSAGE,
  );
}

/**
 * Gives a held job back to the queue (graceful shutdown): not counted as an attempt, and claimable
 * at once by any worker, which resumes it.
 */
export async function releaseJob(db: Database, job: ClaimedJob): Promise<void> {
  await db.asSystem(
    (q) =>
      q.query(
        `UPDATE generation_jobs
          SET state = 'queued', attempts = attempts - 1, lease_owner = NULL, lease_expires_at = NULL,
              updated_at = now()
        WHERE ${HELD}`,
        held(job),
      ),
    ONE_MESSAGE,
  );
}

/** Lets any worker reclaim a held job now (its run failed unexpectedly); the attempt counts. */
export async function abandonJob(db: Database, job: ClaimedJob): Promise<void> {
  await db.asSystem(
    (q) =>
      q.query(
        `UPDATE generation_jobs SET lease_expires_at = now(), updated_at = now() WHERE ${HELD}`,
        held(job),
      ),
    ONE_MESSAGE,
  );
}

/**
 * The check, inside one of the job's own (user) transactions, that this worker still holds the lease:
 * it raises SQLSTATE AS409 when it does not (hold_lease, migration 005), failing the transaction. It
 * share-locks the job row until that transaction ends, so a reclaim cannot interleave with the write
 * that follows.
 */
export function leaseFence(job: ClaimedJob): { sql: string; values: (string | number)[] } {
  return { sql: 'SELECT hold_lease($1, $2, $3)', values: [job.requestId, job.owner, job.attempts] };
}
