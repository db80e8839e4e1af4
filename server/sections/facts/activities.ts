import type { Queryable } from '../../data/db.ts';
import { clip } from '../sources.ts';
import type { ActivityFact } from '../types.ts';
import type { FactContext } from './context.ts';

export interface ActivityRow {
  id: string;
  type: ActivityFact['type'];
  subject: string;
  occurs_at: string;
  notes: string | null;
  contact_name: string | null;
  contact_title: string | null;
}

const COLUMNS = `a.id, a.type, a.subject, a.occurs_at, a.notes, c.name AS contact_name, c.title AS contact_title
  FROM activities a LEFT JOIN contacts c ON c.id = a.contact_id`;

/** Logged activities of the last 90 days, newest first (the contact joined in, not looked up per row). */
export function fetchRecentActivities(q: Queryable, accountId: string, now: Date): Promise<ActivityRow[]> {
  return q.query<ActivityRow>(
    `SELECT ${COLUMNS}
      WHERE a.account_id = $1 AND a.occurs_at <= $2 AND a.occurs_at > $2::timestamptz - interval '90 days'
      ORDER BY a.occurs_at DESC, a.id LIMIT 8`,
    [accountId, now.toISOString()],
  );
}

/** Meetings on the calendar in the next 60 days, soonest first. */
export function fetchUpcomingMeetings(q: Queryable, accountId: string, now: Date): Promise<ActivityRow[]> {
  return q.query<ActivityRow>(
    `SELECT ${COLUMNS}
      WHERE a.account_id = $1 AND a.type = 'meeting' AND a.occurs_at > $2
        AND a.occurs_at <= $2::timestamptz + interval '60 days'
      ORDER BY a.occurs_at, a.id LIMIT 5`,
    [accountId, now.toISOString()],
  );
}

/** Activities or meetings as facts, each cited to its CRM event. */
export function buildActivities(rows: ActivityRow[], ctx: FactContext): ActivityFact[] {
  return rows.map((r) => ({
    ref: ctx.sources.add({
      kind: 'activity',
      recordId: r.id,
      title: `${capitalize(r.type)}: ${r.subject}`,
      snippet: [r.contact_name && `with ${r.contact_name}`, r.notes && clip(r.notes, 200)]
        .filter(Boolean)
        .join(' — '),
      date: r.occurs_at,
    }),
    id: r.id,
    type: r.type,
    subject: r.subject,
    occursAt: r.occurs_at,
    contactName: r.contact_name,
    contactTitle: r.contact_title,
    notes: r.notes,
  }));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
