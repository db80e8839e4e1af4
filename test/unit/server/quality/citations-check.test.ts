import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../../../server/quality/citations-check.ts';
import { compactCitations } from '../../../../server/quality/compact-citations.ts';
import type { Citation } from '../../../../shared/api.ts';

const source = (ref: string): Citation => ({
  ref,
  kind: 'opportunity',
  recordId: `006DM000000000${ref.slice(1)}AAA`,
  title: `Deal ${ref}`,
  url: null,
  snippet: '',
  date: null,
});
const sources = ['S1', 'S2', 'S3', 'S4'].map(source);

describe('checkCitations', () => {
  it('passes when every paragraph and bullet cites known sources', () => {
    const md = 'Intro sentence [S1]. Second [S2].\n\n- One [S3]\n- Two [S3][S4]';
    expect(checkCitations(md, sources)).toEqual({
      passed: true,
      cited: 4,
      unknownRefs: [],
      uncitedParagraphs: 0,
    });
  });

  it('reports unknown refs and uncited paragraphs or bullets', () => {
    const md = 'Intro without a source.\n\n- One [S9]\n- Two\n\nEnd [S1].';
    expect(checkCitations(md, sources)).toEqual({
      passed: false,
      cited: 1,
      unknownRefs: ['S9'],
      uncitedParagraphs: 2,
    });
  });

  it('does not pass empty output', () => {
    expect(checkCitations('', sources).passed).toBe(false);
  });
});

describe('compactCitations', () => {
  it('keeps cited sources only, renumbered in order of first mention', () => {
    const result = compactCitations('A [S3]. B [S1][S3].\n\n- C [S9]', sources);
    expect(result.markdown).toBe('A [S1]. B [S2][S1].\n\n- C [S3]');
    expect(result.citations.map((c) => [c.ref, c.title])).toEqual([
      ['S1', 'Deal S3'],
      ['S2', 'Deal S1'],
    ]);
    // The unknown ref stays unresolved after renumbering.
    expect(checkCitations(result.markdown, result.citations).unknownRefs).toEqual(['S3']);
  });
});
