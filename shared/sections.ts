/** The six summary sections, in the order the panel shows them by default. */
export const SECTION_IDS = [
  'executive',
  'organization',
  'consumption',
  'pipeline',
  'support',
  'recommendations',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

/** Human titles; the prompt files carry the same titles and a test keeps them in step. */
export const SECTION_TITLES: Record<SectionId, string> = {
  executive: 'Executive summary',
  organization: 'Organization overview',
  consumption: 'Product consumption',
  pipeline: 'Opportunity pipeline',
  support: 'Investments and support',
  recommendations: 'Recommended next steps',
};

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}
