/// <reference types="chrome" />
import { expect, tabIdOf, test } from './fixtures.ts';
import {
  accountIdsOf,
  accountNames,
  brief,
  clearSession,
  openAccount,
  openPanel,
  panelState,
  setTabRequest,
  signIn,
  waitForBrief,
} from './panel-helpers.ts';

test('signed out: the panel says how to sign in and opens Options', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const crm = await signIn(extensionContext, server);
  await openAccount(crm, 5);
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

test('right-click lookup: the panel offers the matches, opens the chosen one, or says none matched', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const crm = await signIn(extensionContext, server);
  const accounts = (await accountNames(crm, 2)).map(({ id, name }, i) => ({
    id,
    name,
    industry: null,
    website: null,
    city: null,
    country: null,
    score: 1 - i / 10,
  }));
  const tabId = await tabIdOf(serviceWorker, crm.url());
  const setRequest = (request: unknown) => setTabRequest(serviceWorker, tabId, request);
  await setRequest({ kind: 'choices', query: 'Acme', accounts });
  const { panel } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url());
  await expect(panelState(panel)).toHaveAttribute('data-state', 'choose-account');
  await expect(panel.getByRole('heading', { name: 'Which “Acme”?' })).toBeVisible();
  await panel.getByRole('button', { name: new RegExp(accounts[1]!.name) }).click();
  await waitForBrief(panel);
  await expect(brief(panel).getByTestId('account-name')).toHaveText(accounts[1]!.name);
  await expect(panel.getByText('From your selection')).toBeVisible();

  await setRequest({ kind: 'no-match', query: 'Nobody Inc' });
  await expect(panelState(panel)).toHaveAttribute('data-state', 'no-match');
  await expect(panel.getByRole('status')).toContainText('No account named “Nobody Inc”');
  await panel.getByRole('button', { name: 'Back' }).click();
  await expect(panelState(panel)).toHaveAttribute('data-state', 'no-account');
  await panel.close();
  await crm.close();
});
