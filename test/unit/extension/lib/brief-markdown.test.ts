import { describe, expect, it } from 'vitest';
import { sectionToMarkdown, summaryToMarkdown } from '../../../../extension/lib/brief-markdown.ts';
import { summaryFixture } from '../fixtures/summary.ts';

const executive = summaryFixture.sections[0]!;
const organization = summaryFixture.sections[1]!;

describe('sectionToMarkdown', () => {
  it('keeps the panel’s numbers, notes unverified figures and lists the sources with URLs', () => {
    const md = sectionToMarkdown(executive, 'en-US');
    expect(md).toMatch(/^## Executive summary\n\nNorthwind renewed its \*\*Platform Enterprise\*\*/);
    expect(md).toContain('over the last quarter [1]. Two opportunities');
    expect(md).toContain('stalled for 41 days [2].');
    expect(md).toContain('none at priority 1 [3].');
    expect(md).toContain('champion left in February [2].');
    expect(md).not.toMatch(/\[S\d+\]/);
    expect(md).toContain('_Not verified against the source data: 41 days._');
    expect(md).toContain(
      'Sources:\n\n1. Monthly usage — Platform Enterprise — Usage · Feb 28, 2026 — http://127.0.0.1:8787/lightning/r/Account/001DM0000000001AAA/view',
    );
    expect(md).toMatch(
      /\n2\. Fleet Analytics expansion — Opportunity · Jan 22, 2026 — http:\/\/.+\/006DM0000000007AAA\/view\n/,
    );
    expect(md.trimEnd().split('\n').at(-1)).toMatch(/^3\. Case 00012874/);
  });

  it('says so for a section that failed, with no sources', () => {
    const failed = summaryFixture.sections.find((s) => s.status === 'failed')!;
    expect(sectionToMarkdown(failed)).toBe(`## ${failed.title}\n\n_This section could not be written._\n`);
  });
});

describe('summaryToMarkdown', () => {
  it('numbers sources once across the brief and puts every reference at the end', () => {
    const md = summaryToMarkdown(summaryFixture, [executive, organization], 'en-US');
    expect(md).toMatch(
      /^# Northwind Logistics\n\nTransportation · northwind-logistics\.com · Brief generated Mar 4, 2026\n/,
    );
    expect(md.indexOf('## Executive summary')).toBeLessThan(md.indexOf('## Organization overview'));
    const [body, refs] = md.split('\n## Sources\n\n');
    expect(body).not.toMatch(/^\d+\. /m);
    const lines = refs!.trimEnd().split('\n');
    // Executive cites 3 sources; Organization's continue the numbering.
    expect(lines.map((l) => l.split('.')[0])).toEqual(lines.map((_, i) => String(i + 1)));
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.every((l) => / — https?:\/\//.test(l) || !l.includes('http'))).toBe(true);
    const orgFirst = organization.citations.find((c) => organization.markdown!.includes(`[${c.ref}]`))!;
    expect(lines[3]).toContain(orgFirst.title);
    expect(body).toContain('## Organization overview');
  });

  it('reuses one number for a source two sections cite', () => {
    const twin = {
      ...organization,
      markdown: 'Same usage record [S1].',
      citations: [executive.citations[0]!],
    };
    const md = summaryToMarkdown(summaryFixture, [executive, twin]);
    expect(md).toContain('Same usage record [1].');
    expect(md.split('\n## Sources\n\n')[1]!.trimEnd().split('\n')).toHaveLength(3);
  });
});
