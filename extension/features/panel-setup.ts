import { browser } from 'wxt/browser';
import type { PanelActions } from '../components/panel-actions.ts';
import { createApiClient } from '../lib/api-client.ts';
import { sendMessage } from '../lib/messages.ts';
import { cacheTtlMinutesItem, tokenItem } from '../lib/settings.ts';
import { usePanelStore } from '../stores/panel-store.ts';
import { getFreshBrief, putBrief } from './brief-cache.ts';
import { giveFeedback, rememberedFeedback } from './feedback.ts';
import { createPanelController, type PanelController } from './panel-controller.ts';

/** The controller with its real dependencies: fetch, the Dexie cache, storage and the background. */
export function createLivePanelController(): PanelController {
  return createPanelController({
    store: usePanelStore,
    makeClient: ({ backendUrl, token }) => createApiClient({ backendUrl, token }),
    getCached: async (user, accountId) =>
      getFreshBrief(user, accountId, await cacheTtlMinutesItem.getValue()),
    // A TTL of 0 means "keep nothing on this computer", so nothing is written at all.
    putCached: async (user, summary) => {
      if ((await cacheTtlMinutesItem.getValue()) > 0) await putBrief(user, summary);
    },
    rememberedFeedback,
    giveFeedback,
    onUnauthorized: () => tokenItem.setValue(null),
    send: sendMessage,
  });
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
  };
}
