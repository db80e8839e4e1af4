import type { Database } from '../data/db.ts';

/** What the panel shows on a section left unfinished when a job runs out of attempts. */
export function interruptedMessage(attempts: number): string {
  return `Generation was interrupted ${attempts} times (the servers working on it stopped). Try again.`;
}

/**
 * Fails the jobs whose last allowed attempt lost its lease, in one owner-role transaction per sweep
 * (bookkeeping: nothing is returned to a caller): every section not yet done or failed gets a clear
 * error, and the request ends partial (some sections done) or failed. Returns the request ids.
 */
export async function failExhaustedJobs(db: Database, maxAttempts: number): Promise<string[]> {
  return db.asSystem(async (q) => {
    const jobs = await q.query<{ request_id: string; attempts: number }>(
      `UPDATE generation_jobs SET state = 'failed', lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
        WHERE request_id IN (
          SELECT request_id FROM generation_jobs
           WHERE state = 'running' AND lease_expires_at < now() AND attempts >= $1
           FOR UPDATE SKIP LOCKED)
        RETURNING request_id, attempts`,
      [maxAttempts],
    );
    for (const job of jobs) {
      await q.query(
        `UPDATE summary_sections SET status = 'failed', error = $2, markdown = NULL
          WHERE request_id = $1 AND status IN ('pending', 'running')`,
        [job.request_id, interruptedMessage(job.attempts)],
      );
      await q.query(
        `UPDATE summary_requests
            SET status = CASE WHEN EXISTS (
                  SELECT 1 FROM summary_sections s WHERE s.request_id = $1 AND s.status = 'done')
                THEN 'partial' ELSE 'failed' END
          WHERE id = $1 AND status IN ('pending', 'running')`,
        [job.request_id],
      );
    }
    return jobs.map((j) => j.request_id);
  });
}
