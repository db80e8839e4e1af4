import { storage } from 'wxt/utils/storage';
import type { AccountMatch } from '../../shared/api.ts';
import type { PageAccount } from '../lib/messages.ts';

/** A right-click "Summarize …" request and how far its name lookup got. */
export type AccountRequest =
  | { kind: 'resolving'; query: string }
  | { kind: 'account'; query: string; accountId: string; name: string }
  | { kind: 'choices'; query: string; accounts: AccountMatch[] }
  | { kind: 'no-match'; query: string }
  | { kind: 'failed'; query: string; message: string };

/** What the background knows about one tab. */
export interface TabState {
  page: { url: string; account: PageAccount | null } | null;
  request: AccountRequest | null;
}

export const EMPTY_TAB: TabState = { page: null, request: null };

// Session storage survives service-worker restarts but not the browser: exactly a tab's lifetime.
const tabStatesItem = storage.defineItem<Record<string, TabState>>('session:tabStates', { fallback: {} });

let queue: Promise<unknown> = Promise.resolve();

/** Read-modify-write under one lock: tab events and messages arrive concurrently in the worker. */
export function updateTab(tabId: number, change: (state: TabState) => TabState | null): Promise<void> {
  const run = queue.then(async () => {
    const all = await tabStatesItem.getValue();
    const next = change(all[tabId] ?? EMPTY_TAB);
    const { [tabId]: _, ...rest } = all;
    await tabStatesItem.setValue(next ? { ...rest, [tabId]: next } : rest);
  });
  queue = run.catch(() => undefined);
  return run;
}

export const removeTab = (tabId: number) => updateTab(tabId, () => null);

export async function getTab(tabId: number): Promise<TabState> {
  return (await tabStatesItem.getValue())[tabId] ?? EMPTY_TAB;
}

/** Every tab's state at once (the panel keeps a copy, so a tab switch needs no storage read). */
export const getAllTabs = (): Promise<Record<string, TabState>> => tabStatesItem.getValue();

/** Calls back with every tab's state whenever any of them changes. */
export const watchAllTabs = (onChange: (all: Record<string, TabState>) => void): (() => void) =>
  tabStatesItem.watch((all) => onChange(all ?? {}));

/** Calls back with the tab's state whenever it changes. */
export function watchTab(tabId: number, onChange: (state: TabState) => void): () => void {
  // The item holds every tab; only this tab's changes matter to its panel.
  return tabStatesItem.watch((all, old) => {
    const next = all?.[tabId] ?? EMPTY_TAB;
    if (JSON.stringify(next) !== JSON.stringify(old?.[tabId] ?? EMPTY_TAB)) onChange(next);
  });
}

/**
 * A new page report. Opening a different account record ends a right-click request (the seller
 * moved on); pages without an account keep it, so browsing the mail the name came from does not.
 */
export function withPage(state: TabState, url: string, account: PageAccount | null): TabState {
  const moved = account !== null && account.accountId !== state.page?.account?.accountId;
  return { page: { url, account }, request: moved ? null : state.request };
}

export const withRequest = (state: TabState, request: AccountRequest | null): TabState => ({
  ...state,
  request,
});

/** The account the panel should summarise for this tab, if any. */
export function targetOf(state: TabState): { accountId: string; name: string | null } | null {
  if (state.request?.kind === 'account')
    return { accountId: state.request.accountId, name: state.request.name };
  if (state.request) return null;
  const account = state.page?.account;
  return account ? { accountId: account.accountId, name: nameFromTitle(account.title) } : null;
}

/** "Acme Corp | Salesforce" → "Acme Corp": shown while the brief loads. */
export function nameFromTitle(title: string): string | null {
  const name = title.split(/\s+[|–—-]\s+/)[0]?.trim();
  return name ? name : null;
}
