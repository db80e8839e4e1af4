import { SECTION_IDS, type SectionId } from '../../shared/sections.ts';
import { ApiFailure, isAbort } from '../lib/api-client.ts';
import type { Session } from '../lib/settings.ts';
import { type BriefLoad, noticeFor } from './brief-load.ts';
import { viewForFailure } from './failure-view.ts';
import type { PanelDeps } from './panel-controller.ts';
import { coversLayout } from './section-layout.ts';
import { loadSummary } from './summary-loader.ts';
import { isTerminal } from './summary-poller.ts';

/** What a load needs from the controller at the moment it runs. */
export interface RunContext {
  deps: PanelDeps;
  session: Session & { token: string };
  /** Cache and outbox owner (seller @ backend). */
  owner: string;
  ttl: number;
  layout: SectionId[];
  online(): boolean;
  now(): number;
  /** The load changed: put it on screen if it is the shown one. */
  render(load: BriefLoad): void;
  /** A 401 ended the session. */
  signedOut(): Promise<void>;
}

/** Fills a load from the local cache only (no network); false when there is nothing usable. */
export async function warmLoad(load: BriefLoad, ctx: RunContext): Promise<boolean> {
  const cached = ctx.ttl > 0 ? await ctx.deps.getCached(ctx.owner, load.accountId, ctx.ttl) : null;
  if (!cached || !coversLayout(cached.summary.sections, ctx.layout) || load.summary) return false;
  const { summary, savedAt, stale } = cached;
  Object.assign(load, { summary, savedAt, cachedAt: savedAt, stale });
  load.feedback = await ctx.deps.rememberedFeedback(summary.requestId);
  return true;
}

/**
 * Brings a load up to date: the cached brief first when there is one (done, if it is fresh), then
 * the server's, streamed in. A finished brief already on screen stays whole until its replacement
 * is finished (stale-while-revalidate); a refresh shows the new one being written. Failures become
 * the load's full-panel state, or a notice above a brief kept on screen.
 */
export async function runLoad(load: BriefLoad, refresh: boolean, ctx: RunContext): Promise<void> {
  const { deps } = ctx;
  load.abort?.abort();
  const abort = new AbortController();
  const live = () => !abort.signal.aborted;
  Object.assign(load, {
    abort,
    failure: null,
    notice: null,
    stale: false,
    refreshing: refresh && !!load.summary,
  });
  ctx.render(load);
  try {
    if (!refresh && !load.summary && (await warmLoad(load, ctx)) && !load.stale) return;
    if (!live()) return;
    if (!ctx.online()) throw new ApiFailure('offline', 'The browser is offline.');
    const quiet = !refresh && !!load.summary && isTerminal(load.summary.status);
    Object.assign(load, { revalidating: quiet, stale: false });
    ctx.render(load);
    const final = await loadSummary(deps.makeClient(ctx.session), {
      accountId: load.accountId,
      refresh,
      sections: ctx.layout.length < SECTION_IDS.length ? ctx.layout : undefined,
      signal: abort.signal,
      pollIntervalMs: deps.pollIntervalMs,
      onUpdate: (summary) => {
        if (!live() || quiet) return;
        Object.assign(load, { summary, cachedAt: null, refreshing: false });
        ctx.render(load);
      },
    });
    if (!live()) return;
    Object.assign(load, { summary: final, savedAt: ctx.now(), cachedAt: null, revalidating: false });
    if (final.status === 'done' && ctx.ttl > 0) await deps.putCached(ctx.owner, final);
    load.feedback = await deps.rememberedFeedback(final.requestId);
  } catch (error) {
    if (!live() || isAbort(error)) return;
    const view = viewForFailure(error);
    if (view.state === 'signed-out') {
      load.failure = view;
      return void (await ctx.signedOut());
    }
    if (load.summary && (load.refreshing || load.revalidating || load.cachedAt !== null))
      load.notice = noticeFor(view);
    else load.failure = view;
  } finally {
    if (live()) {
      Object.assign(load, { abort: null, refreshing: false, revalidating: false });
      ctx.render(load);
    }
  }
}
