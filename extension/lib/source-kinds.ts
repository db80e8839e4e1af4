import type { SourceKind } from '../../shared/api.ts';

/** How a seller names each kind of source. */
export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  account: 'Account',
  contact: 'Contact',
  opportunity: 'Opportunity',
  activity: 'Activity',
  usage: 'Usage',
  support_case: 'Support case',
  investment: 'Investment',
  feature_request: 'Feature request',
  insight: 'Insight',
  document: 'Document',
};
