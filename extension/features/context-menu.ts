import { browser } from 'wxt/browser';
import type { AccountMatch } from '../../shared/api.ts';
import { ApiFailure } from '../lib/api-client.ts';
import type { AccountRequest } from './tab-state.ts';

export const SUMMARIZE_MENU_ID = 'summarize-selection';

/**
 * Adds "Summarize “…”" to the selection menu. Chrome keeps menus across restarts, so this runs on
 * install and update; removing first avoids a duplicate-id error when an update re-adds it.
 */
export async function registerContextMenu(
  menus: Pick<typeof browser.contextMenus, 'removeAll' | 'create'> = browser.contextMenus,
): Promise<void> {
  await menus.removeAll();
  menus.create({ id: SUMMARIZE_MENU_ID, title: 'Summarize “%s”', contexts: ['selection'] });
}

export interface SummarizeDeps {
  /** Accounts the seller may see whose name matches, best first. */
  searchAccounts(query: string): Promise<AccountMatch[]>;
  setRequest(tabId: number, request: AccountRequest): Promise<void>;
  openPanel(tabId: number): Promise<void>;
}

/**
 * The menu click: opens the panel on the tab, then resolves the selected name to one account, a list
 * to choose from, or "no match". The panel opens first because sidePanel.open() only works while
 * the click's user gesture lasts, which ends at the first await; the panel shows the lookup.
 */
export async function summarizeSelection(
  info: { menuItemId: string | number; selectionText?: string },
  tab: { id?: number } | undefined,
  deps: SummarizeDeps,
): Promise<void> {
  const tabId = tab?.id;
  const query = cleanSelection(info.selectionText ?? '');
  if (info.menuItemId !== SUMMARIZE_MENU_ID || tabId === undefined || tabId < 0 || !query) return;
  const opened = deps.openPanel(tabId).catch(() => undefined);
  const click = (latestClick.get(tabId) ?? 0) + 1;
  latestClick.set(tabId, click);
  await deps.setRequest(tabId, { kind: 'resolving', query });
  const resolved = await resolve(query, deps);
  // A second right-click on the same tab while this lookup ran wins, whichever answers first.
  if (latestClick.get(tabId) === click) await deps.setRequest(tabId, resolved);
  await opened;
}

const latestClick = new Map<number, number>();

async function resolve(query: string, deps: SummarizeDeps): Promise<AccountRequest> {
  let accounts: AccountMatch[];
  try {
    accounts = await deps.searchAccounts(query);
  } catch (error) {
    return { kind: 'failed', query, message: describeFailure(error) };
  }
  const exact = accounts.filter((a) => a.name.toLowerCase() === query.toLowerCase());
  const only = accounts.length === 1 ? accounts[0] : exact.length === 1 ? exact[0] : undefined;
  if (only) return { kind: 'account', query, accountId: only.id, name: only.name };
  if (accounts.length === 0) return { kind: 'no-match', query };
  return { kind: 'choices', query, accounts };
}

/** Selections come with line breaks, quotes and trailing punctuation from mail and documents. */
export function cleanSelection(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“”‘’(«]+|["'“”‘’)».,;:!?]+$/g, '')
    .trim()
    .slice(0, 200);
}

function describeFailure(error: unknown): string {
  if (!(error instanceof ApiFailure)) return 'Something went wrong while looking the name up.';
  switch (error.kind) {
    case 'signed-out':
      return 'Sign in to the demo CRM or add a token in Options, then try again.';
    case 'offline':
      return 'The Account Summaries server could not be reached.';
    case 'rate-limited':
      return 'Too many requests just now. Wait a moment and try again.';
    default:
      return `The name lookup failed: ${error.message}`;
  }
}
