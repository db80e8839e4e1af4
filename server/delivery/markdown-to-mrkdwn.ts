import type { Citation } from '../../shared/api.ts';

/** Slack's text objects are limited to 3,000 characters; a little room is kept for the ellipsis. */
export const SLACK_TEXT_LIMIT = 3000;

const MARKER = /\[(S\d+)\]|\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g;
const PLACEHOLDER = /\uE000(\d+)\uE000/g;

/** Slack needs only these three escaped in message text. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A `<url|label>` link; `|` and `>` inside the URL would end it early, so they are encoded. */
function slackLink(url: string, label: string): string {
  const safeUrl = url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
  return `<${safeUrl}|${escapeSlack(label).replace(/\|/g, '¦')}>`;
}

function inline(text: string, citations: ReadonlyMap<string, Citation>): string {
  // Links and citation markers become placeholders first, so escaping and emphasis leave them alone.
  const links: string[] = [];
  const held = text.replace(MARKER, (_, ref: string | undefined, label: string, url: string) => {
    if (ref) {
      const citation = citations.get(ref);
      const number = `[${ref.slice(1)}]`;
      links.push(citation?.url ? slackLink(citation.url, number) : number);
    } else links.push(slackLink(url, label));
    return `\uE000${links.length - 1}\uE000`;
  });
  return escapeSlack(held)
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a?: string, b?: string) => `\uE001${a ?? b}\uE001`)
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1_$2_')
    .replace(/\uE001/g, '*')
    .replace(/~~(.+?)~~/g, '~$1~')
    .replace(PLACEHOLDER, (_, i: string) => links[Number(i)]!);
}

/**
 * Markdown (what the section writers produce: paragraphs, `-` bullets, `**bold**`, links and `[S<n>]`
 * citation markers) as Slack mrkdwn: bold and italics in Slack's syntax, bullets as `•`, headings as
 * bold lines, and each citation marker as a numbered link to the cited CRM record.
 */
export function markdownToMrkdwn(markdown: string, citations: readonly Citation[] = []): string {
  const byRef = new Map(citations.map((c) => [c.ref, c]));
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) return `*${inline(heading[1]!.replace(/\*\*/g, ''), byRef)}*`;
      const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
      if (bullet) return `${'    '.repeat(Math.floor(bullet[1]!.length / 2))}• ${inline(bullet[2]!, byRef)}`;
      return inline(line, byRef);
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Splits mrkdwn into pieces of at most `limit` characters, at paragraph or line breaks where it can
 * and never inside a `<…>` link, so each piece can be one section block.
 */
export function splitForBlocks(text: string, limit = SLACK_TEXT_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut < limit / 2) cut = limit;
    const open = rest.lastIndexOf('<', cut);
    if (open > rest.lastIndexOf('>', cut - 1) && open > 0) cut = open;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
