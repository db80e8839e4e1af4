import type { Page } from '@playwright/test';
import { CRM, detectedAccount, reportedAccount, serveCrmPages } from './crm-pages/serve.ts';
import { expect, tabIdOf, test } from './fixtures.ts';

let stopServing: () => Promise<void>;
test.beforeEach(async ({ extensionContext }) => {
  stopServing = await serveCrmPages(extensionContext);
});
test.afterEach(async () => {
  await stopServing();
});

/** Clicks an in-app link (a pushState move) and checks the page did not reload. */
async function moveInApp(page: Page, name: string) {
  await page.evaluate(() => {
    (globalThis as unknown as { stillHere: boolean }).stillHere = true;
  });
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.locator('h1')).not.toBeEmpty();
  expect(await page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
}

const CASES = [
  {
    crm: 'salesforce-lightning',
    start: `${CRM.lightning}/lightning/r/Account/0015g00000AcmeXAAB/view`,
    first: '0015g00000AcmeXAAB',
    moves: [
      ['Globex', '0015g00000GlbxYAAC'],
      ['Contacts', '0015g00000GlbxYAAC'],
      ['Opportunity', null],
      ['Setup', null],
      ['Accounts', null],
    ],
  },
  {
    crm: 'hubspot',
    start: `${CRM.hubspot}/contacts/2149723/record/0-2/18457365812`,
    first: '18457365812',
    moves: [
      ['Globex', '18457365999'],
      ['Contact', null],
      ['Companies', null],
    ],
  },
  {
    crm: 'dynamics',
    start: `${CRM.dynamics}/main.aspx?appid=5e1d2a3b-9c8d-4e7f-a6b5-c4d3e2f1a0b9&pagetype=entityrecord&etn=account&id=7d5e1c3a-0f2b-4c8d-9e6a-1b2c3d4e5f60`,
    first: '7d5e1c3a-0f2b-4c8d-9e6a-1b2c3d4e5f60',
    moves: [
      ['Globex', '0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9'],
      ['Accounts', null],
    ],
  },
  {
    crm: 'twenty',
    start: `${CRM.twenty}/object/company/20202020-3ec3-4c95-81e4-7c1a9f2b8d01`,
    first: '20202020-3ec3-4c95-81e4-7c1a9f2b8d01',
    moves: [
      ['Globex', '20202020-0b7d-4d1e-9f3a-55c2e8a1b9c7'],
      ['Person', null],
      ['Companies', null],
    ],
  },
] as const;

for (const c of CASES) {
  test(`${c.crm}: recognises the account and follows in-app navigation without a reload`, async ({
    extensionContext,
    serviceWorker,
  }) => {
    const page = await extensionContext.newPage();
    await page.goto(c.start);
    const tabId = await tabIdOf(serviceWorker, page.url());
    await expect
      .poll(() => detectedAccount(serviceWorker, tabId))
      .toEqual({ crm: c.crm, accountId: c.first });

    const [[firstMove, second], ...rest] = c.moves;
    await moveInApp(page, firstMove);
    await expect.poll(() => detectedAccount(serviceWorker, tabId)).toEqual({ crm: c.crm, accountId: second });
    // The content script saw the move too: it reports the title the app set after it.
    await expect
      .poll(async () => (await reportedAccount(serviceWorker, tabId))?.title)
      .toBe(await page.title());
    // Back and forward within the app (popstate), still without a reload.
    await page.goBack();
    await expect
      .poll(() => detectedAccount(serviceWorker, tabId))
      .toEqual({ crm: c.crm, accountId: c.first });
    await page.goForward();
    await expect.poll(() => detectedAccount(serviceWorker, tabId)).toEqual({ crm: c.crm, accountId: second });
    expect(await page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(
      true,
    );

    for (const [link, accountId] of rest) {
      await moveInApp(page, link);
      await expect
        .poll(() => detectedAccount(serviceWorker, tabId), { message: `after “${link}”` })
        .toEqual(accountId && { crm: c.crm, accountId });
    }
    await page.close();
  });
}

test('salesforce-classic: recognises the record page, not the list or the edit form', async ({
  extensionContext,
  serviceWorker,
}) => {
  const page = await extensionContext.newPage();
  await page.goto(`${CRM.classic}/0015g00000AcmeX`);
  const tabId = await tabIdOf(serviceWorker, page.url());
  const account = (accountId: string) => ({ crm: 'salesforce-classic', accountId });
  await expect.poll(() => detectedAccount(serviceWorker, tabId)).toEqual(account('0015g00000AcmeX'));
  await page.getByRole('link', { name: 'Globex' }).click();
  await expect.poll(() => detectedAccount(serviceWorker, tabId)).toEqual(account('0015g00000GlbxY'));
  await page.getByRole('link', { name: 'Accounts' }).click();
  await expect.poll(() => detectedAccount(serviceWorker, tabId)).toBeNull();
  await page.goto(`${CRM.classic}/0015g00000AcmeX/e?retURL=%2F0015g00000AcmeX`);
  await expect.poll(() => detectedAccount(serviceWorker, tabId)).toBeNull();
  await page.close();
});

test('the demo CRM: an account page of the bundled server is recognised', async ({
  server,
  extensionContext,
  serviceWorker,
}) => {
  const page = await extensionContext.newPage();
  await page.goto(`${server}/login`);
  await page.getByRole('button', { name: /Alice Chen/ }).click();
  await page.waitForURL(/\/lightning\/o\/Account\/list/);
  const tabId = await tabIdOf(serviceWorker, page.url());
  await expect.poll(() => detectedAccount(serviceWorker, tabId)).toBeNull();
  await page.locator('a[href*="/lightning/r/Account/"]').first().click();
  await page.waitForURL(/\/lightning\/r\/Account\/\w+\/view/);
  const id = /\/lightning\/r\/Account\/(\w+)\/view/.exec(page.url())![1];
  await expect
    .poll(() => detectedAccount(serviceWorker, tabId))
    .toEqual({
      crm: 'salesforce-lightning',
      accountId: id,
    });
  await page.close();
});

test('a tab that leaves the CRM for another site forgets the account', async ({
  extensionContext,
  serviceWorker,
}) => {
  const page = await extensionContext.newPage();
  await page.goto(`${CRM.hubspot}/contacts/2149723/record/0-2/18457365812`);
  const tabId = await tabIdOf(serviceWorker, page.url());
  await expect.poll(() => detectedAccount(serviceWorker, tabId)).not.toBeNull();
  await page.goto(`${CRM.mail}/inbox`);
  await expect.poll(() => detectedAccount(serviceWorker, tabId)).toBeNull();
  // The extension sees no URL of that site: it asks for no "tabs" permission.
  expect(
    await serviceWorker.evaluate((id) => chrome.tabs.get(id).then((t) => t.url ?? null), tabId),
  ).toBeNull();
  await page.close();
});
