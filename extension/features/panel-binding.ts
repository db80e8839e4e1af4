import { browser } from 'wxt/browser';
import { readSession, watchSession } from '../lib/settings.ts';
import type { PanelController } from './panel-controller.ts';
import { getTab, watchTab } from './tab-state.ts';

/** `?tabId=N` pins the panel to one tab (how tests open it as a normal page). */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId') ?? '';
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

/**
 * Feeds the controller: the session from storage, and the state of the tab the panel belongs to —
 * the pinned one, or the active tab of the panel's window, following tab switches.
 */
export async function bindPanel(controller: PanelController, search: string): Promise<() => void> {
  const cleanups: (() => void)[] = [];
  controller.setSession(await readSession());
  cleanups.push(watchSession((session) => controller.setSession(session)));

  let generation = 0;
  let unwatchTab = () => {};
  const bindTab = async (tabId: number) => {
    // Tab switches can overtake each other; only the latest one may bind.
    const mine = ++generation;
    const state = await getTab(tabId);
    if (mine !== generation) return;
    unwatchTab();
    unwatchTab = watchTab(tabId, (next) => controller.setTab(tabId, next));
    controller.setTab(tabId, state);
  };
  cleanups.push(() => unwatchTab());

  const pinned = pinnedTabId(search);
  if (pinned !== null) {
    await bindTab(pinned);
  } else {
    const { id: windowId } = await browser.windows.getCurrent();
    const [active] = await browser.tabs.query({ active: true, windowId });
    if (active?.id !== undefined) await bindTab(active.id);
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) void bindTab(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    cleanups.push(() => browser.tabs.onActivated.removeListener(onActivated));
  }
  return () => {
    for (const cleanup of cleanups) cleanup();
    controller.dispose();
  };
}
