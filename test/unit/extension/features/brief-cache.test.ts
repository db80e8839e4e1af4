import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../extension/db.ts';
import {
  isBriefAlive,
  purgeExpiredBriefs,
  putBrief,
  readBrief,
  wipeBriefCache,
} from '../../../../extension/features/brief-cache.ts';
import { summaryFixture } from '../fixtures/summary.ts';

const T0 = Date.UTC(2026, 2, 4, 9, 0);
const MIN = 60_000;
const ACCOUNT = summaryFixture.accountId;
const ALICE = 'alice@example.com';

beforeEach(async () => {
  await wipeBriefCache();
});

describe('brief cache', () => {
  it('serves a brief as fresh for the first half of the TTL', async () => {
    await putBrief(ALICE, summaryFixture, T0);
    const hit = await readBrief(ALICE, ACCOUNT, 10, T0 + 4 * MIN);
    expect(hit).toEqual({ summary: summaryFixture, savedAt: T0, stale: false });
  });

  it('serves it as stale (show, then revalidate) in the second half', async () => {
    await putBrief(ALICE, summaryFixture, T0);
    expect(await readBrief(ALICE, ACCOUNT, 10, T0 + 5 * MIN)).toMatchObject({ stale: true });
    expect(await readBrief(ALICE, ACCOUNT, 10, T0 + 10 * MIN - 1)).toMatchObject({ stale: true });
  });

  it('expires it at the TTL and deletes it', async () => {
    await putBrief(ALICE, summaryFixture, T0);
    expect(await readBrief(ALICE, ACCOUNT, 10, T0 + 10 * MIN)).toBeNull();
    expect(await db.briefs.count()).toBe(0);
  });

  it('follows the TTL setting, and treats 0 as no cache', async () => {
    await putBrief(ALICE, summaryFixture, T0);
    expect(await readBrief(ALICE, ACCOUNT, 60, T0 + 20 * MIN)).toMatchObject({ stale: false });
    expect(await readBrief(ALICE, ACCOUNT, 0, T0)).toBeNull();
    expect(isBriefAlive(T0, 10, T0 + 9 * MIN)).toBe(true);
    expect(isBriefAlive(T0, 10, T0 + 10 * MIN)).toBe(false);
    expect(isBriefAlive(T0, 0, T0)).toBe(false);
  });

  it('keys by user and account: one seller never reads another seller’s brief', async () => {
    await putBrief(ALICE, summaryFixture, T0);
    expect(await readBrief('bob@example.com', ACCOUNT, 10, T0 + MIN)).toBeNull();
    expect(await readBrief(ALICE, '001DM0000000002AAA', 10, T0 + MIN)).toBeNull();
    expect(await readBrief(ALICE, ACCOUNT, 10, T0 + MIN)).not.toBeNull();
  });

  it('distrusts a brief saved "in the future" (clock moved back)', async () => {
    await putBrief(ALICE, summaryFixture, T0 + 60 * MIN);
    expect(await readBrief(ALICE, ACCOUNT, 10, T0)).toBeNull();
  });

  it('purges expired briefs only, and every brief when the TTL is 0', async () => {
    await putBrief(ALICE, summaryFixture, T0);
    await putBrief('bob@example.com', summaryFixture, T0 + 20 * MIN);
    expect(await purgeExpiredBriefs(10, T0 + 25 * MIN)).toBe(1);
    expect((await db.briefs.toArray()).map((r) => r.user)).toEqual(['bob@example.com']);
    expect(await purgeExpiredBriefs(0, T0 + 25 * MIN)).toBe(1);
    expect(await db.briefs.count()).toBe(0);
  });

  it('wipes briefs, remembered votes and queued votes on sign-out', async () => {
    await putBrief(ALICE, summaryFixture, T0);
    await db.feedback.put({ key: 'r\nexecutive', requestId: 'r', rating: 'up', at: T0, state: 'sent' });
    await db.outbox.put({
      key: 'r\nsummary',
      user: ALICE,
      body: { requestId: 'r', rating: 'down' },
      attempts: 1,
      nextAt: T0,
    });
    await wipeBriefCache();
    expect([await db.briefs.count(), await db.feedback.count(), await db.outbox.count()]).toEqual([0, 0, 0]);
  });
});
