import { beforeEach, describe, expect, it } from 'vitest';
import { createPageReporter, describePage, recordHint } from '../../../../extension/features/crm-page.ts';
import type { Message } from '../../../../extension/lib/messages.ts';

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
