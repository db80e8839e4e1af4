import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { contextMenuDeps, handleMessage, handleTabUrl } from '../features/background-handlers.ts';
import { purgeExpiredBriefs } from '../features/brief-cache.ts';
import { registerContextMenu, summarizeSelection } from '../features/context-menu.ts';
import { removeTab } from '../features/tab-state.ts';
import { cacheTtlMinutesItem } from '../lib/settings.ts';

export default defineBackground(() => {
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });

  browser.runtime.onInstalled.addListener(async () => {
    registerContextMenu();
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
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url) void handleTabUrl(tabId, change.url, tab.title);
  });
  browser.tabs.onRemoved.addListener((tabId) => void removeTab(tabId));

  void cacheTtlMinutesItem.getValue().then((ttl) => purgeExpiredBriefs(ttl));
});
