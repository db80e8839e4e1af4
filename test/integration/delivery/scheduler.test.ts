import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL, type DeliveryFixture, MARIA, startDeliveryFixture } from './fixture.ts';

/** Who gets a brief, when, and never twice: ticks, restarts, concurrent processes, crashes. */

let f: DeliveryFixture;
beforeAll(async () => {
  f = await startDeliveryFixture();
});
afterEach(() => f.clear());
afterAll(() => f?.close());

const posts = () => f.slack.calls.filter((c) => c.method === 'chat.postMessage');

describe('who gets a brief', () => {
  it('never delivers an account the meeting owner may not see', async () => {
    const alices = await f.accountOf(ALICE);
    const carols = await f.accountOf(CAROL);
    // Reassigned to Carol, who cannot see Alice's account (and Bob, who cannot see Carol's).
    const hidden = await f.addMeeting(alices.id, CAROL, 30);
    const hidden2 = await f.addMeeting(carols.id, BOB, 30);
    // Maria manages Alice: she may see the account, so her meeting on it is delivered to her.
    const managers = await f.addMeeting(alices.id, MARIA, 30);
    const result = await f.scheduler().tick();
    expect(result).toMatchObject({ recorded: 2, delivered: 2, failed: 0 });
    expect(await f.deliveries(hidden)).toEqual([]);
    expect(await f.deliveries(hidden2)).toEqual([]);
    expect((await f.deliveries(managers)).map((r) => [r.user_id, r.channel, r.status])).toEqual([
      [MARIA, 'browser', 'delivered'],
      [MARIA, 'slack', 'delivered'],
    ]);
    expect(f.slack.messages.map((m) => m.requested)).toEqual(['U0MARIA']);
    expect(f.slack.messages.some((m) => m.text.includes(alices.name))).toBe(true);
  });

  it('stops a pending delivery whose seller lost access before it was prepared', async () => {
    const account = await f.accountOf(BOB);
    const meeting = await f.addMeeting(account.id, BOB, 30);
    const scheduler = f.scheduler({ batch: 0 }); // records, delivers nothing yet
    expect((await scheduler.tick()).recorded).toBe(2);
    await f.db.asSystem((q) =>
      q.query('DELETE FROM account_access WHERE user_id = $1 AND account_id = $2', [BOB, account.id]),
    );
    try {
      await f.scheduler().tick();
      const rows = await f.deliveries(meeting);
      expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
      expect(rows[0]!.last_error).toMatch(/not visible to the seller/);
      expect(rows.every((r) => r.request_id === null && r.next_attempt_at === null)).toBe(true);
      expect(posts()).toEqual([]);
    } finally {
      await f.db.asSystem((q) => q.query('INSERT INTO account_access VALUES ($1, $2)', [BOB, account.id]));
    }
  });

  it('only prepares meetings inside the window, which is configurable', async () => {
    const account = await f.accountOf(ALICE);
    const soon = await f.addMeeting(account.id, ALICE, 110);
    const later = await f.addMeeting(account.id, ALICE, 180);
    const past = await f.addMeeting(account.id, ALICE, -5);
    await f.scheduler().tick();
    expect((await f.deliveries(soon)).map((r) => r.status)).toEqual(['delivered', 'delivered']);
    expect(await f.deliveries(later)).toEqual([]);
    expect(await f.deliveries(past)).toEqual([]);
    await f.scheduler({ windowMinutes: 240 }).tick();
    expect((await f.deliveries(later)).map((r) => r.status)).toEqual(['delivered', 'delivered']);
    expect(await f.deliveries(past)).toEqual([]);
  });

  it('delivers to the browser only when Slack is not configured', async () => {
    const account = await f.accountOf(ALICE);
    const meeting = await f.addMeeting(account.id, ALICE, 30);
    await f.scheduler({ token: null }).tick();
    expect((await f.deliveries(meeting)).map((r) => [r.channel, r.status])).toEqual([
      ['browser', 'delivered'],
    ]);
    expect(f.slack.calls).toEqual([]);
  });
});

describe('exactly once', () => {
  it('sends one message per meeting and seller across ticks, a restart and two processes at once', async () => {
    const account = await f.accountOf(ALICE);
    const bobs = await f.accountOf(BOB);
    const meetings = [await f.addMeeting(account.id, ALICE, 20), await f.addMeeting(bobs.id, BOB, 40)];
    // Two processes racing for the same new meetings, then more ticks, then a restart.
    const [one, two] = [f.scheduler(), f.scheduler()];
    const results = await Promise.all([one.tick(), two.tick()]);
    expect(results.reduce((n, r) => n + r.recorded, 0)).toBe(4);
    await one.tick();
    await two.tick();
    await Promise.all([one.stop(), two.stop()]);
    await f.scheduler().tick();
    expect(f.slack.messages.map((m) => m.requested).sort()).toEqual(['U0ALICE', 'U0BOB']);
    expect(posts()).toHaveLength(2);
    for (const id of meetings) {
      expect((await f.deliveries(id)).map((r) => [r.channel, r.status, r.attempts])).toEqual([
        ['browser', 'delivered', 1],
        ['slack', 'delivered', 1],
      ]);
    }
  });

  it('overlapping ticks of one scheduler share a pass', async () => {
    const account = await f.accountOf(ALICE);
    await f.addMeeting(account.id, ALICE, 20);
    const scheduler = f.scheduler();
    const [a, b] = [scheduler.tick(), scheduler.tick()];
    expect(a).toBe(b);
    await a;
    expect(f.slack.messages).toHaveLength(1);
  });

  it('resumes work a crashed process left, but never re-sends a message that may have gone out', async () => {
    const account = await f.accountOf(ALICE);
    const generating = await f.addMeeting(account.id, ALICE, 60);
    const sending = await f.addMeeting(account.id, ALICE, 61);
    // What a process that died mid-way leaves behind: leased rows whose lease has run out.
    await f.scheduler({ batch: 0 }).tick();
    await f.db.asSystem((q) =>
      q.query(
        `UPDATE deliveries SET status = CASE WHEN activity_id = $2 AND channel = 'slack' THEN 'sending' ELSE 'generating' END,
                attempts = 1, lease_until = $3::timestamptz - interval '1 minute'
          WHERE activity_id IN ($1, $2)`,
        [generating, sending, f.clock.now.toISOString()],
      ),
    );
    await f.scheduler().tick();
    expect((await f.deliveries(generating)).map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ['browser', 'delivered', 2],
      ['slack', 'delivered', 2],
    ]);
    const [browser, slack] = await f.deliveries(sending);
    expect([browser!.status, slack!.status]).toEqual(['delivered', 'failed']);
    expect(slack!.last_error).toMatch(/interrupted while sending/);
    expect(f.slack.messages).toHaveLength(1);
  });

  it('gives up on a brief once its meeting has started', async () => {
    const account = await f.accountOf(ALICE);
    const meeting = await f.addMeeting(account.id, ALICE, 10);
    await f.scheduler({ batch: 0 }).tick();
    f.clock.now = new Date(f.clock.now.getTime() + 11 * 60_000);
    await f.scheduler().tick();
    const rows = await f.deliveries(meeting);
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(rows[0]!.last_error).toMatch(/meeting started/);
    expect(posts()).toEqual([]);
  });
});
