import type { SummaryResponse } from '../../shared/api.ts';
import { SECTION_IDS, type SectionId } from '../../shared/sections.ts';
import type { DeliveryState, Rating } from '../db.ts';
import type { ApiClient } from '../lib/api-client.ts';
import type { Message } from '../lib/messages.ts';
import type { Session } from '../lib/settings.ts';
import type { PanelStore, PanelView } from '../stores/panel-store.ts';
import { type CachedBrief, DEFAULT_TTL_MINUTES, isBriefAlive, ownerOf } from './brief-cache.ts';
import { type BriefLoad, isRunning, keptBriefs, newLoad, projectLoad } from './brief-load.ts';
import { type RunContext, runLoad, warmLoad } from './brief-runner.ts';
import type { FeedbackDetails, FeedbackInput, FeedbackTarget, GivenFeedback } from './feedback.ts';
import type { FeedbackSender } from './feedback-outbox.ts';
import { coversLayout } from './section-layout.ts';
import { type TabState, targetOf } from './tab-state.ts';

export interface PanelDeps {
  store: PanelStore;
  makeClient(session: Session & { token: string }): ApiClient;
  getCached(user: string, accountId: string, ttlMinutes: number): Promise<CachedBrief | null>;
  putCached(user: string, summary: SummaryResponse): Promise<void>;
  rememberedFeedback(requestId: string): Promise<Partial<Record<FeedbackTarget, GivenFeedback>>>;
  giveFeedback(send: FeedbackSender, input: FeedbackInput): Promise<DeliveryState>;
  /** A vote is waiting in the outbox: make sure a retry is scheduled. */
  onFeedbackQueued?(): void;
  /** A 401: the token is no longer good, so the extension forgets it. */
  onUnauthorized(): Promise<void>;
  send(message: Message): Promise<void>;
  pollIntervalMs?: number;
  now?: () => number;
  /** Briefs kept in memory for instant tab switches (least recently shown are dropped). */
  maxLoads?: number;
}

export type PanelController = ReturnType<typeof createPanelController>;

