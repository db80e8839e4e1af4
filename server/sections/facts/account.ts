import type { Queryable } from '../../data/db.ts';
import { formatMoney, formatNumber } from '../format.ts';
import type { AccountFact } from '../types.ts';
import type { FactContext } from './context.ts';

export interface AccountRow {
  id: string;
  name: string;
  industry: string | null;
  website: string | null;
  billing_city: string | null;
  billing_country: string | null;
  employees: number | null;
  annual_revenue: number | null;
  segment: string | null;
  description: string | null;
  updated_at: string;
}

/** The account row, or null when it does not exist or this user may not see it. */
export async function fetchAccount(q: Queryable, accountId: string): Promise<AccountRow | null> {
  const rows = await q.query<AccountRow>(
    `SELECT id, name, industry, website, billing_city, billing_country, employees, annual_revenue,
            segment, description, updated_at
       FROM accounts WHERE id = $1`,
    [accountId],
  );
  return rows[0] ?? null;
}

/** The account profile as a fact; always the section's first source (S1). */
export function buildAccount(row: AccountRow, ctx: FactContext): AccountFact {
  const profile = [
    row.industry,
    row.segment && `${row.segment} segment`,
    [row.billing_city, row.billing_country].filter(Boolean).join(', '),
    row.employees != null && `${formatNumber(row.employees)} employees`,
    row.annual_revenue != null && `annual revenue ${formatMoney(row.annual_revenue)}`,
  ].filter(Boolean);
  const ref = ctx.sources.add({
    kind: 'account',
    recordId: row.id,
    title: `${row.name} (account record)`,
    snippet: `${profile.join(' · ')}${row.description ? `. ${row.description}` : ''}`,
    date: row.updated_at,
  });
  return {
    ref,
    id: row.id,
    name: row.name,
    industry: row.industry,
    website: row.website,
    segment: row.segment,
    city: row.billing_city,
    country: row.billing_country,
    employees: row.employees,
    annualRevenue: row.annual_revenue,
    description: row.description,
    updatedAt: row.updated_at,
  };
}
