import { browser } from 'wxt/browser';
import type { PanelActions } from '../components/panel-actions.ts';
import { createApiClient } from '../lib/api-client.ts';
import { copyText } from '../lib/clipboard.ts';
import { sendMessage } from '../lib/messages.ts';
import { cacheTtlMinutesItem, readSession, tokenItem } from '../lib/settings.ts';
import { usePanelStore } from '../stores/panel-store.ts';
import { DEFAULT_TTL_MINUTES, ownerOf, purgeExpiredBriefs, putBrief, readBrief } from './brief-cache.ts';
import { giveFeedback, rememberedFeedback } from './feedback.ts';
import { flushOutbox } from './feedback-outbox.ts';
import { createFeedbackSync } from './feedback-sync.ts';
import { bindPanel } from './panel-binding.ts';
import { createPanelController, type PanelController } from './panel-controller.ts';

const HOUSEKEEPING_MS = 60_000;

/** Sends this seller's queued votes (none while signed out). */
async function flushQueuedFeedback(force: boolean) {
  const session = await readSession();
  if (!session.token) return null;
  const client = createApiClient({ backendUrl: session.backendUrl, token: session.token });
  return flushOutbox((body) => client.sendFeedback(body), ownerOf(session), { force });
}

/** The controller with its real dependencies: fetch, the Dexie cache, storage and the background. */
export function createLivePanelController(onFeedbackQueued: () => void): PanelController {
  return createPanelController({
    store: usePanelStore,
    makeClient: ({ backendUrl, token }) => createApiClient({ backendUrl, token }),
    getCached: readBrief,
    putCached: (user, summary) => putBrief(user, summary),
    rememberedFeedback,
    giveFeedback,
    onFeedbackQueued,
    onUnauthorized: () => tokenItem.setValue(null),
    send: sendMessage,
  });
}

/** Starts the panel: controller, bindings, outbox retries and cache housekeeping. */
export function startPanel(search: string): { actions: PanelActions; stop: () => void } {
  const sync = createFeedbackSync({
    flush: flushQueuedFeedback,
    onFlushed: () => void controller.reloadFeedback(),
  });
  const controller = createLivePanelController(() => void sync.kick());
  const unbind = bindPanel(controller, search);
  void sync.kick();
  const onOnline = () => void sync.kick(true);
  addEventListener('online', onOnline);
  // Expired briefs leave IndexedDB and the panel's memory while it stays open, not only at start.
  const housekeeping = () => {
    controller.prune();
    void cacheTtlMinutesItem
      .getValue()
      .then((ttl) => purgeExpiredBriefs(ttl ?? DEFAULT_TTL_MINUTES))
      .catch(() => undefined);
  };
  housekeeping();
  const timer = setInterval(housekeeping, HOUSEKEEPING_MS);
  return {
    actions: panelActionsOf(controller),
    stop() {
      clearInterval(timer);
      removeEventListener('online', onOnline);
      sync.dispose();
      void unbind.then((stop) => stop());
    },
  };
}

/** The buttons' view of the controller. */
export function panelActionsOf(controller: PanelController): PanelActions {
  return {
    refresh: controller.refresh,
    retry: controller.retry,
    chooseAccount: controller.chooseAccount,
    clearRequest: controller.clearRequest,
    giveFeedback: controller.giveFeedback,
    openOptions: () => void browser.runtime.openOptionsPage(),
    copyText,
  };
}
