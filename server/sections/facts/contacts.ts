import type { Queryable } from '../../data/db.ts';
import type { ContactFact } from '../types.ts';
import type { FactContext } from './context.ts';

export interface ContactRow {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  is_primary: boolean;
}

/** Primary contact first; a handful is enough for a brief. */
export function fetchContacts(q: Queryable, accountId: string): Promise<ContactRow[]> {
  return q.query<ContactRow>(
    `SELECT id, name, title, email, is_primary FROM contacts
      WHERE account_id = $1 ORDER BY is_primary DESC, name LIMIT 8`,
    [accountId],
  );
}

/** Contacts as facts, each cited to its contact record. */
export function buildContacts(rows: ContactRow[], ctx: FactContext): ContactFact[] {
  return rows.map((r) => ({
    ref: ctx.sources.add({
      kind: 'contact',
      recordId: r.id,
      title: `${r.name}${r.title ? `, ${r.title}` : ''}`,
      snippet: [r.title, r.is_primary ? 'primary contact' : null, r.email].filter(Boolean).join(' · '),
      date: null,
    }),
    id: r.id,
    name: r.name,
    title: r.title,
    email: r.email,
    isPrimary: r.is_primary,
  }));
}
