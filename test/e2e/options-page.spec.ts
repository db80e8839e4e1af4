import { CRM, detectedAccount, serveCrmPages } from './crm-pages/serve.ts';
import { expect, tabIdOf, test } from './fixtures.ts';
import { brief, openAccount, openPanel, signIn, waitForBrief } from './panel-helpers.ts';

// Settings live in the extension's storage, which every spec of this worker shares: put back what
// these tests change, so the specs that follow see what they saw before.
const KEYS = ['backendUrl', 'sections', 'cacheTtlMinutes', 'accountPatterns'];
let saved: Record<string, unknown> = {};
test.beforeEach(async ({ serviceWorker }) => {
  saved = await serviceWorker.evaluate((keys) => chrome.storage.local.get(keys), KEYS);
});
test.afterEach(async ({ serviceWorker }) => {
  await serviceWorker.evaluate(
    async ({ keys, values }) => {
      await chrome.storage.local.remove(keys);
      await chrome.storage.local.set(values);
    },
    { keys: KEYS, values: saved },
  );
});

const stored = (serviceWorker: import('@playwright/test').Worker, key: string) =>
  serviceWorker.evaluate(async (k) => (await chrome.storage.local.get(k))[k] ?? null, key);

test('the toolbar button, its keyboard shortcut and the selection menu are registered', async ({
  serviceWorker,
}) => {
  const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());
  expect(commands).toContainEqual(
    expect.objectContaining({ name: '_execute_action', shortcut: 'Ctrl+Shift+Y' }),
  );
  expect(await serviceWorker.evaluate(() => chrome.sidePanel.getPanelBehavior())).toEqual({
    openPanelOnActionClick: true,
  });
  // update() fails for a menu item that does not exist.
  await serviceWorker.evaluate(() => chrome.contextMenus.update('summarize-selection', {}));
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(Object.keys(manifest.icons ?? {})).toEqual(['16', '32', '48', '128']);
  expect(manifest.permissions).not.toContain('tabs');
  // Hosts added in Options get the built content script registered at runtime: the file must exist.
  await serviceWorker.evaluate(async () => {
    const probe = { id: 'probe', matches: ['https://crm.acme.io/*'], js: ['content-scripts/crm.js'] };
    await chrome.scripting.registerContentScripts([probe]);
    await chrome.scripting.unregisterContentScripts({ ids: ['probe'] });
  });
});

test('a seller sets the server, reorders sections from the keyboard and sets the cache time', async ({
  extensionContext,
  extensionId,
  serviceWorker,
}) => {
  // Signing in through the demo CRM (an earlier spec) stores its address: start from the default.
  await serviceWorker.evaluate(() => chrome.storage.local.remove('backendUrl'));
  const options = await extensionContext.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('shortcut')).toContainText('Ctrl+Shift+Y');

  const server = options.getByTestId('server-settings');
  await expect(server.getByLabel('Server address')).toHaveValue('http://127.0.0.1:8787');
  await server.getByLabel('Server address').fill('http://summaries.acme.io');
  await server.getByRole('button', { name: 'Save' }).click();
  await expect(server.getByRole('status')).toContainText('Use https://');
  await server.getByLabel('Server address').fill('http://localhost:9876/app');
  await server.getByRole('button', { name: 'Save' }).click();
  await expect(server.getByRole('status')).toHaveText('Saved.');
  expect(await stored(serviceWorker, 'backendUrl')).toBe('http://localhost:9876');

  const sections = options.getByTestId('section-settings');
  await sections.locator('li[data-section="executive"]').focus();
  await options.keyboard.press('Alt+ArrowDown');
  await options.keyboard.press('Alt+ArrowDown');
  await expect(sections.getByRole('status')).toHaveText('Executive summary moved to position 3 of 6.');
  await expect(sections.locator('li[data-section="executive"]')).toBeFocused();
  await sections.getByRole('button', { name: 'Move Recommended next steps up' }).click();
  await sections.getByRole('checkbox', { name: 'Product consumption' }).uncheck();
  await expect
    .poll(() => stored(serviceWorker, 'sections'))
    .toEqual([
      { id: 'organization', visible: true },
      { id: 'consumption', visible: false },
      { id: 'executive', visible: true },
      { id: 'pipeline', visible: true },
      { id: 'recommendations', visible: true },
      { id: 'support', visible: true },
    ]);

  const cache = options.getByTestId('cache-settings');
  await cache.getByLabel(/Keep briefs/).fill('45');
  await cache.getByRole('button', { name: 'Save' }).click();
  await expect(cache.getByRole('status')).toHaveText('Saved.');
  expect(await stored(serviceWorker, 'cacheTtlMinutes')).toBe(45);
  await options.close();
});

