import type { Hono } from 'hono';
import { createCrmRoutes } from '../../../server/crm/routes.tsx';
import { type Database, openDatabase } from '../../../server/data/db.ts';
import { seedDemo } from '../../../server/data/demo/seed.ts';

export const SECRET = 'crm-test-secret-0123456789abcdef';
export const PUBLIC_URL = 'http://crm.test';

export interface CrmFixture {
  app: Hono;
  db: Database;
  /** Signs in through the real form and returns the session cookie value. */
  login(email: string): Promise<string>;
  /** GET as a signed-in user (cookie), without following redirects. */
  get(path: string, session?: string): Promise<Response>;
  /** Account ids a user may see, read past RLS. */
  accountsOf(email: string): Promise<string[]>;
  /** One row id of a table that belongs to one of the user's accounts (read past RLS). */
  childOf(email: string, table: string): Promise<string>;
  close(): Promise<void>;
}

/** The demo CRM alone over an in-memory PGlite seeded with 6 demo accounts; no port is opened. */
export async function startCrm(): Promise<CrmFixture> {
  const db = await openDatabase({ memory: true });
  await seedDemo(db, { accounts: 6 });
  const app = createCrmRoutes({ db, devSecret: SECRET, publicUrl: PUBLIC_URL });
  const fixture: CrmFixture = {
    app,
    db,
    async login(email) {
      const res = await app.request('/login', { method: 'POST', body: new URLSearchParams({ user: email }) });
      const cookie = sessionCookie(res);
      if (res.status !== 303 || !cookie) throw new Error(`login as ${email} failed: ${res.status}`);
      return cookie;
    },
    get: async (path, session) =>
      app.request(path, { headers: session ? { cookie: `crm_session=${session}` } : {} }),
    accountsOf: (email) =>
      db.asSystem(async (q) =>
        (
          await q.query<{ account_id: string }>(
            'SELECT account_id FROM account_access WHERE user_id = $1 ORDER BY 1',
            [email],
          )
        ).map((r) => r.account_id),
      ),
    async childOf(email, table) {
      const [row] = await db.asSystem((q) =>
        q.query<{ id: string }>(
          `SELECT t.id FROM ${table} t JOIN accounts a ON a.id = t.account_id WHERE a.owner_id = $1 ORDER BY t.id LIMIT 1`,
          [email],
        ),
      );
      if (!row) throw new Error(`no ${table} row for ${email}`);
      return row.id;
    },
    close: () => db.close(),
  };
  return fixture;
}

/** The crm_session value a response sets ('' when it clears it), or null when it sets none. */
export function sessionCookie(res: Response): string | null {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /(?:^|,\s*)crm_session=([^;]*)/.exec(header);
  return match ? (match[1] ?? '') : null;
}

/** Every account record link on a page. */
export function accountLinks(html: string): string[] {
  return [
    ...new Set([...html.matchAll(/href="\/lightning\/r\/Account\/([^/"]+)\/view"/g)].map((m) => m[1]!)),
  ];
}

/** The content of a named meta tag. */
export function meta(html: string, name: string): string | null {
  const tag = new RegExp(
    `<meta name="${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" content="([^"]*)"`,
  ).exec(html);
  return tag ? tag[1]! : null;
}
