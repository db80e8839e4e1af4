import { SECTION_IDS, type SectionId } from '../../shared/sections.ts';
import { sectionsItem } from '../lib/settings.ts';
import { shownSections } from '../lib/settings-validation.ts';

/**
 * The sections to show, in order, from the Options setting. Read defensively (Options normalises
 * odd or older values the same way): whatever cannot be read means all six in the default order.
 */
export function normalizeLayout(raw: unknown): SectionId[] {
  try {
    const layout = shownSections(Array.isArray(raw) ? raw : []);
    return layout.length > 0 ? layout : [...SECTION_IDS];
  } catch {
    return [...SECTION_IDS];
  }
}

export async function readSectionLayout(): Promise<SectionId[]> {
  try {
    return normalizeLayout(await sectionsItem.getValue());
  } catch {
    return [...SECTION_IDS];
  }
}

/** Calls back with the new layout whenever Options changes it; returns the unsubscribe function. */
export function watchSectionLayout(onChange: (layout: SectionId[]) => void): () => void {
  return sectionsItem.watch((value) => onChange(normalizeLayout(value)));
}

/** Whether a brief holds every section the seller wants to see (else it cannot stand for them). */
export const coversLayout = (sections: readonly { id: string }[], layout: readonly SectionId[]) =>
  layout.every((id) => sections.some((s) => s.id === id));
