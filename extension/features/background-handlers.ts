import { browser } from 'wxt/browser';
import { detectAccount } from '../../shared/detect-account.ts';
import { ApiFailure, createApiClient } from '../lib/api-client.ts';
import { userFromToken } from '../lib/jwt-claims.ts';
import { isMessage } from '../lib/messages.ts';
import { accountPatternsItem, backendUrlItem, readSession, tokenItem, userItem } from '../lib/settings.ts';
import { clearBriefs } from './brief-cache.ts';
import type { SummarizeDeps } from './context-menu.ts';
import { applyHandoff, type HandoffStore, originOf } from './handoff.ts';
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
 * A tab's URL changed (tabs.onUpdated). Detecting from the URL here covers CRMs the content script
 * does not run on (HubSpot, Dynamics, Twenty, admin patterns) and clears the account when the tab
 * leaves for a page no content script reports from. A report for the same URL is kept: it saw the DOM.
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
    await Promise.all([
      backendUrlItem.setValue(backendUrl),
      tokenItem.setValue(token),
      userItem.setValue(user ?? userFromToken(token)),
    ]);
  },
  async signOut() {
    await Promise.all([tokenItem.setValue(null), userItem.setValue(null), clearBriefs()]);
  },
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
