import type { SummaryResponse } from '../../shared/api.ts';
import type { KeptBrief, PanelState, PanelView } from '../stores/panel-store.ts';
import type { FeedbackTarget, GivenFeedback } from './feedback.ts';
import { isTerminal } from './summary-poller.ts';

/**
 * One account's brief as this panel knows it. Loads outlive tab switches: a brief being written
 * for tab A keeps streaming while the seller looks at tab B, and is on screen at once on return.
 */
export interface BriefLoad {
  key: string;
  accountId: string;
  /** Shown in the header while the first snapshot is on its way. */
  name: string | null;
  summary: SummaryResponse | null;
  /** When the server (or the cache) last vouched for `summary`: the TTL runs from here. */
  savedAt: number | null;
  /** Set when `summary` came from the local cache: the "Cached" pill. */
  cachedAt: number | null;
  /** A full-panel failure; null while loading or ready. */
  failure: PanelView | null;
  /** A refresh or revalidation failed while a brief stayed on screen. */
  notice: string | null;
  refreshing: boolean;
  revalidating: boolean;
  /** From the cache past its fresh share: revalidate when it is shown. */
  stale: boolean;
  abort: AbortController | null;
  feedback: Partial<Record<FeedbackTarget, GivenFeedback>>;
}

export function newLoad(key: string, accountId: string, name: string | null): BriefLoad {
  return {
    key,
    accountId,
    name,
    summary: null,
    savedAt: null,
    cachedAt: null,
    failure: null,
    notice: null,
    refreshing: false,
    revalidating: false,
    stale: false,
    abort: null,
    feedback: {},
  };
}

export const isRunning = (load: BriefLoad) => load.abort !== null;

/** The store fields a load puts on screen. */
export function projectLoad(load: BriefLoad): Partial<PanelState> {
  const view: PanelView =
    load.failure ?? (load.summary ? { state: 'ready' } : { state: 'loading', name: load.name });
  return {
    view,
    summary: load.failure ? null : load.summary,
    cachedAt: load.cachedAt,
    refreshing: load.refreshing,
    revalidating: load.revalidating,
    notice: load.notice,
    feedback: load.feedback,
  };
}

/** What to say above a brief kept on screen when getting a newer one failed. */
export function noticeFor(view: PanelView): string {
  if (view.state === 'offline') return 'You’re offline. This is the brief saved earlier.';
  if (view.state === 'error') return `Couldn’t get a newer brief: ${view.message}`;
  return 'Couldn’t get a newer brief. This is the one saved earlier.';
}

/**
 * The briefs worth keeping rendered: the last `limit` finished ones, and the current one whatever its
 * state (it is the one on screen). The store's list is reused while nothing in it changed.
 */
export function keptBriefs(
  loads: Iterable<BriefLoad>,
  current: string | null,
  previous: KeptBrief[],
  limit = 4,
): KeptBrief[] {
  const eligible = [...loads].filter(
    (l) => l.summary && !l.failure && (l.key === current || isTerminal(l.summary.status)),
  );
  const chosen = eligible.filter((l, i) => l.key === current || i >= eligible.length - limit);
  const next = chosen.map((l) => ({ accountId: l.accountId, summary: l.summary!, feedback: l.feedback }));
  const same =
    next.length === previous.length &&
    next.every((k, i) => k.summary === previous[i]!.summary && k.feedback === previous[i]!.feedback);
  return same ? previous : next;
}
