import type { Citation } from '../../shared/api.ts';
import { CITATION_MARKER, citedRefs } from './markdown-blocks.ts';

/**
 * Keeps only the sources the text cites and renumbers them S1, S2, … in order of first mention, so
 * the panel's numbered links read 1, 2, 3. A ref that names no source is renumbered after the
 * known ones (and stays unresolved), so it can never be mistaken for a real source.
 */
export function compactCitations(
  markdown: string,
  sources: readonly Citation[],
): { markdown: string; citations: Citation[] } {
  const byRef = new Map(sources.map((s) => [s.ref, s]));
  const order = citedRefs(markdown);
  const known = order.filter((r) => byRef.has(r));
  const unknown = order.filter((r) => !byRef.has(r));
  const rename = new Map([...known, ...unknown].map((r, i) => [r, `S${i + 1}`]));
  return {
    markdown: markdown.replace(CITATION_MARKER, (_, ref: string) => `[${rename.get(ref)}]`),
    citations: known.map((r) => ({ ...byRef.get(r)!, ref: rename.get(r)! })),
  };
}
