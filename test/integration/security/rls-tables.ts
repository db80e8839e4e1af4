import type { Database, Queryable } from '../../../server/data/db.ts';

/** A table of the public schema as the catalogue describes it (discovered, never hard-coded). */
export interface TableInfo {
  name: string;
  columns: string[];
  rowSecurity: boolean;
  forced: boolean;
  /** Whether app_user (the role every per-user transaction runs as) may SELECT from it. */
  readable: boolean;
  policies: number;
  /** Whether app_user owns it, directly or through a role: an owner is exempt from unforced RLS. */
  ownedByAppUser: boolean;
}

export function listTables(db: Database): Promise<TableInfo[]> {
  return db.asSystem((q) =>
    q.query<TableInfo>(
      `SELECT c.relname AS name, c.relrowsecurity AS "rowSecurity", c.relforcerowsecurity AS forced,
              has_table_privilege('app_user', c.oid, 'SELECT') AS readable,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
              pg_has_role('app_user', c.relowner, 'USAGE') AS "ownedByAppUser",
              array(SELECT a.attname::text FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                     ORDER BY a.attnum) AS columns
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        ORDER BY c.relname`,
    ),
  );
}

/** Tables that hold no account or user data, so every role may read all of them. */
export const UNSCOPED_TABLES = new Set(['schema_migrations']);

// Tables scoped by a column other than account_id/user_id. p.user_id and p.visible (account ids)
// are the user's; see fingerprints().
const SCOPE_OVERRIDES: Record<string, string> = {
  accounts: 't.id = ANY(p.visible)',
  users: 't.id = p.user_id',
  summary_sections: `t.request_id IN (SELECT r.id FROM summary_requests r
                       WHERE r.user_id = p.user_id AND r.account_id = ANY(p.visible))`,
};

/**
 * The rows a user may read, as a SQL condition on alias `t`: rows of an account they may see or
 * global rows (account_id NULL: the knowledge base), and of tables with a user_id their own rows
 * only. Null when the table carries no scope the test knows: a new table must be classified here.
 */
export function scopeOf(table: TableInfo): string | null {
  const override = SCOPE_OVERRIDES[table.name];
  if (override) return override;
  const parts: string[] = [];
  if (table.columns.includes('account_id'))
    parts.push('(t.account_id IS NULL OR t.account_id = ANY(p.visible))');
  if (table.columns.includes('user_id')) parts.push('t.user_id = p.user_id');
  if (parts.length) return parts.join(' AND ');
  return UNSCOPED_TABLES.has(table.name) ? 'true' : null;
}

/**
 * One fingerprint per row (md5 of the whole row as text), sorted: equal lists mean equal row sets.
 * Without a scope: every row the connection may read.
 */
export async function fingerprints(
  q: Queryable,
  table: string,
  scope?: { where: string; userId: string; visible: string[] },
): Promise<string[]> {
  const from = `${quoteIdent(table)} t`;
  const rows = scope
    ? await q.query<{ h: string }>(
        `WITH p AS (SELECT $1::text AS user_id, $2::text[] AS visible)
         SELECT md5(t::text) AS h FROM ${from}, p WHERE ${scope.where} ORDER BY 1`,
        [scope.userId, scope.visible],
      )
    : await q.query<{ h: string }>(`SELECT md5(t::text) AS h FROM ${from} ORDER BY 1`);
  return rows.map((r) => r.h);
}

/** What the user should see of a table, computed past RLS from the scope rule. */
export function expectedFingerprints(db: Database, table: TableInfo, userId: string, visible: string[]) {
  const scope = scopeOf(table);
  if (!scope) throw new Error(`table ${table.name} has no scope rule: classify it in rls-tables.ts`);
  return db.asSystem((q) => fingerprints(q, table.name, { where: scope, userId, visible }));
}

/** Rows in `actual` that `expected` lacks (a leak) and rows it misses (over-hiding). */
export function diffRows(expected: string[], actual: string[]) {
  const want = new Set(expected);
  const got = new Set(actual);
  return {
    extra: actual.filter((h) => !want.has(h)),
    missing: expected.filter((h) => !got.has(h)),
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
