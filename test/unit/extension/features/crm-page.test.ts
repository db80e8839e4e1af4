import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createPageReporter,
  debounce,
  describePage,
  followPage,
  recordHint,
} from '../../../../extension/features/crm-page.ts';
import type { Message } from '../../../../extension/lib/messages.ts';
import { accountPatternsItem } from '../../../../extension/lib/settings.ts';

const ID = '001DM0000000001AAA';

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.title = 'Northwind Logistics | Salesforce';
});

describe('describePage', () => {
  it('reports an account page with its title', async () => {
    const url = `https://acme.lightning.force.com/lightning/r/Account/${ID}/view`;
    expect(await describePage(document, url)).toEqual({
      type: 'crm:page',
      url,
      account: { crm: 'salesforce-lightning', accountId: ID, url, title: 'Northwind Logistics | Salesforce' },
    });
  });

  it('uses the record header when the URL does not say', async () => {
    document.body.innerHTML = `<header data-object="Account" data-record-id="${ID}"></header>`;
    expect(recordHint(document)).toEqual({ object: 'Account', recordId: ID });
    const message = await describePage(document, 'http://127.0.0.1:8787/accounts/current');
    expect(message.account?.accountId).toBe(ID);
  });

  it('reports null on pages that are not accounts', async () => {
    const message = await describePage(
      document,
      'http://127.0.0.1:8787/lightning/r/Opportunity/006DM0000000001AAA/view',
    );
    expect(message.account).toBeNull();
  });
});

describe('createPageReporter', () => {
  it('sends the handoff and the page once, and again only when something changed', async () => {
    document.head.innerHTML = `<meta name="account-summaries:backend" content="${location.origin}">
      <meta name="account-summaries:token" content="a.b.c"><meta name="account-summaries:user" content="alice@example.com">`;
    document.body.innerHTML = `<header data-object="Account" data-record-id="${ID}"></header>`;
    const sent: Message[] = [];
    const report = createPageReporter(document, async (m) => {
      sent.push(m);
    });
    await report();
    await report();
    expect(sent.map((m) => m.type)).toEqual(['crm:handoff', 'crm:page']);
    document.title = 'Other | Salesforce';
    await report();
    expect(sent.map((m) => m.type)).toEqual(['crm:handoff', 'crm:page', 'crm:page']);
  });
});

describe('followPage', () => {
  it('listens to the Navigation API where the browser has it (pushState from page scripts)', () => {
    const navigation = new EventTarget();
    const onChange = vi.fn();
    const controller = new AbortController();
    const poll = vi.fn();
    followPage(Object.assign(window, { navigation }), onChange, { signal: controller.signal, poll });
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(poll).not.toHaveBeenCalled();
    controller.abort();
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).toHaveBeenCalledTimes(1);
    Reflect.deleteProperty(window, 'navigation');
  });

  it('falls back to polling, and hears back/forward, hash moves, new titles and new patterns', async () => {
    const onChange = vi.fn();
    const controller = new AbortController();
    let polled: (() => void) | undefined;
    followPage(window, onChange, { signal: controller.signal, poll: (l) => (polled = l) });
    polled?.();
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(onChange).toHaveBeenCalledTimes(3);
    document.title = 'Globex | Salesforce';
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(4));
    await accountPatternsItem.setValue([{ urlPattern: 'https://crm.acme.io/a/{accountId}' }]);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(5));
    controller.abort();
    window.dispatchEvent(new PopStateEvent('popstate'));
    document.title = 'Again';
    await new Promise((r) => setTimeout(r, 20));
    expect(onChange).toHaveBeenCalledTimes(5);
  });

  it('reports the new account after a pushState move, without a reload', async () => {
    const sent: Message[] = [];
    const report = createPageReporter(document, async (m) => {
      sent.push(m);
    });
    const controller = new AbortController();
    followPage(window, () => void report(), { signal: controller.signal });
    history.pushState({}, '', `/lightning/r/Account/${ID}/view`);
    window.dispatchEvent(new PopStateEvent('popstate')); // stands in for currententrychange here
    await vi.waitFor(() => expect(sent.at(-1)).toMatchObject({ account: { accountId: ID } }));
    history.pushState({}, '', '/lightning/o/Account/list');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(sent.at(-1)).toMatchObject({ type: 'crm:page', account: null }));
    controller.abort();
  });
});

it('debounces a burst of events into one call', async () => {
  vi.useFakeTimers();
  const fn = vi.fn();
  const soon = debounce(fn, 100);
  soon();
  soon();
  vi.advanceTimersByTime(99);
  soon();
  vi.advanceTimersByTime(100);
  expect(fn).toHaveBeenCalledTimes(1);
  vi.useRealTimers();
});
