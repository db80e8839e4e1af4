import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { bindPanel, pinnedTabId } from '../../../../extension/features/panel-binding.ts';
import type { PanelController } from '../../../../extension/features/panel-controller.ts';
import { updateTab, withRequest } from '../../../../extension/features/tab-state.ts';
import { tokenItem } from '../../../../extension/lib/settings.ts';

describe('pinnedTabId', () => {
  it.each([
    ['?tabId=12', 12],
    ['?x=1&tabId=0', 0],
    ['', null],
    ['?tabId=', null],
    ['?tabId=-3', null],
    ['?tabId=1.5', null],
    ['?tabId=abc', null],
  ])('%s → %s', (search, id) => {
    expect(pinnedTabId(search)).toBe(id);
  });
});

describe('bindPanel', () => {
  it('feeds the controller the session and the pinned tab, and follows their changes', async () => {
    const controller = { setSession: vi.fn(), setTab: vi.fn(), dispose: vi.fn() };
    const unbind = await bindPanel(controller as unknown as PanelController, '?tabId=8');
    expect(controller.setSession).toHaveBeenLastCalledWith({
      backendUrl: 'http://127.0.0.1:8787',
      token: null,
      user: null,
    });
    expect(controller.setTab).toHaveBeenLastCalledWith(8, { page: null, request: null });

    await updateTab(8, (s) => withRequest(s, { kind: 'resolving', query: 'Acme' }));
    await vi.waitFor(() =>
      expect(controller.setTab).toHaveBeenLastCalledWith(8, {
        page: null,
        request: { kind: 'resolving', query: 'Acme' },
      }),
    );
    await tokenItem.setValue('a.b.c');
    await vi.waitFor(() =>
      expect(controller.setSession).toHaveBeenLastCalledWith(expect.objectContaining({ token: 'a.b.c' })),
    );

    unbind();
    expect(controller.dispose).toHaveBeenCalled();
  });
});

describe('bindPanel, following a window', () => {
  const account = (accountId: string) => ({
    page: {
      url: `u/${accountId}`,
      account: { accountId, crm: 'salesforce-lightning' as const, url: 'u', title: `${accountId} | CRM` },
    },
    request: null,
  });

  it('follows tab switches in its window at once, and reads the other tabs’ briefs ahead', async () => {
    const window = await fakeBrowser.windows.create({});
    const a = await fakeBrowser.tabs.create({ windowId: window.id, url: 'https://crm/a', active: true });
    const b = await fakeBrowser.tabs.create({ windowId: window.id, url: 'https://crm/b', active: false });
    // WXT's fake browser does not track the active tab: answer as Chrome would.
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (q) => (q.active ? [a] : [a, b]));
    await updateTab(a.id!, () => account('A1'));
    await updateTab(b.id!, () => account('B1'));
    const controller = {
      setSession: vi.fn(),
      setTab: vi.fn(),
      setOnline: vi.fn(),
      setTtl: vi.fn(),
      setLayout: vi.fn(),
      prefetch: vi.fn(),
      dispose: vi.fn(),
    };
    const unbind = await bindPanel(controller, `?windowId=${window.id}`);
    expect(controller.setTtl).toHaveBeenCalledWith(10);
    expect(controller.setLayout).toHaveBeenCalledWith(expect.arrayContaining(['executive']));
    expect(controller.setOnline).toHaveBeenCalledWith(true);
    expect(controller.setTab).toHaveBeenLastCalledWith(a.id, account('A1'));
    await vi.waitFor(() =>
      expect(controller.prefetch).toHaveBeenCalledWith([{ accountId: 'B1', name: 'B1' }]),
    );

    // The switch is bound synchronously: no storage read between the event and the controller.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: b.id!, windowId: window.id! });
    expect(controller.setTab).toHaveBeenLastCalledWith(b.id, account('B1'));
    expect(performance.getEntriesByName('panel:tab-switch').length).toBeGreaterThan(0);

    // Another window's switches are not ours.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: a.id!, windowId: window.id! + 100 });
    expect(controller.setTab).toHaveBeenLastCalledWith(b.id, account('B1'));

    dispatchEvent(new Event('offline'));
    expect(controller.setOnline).toHaveBeenCalledTimes(2);
    unbind();
  });

  it('applies a tab switch made while the panel was still loading', async () => {
    const window = await fakeBrowser.windows.create({});
    const a = await fakeBrowser.tabs.create({ windowId: window.id, url: 'https://crm/a', active: true });
    const b = await fakeBrowser.tabs.create({ windowId: window.id, url: 'https://crm/b', active: false });
    await updateTab(a.id!, () => account('A1'));
    await updateTab(b.id!, () => account('B1'));
    // The active-tab query was answered before the switch reached the panel: it still says A.
    let switched!: Promise<unknown>;
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (q) => {
      if (q.active) switched ??= fakeBrowser.tabs.onActivated.trigger({ tabId: b.id!, windowId: window.id! });
      return q.active ? [a] : [a, b];
    });
    const controller = { setSession: vi.fn(), setTab: vi.fn(), dispose: vi.fn() };
    const unbind = await bindPanel(controller, `?windowId=${window.id}`);
    await switched;
    expect(controller.setTab).toHaveBeenLastCalledWith(b.id, account('B1'));
    unbind();
  });
});
