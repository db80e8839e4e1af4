import type { AccountPlan } from './plan.ts';

/**
 * Hand-written stories for the first ten accounts, so a demo shows every kind of signal. Fields set
 * here replace the random draw; everything else (contacts, notes, numbers) stays generated.
 * Owners: 1, 3, 6, 8 Alice · 2, 4, 7, 9 Bob · 5, 10 Carol.
 */
// biome-ignore format: one deal or case a line reads best
export const SCENARIOS: Readonly<Record<number, Partial<AccountPlan>>> = {
  // Northwind Logistics: a large open pipeline (three open deals, $2.45M) and one stalled deal.
  1: {
    products: [
      { name: 'Cloud Compute', trend: 'growth' },
      { name: 'Data Warehouse', trend: 'growth' },
      { name: 'AI Services', trend: 'ramp' },
      { name: 'Object Storage', trend: 'flat' },
    ],
    opportunities: [
      { status: 'open', product: 'AI Services', stage: 'Negotiation', amount: 1_250_000, partner: 'Summit Cloud Partners', kind: 'route-optimisation rollout', idleDays: 3 },
      { status: 'open', product: 'Data Warehouse', stage: 'Proposal', amount: 780_000, partner: null, kind: '3-year commitment', idleDays: 6 },
      { status: 'open', product: 'Managed Databases', stage: 'Needs Analysis', amount: 420_000, partner: null, kind: 'migration', idleDays: 12 },
      { status: 'stalled', product: 'Object Storage', stage: 'Proposal', amount: 310_000, partner: 'Keystone Digital', kind: 'archive tiering', idleDays: 63 },
      { status: 'won', product: 'Cloud Compute', amount: 950_000, partner: null, kind: 'capacity expansion' },
    ],
    cases: [
      { severity: 'sev2', status: 'open', product: 'Data Warehouse', openedDaysAgo: 5 },
      { severity: 'sev3', status: 'closed', product: 'Cloud Compute', openedDaysAgo: 40 },
    ],
    news: ['expansion', 'earnings'],
    upcomingMeetings: [2, 9],
    meetingNote: true,
    activities: 9,
  },
  // Quillstone Insurance: a $640k Data Warehouse deal in Negotiation with no activity for 58 days.
  2: {
    opportunities: [
      { status: 'stalled', product: 'Data Warehouse', stage: 'Negotiation', amount: 640_000, partner: 'Crestline Consulting', kind: 'claims analytics platform', idleDays: 58 },
      { status: 'open', product: 'AI Services', stage: 'Qualification', amount: 180_000, partner: null, kind: 'claims triage pilot', idleDays: 9 },
      { status: 'lost', product: 'Managed Databases', amount: 220_000, partner: null, kind: 'migration' },
      { status: 'won', product: 'Object Storage', amount: 145_000, partner: null, kind: 'document archive' },
    ],
    news: ['leadership'],
    filing: true,
    upcomingMeetings: [6],
  },
  // Harborview Health Partners: an escalated sev1 on Data Warehouse opened three days ago.
  3: {
    products: [
      { name: 'Data Warehouse', trend: 'flat' },
      { name: 'Object Storage', trend: 'growth' },
      { name: 'Cloud Compute', trend: 'flat' },
      { name: 'Support Plus', trend: 'flat' },
    ],
    cases: [
      { severity: 'sev1', status: 'escalated', product: 'Data Warehouse', subject: 'Patient analytics queries failing after regional failover', openedDaysAgo: 3 },
      { severity: 'sev2', status: 'open', product: 'Object Storage', openedDaysAgo: 11 },
      { severity: 'sev3', status: 'closed', product: 'Cloud Compute', openedDaysAgo: 75 },
    ],
    opportunities: [
      { status: 'open', product: 'Managed Databases', stage: 'Proposal', amount: 360_000, partner: null, kind: 'EHR database migration', idleDays: 4 },
      { status: 'stalled', product: 'AI Services', stage: 'Qualification', amount: 150_000, partner: null, kind: 'clinical notes summarisation pilot', idleDays: 50 },
      { status: 'won', product: 'Data Warehouse', amount: 520_000, partner: 'Tessellate Data Partners', kind: 'population health analytics' },
    ],
    news: ['expansion'],
    upcomingMeetings: [1],
  },
  // Evergreen Grocers: strongly seasonal usage, quarterly earnings, migration credits in flight.
  4: {
    products: [
      { name: 'Cloud Compute', trend: 'seasonal' },
      { name: 'Object Storage', trend: 'seasonal' },
      { name: 'Data Warehouse', trend: 'growth' },
    ],
    news: ['earnings', 'launch'],
    investments: 2,
  },
  // Bluefin Analytics: a $85M Series C six days ago and fast-growing AI and warehouse usage.
  6: {
    products: [
      { name: 'AI Services', trend: 'growth' },
      { name: 'Data Warehouse', trend: 'growth' },
      { name: 'Cloud Compute', trend: 'growth' },
    ],
    opportunities: [
      { status: 'open', product: 'AI Services', stage: 'Prospecting', amount: 240_000, partner: null, kind: 'expansion', idleDays: 2 },
      { status: 'open', product: 'Data Warehouse', stage: 'Needs Analysis', amount: 180_000, partner: null, kind: '3-year commitment', idleDays: 8 },
      { status: 'won', product: 'Cloud Compute', amount: 95_000, partner: null, kind: 'capacity expansion' },
    ],
    cases: [],
    news: ['funding', 'launch'],
    fundingAmount: 85_000_000,
    upcomingMeetings: [4],
  },
  // Lumen Ridge Energy: a new CIO and an escalated sev2.
  7: {
    cases: [
      { severity: 'sev2', status: 'escalated', product: 'Cloud Compute', openedDaysAgo: 8 },
      { severity: 'sev4', status: 'closed', product: 'Cloud Compute', openedDaysAgo: 120 },
    ],
    news: ['leadership', 'partnership'],
  },
  // Copperline Manufacturing: usage falling for nine months, a stalled renewal, a lost deal, no recent meeting.
  8: {
    products: [
      { name: 'Cloud Compute', trend: 'decline' },
      { name: 'Managed Databases', trend: 'decline' },
      { name: 'Object Storage', trend: 'flat' },
    ],
    opportunities: [
      { status: 'stalled', product: 'Cloud Compute', stage: 'Negotiation', amount: 520_000, partner: null, kind: '3-year renewal', idleDays: 74 },
      { status: 'lost', product: 'AI Services', amount: 200_000, partner: null, kind: 'predictive maintenance pilot' },
      { status: 'won', product: 'Managed Databases', amount: 260_000, partner: 'Norrland Advisory', kind: 'migration' },
    ],
    cases: [{ severity: 'sev2', status: 'open', product: 'Managed Databases', openedDaysAgo: 16 }],
    news: ['leadership', 'earnings'],
    upcomingMeetings: [],
    meetingNote: false,
    activities: 5,
    quietDays: 40,
  },
  9: { news: ['launch', 'expansion'] },
  // Silverbirch Pharmaceuticals (alice): news and meeting notes that try to instruct the model.
  11: { injection: true },
};
