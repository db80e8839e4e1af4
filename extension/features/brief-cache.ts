import type { SummaryResponse } from '../../shared/api.ts';
import { db } from '../db.ts';

const keyOf = (user: string, accountId: string) => `${user}\n${accountId}`;

/** The cached brief when it is younger than the TTL; stale ones are deleted on the way. */
export async function getFreshBrief(
  user: string,
  accountId: string,
  ttlMinutes: number,
  now = Date.now(),
): Promise<{ summary: SummaryResponse; savedAt: number } | null> {
  const row = await db.briefs.get(keyOf(user, accountId));
  if (!row) return null;
  if (now - row.savedAt >= ttlMinutes * 60_000 || row.savedAt > now) {
    await db.briefs.delete(row.key);
    return null;
  }
  return { summary: row.summary, savedAt: row.savedAt };
}

export async function putBrief(user: string, summary: SummaryResponse, now = Date.now()): Promise<void> {
  const accountId = summary.accountId;
  await db.briefs.put({ key: keyOf(user, accountId), user, accountId, savedAt: now, summary });
}

/** Drops expired briefs (every one when the TTL is 0), so the cache never outlives its promise. */
export async function purgeExpiredBriefs(ttlMinutes: number, now = Date.now()): Promise<number> {
  return db.briefs
    .where('savedAt')
    .below(now - ttlMinutes * 60_000)
    .delete();
}

/** Sign-out: nothing generated for the previous seller stays on the machine. */
export async function clearBriefs(): Promise<void> {
  await Promise.all([db.briefs.clear(), db.feedback.clear()]);
}
