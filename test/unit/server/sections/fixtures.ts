import { type AccountRow, buildAccount } from '../../../../server/sections/facts/account.ts';
import { buildActivities } from '../../../../server/sections/facts/activities.ts';
import { buildContacts } from '../../../../server/sections/facts/contacts.ts';
import type { FactContext } from '../../../../server/sections/facts/context.ts';
import { buildDocuments } from '../../../../server/sections/facts/documents.ts';
import { buildInsights } from '../../../../server/sections/facts/insights.ts';
import { buildPipeline } from '../../../../server/sections/facts/pipeline.ts';
import { buildFeatureRequests, buildInvestments } from '../../../../server/sections/facts/programs.ts';
import { buildSupport } from '../../../../server/sections/facts/support.ts';
import { buildUsage, type UsageRow } from '../../../../server/sections/facts/usage.ts';
import { SourceRegistry } from '../../../../server/sections/sources.ts';
import type { SectionData } from '../../../../server/sections/types.ts';
import type { SectionId } from '../../../../shared/sections.ts';

/** Hand-written section facts (no database): one account with every kind of record, one with none. */

export const ACCOUNT_ID = '001DM0000000099AAA';
const NOW = new Date('2026-03-04T12:00:00Z');

const ACCOUNT: AccountRow = {
  id: ACCOUNT_ID,
  name: 'Acme Robotics',
  industry: 'Manufacturing',
  website: 'https://acme.example.com',
  billing_city: 'Berlin',
  billing_country: 'Germany',
  employees: 12_000,
  annual_revenue: 1_250_000_000,
  segment: 'Enterprise',
  description: 'Acme Robotics is a large manufacturing company. It builds welding robots for carmakers.',
  updated_at: '2026-03-01T09:00:00.000Z',
};

const usageRows = (product: string, unit: string, start: number, step: number): UsageRow[] =>
  Array.from({ length: 12 }, (_, i) => ({
    product,
    month: new Date(Date.UTC(2025, 2 + i, 1)).toISOString().slice(0, 7),
    units: 1000 + i * 10,
    unit,
    spend: start + i * step,
  }));

function context(): FactContext {
  return {
    accountId: ACCOUNT_ID,
    asOf: '2026-03-04',
    now: NOW,
    sources: new SourceRegistry('http://crm.test'),
  };
}

