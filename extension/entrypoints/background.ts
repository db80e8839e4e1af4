import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  contextMenuDeps,
  handleMessage,
  handleTabUpdate,
  handleTabUrl,
} from '../features/background-handlers.ts';
import { purgeExpiredBriefs } from '../features/brief-cache.ts';
import { registerContextMenu, summarizeSelection } from '../features/context-menu.ts';
import { syncCustomContentScript } from '../features/custom-hosts.ts';
import { DELIVERY_ALARM, pollDeliveries, syncDeliveryPolling } from '../features/delivery-notifications.ts';
import { handleNotificationClick } from '../features/delivery-open.ts';
import { removeTab } from '../features/tab-state.ts';
import { REFRESH_ALARM, refreshToken, scheduleRefresh } from '../features/token-refresh.ts';
import {
  accountPatternsItem,
  cacheTtlMinutesItem,
  notifyDeliveriesItem,
  ssoSessionItem,
  tokenItem,
} from '../lib/settings.ts';

export default defineBackground(() => {
  // The toolbar button and its shortcut (manifest commands: _execute_action) open the side panel.
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });

  browser.runtime.onInstalled.addListener(async () => {
    await registerContextMenu();
    // Tabs opened before install/update have no content script yet: detect them from their URLs.
    for (const tab of await browser.tabs.query({})) {
      if (tab.id !== undefined && tab.url) void handleTabUrl(tab.id, tab.url, tab.title);
    }
  });

  browser.contextMenus.onClicked.addListener(
    (info, tab) => void summarizeSelection(info, tab, contextMenuDeps),
  );
  browser.runtime.onMessage.addListener((message, sender) => {
    handleMessage(message, sender);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void handleTabUpdate(tabId, change, tab));
  browser.tabs.onRemoved.addListener((tabId) => void removeTab(tabId));

  // Hosts added in Options: keep the runtime content script in step with patterns and permissions.
  const sync = () => void syncCustomContentScript().catch((e) => console.warn('content script sync', e));
  accountPatternsItem.watch(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();

  // SSO tokens are renewed before they expire.
  ssoSessionItem.watch((session) => void scheduleRefresh(session));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshToken();
    if (alarm.name === DELIVERY_ALARM) void pollDeliveries();
  });

  // Briefs prepared before the seller's meetings: polled every minute while signed in, announced
  // by notification; a sign-in or turning notifications on polls at once.
  const deliveries = () => void syncDeliveryPolling().then((on) => (on ? pollDeliveries() : 0));
  tokenItem.watch(deliveries);
  notifyDeliveriesItem.watch(deliveries);
  void syncDeliveryPolling();
  browser.notifications.onClicked.addListener((id) => void handleNotificationClick(id));

  void cacheTtlMinutesItem.getValue().then((ttl) => purgeExpiredBriefs(ttl));
});
