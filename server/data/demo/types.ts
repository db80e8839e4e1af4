/** Row shapes of the demo dataset: one interface per table, keys exactly the schema's columns. */

export type UserRole = 'seller' | 'manager' | 'admin';

export interface UserRow {
  id: string;
  name: string;
  title: string;
  role: UserRole;
}

export interface AccountRow {
  id: string;
  name: string;
  industry: string;
  website: string;
  phone: string;
  billing_city: string;
  billing_country: string;
  employees: number;
  annual_revenue: number;
  segment: 'Enterprise' | 'Mid-Market' | 'SMB';
  description: string;
  owner_id: string;
  created_at: string;
  updated_at: string;
}

export interface AccountAccessRow {
  user_id: string;
  account_id: string;
}

export interface ContactRow {
  id: string;
  account_id: string;
  name: string;
  title: string;
  email: string;
  phone: string;
  is_primary: boolean;
}

export type OpportunityStatus = 'open' | 'stalled' | 'won' | 'lost';

export interface OpportunityRow {
  id: string;
  account_id: string;
  name: string;
  product: string;
  stage: string;
  status: OpportunityStatus;
  amount: number;
  probability: number;
  close_date: string;
  partner: string | null;
  next_step: string | null;
  last_activity_at: string;
  created_at: string;
}

export interface ActivityRow {
  id: string;
  account_id: string;
  type: 'call' | 'email' | 'meeting' | 'note';
  subject: string;
  occurs_at: string;
  owner_id: string;
  contact_id: string | null;
  notes: string;
}

export interface UsageRow {
  account_id: string;
  product: string;
  month: string;
  units: number;
  unit: string;
  spend: number;
}

export interface SupportCaseRow {
  id: string;
  account_id: string;
  case_number: string;
  subject: string;
  product: string;
  severity: 'sev1' | 'sev2' | 'sev3' | 'sev4';
  status: 'open' | 'escalated' | 'closed';
  opened_at: string;
  closed_at: string | null;
  description: string;
}

export interface InvestmentRow {
  id: string;
  account_id: string;
  kind: 'credit' | 'program' | 'funding';
  name: string;
  amount: number;
  status: 'proposed' | 'active' | 'expired';
  starts_on: string;
  ends_on: string;
}

export interface FeatureRequestRow {
  id: string;
  account_id: string;
  title: string;
  product: string;
  status: 'submitted' | 'planned' | 'shipped' | 'declined';
  priority: 'low' | 'medium' | 'high';
  requested_at: string;
}

export interface InsightRow {
  id: string;
  account_id: string;
  kind: 'propensity' | 'churn_risk' | 'expansion';
  product: string | null;
  score: number;
  drivers: string;
  computed_at: string;
}

export interface DocumentRow {
  id: string;
  account_id: string | null;
  kind: 'kb' | 'news' | 'filing' | 'meeting_note';
  title: string;
  url: string | null;
  source: string;
  product: string | null;
  published_at: string;
  body: string;
  content_hash: string;
}

/** Everything one account contributes (users and the knowledge base are global). */
export interface AccountBundle {
  accounts: AccountRow[];
  account_access: AccountAccessRow[];
  contacts: ContactRow[];
  opportunities: OpportunityRow[];
  activities: ActivityRow[];
  usage_monthly: UsageRow[];
  support_cases: SupportCaseRow[];
  investments: InvestmentRow[];
  feature_requests: FeatureRequestRow[];
  ml_insights: InsightRow[];
  documents: DocumentRow[];
}

/** The whole dataset: one array of rows per table, keyed by table name. */
export interface DemoData extends AccountBundle {
  users: UserRow[];
}

export interface DemoOptions {
  /** How many accounts (default 48). */
  accounts?: number;
  /** PRNG seed (default 42). */
  seed?: number;
  /** Dates are relative to this day, taken at midnight UTC (default: today). */
  anchor?: Date;
}
