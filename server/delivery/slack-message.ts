import type { KnownBlock } from '@slack/web-api';
import type { Citation } from '../../shared/api.ts';
import { recordPath } from '../crm/paths.ts';
import { escapeSlack, markdownToMrkdwn, splitForBlocks } from './markdown-to-mrkdwn.ts';

/** What a delivered brief says: the meeting it prepares for and the executive summary. */
export interface Brief {
  accountId: string;
  accountName: string;
  meetingSubject: string;
  /** ISO timestamp of the meeting's start. */
  meetingAt: string;
  executiveMarkdown: string;
  citations: readonly Citation[];
}

/** Query flag on an account page that asks the extension to open its panel on that account. */
export const OPEN_PANEL_FLAG = 'summary=open';

/** The demo CRM's account page with the open-panel flag (the extension recognises the account). */
export function panelUrl(publicUrl: string, accountId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${recordPath('Account', accountId)}?${OPEN_PANEL_FLAG}`;
}

const HEADER_LIMIT = 150;
/** A message may hold 50 blocks; five are the frame around the summary. */
const MAX_SUMMARY_BLOCKS = 45;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/**
 * The Slack message for a brief: a header with the account, the meeting (time rendered in each
 * reader's own time zone by Slack's date token), the executive summary as mrkdwn with numbered
 * links to the cited records, and a button that opens the panel. `text` is the notification and
 * screen-reader fallback; it names the meeting but carries none of the summary.
 */
export function briefMessage(brief: Brief, publicUrl: string): { text: string; blocks: KnownBlock[] } {
  const unix = Math.floor(Date.parse(brief.meetingAt) / 1000);
  const when = `<!date^${unix}^{date_short_pretty} at {time}|${brief.meetingAt}>`;
  const summary = splitForBlocks(markdownToMrkdwn(brief.executiveMarkdown, brief.citations)).slice(
    0,
    MAX_SUMMARY_BLOCKS,
  );
  return {
    text: `Your brief for ${brief.accountName} is ready: ${brief.meetingSubject} (${brief.meetingAt})`,
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: clip(`Brief: ${brief.accountName}`, HEADER_LIMIT), emoji: false },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*${escapeSlack(clip(brief.meetingSubject, 2800))}*\n${when}` },
      },
      { type: 'divider' },
      ...summary.map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'open_panel',
            style: 'primary',
            text: { type: 'plain_text', text: 'Open the full brief' },
            url: panelUrl(publicUrl, brief.accountId),
          },
        ],
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Executive summary, prepared before your meeting. Numbered links open the cited CRM records.',
          },
        ],
      },
    ],
  };
}
