import { detectAccount } from '../../shared/detect-account.ts';
import type { Message } from '../lib/messages.ts';
import { accountPatternsItem } from '../lib/settings.ts';
import { readHandoff } from './handoff.ts';

type PageMessage = Extract<Message, { type: 'crm:page' }>;

/** The record the page header declares (the demo CRM marks it; other CRMs may add the same). */
export function recordHint(doc: Document): { object: string; recordId: string } | null {
  const el = doc.querySelector<HTMLElement>('[data-object][data-record-id]');
  const object = el?.dataset.object;
  const recordId = el?.dataset.recordId;
  return object && recordId ? { object, recordId } : null;
}

/** What this page shows, as the message the background expects. */
export async function describePage(doc: Document, url: string): Promise<PageMessage> {
  const patterns = await accountPatternsItem.getValue();
  const detected = detectAccount(url, { patterns, record: recordHint(doc) });
  return { type: 'crm:page', url, account: detected && { ...detected, url, title: doc.title } };
}

/** Reports the page (and any sign-in handoff) to the background, skipping unchanged repeats. */
export function createPageReporter(doc: Document, send: (message: Message) => Promise<void>) {
  let last = '';
  let handedOff = '';
  const win = doc.defaultView ?? window;
  return async function report(): Promise<void> {
    const handoff = readHandoff(doc, win.location.origin);
    const handoffKey = JSON.stringify(handoff);
    if (handoff && handoffKey !== handedOff) {
      handedOff = handoffKey;
      await send(handoff);
    }
    const message = await describePage(doc, win.location.href);
    const key = JSON.stringify(message);
    if (key === last) return;
    last = key;
    await send(message);
  };
}

/** The part of the Navigation API used here (Chromium 102+; absent elsewhere). */
interface NavigationLike {
  addEventListener(
    type: 'currententrychange',
    listener: () => void,
    options?: { signal?: AbortSignal },
  ): void;
}

/**
 * Calls `onChange` whenever the page may show something else without a reload: single-page-app
 * moves (Lightning's and HubSpot's routers use history.pushState/replaceState; back/forward fire
 * popstate; older apps change the hash), a new title, or new admin patterns. The Navigation API sees
 * history calls made by the page's own scripts, which an isolated content script cannot patch;
 * where it is missing, `poll` (WXT's location watcher) stands in.
 */
export function followPage(
  win: Window & { navigation?: NavigationLike },
  onChange: () => void,
  options: { signal: AbortSignal; poll?: (listener: () => void) => void },
): void {
  const { signal } = options;
  if (win.navigation) win.navigation.addEventListener('currententrychange', onChange, { signal });
  else options.poll?.(onChange);
  win.addEventListener('popstate', onChange, { signal });
  win.addEventListener('hashchange', onChange, { signal });
  // Lightning rewrites <title> (and the record header settles) a moment after the URL changes.
  const observer = new MutationObserver(onChange);
  observer.observe(win.document.head, { childList: true, subtree: true, characterData: true });
  const stopWatching = accountPatternsItem.watch(onChange);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    stopWatching();
  });
}

/** Runs `fn` once `ms` after the last call: a move fires several events, the report needs one. */
export function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

// Tested on: every CRM shape in test/unit/shared/detect-account.test.ts, and in Chromium on the pages
// of test/e2e/crm-pages/ (Lightning, Classic, HubSpot, Dynamics 365, Twenty, a custom CRM).
