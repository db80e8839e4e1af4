import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectAccount } from '../../../shared/detect-account.ts';
import { accountLinks, type CrmFixture, meta, PUBLIC_URL, startCrm } from './crm-fixture.ts';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const NOT_FOUND = 'This record doesn&#39;t exist or you don&#39;t have access';

let crm: CrmFixture;
let alice: string;
let aliceAccounts: string[];
let bobAccounts: string[];
beforeAll(async () => {
  crm = await startCrm();
  alice = await crm.login(ALICE);
  aliceAccounts = await crm.accountsOf(ALICE);
  bobAccounts = await crm.accountsOf(BOB);
});
afterAll(() => crm.close());

const page = async (path: string, session = alice) => {
  const res = await crm.get(path, session);
  return { status: res.status, html: await res.text() };
};

describe('account list', () => {
  it("shows exactly the accounts the user may see, with the owner's name", async () => {
    const { status, html } = await page('/lightning/o/Account/list');
    expect(status).toBe(200);
    expect(accountLinks(html).sort()).toEqual(aliceAccounts);
    expect(html).toContain('Alice Chen');
    expect(html).toContain(`${aliceAccounts.length} items`);
  });

  it("shows a manager her sellers' accounts, owners named", async () => {
    const { html } = await page('/lightning/o/Account/list', await crm.login('maria@example.com'));
    expect(accountLinks(html).sort()).toEqual(await crm.accountsOf('maria@example.com'));
    expect(html).toContain('Bob Martinez');
  });

  it('filters with ?q= and treats LIKE wildcards literally', async () => {
    const [first] = await crm.db.asSystem((q) =>
      q.query<{ id: string; name: string }>('SELECT id, name FROM accounts WHERE id = $1', [
        aliceAccounts[0],
      ]),
    );
    const { html } = await page(`/lightning/o/Account/list?q=${encodeURIComponent(first!.name.slice(0, 6))}`);
    expect(accountLinks(html)).toContain(first!.id);
    expect(accountLinks(html).every((id) => aliceAccounts.includes(id))).toBe(true);
    expect(accountLinks((await page('/lightning/o/Account/list?q=%25')).html)).toEqual([]);
  });
});

describe('account record page', () => {
  it('carries the extension handoff, the record hints and a Salesforce-like title', async () => {
    const id = aliceAccounts[0]!;
    const { status, html } = await page(`/lightning/r/Account/${id}/view`);
    expect(status).toBe(200);
    expect(meta(html, 'account-summaries:backend')).toBe(PUBLIC_URL);
    expect(meta(html, 'account-summaries:token')).toBe(alice);
    expect(meta(html, 'account-summaries:user')).toBe(ALICE);
    expect(html).toMatch(new RegExp(`data-object="Account" data-record-id="${id}"`));
    const [account] = await crm.db.asSystem((q) =>
      q.query<{ name: string }>('SELECT name FROM accounts WHERE id = $1', [id]),
    );
    expect(html).toContain(`<title>${account!.name} | Salesforce</title>`);
    for (const card of ['Opportunities (', 'Contacts (', 'Cases (', 'Product Usage', 'Activity']) {
      expect(html).toContain(card);
    }
    // The extension recognises this URL as the account, on the same loopback host it serves.
    expect(detectAccount(`http://127.0.0.1:8787/lightning/r/Account/${id}/view`)?.accountId).toBe(id);
  });

  it("answers another seller's account exactly like an unknown one: 404", async () => {
    const hidden = bobAccounts.find((id) => !aliceAccounts.includes(id))!;
    const forbidden = await page(`/lightning/r/Account/${hidden}/view`);
    const unknown = await page('/lightning/r/Account/001DM9999999999AAA/view');
    expect(forbidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(forbidden.html).toContain(NOT_FOUND);
    expect(forbidden.html).toBe(unknown.html);
  });
});

describe('other records citations link to', () => {
  const objects: [string, string][] = [
    ['Contact', 'contacts'],
    ['Opportunity', 'opportunities'],
    ['Event', 'activities'],
    ['Case', 'support_cases'],
    ['Investment__c', 'investments'],
    ['Feature_Request__c', 'feature_requests'],
    ['Insight__c', 'ml_insights'],
    ['Document', 'documents'],
  ];

  it.each(objects)(
    'shows %s records of own accounts with a link back to the account',
    async (object, table) => {
      const id = await crm.childOf(ALICE, table);
      const { status, html } = await page(`/lightning/r/${object}/${id}/view`);
      expect(status).toBe(200);
      expect(html).toContain(`data-object="${object}" data-record-id="${id}"`);
      expect(html).toMatch(/href="\/lightning\/r\/Account\/001DM\w+\/view">‹ Back to /);
      expect(meta(html, 'account-summaries:token')).toBe(alice);
    },
  );

  it.each(objects)(
    "answers %s records of another seller's account with the same 404",
    async (object, table) => {
      const id = await crm.childOf(BOB, table);
      const forbidden = await page(`/lightning/r/${object}/${id}/view`);
      const unknown = await page(`/lightning/r/${object}/XYZ/view`);
      expect(forbidden.status).toBe(404);
      expect(forbidden.html).toContain(NOT_FOUND);
      expect(forbidden.html).toBe(unknown.html);
    },
  );

  it('shows global knowledge-base articles to every signed-in user, in full', async () => {
    const [kb] = await crm.db.asSystem((q) =>
      q.query<{ id: string; body: string }>(
        'SELECT id, body FROM documents WHERE account_id IS NULL LIMIT 1',
      ),
    );
    const carol = await crm.login('carol@example.com');
    const { status, html } = await page(`/lightning/r/Document/${kb!.id}/view`, carol);
    expect(status).toBe(200);
    expect(html).toContain('Knowledge Article');
    expect(html).toContain(kb!.body.split('\n')[0]!.slice(0, 60).replace(/'/g, '&#39;'));
  });

  it('gives an unknown object or page the same 404', async () => {
    expect((await page(`/lightning/r/Widget__c/${aliceAccounts[0]}/view`)).status).toBe(404);
    expect((await page('/lightning/whatever')).html).toContain(NOT_FOUND);
  });

  it('escapes data: markup in a record is shown as text, never run', async () => {
    await crm.db.asSystem((q) =>
      q.query(
        `INSERT INTO documents (id, account_id, kind, title, url, source, published_at, body, content_hash)
         VALUES ('069XSS0000000001AAA', NULL, 'kb', $1, 'javascript:alert(1)', 'test', now(), $1, 'x')`,
        ['<script>alert("x")</script><img src=x onerror=alert(1)>'],
      ),
    );
    const { html } = await page('/lightning/r/Document/069XSS0000000001AAA/view');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
