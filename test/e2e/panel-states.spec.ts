/// <reference types="chrome" />
import { CRM, detectedAccount, serveCrmPages } from './crm-pages/serve.ts';
import { expect, tabIdOf, test } from './fixtures.ts';
import {
  accountIdsOf,
  accountNames,
  brief,
  clearSession,
  lookUpName,
  openAccount,
  openPanel,
  panelState,
  setTabRequest,
  signIn,
  waitForBrief,
} from './panel-helpers.ts';

test('signed out: the panel says how to sign in and opens Options', async ({
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  // A Salesforce page of its own, not the demo CRM: every demo CRM page hands its session to the
  // extension when it loads, which would race the sign-out below.
  const stopServing = await serveCrmPages(extensionContext);
  const crm = await extensionContext.newPage();
  await crm.goto(`${CRM.lightning}/lightning/r/Account/0015g00000AcmeXAAB/view`);
  const tabId = await tabIdOf(serviceWorker, crm.url());
  await expect.poll(() => detectedAccount(serviceWorker, tabId)).not.toBeNull();
  await clearSession(serviceWorker);
  const { panel, traffic } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url());
  await expect(panelState(panel)).toHaveAttribute('data-state', 'signed-out');
  await expect(panel.getByRole('status')).toContainText('You’re signed out');
  const options = extensionContext.waitForEvent('page');
  await panel.getByRole('button', { name: 'Open Options' }).click();
  expect((await options).url()).toContain(`chrome-extension://${extensionId}/options.html`);
  expect(traffic.creates).toHaveLength(0);
  await (await options).close();
  await panel.close();
  await crm.close();
  await stopServing();
});

test('offline: the panel says so, keeps a brief on screen, and loads by itself when back', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const crm = await signIn(extensionContext, server);
  const other = (await accountNames(crm))[8];
  await openAccount(crm, 6);
  const tabId = await tabIdOf(serviceWorker, crm.url());
  await extensionContext.setOffline(true);
  try {
    const { panel } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url());
    await expect(panelState(panel)).toHaveAttribute('data-state', 'offline');
    await expect(panel.getByRole('status')).toContainText('You’re offline');
    await extensionContext.setOffline(false);
    await waitForBrief(panel);

    // The network drops while a brief is open: it stays, with a note, and Refresh waits.
    await extensionContext.setOffline(true);
    await expect(brief(panel).getByTestId('notice')).toContainText('You’re offline');
    await expect(brief(panel).getByRole('button', { name: 'Refresh brief' })).toBeDisabled();

    // Another account asked for while offline: said so, then loaded once the network is back.
    await setTabRequest(serviceWorker, tabId, {
      kind: 'account',
      query: other!.name,
      accountId: other!.id,
      name: other!.name,
    });
    await expect(panelState(panel)).toHaveAttribute('data-state', 'offline');
    await extensionContext.setOffline(false);
    await waitForBrief(panel);
    await expect(brief(panel).getByTestId('account-name')).toHaveText(other!.name);
    await panel.close();
  } finally {
    await extensionContext.setOffline(false);
  }
  await crm.close();
});

test('server error: the panel explains it and Try again recovers', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const crm = await signIn(extensionContext, server);
  await openAccount(crm, 7);
  const { panel } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url(), {
    beforeLoad: (page) =>
      page.route(`${server}/v1/summaries`, (route) =>
        route.fulfill({ status: 503, json: { error: { code: 'internal', message: 'internal error' } } }),
      ),
  });
  await expect(panelState(panel)).toHaveAttribute('data-state', 'error');
  await expect(panel.getByRole('alert')).toContainText('The server ran into a problem preparing this brief.');
  await panel.unrouteAll();
  await panel.getByRole('button', { name: 'Try again' }).click();
  await waitForBrief(panel);
  await panel.close();
  await crm.close();
});

test('not permitted: an account the seller may not see shows no brief', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const bobs = await signIn(extensionContext, server, /Bob/);
  const bobIds = await accountIdsOf(bobs);
  await bobs.close();
  const crm = await signIn(extensionContext, server);
  const alices = new Set(await accountIdsOf(crm));
  const hidden = bobIds.find((id) => !alices.has(id));
  expect(hidden).toBeTruthy();
  await crm.goto(`${server}/lightning/r/Account/${hidden}/view`);
  const { panel } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url());
  await expect(panelState(panel)).toHaveAttribute('data-state', 'not-found');
  await expect(panel.getByRole('status')).toContainText('This account isn’t available to you');
  await expect(panel.locator('[data-testid^="section-"]')).toHaveCount(0);
  await panel.close();
  await crm.close();
});

