import Dexie, { type EntityTable } from 'dexie';
import type { FeedbackRequest, SummaryResponse } from '../shared/api.ts';

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

/** Where a rating is: on the server, waiting in the outbox, or refused for good. */
export type DeliveryState = 'sent' | 'queued' | 'failed';

/** The thumbs a seller gave, so the panel shows their choice again. */
export interface FeedbackRow {
  /** `${requestId}\n${sectionId or "summary"}` */
  key: string;
  requestId: string;
  rating: Rating;
  at: number;
  /** Absent on rows written before the outbox existed: those were sent. */
  state?: DeliveryState;
}

/** A rating not yet accepted by the server; sent again on reconnect or after a backoff. */
export interface OutboxRow {
  /** Same key as the FeedbackRow: a newer vote on the same target replaces an unsent one. */
  key: string;
  /** Only this seller's session may send it. */
  user: string;
  body: FeedbackRequest;
  attempts: number;
  /** Not before this time (ms since epoch). */
  nextAt: number;
}

/** The extension's one IndexedDB database (panel, options and background share its origin). */
export const db = new Dexie('account-summaries') as Dexie & {
  briefs: EntityTable<BriefRow, 'key'>;
  feedback: EntityTable<FeedbackRow, 'key'>;
  outbox: EntityTable<OutboxRow, 'key'>;
};

db.version(1).stores({
  briefs: '&key, user, savedAt',
  feedback: '&key, requestId, at',
});
db.version(2).stores({ outbox: '&key, user, nextAt' });
