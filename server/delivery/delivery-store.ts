import type { Database, Queryable } from '../data/db.ts';

export type DeliveryChannel = 'browser' | 'slack';

/** One channel's row of a meeting being worked on; `attempts` fences it (see leaseMeeting). */
export interface LeasedDelivery {
  id: string;
  channel: DeliveryChannel;
  requestId: string | null;
  attempts: number;
}

export interface DueMeeting {
  activityId: string;
  userId: string;
  accountId: string;
  meetingAt: string;
}

// Work a tick may pick up: new, abandoned by a crashed worker (lease ran out), or failed and due again.
const DUE = `(d.status = 'pending'
  OR (d.status = 'generating' AND d.lease_until < $1::timestamptz)
  OR (d.status = 'failed' AND d.next_attempt_at <= $1::timestamptz))`;

/** Sellers who own a meeting starting in (from, to]: ids only, read past RLS for scheduling. */
export async function meetingOwners(db: Database, from: Date, to: Date): Promise<string[]> {
  const rows = await db.asSystem((q) =>
    q.query<{ owner_id: string }>(
      `SELECT DISTINCT owner_id FROM activities
        WHERE type = 'meeting' AND owner_id IS NOT NULL
          AND occurs_at > $1::timestamptz AND occurs_at <= $2::timestamptz ORDER BY 1`,
      [from.toISOString(), to.toISOString()],
    ),
  );
  return rows.map((r) => r.owner_id);
}

/**
 * As the seller (RLS: only meetings of accounts they may see), records a pending delivery per
 * channel for each of their meetings in (from, to]. The unique key makes this idempotent: a row that
 * exists — from an earlier tick, another process or before a restart — is left as it is. Slack is
 * added only for a seller with a Slack user id. Returns how many rows were new.
 */
export function recordDueMeetings(
  db: Database,
  userId: string,
  window: { from: Date; to: Date },
  slack: boolean,
): Promise<number> {
  return db.asUser(userId, async (q) => {
    const channels: DeliveryChannel[] = ['browser'];
    if (slack && (await slackUserIdIn(q))) channels.push('slack');
    const rows = await q.query(
      `INSERT INTO deliveries (activity_id, user_id, account_id, channel, status, meeting_at)
       SELECT a.id, $1, a.account_id, c.channel, 'pending', a.occurs_at
         FROM activities a CROSS JOIN unnest($4::text[]) AS c(channel)
        WHERE a.type = 'meeting' AND a.owner_id = $1
          AND a.occurs_at > $2::timestamptz AND a.occurs_at <= $3::timestamptz
       ON CONFLICT (activity_id, user_id, channel) DO NOTHING
       RETURNING id`,
      [userId, window.from.toISOString(), window.to.toISOString(), channels],
    );
    return rows.length;
  });
}

async function slackUserIdIn(q: Queryable): Promise<string | null> {
  // RLS: the caller's own row only.
  const [row] = await q.query<{ slack_user_id: string | null }>('SELECT slack_user_id FROM delivery_targets');
  return row?.slack_user_id ?? null;
}

/** The seller's Slack user id, read as the seller. */
export function slackUserIdOf(db: Database, userId: string): Promise<string | null> {
  return db.asUser(userId, slackUserIdIn);
}

/** Meetings with due work whose meeting is still ahead and still owned by the seller, soonest first. */
export function dueMeetings(db: Database, now: Date, limit: number): Promise<DueMeeting[]> {
  return db.asSystem((q) =>
    q.query<DueMeeting>(
      `SELECT d.activity_id AS "activityId", d.user_id AS "userId", d.account_id AS "accountId",
              min(a.occurs_at) AS "meetingAt"
         FROM deliveries d JOIN activities a ON a.id = d.activity_id AND a.owner_id = d.user_id
        WHERE a.occurs_at > $1::timestamptz AND ${DUE}
        GROUP BY 1, 2, 3 ORDER BY 4 LIMIT $2`,
      [now.toISOString(), limit],
    ),
  );
}

