import Dexie, { type EntityTable } from 'dexie';
import type { SummaryResponse } from '../shared/api.ts';

/** A finished brief kept for a short while, so reopening an account shows it instantly. */
export interface BriefRow {
  /** `${user}\n${accountId}`: one seller never reads another's cached brief. */
  key: string;
  user: string;
  accountId: string;
  savedAt: number;
  summary: SummaryResponse;
}

export type Rating = 'up' | 'down';

/** The thumbs a seller gave, so the panel shows their choice again. */
export interface FeedbackRow {
  /** `${requestId}\n${sectionId or "summary"}` */
  key: string;
  requestId: string;
  rating: Rating;
  at: number;
}

/** The extension's one IndexedDB database (panel, options and background share its origin). */
export const db = new Dexie('account-summaries') as Dexie & {
  briefs: EntityTable<BriefRow, 'key'>;
  feedback: EntityTable<FeedbackRow, 'key'>;
};

db.version(1).stores({
  briefs: '&key, user, savedAt',
  feedback: '&key, requestId, at',
});
