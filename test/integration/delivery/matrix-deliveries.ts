import type { Database } from '../../../server/data/db.ts';

/**
 * For the leak matrix: a delivered browser brief for every user × account, visible or not (as rows
 * left behind when access is revoked would be), so the SQL matrix and GET /v1/deliveries are checked
 * against rows each user must not see. Meetings are a day ahead so no clean-up touches them.
 */
export async function seedMatrixDeliveries(db: Database): Promise<void> {
  await db.asSystem((q) =>
    q.query(
      `INSERT INTO deliveries (activity_id, user_id, account_id, channel, status, meeting_at, delivered_at)
       SELECT DISTINCT ON (a.account_id, u.id) a.id, u.id, a.account_id, 'browser', 'delivered',
              now() + interval '1 day', now()
         FROM activities a CROSS JOIN users u
        ORDER BY a.account_id, u.id, a.id`,
    ),
  );
}
