import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSummary } from '../../../server/summaries/read-summary.ts';
import { TEST_BOT_TOKEN } from '../../support/slack-server.ts';
import { ALICE, type DeliveryFixture, PUBLIC_URL, startDeliveryFixture } from './fixture.ts';

/**
 * The real @slack/web-api WebClient against a local server speaking Slack's Web API: what a seller
 * receives before a meeting, and how rate limits, bad tokens and transient errors are handled.
 */

let f: DeliveryFixture;
beforeAll(async () => {
  f = await startDeliveryFixture();
});
afterEach(() => f.clear());
afterAll(() => f?.close());

type Block = {
  type: string;
  text?: { type: string; text: string };
  elements?: { url?: string; type: string }[];
};

describe('Slack delivery', () => {
  it('posts the executive summary with linked citations and an open-panel button, as a DM to the seller', async () => {
    const account = await f.accountOf(ALICE);
    const meeting = await f.addMeeting(account.id, ALICE, 45, 'Renewal & pricing <draft>');
    const result = await f.scheduler().tick();
    expect(result).toMatchObject({ recorded: 2, delivered: 2, failed: 0 });

    const posts = f.slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.token).toBe(TEST_BOT_TOKEN);
    expect(posts[0]!.headers.authorization).toBe(`Bearer ${TEST_BOT_TOKEN}`);
    expect(posts[0]!.contentType).toContain('application/x-www-form-urlencoded');

    const [message] = f.slack.messages;
    expect(message!.requested).toBe('U0ALICE');
    expect(message!.text).toContain(account.name);
    const blocks = message!.blocks as Block[];
    expect(blocks[0]).toMatchObject({
      type: 'header',
      text: { type: 'plain_text', text: `Brief: ${account.name}` },
    });
    // Subject escaped for mrkdwn; the time as Slack's date token with the ISO time as fallback.
    expect(blocks[1]!.text!.text).toMatch(
      /^\*Renewal &amp; pricing &lt;draft&gt;\*\n<!date\^\d+\^\{date_short_pretty\} at \{time\}\|.+Z>$/,
    );
    const summary = blocks
      .filter((b, i) => i > 2 && b.type === 'section')
      .map((b) => b.text!.text)
      .join('\n');
    expect(summary).toMatch(/^• /m);
    expect(summary).toMatch(/\*[^*\n]+\*/);
    expect(summary).not.toMatch(/\*\*|\[S\d+\]/);
    const links = [...summary.matchAll(/<(http[^|>]+)\|\[(\d+)\]>/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, url] of links)
      expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/lightning/r/\\w+/[\\w-]+/view$`));
    const button = blocks.find((b) => b.type === 'actions')!.elements![0]!;
    expect(button).toMatchObject({
      type: 'button',
      url: `${PUBLIC_URL}/lightning/r/Account/${account.id}/view?summary=open`,
    });

    // Both channels delivered from one pre-generated summary, which stays until the meeting.
    const rows = await f.deliveries(meeting);
    expect(rows.map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ['browser', 'delivered', 1],
      ['slack', 'delivered', 1],
    ]);
    expect(rows[1]).toMatchObject({ slack_channel: 'D0ALICE', slack_ts: message!.ts });
    expect(rows[0]!.request_id).toBe(rows[1]!.request_id);
    const brief = await readSummary(f.db, ALICE, rows[0]!.request_id!);
    expect(brief?.status).toBe('done');
    expect(brief?.sections).toHaveLength(6);

    // The summary's text is in the message only: never in the deliveries table or the logs.
    const executive = brief!.sections.find((s) => s.id === 'executive')!.markdown!;
    const sentence = executive.split('\n')[0]!.slice(2).split('"')[0]!.slice(0, 30);
    expect(sentence.length).toBeGreaterThan(10);
    const [stored] = await f.db.asSystem((q) =>
      q.query<{ row: string }>("SELECT string_agg(d::text, '') AS row FROM deliveries d"),
    );
    expect(stored!.row).not.toContain(sentence);
    expect(f.logs.join('\n')).not.toContain(sentence);
  });

  it('waits out a 429 as Retry-After says and posts exactly once', async () => {
    const account = await f.accountOf(ALICE);
    const meeting = await f.addMeeting(account.id, ALICE, 30);
    f.slack.rateLimit('chat.postMessage', 1, 1);
    const started = Date.now();
    await f.scheduler().tick();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const posts = f.slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(f.slack.messages).toHaveLength(1);
    const slack = (await f.deliveries(meeting)).find((r) => r.channel === 'slack')!;
    expect(slack).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('fails a delivery with a clear reason on invalid_auth, keeps the browser one, and does not retry', async () => {
    const account = await f.accountOf(ALICE);
    const meeting = await f.addMeeting(account.id, ALICE, 30);
    const scheduler = f.scheduler({ token: 'xoxb-revoked-token' });
    await expect(scheduler.tick()).resolves.toMatchObject({ delivered: 1, failed: 1 });
    const rows = await f.deliveries(meeting);
    expect(rows.find((r) => r.channel === 'browser')!.status).toBe('delivered');
    const slack = rows.find((r) => r.channel === 'slack')!;
    expect(slack).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: null });
    expect(slack.last_error).toMatch(/invalid_auth.*SLACK_BOT_TOKEN/);
    expect(f.logs.some((l) => l.includes('invalid_auth'))).toBe(true);

    f.clock.now = new Date(f.clock.now.getTime() + 30 * 60_000 - 1);
    await scheduler.tick();
    expect(f.slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('retries a transient Slack error with backoff and gives up after the last attempt', async () => {
    const account = await f.accountOf(ALICE);
    const once = await f.addMeeting(account.id, ALICE, 100);
    f.slack.inject({ method: 'chat.postMessage', error: 'internal_error' });
    const scheduler = f.scheduler({ retryBaseMs: 60_000 });
    await scheduler.tick();
    let slack = (await f.deliveries(once)).find((r) => r.channel === 'slack')!;
    expect(slack).toMatchObject({ status: 'failed', attempts: 1, last_error: 'slack: internal_error' });
    const prepared = slack.request_id;
    expect(Date.parse(slack.next_attempt_at!) - f.clock.now.getTime()).toBe(60_000);

    await scheduler.tick(); // not due yet
    expect(f.slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    f.clock.now = new Date(f.clock.now.getTime() + 60_000);
    await scheduler.tick();
    slack = (await f.deliveries(once)).find((r) => r.channel === 'slack')!;
    expect(slack).toMatchObject({ status: 'delivered', attempts: 2, last_error: null });
    expect(f.slack.messages).toHaveLength(1);
    // Only the Slack row was retried, with the summary the first attempt prepared.
    expect(slack.request_id).toBe(prepared);
    expect((await f.deliveries(once)).find((r) => r.channel === 'browser')!.attempts).toBe(1);

    const doomed = await f.addMeeting(account.id, ALICE, 100);
    f.slack.inject({ method: 'chat.postMessage', error: 'internal_error', times: 10 });
    for (let i = 0; i < 5; i++) {
      await scheduler.tick();
      f.clock.now = new Date(f.clock.now.getTime() + 5 * 60_000);
    }
    slack = (await f.deliveries(doomed)).find((r) => r.channel === 'slack')!;
    expect(slack).toMatchObject({ status: 'failed', attempts: 3, next_attempt_at: null });
    expect(f.slack.messages).toHaveLength(1);
  });
});
