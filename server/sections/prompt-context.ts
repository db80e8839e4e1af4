import { SECTION_TITLES } from '../../shared/sections.ts';
import { formatDate } from './format.ts';
import {
  activityLines,
  contactLines,
  documentLines,
  featureRequestLines,
  insightLines,
  investmentLines,
  pipelineLines,
  profileLines,
  supportLines,
  usageLines,
} from './prompt-lines.ts';
import type { SectionData } from './types.ts';

/** What a prompt template can read. Data blocks are undefined when the account has no such records. */
export interface PromptContext {
  section: { id: string; title: string };
  asOf: string;
  account: { id: string; name: string; ref: string; industry?: string; segment?: string };
  data: Record<(typeof DATA_SLOTS)[number], string | undefined>;
  sources: string;
}

const DATA_SLOTS = [
  'profile',
  'contacts',
  'opportunities',
  'activities',
  'meetings',
  'usage',
  'supportCases',
  'investments',
  'featureRequests',
  'insights',
  'news',
  'knowledgeBase',
  'meetingNotes',
] as const;

/** Every path a prompt file may use; prompt files are checked against it when loaded. */
export const PROMPT_SLOTS: ReadonlySet<string> = new Set([
  'section.id',
  'section.title',
  'asOf',
  'account.id',
  'account.name',
  'account.ref',
  'account.industry',
  'account.segment',
  'sources',
  ...DATA_SLOTS.map((s) => `data.${s}`),
]);

const some = <T>(list: T[] | undefined, fn: (l: T[]) => string) => (list?.length ? fn(list) : undefined);

/** Turns a section's facts into the text blocks its prompt template slots in. */
export function buildPromptContext(d: SectionData): PromptContext {
  return {
    section: { id: d.sectionId, title: SECTION_TITLES[d.sectionId] },
    asOf: formatDate(d.asOf),
    account: {
      id: d.account.id,
      name: d.account.name,
      ref: d.account.ref,
      industry: d.account.industry ?? undefined,
      segment: d.account.segment ?? undefined,
    },
    data: {
      profile: profileLines(d),
      contacts: some(d.contacts, contactLines),
      opportunities: d.opportunities?.items.length ? pipelineLines(d.opportunities) : undefined,
      activities: some(d.activities, activityLines),
      meetings: some(d.meetings, activityLines),
      usage: d.usage?.products.length ? usageLines(d.usage) : undefined,
      supportCases: d.supportCases?.cases.length ? supportLines(d.supportCases) : undefined,
      investments: some(d.investments, investmentLines),
      featureRequests: some(d.featureRequests, featureRequestLines),
      insights: some(d.insights, () => insightLines(d)),
      news: some(d.news, documentLines),
      knowledgeBase: some(d.knowledgeBase, documentLines),
      meetingNotes: some(d.meetingNotes, documentLines),
    },
    sources: d.sources
      .map((s) => `[${s.ref}] ${s.kind} · ${s.title}${s.date ? ` · ${formatDate(s.date)}` : ''}`)
      .join('\n'),
  };
}
