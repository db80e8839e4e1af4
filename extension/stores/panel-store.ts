import { create } from 'zustand';
import type { AccountMatch, SummaryResponse } from '../../shared/api.ts';
import type { Rating } from '../db.ts';
import type { FeedbackTarget } from '../features/feedback.ts';

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

export interface PanelState {
  view: PanelView;
  backendUrl: string;
  summary: SummaryResponse | null;
  /** When the brief came from the local cache: when it was saved. */
  cachedAt: number | null;
  /** A refresh is under way while the previous brief stays on screen. */
  refreshing: boolean;
  /** The brief was asked for by right-click rather than by the page. */
  fromSelection: boolean;
  feedback: Partial<Record<FeedbackTarget, Rating>>;
}

export const initialPanelState: PanelState = {
  view: { state: 'starting' },
  backendUrl: '',
  summary: null,
  cachedAt: null,
  refreshing: false,
  fromSelection: false,
  feedback: {},
};

export const usePanelStore = create<PanelState>()(() => initialPanelState);

export type PanelStore = typeof usePanelStore;
