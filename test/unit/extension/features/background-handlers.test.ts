import { describe, expect, it, vi } from 'vitest';
import {
  handleMessage,
  handleTabUpdate,
  handleTabUrl,
} from '../../../../extension/features/background-handlers.ts';
import { getTab, updateTab, withRequest } from '../../../../extension/features/tab-state.ts';
import {
  accountPatternsItem,
  backendUrlItem,
  tokenItem,
  userItem,
} from '../../../../extension/lib/settings.ts';

const PANEL = { url: 'chrome-extension://test-extension-id/sidepanel.html?tabId=3' };
const ACCOUNT_URL = 'http://127.0.0.1:8787/lightning/r/Account/001DM0000000001AAA/view';
const pageAccount = {
  accountId: '001DM0000000001AAA',
  crm: 'salesforce-lightning' as const,
  url: ACCOUNT_URL,
  title: 'Acme | Salesforce',
};

describe('handleMessage', () => {
  it('records what a tab shows, only from a content script in that tab', async () => {
    handleMessage(
      { type: 'crm:page', url: ACCOUNT_URL, account: pageAccount },
      { tab: { id: 3 }, url: ACCOUNT_URL },
    );
    handleMessage({ type: 'crm:page', url: 'x', account: null }, PANEL); // the panel may not pose as a page
    await vi.waitFor(async () => expect((await getTab(3)).page?.account).toEqual(pageAccount));
  });

  it('stores a handoff from the demo CRM, deriving nothing from untrusted senders', async () => {
    const token = 'h.eyJzdWIiOiJib2JAZXhhbXBsZS5jb20ifQ.s';
    handleMessage(
      { type: 'crm:handoff', backendUrl: 'http://127.0.0.1:4000', token, user: null },
      {
        tab: { id: 3 },
        url: 'http://127.0.0.1:4000/lightning/o/Account/list',
        origin: 'http://127.0.0.1:4000',
      },
    );
    await vi.waitFor(async () => expect(await tokenItem.getValue()).toBe(token));
    expect(await backendUrlItem.getValue()).toBe('http://127.0.0.1:4000');
    expect(await userItem.getValue()).toBe('bob@example.com');
  });

  it('takes the panel’s choice and its “back to page”, but only from extension pages', async () => {
    const choose = { type: 'panel:choose-account', tabId: 3, account: { id: '001B', name: 'Beta' } } as const;
    handleMessage(choose, { tab: { id: 9 }, url: 'https://evil.example/' });
    await new Promise((r) => setTimeout(r, 20));
    expect((await getTab(3)).request).toBeNull();
    handleMessage(choose, PANEL);
    await vi.waitFor(async () =>
      expect((await getTab(3)).request).toEqual({
        kind: 'account',
        query: 'Beta',
        accountId: '001B',
        name: 'Beta',
      }),
    );
    handleMessage({ type: 'panel:clear-request', tabId: 3 }, PANEL);
    await vi.waitFor(async () => expect((await getTab(3)).request).toBeNull());
  });

  it('ignores anything that is not one of our messages', () => {
    expect(() => handleMessage({ type: 'other' }, PANEL)).not.toThrow();
    expect(() => handleMessage(null, PANEL)).not.toThrow();
  });
});

describe('handleTabUrl', () => {
  it('detects accounts by URL, including admin patterns on hosts without a content script', async () => {
    await accountPatternsItem.setValue([{ urlPattern: 'https://crm.acme.io/a/{accountId}' }]);
    await handleTabUrl(5, 'https://crm.acme.io/a/42', 'Acme – CRM');
    expect((await getTab(5)).page?.account).toMatchObject({
      crm: 'custom',
      accountId: '42',
      title: 'Acme – CRM',
    });
  });

  it('clears the account when the tab leaves, keeping a right-click request', async () => {
    await handleTabUrl(5, 'https://app.hubspot.com/contacts/1/company/77', undefined);
    await updateTab(5, (s) => withRequest(s, { kind: 'no-match', query: 'Zed' }));
    await handleTabUrl(5, 'https://mail.example.com/inbox', 'Inbox');
    const state = await getTab(5);
    expect(state.page).toEqual({ url: 'https://mail.example.com/inbox', account: null });
    expect(state.request).toEqual({ kind: 'no-match', query: 'Zed' });
  });

  it('keeps a content-script report for the same URL (it saw the page)', async () => {
    handleMessage(
      { type: 'crm:page', url: ACCOUNT_URL, account: pageAccount },
      { tab: { id: 6 }, url: ACCOUNT_URL },
    );
    await vi.waitFor(async () => expect((await getTab(6)).page).not.toBeNull());
    await handleTabUrl(6, ACCOUNT_URL, 'Loading…');
    expect((await getTab(6)).page?.account?.title).toBe('Acme | Salesforce');
  });
});

describe('handleTabUpdate', () => {
  it('follows URL changes, SPA moves included', async () => {
    await handleTabUpdate(8, { url: ACCOUNT_URL }, { url: ACCOUNT_URL, title: 'Acme | Salesforce' });
    expect((await getTab(8)).page?.account?.accountId).toBe('001DM0000000001AAA');
  });

  it('forgets the account when the tab loads a page the extension may not see', async () => {
    await handleTabUpdate(8, { url: ACCOUNT_URL }, { url: ACCOUNT_URL });
    await handleTabUpdate(8, { status: 'loading' }, {}); // no host permission: no URL
    expect((await getTab(8)).page).toEqual({ url: '', account: null });
  });

  it('ignores other updates', async () => {
    await handleTabUpdate(8, { url: ACCOUNT_URL }, { url: ACCOUNT_URL });
    await handleTabUpdate(8, { status: 'complete' }, { url: ACCOUNT_URL });
    await handleTabUpdate(8, { status: 'loading' }, { url: ACCOUNT_URL }); // a reload
    expect((await getTab(8)).page?.account).not.toBeNull();
    await handleTabUpdate(9, { status: 'loading' }, {});
    expect((await getTab(9)).page).toBeNull();
  });
});
