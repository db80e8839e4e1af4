import { createContext, useContext } from 'react';
import type { Rating } from '../db.ts';
import type { FeedbackDetails, FeedbackTarget } from '../features/feedback.ts';
import { copyText } from '../lib/clipboard.ts';

/** What the panel's buttons can do; the controller implements it, tests pass stubs. */
export interface PanelActions {
  refresh(): void;
  retry(): void;
  chooseAccount(account: { id: string; name: string }): void;
  clearRequest(): void;
  giveFeedback(target: FeedbackTarget, rating: Rating, details?: FeedbackDetails): Promise<void>;
  openOptions(): void;
  /** Puts text on the clipboard (rejects when it cannot). */
  copyText(text: string): Promise<void>;
}

const noop = () => {};

export const PanelActionsContext = createContext<PanelActions>({
  refresh: noop,
  retry: noop,
  chooseAccount: noop,
  clearRequest: noop,
  giveFeedback: async () => {},
  openOptions: noop,
  copyText,
});

export const usePanelActions = () => useContext(PanelActionsContext);
