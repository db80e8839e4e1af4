import type { SummaryResponse } from '../../shared/api.ts';
import { db } from '../db.ts';

const keyOf = (user: string, accountId: string) => `${user}\n${accountId}`;

/**
 * Whose cache and outbox entries these are: the seller on one backend (two deployments may both
 * have an alice@example.com, and neither may read the other's briefs or send her queued votes).
 */
export const ownerOf = (session: { backendUrl: string; user: string | null }) =>
  `${session.user ?? 'unknown'} @ ${session.backendUrl.replace(/\/+$/, '')}`;

/**
 * Share of the TTL during which a cached brief is shown as is. After it the brief is still shown at
 * once, but a fresh copy is asked for in the background (stale-while-revalidate); at the TTL it is
 * deleted: the cache never keeps generated text longer than the seller allowed.
 */
export const FRESH_SHARE = 0.5;

export { DEFAULT_TTL_MINUTES } from '../lib/settings.ts';

export interface CachedBrief {
  summary: SummaryResponse;
  savedAt: number;
  /** Past its fresh share: show it, and revalidate. */
  stale: boolean;
}

const isExpired = (savedAt: number, ttlMinutes: number, now: number) =>
  !(ttlMinutes > 0) || now - savedAt >= ttlMinutes * 60_000 || savedAt > now + 60_000;

/** The cached brief while it is younger than the TTL; expired ones are deleted on the way. */
export async function readBrief(
  user: string,
  accountId: string,
  ttlMinutes: number,
  now = Date.now(),
): Promise<CachedBrief | null> {
  const row = await db.briefs.get(keyOf(user, accountId));
  if (!row) return null;
  // A savedAt far in the future means the clock moved back: distrust it.
  if (isExpired(row.savedAt, ttlMinutes, now)) {
    await db.briefs.delete(row.key);
    return null;
  }
  const stale = now - row.savedAt >= ttlMinutes * 60_000 * FRESH_SHARE;
  return { summary: row.summary, savedAt: row.savedAt, stale };
}

/** Whether a brief saved at `savedAt` may still be shown (memory copies obey the same TTL). */
export const isBriefAlive = (savedAt: number, ttlMinutes: number, now = Date.now()) =>
  !isExpired(savedAt, ttlMinutes, now);

export async function putBrief(user: string, summary: SummaryResponse, now = Date.now()): Promise<void> {
  const accountId = summary.accountId;
  await db.briefs.put({ key: keyOf(user, accountId), user, accountId, savedAt: now, summary });
}

/** Drops expired briefs (every one when the TTL is 0), so the cache never outlives its promise. */
export async function purgeExpiredBriefs(ttlMinutes: number, now = Date.now()): Promise<number> {
  if (!(ttlMinutes > 0)) {
    const all = await db.briefs.count();
    await db.briefs.clear();
    return all;
  }
  return db.briefs
    .where('savedAt')
    .belowOrEqual(now - ttlMinutes * 60_000)
    .delete();
}

/**
 * Sign-out: nothing generated for the previous seller stays on the machine — cached briefs, the
 * ratings remembered for them, and ratings still waiting to be sent (they carry that seller's ids).
 */
export async function wipeBriefCache(): Promise<void> {
  await db.transaction('rw', db.briefs, db.feedback, db.outbox, async () => {
    await Promise.all([db.briefs.clear(), db.feedback.clear(), db.outbox.clear()]);
  });
}

/** @deprecated Same as {@link wipeBriefCache}; kept for existing callers. */
export const clearBriefs = wipeBriefCache;
