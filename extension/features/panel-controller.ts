import type { SummaryResponse } from '../../shared/api.ts';
import type { Rating } from '../db.ts';
import { type ApiClient, isAbort } from '../lib/api-client.ts';
import type { Message } from '../lib/messages.ts';
import type { Session } from '../lib/settings.ts';
import type { PanelStore, PanelView } from '../stores/panel-store.ts';
import { viewForFailure } from './failure-view.ts';
import type { FeedbackDetails, FeedbackTarget } from './feedback.ts';
import { pollSummary } from './summary-poller.ts';
import { type TabState, targetOf } from './tab-state.ts';

export interface PanelDeps {
  store: PanelStore;
  makeClient(session: Session & { token: string }): ApiClient;
  getCached(user: string, accountId: string): Promise<{ summary: SummaryResponse; savedAt: number } | null>;
  putCached(user: string, summary: SummaryResponse): Promise<void>;
  rememberedFeedback(requestId: string): Promise<Partial<Record<FeedbackTarget, Rating>>>;
  giveFeedback(
    client: ApiClient,
    input: { requestId: string; target: FeedbackTarget; rating: Rating } & FeedbackDetails,
  ): Promise<void>;
  /** A 401: the token is no longer good, so the extension forgets it. */
  onUnauthorized(): Promise<void>;
  send(message: Message): Promise<void>;
  pollIntervalMs?: number;
}

export type PanelController = ReturnType<typeof createPanelController>;

/** Decides what the panel shows from the session and the bound tab, and loads briefs for it. */
export function createPanelController(deps: PanelDeps) {
  const { store } = deps;
  let session: Session | null = null;
  let tabId: number | null = null;
  let tab: TabState | null = null;
  let expired = false;
  let current: { key: string; abort: AbortController } | null = null;

  const show = (view: PanelView, extra: Partial<ReturnType<PanelStore['getState']>> = {}) =>
    store.setState({ view, ...extra });

  function stop() {
    current?.abort.abort();
    current = null;
  }

  function evaluate(force = false) {
    if (!session || tabId === null || !tab) return;
    store.setState({ backendUrl: session.backendUrl });
    if (!session.token) {
      stop();
      return show({ state: 'signed-out', expired }, { summary: null });
    }
    expired = false;
    const request = tab.request;
    if (request && request.kind !== 'account') {
      stop();
      if (request.kind === 'resolving') return show({ state: 'resolving', query: request.query });
      if (request.kind === 'choices') return show({ state: 'choose-account', ...request });
      if (request.kind === 'no-match') return show({ state: 'no-match', query: request.query });
      return show({ state: 'lookup-failed', query: request.query, message: request.message });
    }
    const target = targetOf(tab);
    if (!target) {
      stop();
      return show({ state: 'no-account' }, { summary: null });
    }
    const key = [session.backendUrl, session.user, session.token, target.accountId].join('\n');
    if (!force && current?.key === key) return;
    void load({ ...session, token: session.token }, key, target, force);
  }

  async function load(
    s: Session & { token: string },
    key: string,
    target: { accountId: string; name: string | null },
    refresh: boolean,
  ) {
    stop();
    const abort = new AbortController();
    current = { key, abort };
    const live = () => !abort.signal.aborted;
    const user = s.user ?? 'unknown';
    const fromSelection = tab?.request?.kind === 'account';
    const keep = refresh && store.getState().summary?.accountId === target.accountId;
    if (keep) store.setState({ refreshing: true, cachedAt: null });
    else
      show(
        { state: 'loading', name: target.name },
        { summary: null, cachedAt: null, feedback: {}, fromSelection },
      );
    const client = deps.makeClient(s);
    try {
      const cached = refresh ? null : await deps.getCached(user, target.accountId);
      if (!live()) return;
      if (cached) {
        show({ state: 'ready' }, { summary: cached.summary, cachedAt: cached.savedAt });
      } else {
        const final = await pollSummary(client, {
          accountId: target.accountId,
          refresh,
          signal: abort.signal,
          intervalMs: deps.pollIntervalMs,
          onUpdate: (summary) => live() && show({ state: 'ready' }, { summary, refreshing: false }),
        });
        if (final.status === 'done') await deps.putCached(user, final);
      }
      const requestId = store.getState().summary?.requestId;
      if (requestId && live()) store.setState({ feedback: await deps.rememberedFeedback(requestId) });
    } catch (error) {
      if (!live() || isAbort(error)) return;
      // `current` stays: other tabs' updates must not re-fetch a failure; retry() clears it.
      store.setState({ refreshing: false });
      await fail(error);
    }
  }

  async function fail(error: unknown) {
    const view = viewForFailure(error);
    show(view, { summary: null });
    if (view.state === 'signed-out') {
      expired = true; // survives the token being cleared, so the screen says "expired"
      await deps.onUnauthorized();
    }
  }

  return {
    setSession(next: Session) {
      session = next;
      evaluate();
    },
    setTab(nextTabId: number, next: TabState) {
      tabId = nextTabId;
      tab = next;
      evaluate();
    },
    /** Generates a new brief, skipping both caches. */
    refresh: () => evaluate(true),
    retry: () => {
      current = null;
      evaluate();
    },
    chooseAccount(account: { id: string; name: string }) {
      if (tabId !== null) void deps.send({ type: 'panel:choose-account', tabId, account });
    },
    clearRequest() {
      if (tabId !== null) void deps.send({ type: 'panel:clear-request', tabId });
    },
    async giveFeedback(target: FeedbackTarget, rating: Rating, details: FeedbackDetails = {}) {
      const requestId = store.getState().summary?.requestId;
      if (!session?.token || !requestId) return;
      const client = deps.makeClient({ ...session, token: session.token });
      await deps.giveFeedback(client, { requestId, target, rating, ...details });
      store.setState((s) => ({ feedback: { ...s.feedback, [target]: rating } }));
    },
    dispose: stop,
  };
}
