import { create } from 'zustand';
import type { AccountMatch, SummaryResponse } from '../../shared/api.ts';
import { SECTION_IDS, type SectionId } from '../../shared/sections.ts';
import type { FeedbackTarget, GivenFeedback } from '../features/feedback.ts';

/** What the panel shows; one variant per screen. */
export type PanelView =
  | { state: 'starting' }
  | { state: 'signed-out'; expired: boolean }
  | { state: 'no-account' }
  | { state: 'resolving'; query: string }
  | { state: 'choose-account'; query: string; accounts: AccountMatch[] }
  | { state: 'no-match'; query: string }
  | { state: 'lookup-failed'; query: string; message: string }
  | { state: 'loading'; name: string | null }
  | { state: 'ready' }
  | { state: 'not-found' }
  | { state: 'offline' }
  | { state: 'error'; message: string };

/** The `data-state` test hook: the public states, with lookup screens folded into them. */
export function dataStateOf(view: PanelView): string {
  switch (view.state) {
    case 'starting':
    case 'resolving':
      return 'loading';
    case 'lookup-failed':
      return 'error';
    default:
      return view.state;
  }
}

export interface KeptBrief {
  accountId: string;
  summary: SummaryResponse;
  feedback: Partial<Record<FeedbackTarget, GivenFeedback>>;
}

export interface PanelState {
  view: PanelView;
  backendUrl: string;
  /**
   * Finished briefs of the last few accounts (the current one included), kept rendered out of sight
   * so switching back to a tab is instant. Emptied when the seller or backend changes.
   */
  kept: KeptBrief[];
  summary: SummaryResponse | null;
  /** When the brief came from the local cache: when it was saved. */
  cachedAt: number | null;
  /** A refresh is under way while the previous brief stays on screen. */
  refreshing: boolean;
  /** A cached brief past its fresh share is shown while a newer one is fetched. */
  revalidating: boolean;
  /** A refresh or revalidation failed; the brief on screen is the previous one. */
  notice: string | null;
  /** The brief was asked for by right-click rather than by the page. */
  fromSelection: boolean;
  feedback: Partial<Record<FeedbackTarget, GivenFeedback>>;
  /** navigator.onLine, kept current by the online/offline events. */
  online: boolean;
  /** The sections the seller shows, in their order (Options). */
  layout: SectionId[];
}

export const initialPanelState: PanelState = {
  view: { state: 'starting' },
  backendUrl: '',
  kept: [],
  summary: null,
  cachedAt: null,
  refreshing: false,
  revalidating: false,
  notice: null,
  fromSelection: false,
  feedback: {},
  online: true,
  layout: [...SECTION_IDS],
};

export const usePanelStore = create<PanelState>()(() => initialPanelState);

export type PanelStore = typeof usePanelStore;
