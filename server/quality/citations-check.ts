import type { Checks } from '../../shared/api.ts';
import { citedRefs, splitBlocks } from './markdown-blocks.ts';

export type CitationsCheck = NonNullable<Checks['citations']>;

/**
 * Every paragraph and bullet must cite at least one source, and every cited ref must be one of the
 * section's sources. `cited` counts the distinct known sources cited; empty output does not pass.
 */
export function checkCitations(markdown: string, sources: readonly { ref: string }[]): CitationsCheck {
  const known = new Set(sources.map((s) => s.ref));
  const blocks = splitBlocks(markdown);
  const refs = citedRefs(markdown);
  const unknownRefs = refs.filter((r) => !known.has(r));
  const uncitedParagraphs = blocks.filter((b) => citedRefs(b).length === 0).length;
  const cited = refs.length - unknownRefs.length;
  return {
    passed: cited > 0 && unknownRefs.length === 0 && uncitedParagraphs === 0,
    cited,
    unknownRefs,
    uncitedParagraphs,
  };
}