/**
 * Takes the due rows of one meeting and seller for this worker: status generating, a lease, and
 * attempts + 1. The conditional UPDATE is atomic, so of two workers only one gets a row; every later
 * write names the attempts it leased, so a worker whose lease was taken over writes nothing.
 */
export function leaseMeeting(
  db: Database,
  meeting: DueMeeting,
  now: Date,
  leaseMs: number,
): Promise<LeasedDelivery[]> {
  return db.asSystem((q) =>
    q.query<LeasedDelivery>(
      `UPDATE deliveries d SET status = 'generating', attempts = d.attempts + 1, next_attempt_at = NULL,
              lease_until = $1::timestamptz + make_interval(secs => $4), updated_at = $1::timestamptz
        WHERE d.activity_id = $2 AND d.user_id = $3 AND ${DUE}
        RETURNING d.id, d.channel, d.request_id AS "requestId", d.attempts`,
      [now.toISOString(), meeting.activityId, meeting.userId, leaseMs / 1000],
    ),
  );
}

type Update = {
  status: 'sending' | 'delivered' | 'failed';
  error?: string;
  retryAt?: Date | null;
  slack?: { channel: string; ts: string };
};

/** Moves a leased row on; false when the lease was lost (another worker owns the row now). */
export async function updateDelivery(
  db: Database,
  row: LeasedDelivery,
  now: Date,
  leaseMs: number,
  update: Update,
): Promise<boolean> {
  const rows = await db.asSystem((q) =>
    q.query(
      `UPDATE deliveries SET status = $3, updated_at = $4::timestamptz,
              lease_until = CASE WHEN $3 = 'sending' THEN $4::timestamptz + make_interval(secs => $5) END,
              delivered_at = CASE WHEN $3 = 'delivered' THEN $4::timestamptz END,
              last_error = $6, next_attempt_at = $7::timestamptz,
              slack_channel = coalesce($8, slack_channel), slack_ts = coalesce($9, slack_ts)
        WHERE id = $1 AND attempts = $2 AND status = ANY($10::text[]) RETURNING id`,
      [
        row.id,
        row.attempts,
        update.status,
        now.toISOString(),
        leaseMs / 1000,
        update.error ?? null,
        update.retryAt?.toISOString() ?? null,
        update.slack?.channel ?? null,
        update.slack?.ts ?? null,
        update.status === 'sending' ? ['generating'] : ['generating', 'sending'],
      ],
    ),
  );
  return rows.length > 0;
}

/** Remembers which summary request a meeting's rows were prepared with (ids only). */
export function setRequestId(
  db: Database,
  rows: readonly LeasedDelivery[],
  requestId: string,
): Promise<unknown> {
  return db.asSystem((q) =>
    q.query('UPDATE deliveries SET request_id = $2 WHERE id = ANY($1::uuid[])', [
      rows.map((r) => r.id),
      requestId,
    ]),
  );
}

/**
 * Closes out rows that can no longer be delivered usefully: the meeting has started, or a worker
 * died mid-send. A row interrupted while sending is not sent again — the message may have gone out,
 * and a duplicate is worse than a miss. Old rows are deleted after `retainDays`.
 */
export async function closeOut(db: Database, now: Date, retainDays: number): Promise<void> {
  await db.asSystem(async (q) => {
    const at = now.toISOString();
    await q.query(
      `UPDATE deliveries d SET status = 'failed', next_attempt_at = NULL, lease_until = NULL, updated_at = $1::timestamptz,
              last_error = 'the meeting started before the brief was delivered'
        WHERE d.meeting_at <= $1::timestamptz AND ${DUE}`,
      [at],
    );
    await q.query(
      `UPDATE deliveries SET status = 'failed', next_attempt_at = NULL, lease_until = NULL, updated_at = $1::timestamptz,
              last_error = 'interrupted while sending; not resent so that it is never delivered twice'
        WHERE status = 'sending' AND lease_until < $1::timestamptz`,
      [at],
    );
    await q.query(`DELETE FROM deliveries WHERE meeting_at < $1::timestamptz - make_interval(days => $2)`, [
      at,
      retainDays,
    ]);
  });
}
