import { browser } from 'wxt/browser';
import { detectAccount } from '../../shared/detect-account.ts';
import { ApiFailure, createApiClient } from '../lib/api-client.ts';
import { isMessage } from '../lib/messages.ts';
import { accountPatternsItem, backendUrlItem, readSession } from '../lib/settings.ts';
import type { SummarizeDeps } from './context-menu.ts';
import { applyHandoff, type HandoffStore, originOf } from './handoff.ts';
import { signIn, signOut } from './session.ts';
import { updateTab, withPage, withRequest } from './tab-state.ts';

interface Sender {
  tab?: { id?: number };
  url?: string;
  origin?: string;
}

/** Routes runtime messages; content-script messages must come from a tab, panel ones from us. */
export function handleMessage(message: unknown, sender: Sender): void {
  if (!isMessage(message)) return;
  const fromExtension = sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
  const tabId = sender.tab?.id;
  switch (message.type) {
    case 'crm:page':
      if (tabId !== undefined && !fromExtension)
        void updateTab(tabId, (s) => withPage(s, message.url, message.account));
      return;
    case 'crm:handoff':
    case 'crm:signed-out':
      if (!fromExtension)
        void applyHandoff(message, sender.origin ?? originOf(sender.url ?? ''), handoffStore);
      return;
    case 'crm:open-panel':
      // Synchronously, inside the gesture of the click in the page that sent it.
      if (tabId !== undefined && !fromExtension)
        void browser.sidePanel.open({ tabId }).catch(() => undefined);
      return;
    case 'panel:choose-account':
      if (fromExtension) {
        const { id, name } = message.account;
        void updateTab(message.tabId, (s) =>
          withRequest(s, { kind: 'account', query: s.request?.query ?? name, accountId: id, name }),
        );
      }
      return;
    case 'panel:clear-request':
      if (fromExtension) void updateTab(message.tabId, (s) => withRequest(s, null));
      return;
  }
}

/**
 * tabs.onUpdated. The extension sees URLs only on hosts it has access to (it does not ask for the
 * "tabs" permission, which would show it the seller's whole browsing history), so a loading tab
 * without a URL has left for a page of no concern: forget its account.
 */
export function handleTabUpdate(
  tabId: number,
  change: { url?: string; status?: string },
  tab: { url?: string; title?: string },
): Promise<void> | undefined {
  if (change.url) return handleTabUrl(tabId, change.url, tab.title);
  if (change.status === 'loading' && !tab.url)
    return updateTab(tabId, (s) => (s.page ? withPage(s, '', null) : s));
  return undefined;
}

/**
 * A tab's URL changed, SPA moves included (Chrome reports pushState). Detecting from the URL here
 * needs no content script (custom hosts before their script runs, tabs open before install) and
 * clears the account when the tab leaves it. A report for the same URL is kept: it saw the DOM.
 */
export async function handleTabUrl(tabId: number, url: string, title: string | undefined): Promise<void> {
  const patterns = await accountPatternsItem.getValue();
  const detected = detectAccount(url, { patterns });
  await updateTab(tabId, (s) =>
    s.page?.url === url ? s : withPage(s, url, detected && { ...detected, url, title: title ?? '' }),
  );
}

export const handoffStore: HandoffStore = {
  backendUrl: () => backendUrlItem.getValue(),
  async signIn({ backendUrl, token, user }) {
    await backendUrlItem.setValue(backendUrl);
    await signIn({ token, user });
  },
  signOut,
};

export const contextMenuDeps: SummarizeDeps = {
  async searchAccounts(query) {
    const { backendUrl, token } = await readSession();
    if (!token) throw new ApiFailure('signed-out', 'not signed in');
    return createApiClient({ backendUrl, token }).searchAccounts(query);
  },
  setRequest: (tabId, request) => updateTab(tabId, (s) => withRequest(s, request)),
  openPanel: (tabId) => browser.sidePanel.open({ tabId }),
};