/** Every kind present, with realistic values. */
export function fullSectionData(sectionId: SectionId): SectionData {
  const ctx = context();
  const account = buildAccount(ACCOUNT, ctx);
  const data: SectionData = {
    sectionId,
    asOf: ctx.asOf,
    account,
    contacts: buildContacts(
      [
        {
          id: '003DM0000009901AAA',
          name: 'Jane Roe',
          title: 'CTO',
          email: 'jane@acme.example.com',
          is_primary: true,
        },
      ],
      ctx,
    ),
    opportunities: buildPipeline(
      [
        {
          id: '006DM0000009901AAA',
          name: 'Acme – AI Services rollout',
          product: 'AI Services',
          stage: 'Negotiation',
          status: 'open',
          amount: 1_250_000,
          probability: 60,
          close_date: '2026-04-30',
          partner: 'Summit Partners',
          next_step: 'Send the MSA',
          last_activity_at: '2026-02-25T10:00:00.000Z',
        },
        {
          id: '006DM0000009902AAA',
          name: 'Acme – Storage tiering',
          product: 'Object Storage',
          stage: 'Proposal',
          status: 'stalled',
          amount: 310_000,
          probability: 40,
          close_date: '2026-02-20',
          partner: null,
          next_step: null,
          last_activity_at: '2026-01-10T10:00:00.000Z',
        },
        {
          id: '006DM0000009903AAA',
          name: 'Acme – Compute expansion',
          product: 'Cloud Compute',
          stage: 'Closed Won',
          status: 'won',
          amount: 480_000,
          probability: 100,
          close_date: '2025-11-15',
          partner: null,
          next_step: null,
          last_activity_at: null,
        },
      ],
      ctx,
    ),
    activities: buildActivities(
      [
        {
          id: '00UDM0000009901AAA',
          type: 'call',
          subject: 'Pricing call',
          occurs_at: '2026-02-25T10:00:00.000Z',
          notes: 'Asked for a 3-year term.',
          contact_name: 'Jane Roe',
          contact_title: 'CTO',
        },
      ],
      ctx,
    ),
    meetings: buildActivities(
      [
        {
          id: '00UDM0000009902AAA',
          type: 'meeting',
          subject: 'Quarterly business review',
          occurs_at: '2026-03-10T14:00:00.000Z',
          notes: null,
          contact_name: 'Jane Roe',
          contact_title: 'CTO',
        },
      ],
      ctx,
    ),
    usage: buildUsage(
      [
        ...usageRows('AI Services', 'tokens (M)', 10_000, 1_000),
        ...usageRows('Object Storage', 'TB-months', 9_000, -300),
      ],
      ctx,
    ),
    supportCases: buildSupport(
      [
        {
          id: '500DM0000009901AAA',
          case_number: '00012345',
          subject: 'Queue stuck',
          product: 'AI Services',
          severity: 'sev1',
          status: 'escalated',
          opened_at: '2026-02-26T08:00:00.000Z',
          closed_at: null,
          description: 'Jobs stuck for 6 hours.',
        },
        {
          id: '500DM0000009902AAA',
          case_number: '00012346',
          subject: 'Slow listing',
          product: 'Object Storage',
          severity: 'sev3',
          status: 'closed',
          opened_at: '2026-01-05T08:00:00.000Z',
          closed_at: '2026-01-09T08:00:00.000Z',
          description: null,
        },
      ],
      ctx,
    ),
    investments: buildInvestments(
      [
        {
          id: 'a01DM0000009901AAA',
          kind: 'credit',
          name: 'AI pilot credits',
          amount: 50_000,
          status: 'active',
          starts_on: '2026-01-01',
          ends_on: '2026-06-30',
        },
      ],
      ctx,
    ),
    featureRequests: buildFeatureRequests(
      [
        {
          id: 'a02DM0000009901AAA',
          title: 'Batch inference API',
          product: 'AI Services',
          status: 'planned',
          priority: 'high',
          requested_at: '2025-12-01T00:00:00.000Z',
        },
      ],
      ctx,
    ),
    insights: buildInsights(
      [
        {
          id: 'a03DM0000009901AAA',
          kind: 'churn_risk',
          product: 'Object Storage',
          score: 0.72,
          drivers: 'Storage spend down 20%; 1 escalated case',
          computed_at: '2026-03-01T00:00:00.000Z',
        },
        {
          id: 'a03DM0000009902AAA',
          kind: 'propensity',
          product: 'AI Services',
          score: 0.815,
          drivers: 'Peers with similar usage buy more',
          computed_at: '2026-03-01T00:00:00.000Z',
        },
      ],
      ctx,
    ),
    news: buildDocuments(
      [
        {
          id: '069DM0000009901AAA',
          kind: 'news',
          title: 'Acme opens a plant in Lyon',
          source: 'Business Wire',
          product: null,
          published_at: '2026-02-20T08:00:00.000Z',
          body: 'Acme Robotics will open a plant in Lyon, adding 300 jobs. The plant opens in 2027.',
        },
      ],
      ctx,
    ),
    knowledgeBase: buildDocuments(
      [
        {
          id: '069DM0000000001AAA',
          kind: 'kb',
          title: 'Object Storage: lifecycle policies',
          source: 'Product knowledge base',
          product: 'Object Storage',
          published_at: '2026-01-15T08:00:00.000Z',
          body: 'Lifecycle policies move cold data to cheaper classes automatically. Start with logs.',
        },
      ],
      ctx,
    ),
    meetingNotes: buildDocuments(
      [
        {
          id: '069DM0000009902AAA',
          kind: 'meeting_note',
          title: 'Meeting notes: Pricing call',
          source: 'CRM meeting notes',
          product: null,
          published_at: '2026-02-25T10:00:00.000Z',
          body: 'Meeting: Pricing call.\nSummary: Jane wants a 3-year term before Apr 30, 2026.',
        },
      ],
      ctx,
    ),
    sources: [],
  };
  return { ...data, sources: ctx.sources.list() };
}

/** The account record only (no industry, no description), every other kind present but empty. */
export function sparseSectionData(sectionId: SectionId): SectionData {
  const ctx = context();
  const account = buildAccount(
    { ...ACCOUNT, industry: null, segment: null, description: null, employees: null, annual_revenue: null },
    ctx,
  );
  return {
    sectionId,
    asOf: ctx.asOf,
    account,
    contacts: [],
    opportunities: buildPipeline([], ctx),
    activities: [],
    meetings: [],
    usage: buildUsage([], ctx),
    supportCases: buildSupport([], ctx),
    investments: [],
    featureRequests: [],
    insights: [],
    news: [],
    knowledgeBase: [],
    meetingNotes: [],
    sources: ctx.sources.list(),
  };
}