test('a custom CRM pattern is tested live, then recognises an open page without a reload', async ({
  extensionContext,
  extensionId,
  serviceWorker,
}) => {
  const stopServing = await serveCrmPages(extensionContext);
  const crm = await extensionContext.newPage();
  await crm.goto(`${CRM.custom}/crm/accounts/AC-42`);
  const tabId = await tabIdOf(serviceWorker, crm.url());
  await expect(crm.locator('h1')).toHaveText('Initech');
  expect(await detectedAccount(serviceWorker, tabId)).toBeNull();

  const options = await extensionContext.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const patterns = options.getByTestId('pattern-settings');
  await patterns.getByLabel('New pattern').fill(`${CRM.custom}/crm/accounts`);
  await expect(patterns.getByRole('button', { name: 'Add' })).toBeDisabled();
  await expect(patterns.getByRole('status')).toContainText('{accountId}');
  await patterns.getByLabel('New pattern').fill(`${CRM.custom}/crm/accounts/{accountId}`);
  await patterns.getByLabel('Test an address').fill(`${CRM.custom}/crm/accounts/AC-77?tab=notes`);
  await expect(options.getByTestId('pattern-test-result')).toHaveText(
    'Account AC-77, recognised by your pattern.',
  );
  await patterns.getByRole('button', { name: 'Add' }).click();
  await expect(patterns.getByRole('status')).toHaveText('Added.');

  // The content script hears the new pattern and reports again; then follows the app's moves.
  await expect
    .poll(() => detectedAccount(serviceWorker, tabId))
    .toEqual({ crm: 'custom', accountId: 'AC-42' });
  await crm.getByRole('link', { name: 'Umbrella' }).click();
  await expect
    .poll(() => detectedAccount(serviceWorker, tabId))
    .toEqual({ crm: 'custom', accountId: 'AC-77' });

  await patterns.getByRole('button', { name: `Remove ${CRM.custom}/crm/accounts/{accountId}` }).click();
  await expect.poll(() => detectedAccount(serviceWorker, tabId)).toBeNull();
  await Promise.all([options.close(), crm.close()]);
  await stopServing();
});

test('the panel shows the sections chosen in Options, in their order, and asks for no others', async ({
  server,
  extensionContext,
  extensionId,
  serviceWorker,
}) => {
  const order = ['pipeline', 'executive', 'support', 'recommendations', 'organization'];
  await serviceWorker.evaluate(
    (sections) => chrome.storage.local.set({ sections }),
    [...order.map((id) => ({ id, visible: true })), { id: 'consumption', visible: false }],
  );
  const crm = await signIn(extensionContext, server);
  await openAccount(crm, 10);
  const { panel, traffic } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url());
  await waitForBrief(panel);
  const shown = brief(panel).locator('[data-testid^="section-"]');
  await expect(shown).toHaveCount(order.length);
  expect(await shown.evaluateAll((all) => all.map((s) => s.getAttribute('data-testid')))).toEqual(
    order.map((id) => `section-${id}`),
  );
  expect(traffic.creates[0]!.postDataJSON().sections.toSorted()).toEqual(order.toSorted());
  await panel.close();
  await crm.close();
});
