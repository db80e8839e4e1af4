import { browser } from 'wxt/browser';
import { TAB_SWITCH_MARK } from '../lib/perf-marks.ts';
import { cacheTtlMinutesItem, readSession, watchSession } from '../lib/settings.ts';
import type { PanelController } from './panel-controller.ts';
import { readSectionLayout, watchSectionLayout } from './section-layout.ts';
import { EMPTY_TAB, getAllTabs, targetOf, watchAllTabs } from './tab-state.ts';

const READ_AHEAD_MS = 400;

const idParam = (search: string, name: string): number | null => {
  const raw = new URLSearchParams(search).get(name) ?? '';
  return /^\d+$/.test(raw) ? Number(raw) : null;
};

/** `?tabId=N` pins the panel to one tab (how tests open it as a normal page). */
export const pinnedTabId = (search: string) => idParam(search, 'tabId');

/** `?windowId=N` follows the active tab of window N instead of the panel's own (tests, bench). */
export const followedWindowId = (search: string) => idParam(search, 'windowId');

type Binding = Pick<PanelController, 'setSession' | 'setTab' | 'dispose'> &
  Partial<Pick<PanelController, 'setTtl' | 'setLayout' | 'setOnline' | 'prefetch'>>;

/**
 * Feeds the controller: the session, cache TTL and section layout from storage, the network state,
 * and the state of the tab the panel belongs to — the pinned one, or the active tab of the
 * panel's window, following tab switches.
 */
export async function bindPanel(controller: Binding, search: string): Promise<() => void> {
  const cleanups: (() => void)[] = [];
  const pinned = pinnedTabId(search);
  // Heard from the first moment: a tab switch while the panel is still loading (the reads below)
  // would otherwise be missed, leaving the panel on the tab it opened on.
  type Activation = { tabId: number; windowId: number };
  const heard: Activation[] = [];
  let onSwitch: ((info: Activation) => void) | null = null;
  const onActivated = (info: Activation) => (onSwitch ? onSwitch(info) : heard.push(info));
  if (pinned === null) {
    browser.tabs.onActivated.addListener(onActivated);
    cleanups.push(() => browser.tabs.onActivated.removeListener(onActivated));
  }
  const ttl = () => cacheTtlMinutesItem.getValue().then((m) => controller.setTtl?.(m));
  const [session] = await Promise.all([
    readSession(),
    ttl(),
    readSectionLayout().then((layout) => controller.setLayout?.(layout)),
  ]);
  cleanups.push(cacheTtlMinutesItem.watch(() => void ttl()));
  cleanups.push(watchSectionLayout((layout) => controller.setLayout?.(layout)));
  const online = () => controller.setOnline?.(navigator.onLine);
  online();
  for (const event of ['online', 'offline']) {
    addEventListener(event, online);
    cleanups.push(() => removeEventListener(event, online));
  }
  controller.setSession(session);
  cleanups.push(watchSession((next) => controller.setSession(next)));

  // A copy of every tab's state, kept current: a tab switch binds at once, without a storage read.
  let tabs = await getAllTabs();
  let bound: number | null = null;
  const stateOf = (tabId: number) => tabs[tabId] ?? EMPTY_TAB;
  cleanups.push(
    watchAllTabs((next) => {
      const before = bound === null ? null : JSON.stringify(stateOf(bound));
      tabs = next;
      if (bound !== null && JSON.stringify(stateOf(bound)) !== before)
        controller.setTab(bound, stateOf(bound));
    }),
  );
  const bindTab = (tabId: number) => {
    bound = tabId;
    controller.setTab(tabId, stateOf(tabId));
  };

  if (pinned !== null) {
    bindTab(pinned);
  } else {
    const windowId = followedWindowId(search) ?? (await browser.windows.getCurrent()).id;
    const [active] = await browser.tabs.query({ active: true, windowId });
    onSwitch = (info) => {
      if (info.windowId !== windowId) return;
      performance.mark(TAB_SWITCH_MARK, { detail: { tabId: info.tabId } });
      bindTab(info.tabId);
    };
    const missed = heard.filter((info) => info.windowId === windowId).at(-1);
    if (missed) onSwitch(missed);
    else if (active?.id !== undefined) bindTab(active.id);
    // The window's other tabs: their cached briefs are read ahead, once the panel has settled.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const readAhead = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const others = (await browser.tabs.query({ windowId })).filter(
          (t) => t.id !== undefined && t.id !== bound,
        );
        const targets = others.map((t) => targetOf(stateOf(t.id!))).filter((t) => t !== null);
        controller.prefetch?.(targets);
      }, READ_AHEAD_MS);
    };
    readAhead();
    cleanups.push(watchAllTabs(readAhead), () => clearTimeout(timer));
  }
  return () => {
    for (const cleanup of cleanups) cleanup();
    controller.dispose();
  };
}
