import type { Database } from '../../data/db.ts';
import type { AccountRow, CaseRow, OpportunityRow, WithAccount } from './rows.ts';

/** List views show at most this many rows, like Lightning's first page of a list view. */
export const LIST_LIMIT = 200;

export interface ListResult<T> {
  rows: T[];
  /** All matching rows, not just the ones shown. */
  total: number;
}

/** A case-insensitive substring pattern with LIKE's wildcards escaped, '' matching everything. */
function pattern(query: string): string {
  return `%${query.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

async function list<T>(db: Database, userId: string, sql: string, query: string): Promise<ListResult<T>> {
  const rows = await db.asUser(userId, (q) =>
    q.query<T & { total: number }>(sql, [pattern(query), LIST_LIMIT]),
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Accounts the user may see (RLS), filtered on name, industry or location. */
export function listAccounts(db: Database, userId: string, query: string) {
  return list<AccountRow>(
    db,
    userId,
    `SELECT *, count(*) OVER ()::int AS total FROM accounts
     WHERE name ILIKE $1 OR industry ILIKE $1 OR billing_city ILIKE $1 OR billing_country ILIKE $1
     ORDER BY name LIMIT $2`,
    query,
  );
}

export function listOpportunities(db: Database, userId: string, query: string) {
  return list<WithAccount<OpportunityRow>>(
    db,
    userId,
    `SELECT o.*, a.name AS account_name, count(*) OVER ()::int AS total
     FROM opportunities o JOIN accounts a ON a.id = o.account_id
     WHERE o.name ILIKE $1 OR a.name ILIKE $1 OR o.stage ILIKE $1
     ORDER BY (o.status IN ('open', 'stalled')) DESC, o.close_date LIMIT $2`,
    query,
  );
}

export function listCases(db: Database, userId: string, query: string) {
  return list<WithAccount<CaseRow>>(
    db,
    userId,
    `SELECT s.*, a.name AS account_name, count(*) OVER ()::int AS total
     FROM support_cases s JOIN accounts a ON a.id = s.account_id
     WHERE s.subject ILIKE $1 OR a.name ILIKE $1 OR s.case_number ILIKE $1
     ORDER BY (s.status <> 'closed') DESC, s.opened_at DESC LIMIT $2`,
    query,
  );
}
