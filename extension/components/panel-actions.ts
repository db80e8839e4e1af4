import { createContext, useContext } from 'react';
import type { Rating } from '../db.ts';
import type { FeedbackDetails, FeedbackTarget } from '../features/feedback.ts';

/** What the panel's buttons can do; the controller implements it, tests pass stubs. */
export interface PanelActions {
  refresh(): void;
  retry(): void;
  chooseAccount(account: { id: string; name: string }): void;
  clearRequest(): void;
  giveFeedback(target: FeedbackTarget, rating: Rating, details?: FeedbackDetails): Promise<void>;
  openOptions(): void;
}

const noop = () => {};

export const PanelActionsContext = createContext<PanelActions>({
  refresh: noop,
  retry: noop,
  chooseAccount: noop,
  clearRequest: noop,
  giveFeedback: async () => {},
  openOptions: noop,
});

export const usePanelActions = () => useContext(PanelActionsContext);
