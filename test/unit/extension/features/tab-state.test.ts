import { describe, expect, it, vi } from 'vitest';
import {
  EMPTY_TAB,
  getTab,
  nameFromTitle,
  removeTab,
  type TabState,
  targetOf,
  updateTab,
  watchTab,
  withPage,
  withRequest,
} from '../../../../extension/features/tab-state.ts';
import type { PageAccount } from '../../../../extension/lib/messages.ts';

const page = (accountId: string, title = 'Acme Corp | Salesforce'): PageAccount => ({
  accountId,
  crm: 'salesforce-lightning',
  url: `http://127.0.0.1:8787/lightning/r/Account/${accountId}/view`,
  title,
});

describe('tab state reducers', () => {
  it('targets the page account, named from the title', () => {
    const state = withPage(EMPTY_TAB, 'u', page('001A'));
    expect(targetOf(state)).toEqual({ accountId: '001A', name: 'Acme Corp' });
  });

  it('lets a right-click request outrank the page, and lookups show no target yet', () => {
    const base = withPage(EMPTY_TAB, 'u', page('001A'));
    expect(
      targetOf(withRequest(base, { kind: 'account', query: 'Globex', accountId: '001G', name: 'Globex' })),
    ).toEqual({ accountId: '001G', name: 'Globex' });
    expect(targetOf(withRequest(base, { kind: 'resolving', query: 'Globex' }))).toBeNull();
  });

  it('ends a request when the tab opens a different account, not on other pages', () => {
    const requested: TabState = withRequest(withPage(EMPTY_TAB, 'u', page('001A')), {
      kind: 'account',
      query: 'Globex',
      accountId: '001G',
      name: 'Globex',
    });
    expect(withPage(requested, 'mail', null).request).not.toBeNull();
    expect(withPage(requested, 'u', page('001A')).request).not.toBeNull();
    expect(withPage(requested, 'v', page('001B')).request).toBeNull();
  });

  it('reads names from CRM titles', () => {
    expect(nameFromTitle('Northwind Logistics | Salesforce')).toBe('Northwind Logistics');
    expect(nameFromTitle('Jean-Luc Industries - HubSpot')).toBe('Jean-Luc Industries');
    expect(nameFromTitle('')).toBeNull();
  });
});

describe('tab state storage', () => {
  it('updates, watches and forgets a tab', async () => {
    const seen = vi.fn();
    const stop = watchTab(5, seen);
    await updateTab(5, (s) => withPage(s, 'u', page('001A')));
    await updateTab(6, (s) => withPage(s, 'u', page('001B'))); // another tab: not this watcher's business
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    expect((await getTab(5)).page?.account?.accountId).toBe('001A');
    await removeTab(5);
    expect(await getTab(5)).toEqual(EMPTY_TAB);
    expect((await getTab(6)).page?.account?.accountId).toBe('001B');
    stop();
  });

  it('serialises concurrent updates', async () => {
    await Promise.all(
      ['a', 'b', 'c'].map((q) =>
        updateTab(1, (s) => withRequest(s, { kind: 'no-match', query: `${s.request?.query ?? ''}${q}` })),
      ),
    );
    expect((await getTab(1)).request).toEqual({ kind: 'no-match', query: 'abc' });
  });
});
