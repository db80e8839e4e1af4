import { describe, expect, it } from 'vitest';
import { markdownToMrkdwn, splitForBlocks } from '../../../../server/delivery/markdown-to-mrkdwn.ts';
import { briefMessage } from '../../../../server/delivery/slack-message.ts';
import type { Citation } from '../../../../shared/api.ts';

const cite = (ref: string, url: string | null): Citation => ({
  ref,
  kind: 'opportunity',
  recordId: ref,
  title: 't',
  url,
  snippet: 's',
  date: null,
});

describe('markdownToMrkdwn', () => {
  it('turns bold, italics, bullets and headings into Slack syntax', () => {
    expect(
      markdownToMrkdwn('## Risks\n- Spend up **15.7%** on *AI Services*\n  - nested\n* star bullet'),
    ).toBe('*Risks*\n• Spend up *15.7%* on _AI Services_\n    • nested\n• star bullet');
  });

  it('links citation markers to the cited records by number, and leaves unknown or URL-less ones as text', () => {
    const out = markdownToMrkdwn('Pipeline **$2.45M** [S1][S2] and [S9]', [
      cite('S1', 'http://crm.test/lightning/r/Opportunity/006A/view'),
      cite('S2', null),
    ]);
    expect(out).toBe('Pipeline *$2.45M* <http://crm.test/lightning/r/Opportunity/006A/view|[1]>[2] and [9]');
  });

  it('escapes &, < and > in text but not inside links, and converts Markdown links', () => {
    expect(markdownToMrkdwn('R&D <script> [docs](https://x.test/a?b=1&c=2|3)')).toBe(
      'R&amp;D &lt;script&gt; <https://x.test/a?b=1&c=2%7C3|docs>',
    );
  });
});

describe('splitForBlocks', () => {
  it('keeps pieces within the limit, breaking at lines and never inside a link', () => {
    const line = `${'word '.repeat(30)}<http://crm.test/lightning/r/Case/500A/view|[1]>`;
    const text = Array.from({ length: 40 }, () => line).join('\n');
    const pieces = splitForBlocks(text, 500);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p.split('<').length).toBe(p.split('>').length);
    }
    expect(pieces.join('\n').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });
});

describe('briefMessage', () => {
  it('frames a long summary in at most 50 blocks, with a fallback text free of the summary', () => {
    const message = briefMessage(
      {
        accountId: '001A',
        accountName: 'Northwind',
        meetingSubject: 'QBR',
        meetingAt: '2026-11-26T13:30:00.000Z',
        executiveMarkdown: Array.from({ length: 400 }, (_, i) => `- point ${i} ${'x'.repeat(300)}`).join(
          '\n',
        ),
        citations: [],
      },
      'http://crm.test/',
    );
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.text).not.toContain('point');
    expect(message.blocks.at(-2)).toMatchObject({
      type: 'actions',
      elements: [{ url: 'http://crm.test/lightning/r/Account/001A/view?summary=open' }],
    });
  });
});
