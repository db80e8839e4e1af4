import { request } from '@playwright/test';
import { SECTION_IDS } from '../../shared/sections.ts';
import { expect, tabIdOf, test } from './fixtures.ts';

/** Signs in to the demo CRM as `name` and returns the account ids on that user's list. */
async function accountIdsOf(server: string, email: string): Promise<string[]> {
  const http = await request.newContext({ baseURL: server });
  await http.post('/login', { form: { user: email } });
  const html = await (await http.get('/lightning/o/Account/list')).text();
  await http.dispose();
  return [...new Set([...html.matchAll(/\/lightning\/r\/Account\/(\w+)\/view/g)].map((m) => m[1]!))];
}

test('a seller opens an account in the demo CRM and the panel shows six cited sections', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const crm = await extensionContext.newPage();
  await crm.goto(`${server}/login`);
  await crm.getByRole('button', { name: /Alice Chen/ }).click();
  await crm.waitForURL(/\/lightning\/o\/Account\/list/);
  const firstAccount = crm.locator('a[href*="/lightning/r/Account/"]').first();
  const accountName = ((await firstAccount.textContent()) ?? '').trim();
  await firstAccount.click();
  await crm.waitForURL(/\/lightning\/r\/Account\/\w+\/view/);

  const panel = await extensionContext.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(
    `chrome-extension://${extensionId}/sidepanel.html?tabId=${await tabIdOf(serviceWorker, crm.url())}`,
  );

  await expect(panel.getByTestId('panel-state')).toHaveAttribute('data-state', 'ready');
  await expect(panel.getByTestId('account-name')).toHaveText(accountName);
  for (const id of SECTION_IDS) {
    const section = panel.getByTestId(`section-${id}`);
    await expect(section, id).toHaveAttribute('data-status', 'done');
    await expect(section.getByTestId('citation').first(), id).toBeVisible();
    // A citation opens the cited record in the demo CRM.
    expect(await section.getByTestId('citation').first().getAttribute('href'), id).toMatch(
      new RegExp(`^${server}/lightning/r/\\w+/\\w+/view`),
    );
  }
  // The README's pictures: `UPDATE_SCREENSHOTS=1 npx playwright test panel.spec` refreshes them.
  // A focused citation shows its source preview.
  await panel.getByTestId('section-executive').getByTestId('citation').first().focus();
  await expect(panel.getByRole('tooltip')).toBeVisible();
  const shots = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/e2e';
  await panel.screenshot({ path: `${shots}/panel.png` });
  await panel.emulateMedia({ colorScheme: 'dark' });
  await panel.screenshot({ path: `${shots}/panel-dark.png` });
  await panel.emulateMedia({ colorScheme: 'light' });

  // A cited record opens and belongs to the same account.
  const href = await panel
    .getByTestId('section-pipeline')
    .getByTestId('citation')
    .first()
    .getAttribute('href');
  const record = await extensionContext.newPage();
  const response = await record.goto(href!);
  expect(response?.status()).toBe(200);
  await record.close();
});

test('the panel says so when the seller opens an account they may not see', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const alices = new Set(await accountIdsOf(server, 'alice@example.com'));
  const hidden = (await accountIdsOf(server, 'bob@example.com')).find((id) => !alices.has(id));
  expect(hidden).toBeTruthy();

  const crm = await extensionContext.newPage();
  await crm.goto(`${server}/login`);
  await crm.getByRole('button', { name: /Alice Chen/ }).click();
  await crm.waitForURL(/\/lightning\/o\/Account\/list/);
  await crm.goto(`${server}/lightning/r/Account/${hidden}/view`);

  const panel = await extensionContext.newPage();
  await panel.goto(
    `chrome-extension://${extensionId}/sidepanel.html?tabId=${await tabIdOf(serviceWorker, crm.url())}`,
  );
  await expect(panel.getByTestId('panel-state')).toHaveAttribute('data-state', 'not-found');
  await expect(panel.getByTestId('section-executive')).toHaveCount(0);
});
