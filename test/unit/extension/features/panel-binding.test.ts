import { describe, expect, it, vi } from 'vitest';
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