/** Decides what the panel shows from the session and the bound tab, and loads briefs for it. */
export function createPanelController(deps: PanelDeps) {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const loads = new Map<string, BriefLoad>();
  let session: Session | null = null;
  let tabId: number | null = null;
  let tab: TabState | null = null;
  let expired = false;
  let ttl = DEFAULT_TTL_MINUTES;
  let layout: SectionId[] = [...SECTION_IDS];
  let current: string | null = null;

  const user = () => (session ? ownerOf(session) : 'unknown');
  const show = (view: PanelView) => store.setState({ view, summary: null, notice: null });
  /** Puts the shown load and the kept briefs in the store, in one update. */
  const render = (load?: BriefLoad) => {
    const shown = current ? loads.get(current) : undefined;
    const kept = keptBriefs(loads.values(), current, store.getState().kept);
    if (load && load !== shown && kept === store.getState().kept) return;
    store.setState({ ...(shown ? projectLoad(shown) : {}), kept });
  };

  function dropAll() {
    for (const load of loads.values()) load.abort?.abort();
    loads.clear();
    current = null;
    store.setState({ kept: [] });
  }

  const context = (): RunContext | null =>
    session?.token
      ? {
          deps,
          session: { ...session, token: session.token },
          owner: user(),
          ttl,
          layout,
          online: () => store.getState().online,
          now,
          render,
          signedOut: async () => {
            expired = true; // survives the token being cleared, so the screen says "expired"
            await deps.onUnauthorized();
          },
        }
      : null;
  const start = (load: BriefLoad, refresh: boolean) => {
    const ctx = context();
    if (ctx) void runLoad(load, refresh, ctx);
  };

  function evaluate(force = false) {
    if (!session || tabId === null || !tab) return;
    store.setState({ backendUrl: session.backendUrl, fromSelection: tab.request?.kind === 'account' });
    if (!session.token) {
      dropAll();
      return show({ state: 'signed-out', expired });
    }
    expired = false;
    const request = tab.request;
    if (request && request.kind !== 'account') {
      current = null;
      if (request.kind === 'resolving') return show({ state: 'resolving', query: request.query });
      if (request.kind === 'choices') return show({ state: 'choose-account', ...request });
      if (request.kind === 'no-match') return show({ state: 'no-match', query: request.query });
      return show({ state: 'lookup-failed', query: request.query, message: request.message });
    }
    const target = targetOf(tab);
    if (!target) {
      current = null;
      return show({ state: 'no-account' });
    }
    const key = `${user()}\n${target.accountId}`;
    let load = loads.get(key);
    // A kept brief obeys the TTL like a cached one, and must hold every section now shown.
    const outlived =
      load?.summary &&
      !isRunning(load) &&
      ((load.savedAt !== null && !isBriefAlive(load.savedAt, ttl, now())) ||
        !coversLayout(load.summary.sections, layout));
    if (load && outlived) {
      loads.delete(key);
      load = undefined;
    }
    current = key;
    if (!load) {
      load = newLoad(key, target.accountId, target.name);
      start(load, false);
    } else if (force) start(load, true);
    // Prefetched from the cache while out of sight: revalidate a stale one, fetch a missing one.
    else if (!isRunning(load) && !load.failure && (load.stale || !load.summary)) start(load, false);
    // Most recently shown last; the oldest beyond the limit are dropped (and stopped).
    loads.delete(key);
    loads.set(key, load);
    for (const [k, old] of loads) {
      if (loads.size <= (deps.maxLoads ?? 8)) break;
      old.abort?.abort();
      loads.delete(k);
    }
    render(load);
  }

  const currentLoad = () => (current ? loads.get(current) : undefined);

  return {
    setSession(next: Session) {
      // Another seller or backend: nothing loaded for the previous one may show.
      if (session && (session.user !== next.user || session.backendUrl !== next.backendUrl)) dropAll();
      session = next;
      evaluate();
    },
    setTab(nextTabId: number, next: TabState) {
      tabId = nextTabId;
      tab = next;
      evaluate();
    },
    setTtl(minutes: number) {
      ttl = Number.isFinite(minutes) && minutes >= 0 ? minutes : DEFAULT_TTL_MINUTES;
    },
    setLayout(next: SectionId[]) {
      layout = next;
      store.setState({ layout: next });
      evaluate();
    },
    setOnline(online: boolean) {
      store.setState({ online });
      if (!online) return;
      // Back online: what failed for want of a network is tried again (the shown one now).
      for (const [key, load] of loads) {
        if (!load.failure && !load.notice) continue;
        if (key === current) start(load, false);
        else loads.delete(key);
      }
      render();
    },
    /**
     * Reads the cached briefs of other tabs' accounts (never the network), so switching to one of
     * those tabs shows its brief at once.
     */
    prefetch(targets: { accountId: string; name: string | null }[]) {
      const ctx = context();
      if (!ctx) return;
      for (const target of targets.slice(0, deps.maxLoads ? deps.maxLoads - 1 : 3)) {
        const key = `${ctx.owner}\n${target.accountId}`;
        if (loads.has(key)) continue;
        const load = newLoad(key, target.accountId, target.name);
        // Least recently shown: first in line to go, never pushing out what the seller looks at.
        const rest = [...loads];
        loads.clear();
        loads.set(key, load);
        for (const [k, l] of rest) loads.set(k, l);
        void warmLoad(load, ctx).then((found) => {
          if (loads.get(key) !== load || isRunning(load)) return;
          if (found) render(load);
          else if (key !== current) loads.delete(key);
        });
      }
    },
    /** Forgets briefs past the TTL that are out of sight (the one on screen stays until left). */
    prune() {
      for (const [key, load] of loads) {
        const expiredCopy = load.savedAt !== null && !isBriefAlive(load.savedAt, ttl, now());
        if (key !== current && expiredCopy && !isRunning(load)) loads.delete(key);
      }
      render();
    },
    /** Generates a new brief, skipping both caches. */
    refresh: () => evaluate(true),
    retry() {
      const load = currentLoad();
      if (load && !isRunning(load)) start(load, false);
      else evaluate();
    },
    chooseAccount(account: { id: string; name: string }) {
      if (tabId !== null) void deps.send({ type: 'panel:choose-account', tabId, account });
    },
    clearRequest() {
      if (tabId !== null) void deps.send({ type: 'panel:clear-request', tabId });
    },
    async giveFeedback(target: FeedbackTarget, rating: Rating, details: FeedbackDetails = {}) {
      const load = currentLoad();
      const requestId = load?.summary?.requestId;
      if (!load || !session?.token || !requestId) return;
      const client = deps.makeClient({ ...session, token: session.token });
      const input = { user: user(), requestId, target, rating, ...details };
      const state = await deps.giveFeedback((body) => client.sendFeedback(body), input);
      load.feedback = { ...load.feedback, [target]: { rating, state } };
      render(load);
      if (state === 'queued') deps.onFeedbackQueued?.();
    },
    /** The outbox sent (or gave up on) votes: show where the current brief's votes are now. */
    async reloadFeedback() {
      const load = currentLoad();
      const requestId = load?.summary?.requestId;
      if (!load || !requestId) return;
      load.feedback = await deps.rememberedFeedback(requestId);
      render(load);
    },
    dispose: dropAll,
  };
}
