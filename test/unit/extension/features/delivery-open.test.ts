import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../../../extension/features/background-handlers.ts';
import { deliveryFeedItem } from '../../../../extension/features/delivery-notifications.ts';
import { handleNotificationClick, type OpenDeps } from '../../../../extension/features/delivery-open.ts';
import { OFFER_PANEL } from '../../../../extension/features/open-panel-offer.ts';
import { updateTab, withPage } from '../../../../extension/features/tab-state.ts';
import { detectAccount } from '../../../../shared/detect-account.ts';

const ACCOUNT = '001DM0000000001AAA';
const PAGE = `http://127.0.0.1:8787/lightning/r/Account/${ACCOUNT}/view`;
const LINK = `${PAGE}?summary=open`; // what the API's panelUrl and the Slack button both carry

async function remember() {
  await deliveryFeedItem.setValue({
    user: 'alice@example.com',
    since: null,
    seen: [{ id: 'd1', accountId: ACCOUNT, url: LINK }],
  });
}

/** The real fake browser, with sidePanel.open (which it lacks) recorded in call order. */
function deps(panel: 'opens' | 'refuses' = 'opens') {
  const calls: string[] = [];
  const d: OpenDeps = {
    openPanel: vi.fn(() => {
      calls.push('panel');
      return panel === 'opens' ? Promise.resolve() : Promise.reject(new Error('user gesture'));
    }),
    // WXT's fake browser types lag @types/chrome; the calls used here behave as Chrome's.
    tabs: fakeBrowser.tabs as unknown as OpenDeps['tabs'],
    windows: fakeBrowser.windows as unknown as OpenDeps['windows'],
    notifications: fakeBrowser.notifications,
  };
  vi.spyOn(fakeBrowser.notifications, 'clear').mockImplementation(async () => {
    calls.push('clear');
    return true;
  });
  return { d, calls };
}

const tabUrls = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url);

describe('handleNotificationClick', () => {
  it('opens the panel first, inside the gesture, then a tab on the account', async () => {
    await remember();
    const { d, calls } = deps();
    const done = handleNotificationClick('brief:d1', d);
    expect(calls[0]).toBe('panel'); // synchronously, before the handler's first await
    await done;
    expect(calls).toEqual(['panel', 'clear']);
    // The panel is already open: the page need not offer it again.
    expect(await tabUrls()).toContain(PAGE);
  });

  it('keeps ?summary=open when the panel could not open, so the page offers it like a Slack link does', async () => {
    await remember();
    await handleNotificationClick('brief:d1', deps('refuses').d);
    expect(await tabUrls()).toContain(LINK);
    expect(detectAccount(LINK, {})?.accountId).toBe(ACCOUNT);
  });

  it('brings a tab already showing the account to the front instead of opening another', async () => {
    await remember();
    const window = await fakeBrowser.windows.create({});
    const tab = await fakeBrowser.tabs.create({
      url: 'https://acme.my.salesforce.com/x',
      windowId: window.id,
    });
    await updateTab(tab.id!, (s) =>
      withPage(s, tab.url!, {
        accountId: ACCOUNT,
        crm: 'salesforce-lightning',
        url: tab.url!,
        title: 'Acme',
      }),
    );
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const focus = vi.spyOn(fakeBrowser.windows, 'update');
    const before = (await fakeBrowser.tabs.query({})).length;
    await handleNotificationClick('brief:d1', deps().d);
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
    expect(focus).toHaveBeenCalledWith(window.id, { focused: true });
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
  });

  it('finds the demo CRM page by its URL, and asks that page to offer the panel when it could not open', async () => {
    await remember();
    const tab = await fakeBrowser.tabs.create({ url: `${PAGE}#details` });
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    await handleNotificationClick('brief:d1', deps('refuses').d);
    expect(send).toHaveBeenCalledWith(tab.id, OFFER_PANEL);
    expect((await fakeBrowser.tabs.get(tab.id!))?.url).toBe(`${PAGE}#details`); // not reloaded
  });

  it('ignores other notifications and opens nothing after sign-out', async () => {
    const { d, calls } = deps();
    expect(handleNotificationClick('someone-else', d)).toBeUndefined();
    expect(calls).toEqual([]);
    const before = await tabUrls();
    await handleNotificationClick('brief:d1', d); // the feed was wiped at sign-out
    expect(await tabUrls()).toEqual(before);
  });
});

describe('crm:open-panel', () => {
  it('opens the panel on the sending tab synchronously, inside the page click’s gesture', () => {
    // fakeBrowser has no sidePanel.
    const open = vi.fn(() => Promise.reject(new Error('no gesture')));
    const fake = fakeBrowser as unknown as { sidePanel?: { open: typeof open } };
    fake.sidePanel = { open };
    onTestFinished(() => {
      delete fake.sidePanel;
    });
    handleMessage({ type: 'crm:open-panel' }, { tab: { id: 4 }, url: LINK });
    expect(open).toHaveBeenCalledWith({ tabId: 4 });
    handleMessage({ type: 'crm:open-panel' }, { url: 'chrome-extension://test-extension-id/x.html' });
    expect(open).toHaveBeenCalledTimes(1);
  });
});
