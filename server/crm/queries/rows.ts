// Row shapes as the pages read them (nullable where the schema allows NULL). Numbers, dates
// ('YYYY-MM-DD') and timestamps (ISO strings) arrive already parsed by data/db.ts.

export interface AccountRow {
  id: string;
  name: string;
  industry: string | null;
  website: string | null;
  phone: string | null;
  billing_city: string | null;
  billing_country: string | null;
  employees: number | null;
  annual_revenue: number | null;
  segment: string | null;
  description: string | null;
  owner_id: string;
  created_at: string;
  updated_at: string;
}

export interface ContactRow {
  id: string;
  account_id: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  is_primary: boolean;
}

export interface OpportunityRow {
  id: string;
  account_id: string;
  name: string;
  product: string | null;
  stage: string;
  status: 'open' | 'stalled' | 'won' | 'lost';
  amount: number;
  probability: number;
  close_date: string;
  partner: string | null;
  next_step: string | null;
  last_activity_at: string | null;
  created_at: string;
}

export interface ActivityRow {
  id: string;
  account_id: string;
  type: 'call' | 'email' | 'meeting' | 'note';
  subject: string;
  occurs_at: string;
  owner_id: string | null;
  contact_id: string | null;
  contact_name: string | null;
  notes: string | null;
}

export interface UsageRow {
  product: string;
  month: string;
  units: number;
  unit: string;
  spend: number;
}

export interface CaseRow {
  id: string;
  account_id: string;
  case_number: string;
  subject: string;
  product: string | null;
  severity: string;
  status: string;
  opened_at: string;
  closed_at: string | null;
  description: string | null;
}

export interface InvestmentRow {
  id: string;
  account_id: string;
  kind: string;
  name: string;
  amount: number;
  status: string;
  starts_on: string;
  ends_on: string;
}

export interface FeatureRequestRow {
  id: string;
  account_id: string;
  title: string;
  product: string | null;
  status: string;
  priority: string;
  requested_at: string;
}

export interface InsightRow {
  id: string;
  account_id: string;
  kind: string;
  product: string | null;
  score: number;
  drivers: string;
  computed_at: string;
}

export interface DocumentRow {
  id: string;
  account_id: string | null;
  kind: string;
  title: string;
  url: string | null;
  source: string | null;
  product: string | null;
  published_at: string;
  body: string;
}

/** A child record plus the name of the account it belongs to (null for global KB documents). */
export type WithAccount<T> = T & { account_name: string | null };
