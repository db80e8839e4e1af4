import { indexDocuments } from '../../../server/ingest/index-documents.ts';
import { createLocalLexicalEmbedder } from '../../../server/retrieval/local-lexical-embedder.ts';
import { seedMatrixDeliveries } from '../delivery/matrix-deliveries.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** A valid token for someone the database does not know: must see nothing at all. */
export const OUTSIDER = 'mallory@example.com';

/** CRM object (the citation link target) → the table its records live in. */
export const CRM_OBJECTS = {
  Account: 'accounts',
  Contact: 'contacts',
  Opportunity: 'opportunities',
  Event: 'activities',
  Case: 'support_cases',
  Investment__c: 'investments',
  Feature_Request__c: 'feature_requests',
  Insight__c: 'ml_insights',
  Document: 'documents',
} as const;
export type CrmObject = keyof typeof CRM_OBJECTS;

/** One record a citation can link to; accountId null = global knowledge-base document. */
export interface RecordRef {
  object: CrmObject;
  id: string;
  accountId: string | null;
}

export interface Matrix {
  server: TestServer;
  /** Every user in the database, plus OUTSIDER. */
  users: string[];
  accounts: { id: string; name: string }[];
  visible: Map<string, string[]>;
  records: RecordRef[];
  tokens: Map<string, string>;
  canSee(userId: string, accountId: string | null): boolean;
  /** An id (record or request) that must never reach this user. */
  forbid(userId: string, id: string): void;
  /**
   * Record ids, request ids and account names in `text` this user may not see; `typed` is what the
   * user sent (a search box echoes it), which is not a leak.
   */
  leaksIn(userId: string, text: string, typed?: string): string[];
  /** A demo CRM page as the user (the session cookie holds the same dev token the API takes). */
  crm(userId: string, path: string): Promise<Response>;
}

const ID_PATTERN = /[0-9a-zA-Z]{3}DM\d{10}AAA|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The real app over a small seeded demo, its documents indexed into chunks, and the ground truth. */
export async function startMatrix(accounts = 6): Promise<Matrix> {
  const server = await startTestServer(accounts);
  await indexDocuments(server.db, createLocalLexicalEmbedder());
  await seedMatrixDeliveries(server.db);
  const users = [
    ...(await server.db.asSystem((q) => q.query<{ id: string }>('SELECT id FROM users ORDER BY id'))).map(
      (u) => u.id,
    ),
    OUTSIDER,
  ];
  const accountRows = await server.db.asSystem((q) =>
    q.query<{ id: string; name: string }>('SELECT id, name FROM accounts ORDER BY id'),
  );
  const visible = new Map<string, string[]>();
  const tokens = new Map<string, string>();
  for (const user of users) {
    visible.set(user, await server.accountsOf(user));
    tokens.set(user, await server.token(user));
  }
  const records = await server.db.asSystem((q) =>
    q.query<RecordRef>(
      Object.entries(CRM_OBJECTS)
        .map(
          ([object, table]) =>
            `SELECT '${object}' AS object, id, ${table === 'accounts' ? 'id' : 'account_id'} AS "accountId" FROM ${table}`,
        )
        .join(' UNION ALL ')
        .concat(' ORDER BY 1, 2'),
    ),
  );
  const canSee = (user: string, accountId: string | null) =>
    accountId === null || (visible.get(user) ?? []).includes(accountId);
  const forbidden = new Map(
    users.map((u) => [u, new Set(records.filter((r) => !canSee(u, r.accountId)).map((r) => r.id))]),
  );
  // A hidden account's name counts only where no visible account's name contains it.
  const hiddenNames = (user: string) =>
    accountRows
      .filter((a) => !canSee(user, a.id))
      .map((a) => a.name)
      .filter((n) => !accountRows.some((v) => canSee(user, v.id) && v.name.includes(n)));
  return {
    server,
    users,
    accounts: accountRows,
    visible,
    records,
    tokens,
    canSee,
    forbid: (user, id) => forbidden.get(user)?.add(id),
    leaksIn(user, raw, typed) {
      const text = typed ? raw.replaceAll(typed, '').replaceAll(escapeHtml(typed), '') : raw;
      const ids = [...new Set(text.match(ID_PATTERN) ?? [])].filter((id) => forbidden.get(user)?.has(id));
      return [...ids, ...hiddenNames(user).filter((n) => text.includes(n) || text.includes(escapeHtml(n)))];
    },
    crm: async (user, path) =>
      server.app.request(path, { headers: { cookie: `crm_session=${tokens.get(user)}` } }),
  };
}

/** The path of a CRM record page, as citation links spell it. */
export function recordPath(object: string, id: string): string {
  return `/lightning/r/${object}/${encodeURIComponent(id)}/view`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
