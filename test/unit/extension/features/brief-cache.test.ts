import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../extension/db.ts';
import {
  clearBriefs,
  getFreshBrief,
  purgeExpiredBriefs,
  putBrief,
} from '../../../../extension/features/brief-cache.ts';
import { summaryFixture } from '../fixtures/summary.ts';

const T0 = Date.UTC(2026, 2, 4, 9, 0);
const MIN = 60_000;
const ACCOUNT = summaryFixture.accountId;

beforeEach(async () => {
  await clearBriefs();
});

describe('brief cache', () => {
  it('serves a brief while it is younger than the TTL', async () => {
    await putBrief('alice@example.com', summaryFixture, T0);
    const hit = await getFreshBrief('alice@example.com', ACCOUNT, 10, T0 + 9 * MIN);
    expect(hit).toEqual({ summary: summaryFixture, savedAt: T0 });
  });

  it('expires it at the TTL and deletes it', async () => {
    await putBrief('alice@example.com', summaryFixture, T0);
    expect(await getFreshBrief('alice@example.com', ACCOUNT, 10, T0 + 10 * MIN)).toBeNull();
    expect(await db.briefs.count()).toBe(0);
  });

  it('treats a TTL of 0 as no cache', async () => {
    await putBrief('alice@example.com', summaryFixture, T0);
    expect(await getFreshBrief('alice@example.com', ACCOUNT, 0, T0)).toBeNull();
  });

  it('keys by user: one seller never reads another seller’s brief', async () => {
    await putBrief('alice@example.com', summaryFixture, T0);
    expect(await getFreshBrief('bob@example.com', ACCOUNT, 10, T0 + MIN)).toBeNull();
    expect(await getFreshBrief('alice@example.com', ACCOUNT, 10, T0 + MIN)).not.toBeNull();
  });

  it('keys by account', async () => {
    await putBrief('alice@example.com', summaryFixture, T0);
    expect(await getFreshBrief('alice@example.com', '001DM0000000002AAA', 10, T0 + MIN)).toBeNull();
  });

  it('distrusts a brief saved "in the future" (clock moved back)', async () => {
    await putBrief('alice@example.com', summaryFixture, T0 + 60 * MIN);
    expect(await getFreshBrief('alice@example.com', ACCOUNT, 10, T0)).toBeNull();
  });

  it('purges expired briefs and clears everything on sign-out', async () => {
    await putBrief('alice@example.com', summaryFixture, T0);
    await putBrief('bob@example.com', summaryFixture, T0 + 20 * MIN);
    expect(await purgeExpiredBriefs(10, T0 + 25 * MIN)).toBe(1);
    expect((await db.briefs.toArray()).map((r) => r.user)).toEqual(['bob@example.com']);
    await db.feedback.put({ key: 'r\nexecutive', requestId: 'r', rating: 'up', at: T0 });
    await clearBriefs();
    expect(await db.briefs.count()).toBe(0);
    expect(await db.feedback.count()).toBe(0);
  });
});
