import type { Checks, Citation } from '../../shared/api.ts';
import { checkCitations } from './citations-check.ts';
import { checkNumbers } from './numbers-check.ts';

/**
 * Runs the quality guard on one section's output: numbers against the facts the section was given,
 * citations against the sources shown with it.
 */
export function checkSection(markdown: string, input: unknown, citations: readonly Citation[]): Checks {
  return { numbers: checkNumbers(markdown, input), citations: checkCitations(markdown, citations) };
}