test('right-click lookup: one match opens its brief, several offer a choice, none says so', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  // The menu itself cannot be clicked headless: the names go through the real /v1/accounts lookup
  // and the panel gets what summarizeSelection (unit-tested) records for each answer.
  const crm = await signIn(extensionContext, server);
  const [first, second] = await accountNames(crm, 2);
  const tabId = await tabIdOf(serviceWorker, crm.url());
  const setRequest = (request: unknown) => setTabRequest(serviceWorker, tabId, request);
  const { panel } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url());
  // The CRM tab shows the account list: the empty state.
  await expect(panelState(panel)).toHaveAttribute('data-state', 'no-account');
  await expect(panel.getByRole('heading', { name: 'No account on this page' })).toBeVisible();

  // The lookup is under way, then one account matches: its brief opens.
  await setRequest({ kind: 'resolving', query: first!.name });
  await expect(panelState(panel)).toHaveAttribute('data-state', 'loading');
  await expect(panel.getByRole('heading', { name: `Looking up “${first!.name}”…` })).toBeVisible();
  const single = await lookUpName(serviceWorker, first!.name);
  expect(single[0]).toMatchObject({ id: first!.id, name: first!.name });
  await setRequest({ kind: 'account', query: first!.name, accountId: first!.id, name: first!.name });
  await waitForBrief(panel);
  await expect(brief(panel).getByTestId('account-name')).toHaveText(first!.name);
  await expect(panel.getByText('From your selection')).toBeVisible();

  // Several match: the seller chooses one.
  const accounts = [first!, second!].map(({ id, name }, i) => ({
    id,
    name,
    industry: null,
    website: null,
    city: null,
    country: null,
    score: 1 - i / 10,
  }));
  await setRequest({ kind: 'choices', query: 'Acme', accounts });
  await expect(panelState(panel)).toHaveAttribute('data-state', 'choose-account');
  await expect(panel.getByRole('heading', { name: 'Which “Acme”?' })).toBeVisible();
  await panel.getByRole('button', { name: new RegExp(accounts[1]!.name) }).click();
  await waitForBrief(panel);
  await expect(brief(panel).getByTestId('account-name')).toHaveText(accounts[1]!.name);
  await expect(panel.getByText('From your selection')).toBeVisible();

  // None matches: said so, and Back returns to what the page shows.
  expect(await lookUpName(serviceWorker, 'Nobody Inc')).toEqual([]);
  await setRequest({ kind: 'no-match', query: 'Nobody Inc' });
  await expect(panelState(panel)).toHaveAttribute('data-state', 'no-match');
  await expect(panel.getByRole('status')).toContainText('No account named “Nobody Inc”');
  await panel.getByRole('button', { name: 'Back' }).click();
  await expect(panelState(panel)).toHaveAttribute('data-state', 'no-account');

  // The lookup itself failed (e.g. the server was down): the reason, and Back.
  await setRequest({
    kind: 'failed',
    query: 'Globex',
    message: 'The Account Summaries server could not be reached.',
  });
  await expect(panelState(panel)).toHaveAttribute('data-state', 'error');
  await expect(panel.getByRole('heading', { name: 'Couldn’t look up “Globex”' })).toBeVisible();
  await expect(panel.getByText('The Account Summaries server could not be reached.')).toBeVisible();
  await panel.getByRole('button', { name: 'Back' }).click();
  await expect(panelState(panel)).toHaveAttribute('data-state', 'no-account');
  await panel.close();
  await crm.close();
});

test('model output cannot run script in the panel: markup in a section renders as inert text', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const crm = await signIn(extensionContext, server);
  await openAccount(crm, 9);
  const evil = [
    'Renewal risk <script>window.__pwned = "script"</script> is low [S1].',
    '',
    '- <img src=x onerror="window.__pwned = \'img\'"> usage grew',
    '- <a href="javascript:window.__pwned = \'link\'">open the deal</a> **<b>bold</b>**',
  ].join('\n');
  const dialogs: string[] = [];
  const { panel } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url(), {
    beforeLoad: async (page) => {
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // The brief as a compromised or confused model might write it: every section finished, the
      // executive summary carrying markup.
      await page.route(/\/v1\/summaries\/[^/]+$/, async (route) => {
        const summary = await (await route.fetch()).json();
        summary.status = 'done';
        for (const section of summary.sections) {
          section.status = 'done';
          section.markdown = section.id === 'executive' ? evil : 'Nothing new [S1].';
        }
        await route.fulfill({ json: summary });
      });
    },
  });
  await waitForBrief(panel);
  const executive = brief(panel).getByTestId('section-executive');
  await expect(executive).toContainText('<script>window.__pwned = "script"</script>');
  await expect(executive).toContainText('<img src=x onerror=');
  await expect(executive.locator('script, img, a[href^="javascript:"], b')).toHaveCount(0);
  await expect(executive.locator('strong')).toHaveText('<b>bold</b>');
  expect(await panel.evaluate(() => (window as { __pwned?: string }).__pwned ?? null)).toBeNull();
  expect(dialogs).toEqual([]);
  await panel.close();
  await crm.close();
});
