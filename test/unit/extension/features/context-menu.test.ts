import { describe, expect, it, vi } from 'vitest';
import {
  cleanSelection,
  registerContextMenu,
  SUMMARIZE_MENU_ID,
  type SummarizeDeps,
  summarizeSelection,
} from '../../../../extension/features/context-menu.ts';
import type { AccountRequest } from '../../../../extension/features/tab-state.ts';
import { ApiFailure } from '../../../../extension/lib/api-client.ts';
import type { AccountMatch } from '../../../../shared/api.ts';

const match = (id: string, name: string): AccountMatch => ({
  id,
  name,
  industry: 'Retail',
  website: null,
  city: 'Lyon',
  country: 'FR',
  score: 1,
});

function deps(search: SummarizeDeps['searchAccounts']) {
  const calls: string[] = [];
  const requests: AccountRequest[] = [];
  const d: SummarizeDeps = {
    searchAccounts: vi.fn(async (q: string) => {
      calls.push(`search:${q}`);
      return search(q);
    }),
    setRequest: vi.fn(async (tabId: number, r: AccountRequest) => {
      calls.push(`set:${tabId}:${r.kind}`);
      requests.push(r);
    }),
    openPanel: vi.fn(async (tabId: number) => {
      calls.push(`open:${tabId}`);
    }),
  };
  return { d, calls, requests };
}

const click = (selectionText: string) => ({ menuItemId: SUMMARIZE_MENU_ID, selectionText });

describe('summarizeSelection', () => {
  it('opens the panel first (inside the user gesture), then resolves a single match', async () => {
    const { d, calls, requests } = deps(async () => [match('001A', 'Acme Corp')]);
    await summarizeSelection(click('  “Acme Corp”, '), { id: 7 }, d);
    expect(calls).toEqual(['open:7', 'set:7:resolving', 'search:Acme Corp', 'set:7:account']);
    expect(requests.at(-1)).toEqual({
      kind: 'account',
      query: 'Acme Corp',
      accountId: '001A',
      name: 'Acme Corp',
    });
  });

  it('offers a choice when several accounts match', async () => {
    const accounts = [match('001A', 'Acme Corp'), match('001B', 'Acme Robotics')];
    const { d } = deps(async () => accounts);
    await summarizeSelection(click('Acme'), { id: 3 }, d);
    expect(vi.mocked(d.setRequest).mock.calls.at(-1)).toEqual([
      3,
      { kind: 'choices', query: 'Acme', accounts },
    ]);
  });

  it('picks the one exact name among several fuzzy matches', async () => {
    const { d, requests } = deps(async () => [match('001B', 'Acme Robotics'), match('001A', 'acme')]);
    await summarizeSelection(click('Acme'), { id: 3 }, d);
    expect(requests.at(-1)).toMatchObject({ kind: 'account', accountId: '001A' });
  });

  it('says so when nothing matches', async () => {
    const { d, requests } = deps(async () => []);
    await summarizeSelection(click('Nobody Inc'), { id: 3 }, d);
    expect(requests.at(-1)).toEqual({ kind: 'no-match', query: 'Nobody Inc' });
  });

  it.each([
    [new ApiFailure('offline', 'down'), /could not be reached/],
    [new ApiFailure('signed-out', 'no token'), /Sign in/],
    [new ApiFailure('server', 'boom', 500), /lookup failed: boom/],
    [new Error('weird'), /Something went wrong/],
  ])('reports a failed lookup (%s)', async (error, message) => {
    const { d, requests } = deps(() => Promise.reject(error));
    await summarizeSelection(click('Acme'), { id: 3 }, d);
    const last = requests.at(-1);
    expect(last?.kind).toBe('failed');
    expect(last?.kind === 'failed' && last.message).toMatch(message);
  });

  it('still resolves when the panel cannot open', async () => {
    const { d, requests } = deps(async () => [match('001A', 'Acme')]);
    vi.mocked(d.openPanel).mockRejectedValue(new Error('no gesture'));
    await summarizeSelection(click('Acme'), { id: 3 }, d);
    expect(requests.at(-1)?.kind).toBe('account');
  });

  it('lets the latest right-click on a tab win when lookups answer out of order', async () => {
    let releaseFirst = () => {};
    const { d, requests } = deps(async (q) => {
      if (q === 'Acme') await new Promise<void>((r) => (releaseFirst = r));
      return [match(q === 'Acme' ? '001A' : '001G', q)];
    });
    const first = summarizeSelection(click('Acme'), { id: 5 }, d);
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    await summarizeSelection(click('Globex'), { id: 5 }, d);
    releaseFirst();
    await first;
    expect(
      requests.filter((r) => r.kind === 'account').map((r) => r.kind === 'account' && r.accountId),
    ).toEqual(['001G']);
  });

  it('ignores other menu items, missing tabs and empty selections', async () => {
    const { d, calls } = deps(async () => []);
    await summarizeSelection({ menuItemId: 'other', selectionText: 'Acme' }, { id: 1 }, d);
    await summarizeSelection(click('Acme'), undefined, d);
    await summarizeSelection(click(' \n '), { id: 1 }, d);
    expect(calls).toEqual([]);
  });
});

it('cleans selections from mail and documents', () => {
  expect(cleanSelection('  "Globex\n  Corporation."  ')).toBe('Globex Corporation');
  expect(cleanSelection('x'.repeat(300))).toHaveLength(200);
});

it('registers one selection item, again on update without a duplicate', async () => {
  const created: unknown[] = [];
  const menus = {
    removeAll: vi.fn(async () => {
      created.length = 0;
    }),
    create: vi.fn((item: unknown) => {
      created.push(item);
      return 1;
    }),
  } as unknown as Parameters<typeof registerContextMenu>[0];
  await registerContextMenu(menus);
  await registerContextMenu(menus);
  expect(created).toEqual([{ id: SUMMARIZE_MENU_ID, title: 'Summarize “%s”', contexts: ['selection'] }]);
});
