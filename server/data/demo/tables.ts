import type { DemoData } from './types.ts';

/**
 * Column names and Postgres types of every table the demo fills, in insert order (parents before
 * children, so foreign keys hold). The seeder builds typed unnest() inserts from this.
 */
// biome-ignore format: one table a line reads best
const SPEC: readonly (readonly [keyof DemoData, string])[] = [
  ['users', 'id text, name text, title text, role text'],
  ['accounts', 'id text, name text, industry text, website text, phone text, billing_city text, billing_country text, employees integer, annual_revenue numeric, segment text, description text, owner_id text, created_at timestamptz, updated_at timestamptz'],
  ['account_access', 'user_id text, account_id text'],
  ['contacts', 'id text, account_id text, name text, title text, email text, phone text, is_primary boolean'],
  ['opportunities', 'id text, account_id text, name text, product text, stage text, status text, amount numeric, probability integer, close_date date, partner text, next_step text, last_activity_at timestamptz, created_at timestamptz'],
  ['activities', 'id text, account_id text, type text, subject text, occurs_at timestamptz, owner_id text, contact_id text, notes text'],
  ['usage_monthly', 'account_id text, product text, month date, units numeric, unit text, spend numeric'],
  ['support_cases', 'id text, account_id text, case_number text, subject text, product text, severity text, status text, opened_at timestamptz, closed_at timestamptz, description text'],
  ['investments', 'id text, account_id text, kind text, name text, amount numeric, status text, starts_on date, ends_on date'],
  ['feature_requests', 'id text, account_id text, title text, product text, status text, priority text, requested_at timestamptz'],
  ['ml_insights', 'id text, account_id text, kind text, product text, score numeric, drivers text, computed_at timestamptz'],
  ['documents', 'id text, account_id text, kind text, title text, url text, source text, product text, published_at timestamptz, body text, content_hash text'],
];

export const DEMO_TABLES: readonly {
  table: keyof DemoData;
  columns: readonly (readonly [name: string, type: string])[];
}[] = SPEC.map(([table, columns]) => ({
  table,
  columns: columns.split(', ').map((c) => c.split(' ') as [string, string]),
}));
