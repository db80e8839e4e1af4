import type { Citation, SpendChart } from '../../shared/api.ts';
import type { SectionId } from '../../shared/sections.ts';

/** The kinds of facts a prompt file may ask for in its front matter `data` list. */
export const DATA_KINDS = [
  'account',
  'contacts',
  'opportunities',
  'activities',
  'meetings',
  'usage',
  'support_cases',
  'investments',
  'feature_requests',
  'insights',
  'news',
  'knowledge_base',
  'meeting_notes',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** Every fact carries `ref`, the `S<n>` id of its entry in SectionData.sources. */
interface Sourced {
  ref: string;
  id: string;
}

export interface AccountFact extends Sourced {
  name: string;
  industry: string | null;
  website: string | null;
  segment: string | null;
  city: string | null;
  country: string | null;
  employees: number | null;
  annualRevenue: number | null;
  description: string | null;
  updatedAt: string;
}

export interface ContactFact extends Sourced {
  name: string;
  title: string | null;
  email: string | null;
  isPrimary: boolean;
}

export interface OpportunityFact extends Sourced {
  name: string;
  product: string | null;
  stage: string;
  status: 'open' | 'stalled' | 'won' | 'lost';
  amount: number;
  probability: number;
  closeDate: string;
  partner: string | null;
  nextStep: string | null;
  lastActivityAt: string | null;
  /** Whole days between the last activity and the as-of date; null when there was none. */
  daysSinceActivity: number | null;
}

/** Counts and totals are computed here so a writer copies them instead of doing arithmetic. */
export interface PipelineFacts {
  items: OpportunityFact[];
  openCount: number;
  openAmount: number;
  weightedOpenAmount: number;
  stalledCount: number;
  stalledAmount: number;
  wonCount: number;
  wonAmount: number;
  lostCount: number;
  lostAmount: number;
}

export interface ActivityFact extends Sourced {
  type: 'call' | 'email' | 'meeting' | 'note';
  subject: string;
  occursAt: string;
  contactName: string | null;
  contactTitle: string | null;
  notes: string | null;
}

export interface ProductUsageFact extends Sourced {
  product: string;
  unit: string;
  spend12m: number;
  trailing3Spend: number;
  prior3Spend: number;
  /** Percent change of trailing-3 over prior-3 spend, one decimal; null when prior spend was 0. */
  changePct: number | null;
  trend: 'up' | 'down' | 'flat';
  latestMonth: string;
  latestSpend: number;
  latestUnits: number;
}

export interface UsageFacts {
  currency: string;
  /** Months covered, oldest first, as 'YYYY-MM'. */
  months: string[];
  monthsCovered: number;
  windowMonths: number;
  productCount: number;
  products: ProductUsageFact[];
  totalSpend12m: number;
  totalTrailing3: number;
  totalPrior3: number;
  totalChangePct: number | null;
  topProduct: string | null;
  chart: SpendChart;
}

export interface SupportCaseFact extends Sourced {
  caseNumber: string;
  subject: string;
  product: string | null;
  severity: 'sev1' | 'sev2' | 'sev3' | 'sev4';
  status: 'open' | 'escalated' | 'closed';
  openedAt: string;
  closedAt: string | null;
  /** Days open until the as-of date (or until closed). */
  ageDays: number;
}

export interface SupportFacts {
  cases: SupportCaseFact[];
  openCount: number;
  escalatedCount: number;
  closedRecentCount: number;
  /** Look-back window for closed cases, in days. */
  recentDays: number;
}

export interface InvestmentFact extends Sourced {
  kind: 'credit' | 'program' | 'funding';
  name: string;
  amount: number;
  status: 'proposed' | 'active' | 'expired';
  startsOn: string;
  endsOn: string;
}

export interface FeatureRequestFact extends Sourced {
  title: string;
  product: string | null;
  status: 'submitted' | 'planned' | 'shipped' | 'declined';
  priority: 'low' | 'medium' | 'high';
  requestedAt: string;
}

export interface InsightFact extends Sourced {
  kind: 'propensity' | 'churn_risk' | 'expansion';
  product: string | null;
  score: number;
  /** The score as a whole percent (0.82 → 82), so writers show it without arithmetic. */
  scorePct: number;
  drivers: string;
  computedAt: string;
}

export interface DocumentFact extends Sourced {
  kind: 'kb' | 'news' | 'filing' | 'meeting_note';
  title: string;
  source: string | null;
  product: string | null;
  publishedAt: string;
  excerpt: string;
}

/**
 * Everything one section may say, read as the requesting user. A kind the section did not ask for
 * is undefined; a kind it asked for but the account lacks is an empty list, so "none" is a fact.
 */
export interface SectionData {
  sectionId: SectionId;
  /** The day the data was read ('YYYY-MM-DD'); relative phrases ("upcoming") are measured from it. */
  asOf: string;
  account: AccountFact;
  contacts?: ContactFact[];
  opportunities?: PipelineFacts;
  activities?: ActivityFact[];
  meetings?: ActivityFact[];
  usage?: UsageFacts;
  supportCases?: SupportFacts;
  investments?: InvestmentFact[];
  featureRequests?: FeatureRequestFact[];
  insights?: InsightFact[];
  news?: DocumentFact[];
  knowledgeBase?: DocumentFact[];
  meetingNotes?: DocumentFact[];
  /** Sources in ref order: S1 is always the account record. */
  sources: Citation[];
}
