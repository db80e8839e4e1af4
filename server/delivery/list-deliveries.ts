import type { Delivery } from '../../shared/api.ts';
import type { Database } from '../data/db.ts';
import { panelUrl } from './slack-message.ts';

const DEFAULT_LOOKBACK_MS = 24 * 3_600_000;
/** How far `next` reaches back, so a delivery committed just after its timestamp is not missed. */
const OVERLAP_MS = 60_000;

interface Row {
  id: string;
  account_id: string;
  account_name: string;
  activity_id: string;
  subject: string;
  occurs_at: string;
  request_id: string | null;
  delivered_at: string;
}

/**
 * The browser feed of one user: their delivered briefs at or after `since`, oldest first. Read as
 * the user, so row-level security returns only their own deliveries of accounts they may still see
 * (and the meeting and account only while those are visible).
 */
export async function listDeliveries(
  db: Database,
  userId: string,
  options: { since?: string; limit?: number; publicUrl: string; now?: Date },
): Promise<{ deliveries: Delivery[]; next: string }> {
  const now = options.now ?? new Date();
  const since = options.since ?? new Date(now.getTime() - DEFAULT_LOOKBACK_MS).toISOString();
  const limit = options.limit ?? 50;
  const rows = await db.asUser(userId, (q) =>
    q.query<Row>(
      `SELECT d.id, d.account_id, acc.name AS account_name, d.activity_id, act.subject, act.occurs_at,
              d.request_id, d.delivered_at
         FROM deliveries d
         JOIN accounts acc ON acc.id = d.account_id
         JOIN activities act ON act.id = d.activity_id
        WHERE d.channel = 'browser' AND d.status = 'delivered' AND d.delivered_at >= $1::timestamptz
        ORDER BY d.delivered_at, d.id LIMIT $2`,
      [since, limit],
    ),
  );
  const deliveries = rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    meeting: { id: r.activity_id, subject: r.subject, startsAt: r.occurs_at },
    requestId: r.request_id,
    deliveredAt: r.delivered_at,
    panelUrl: panelUrl(options.publicUrl, r.account_id),
  }));
  // A full page continues from its last row; otherwise from a little before now.
  const next =
    rows.length === limit
      ? rows[rows.length - 1]!.delivered_at
      : new Date(Math.max(Date.parse(since), now.getTime() - OVERLAP_MS)).toISOString();
  return { deliveries, next };
}
