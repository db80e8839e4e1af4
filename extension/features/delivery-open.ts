import { browser } from 'wxt/browser';
import { deliveryFeedItem, NOTIFICATION_PREFIX, type SeenDelivery } from './delivery-notifications.ts';
import { OFFER_PANEL, withoutOpenPanelFlag } from './open-panel-offer.ts';
import { getAllTabs } from './tab-state.ts';

export interface OpenDeps {
  /** The side panel of the seller's current window; rejects without a user gesture. */
  openPanel(): Promise<void>;
  tabs: Pick<typeof browser.tabs, 'query' | 'create' | 'update' | 'sendMessage'>;
  windows: Pick<typeof browser.windows, 'update'>;
  notifications: Pick<typeof browser.notifications, 'clear'>;
}

export const openDeps: OpenDeps = {
  openPanel: () => browser.sidePanel.open({ windowId: browser.windows.WINDOW_ID_CURRENT }),
  tabs: browser.tabs,
  windows: browser.windows,
  notifications: browser.notifications,
};

/**
 * A click on a brief's notification: the side panel opens in the current window, then a tab on the
 * account comes to the front (an open one, else a new one). Chrome dispatches notifications.onClicked
 * with a user gesture, which sidePanel.open() needs and which ends at the first await: it is called
 * first. The panel follows the active tab, so it shows the account once its tab is in front.
 */
export function handleNotificationClick(notificationId: string, deps: OpenDeps = openDeps) {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return undefined;
  const panelOpened = deps.openPanel().then(
    () => true,
    () => false,
  );
  return (async () => {
    await deps.notifications.clear(notificationId).catch(() => undefined);
    const id = notificationId.slice(NOTIFICATION_PREFIX.length);
    const delivery = (await deliveryFeedItem.getValue())?.seen.find((s) => s.id === id);
    // Signed out since it was shown: the feed, and with it the account, is forgotten.
    if (!delivery) return;
    await openAccount(delivery, await panelOpened, deps);
  })();
}

/**
 * Brings the account to the front: a tab already showing it (any CRM the extension recognises, or
 * the demo CRM page the link names), else a new tab on the link. The link keeps `?summary=open` only
 * when the panel could not open, so the page offers to open it — as it does for the Slack button.
 */
export async function openAccount(
  delivery: Pick<SeenDelivery, 'accountId' | 'url'>,
  panelOpened: boolean,
  deps: OpenDeps = openDeps,
): Promise<void> {
  const [tabs, states] = await Promise.all([deps.tabs.query({}), getAllTabs()]);
  const target = new URL(delivery.url);
  const existing =
    tabs.find((t) => t.id !== undefined && states[t.id]?.page?.account?.accountId === delivery.accountId) ??
    tabs.find((t) => t.id !== undefined && t.url !== undefined && sameRecord(t.url, target));
  if (existing?.id === undefined) {
    await deps.tabs.create({ url: panelOpened ? withoutOpenPanelFlag(delivery.url) : delivery.url });
    return;
  }
  await deps.tabs.update(existing.id, { active: true });
  if (existing.windowId !== undefined) await deps.windows.update(existing.windowId, { focused: true });
  if (!panelOpened) {
    // No content script there (a page opened before install): the toolbar button still opens it.
    await deps.tabs.sendMessage(existing.id, OFFER_PANEL).catch(() => undefined);
  }
}

function sameRecord(url: string, target: URL): boolean {
  try {
    const u = new URL(url);
    return u.origin === target.origin && u.pathname === target.pathname;
  } catch {
    return false;
  }
}
