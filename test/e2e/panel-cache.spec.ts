import { expect, test } from './fixtures.ts';
import { brief, openAccount, openPanel, panelState, signIn, waitForBrief } from './panel-helpers.ts';

const briefsStored = () =>
  new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('account-summaries');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const count = open.result.transaction('briefs').objectStore('briefs').count();
      count.onsuccess = () => {
        open.result.close();
        resolve(count.result);
      };
    };
  });

test('a brief opened again comes from the cache: no new request, marked Cached', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const crm = await signIn(extensionContext, server);
  const account = await openAccount(crm, 3);
  const { panel, traffic } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url());
  await waitForBrief(panel);
  expect(traffic.creates).toHaveLength(1);
  await expect(brief(panel).getByTestId('freshness')).not.toContainText('Cached');
  const before = traffic.polls.length + traffic.streams.length;

  await panel.reload();
  await waitForBrief(panel);
  await expect(brief(panel).getByTestId('account-name')).toHaveText(account.name);
  await expect(brief(panel).getByTestId('freshness')).toContainText('Cached');
  // Not a single API call for the brief: no POST, no poll, no stream.
  expect(traffic.creates).toHaveLength(1);
  expect(traffic.polls.length + traffic.streams.length).toBe(before);

  // Signing out of the CRM signs the extension out and wipes the cache.
  expect(await panel.evaluate(briefsStored)).toBeGreaterThan(0);
  await crm.getByRole('button', { name: 'Sign out' }).click();
  await expect(panelState(panel)).toHaveAttribute('data-state', 'signed-out');
  await expect.poll(() => panel.evaluate(briefsStored)).toBe(0);
  await panel.close();
  await crm.close();
});

test('copies a section and the whole brief to the clipboard as Markdown with references', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  // Chromium grants no permission to extension origins from outside; the clipboard is shared, so
  // a CRM page (granted clipboard-read) reads what the panel wrote.
  await extensionContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server });
  const crm = await signIn(extensionContext, server);
  const account = await openAccount(crm, 4);
  const { panel } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url());
  await waitForBrief(panel);
  const clipboard = async () => {
    await crm.bringToFront();
    const text = await crm.evaluate(() => navigator.clipboard.readText());
    await panel.bringToFront();
    return text;
  };

  await brief(panel).getByRole('button', { name: 'Copy the whole brief as Markdown' }).click();
  await expect(brief(panel).getByRole('button', { name: 'Copy the whole brief as Markdown' })).toContainText(
    'Copied',
  );
  const whole = await clipboard();
  expect(whole.startsWith(`# ${account.name}\n`)).toBe(true);
  expect(whole.match(/^## /gm)).toHaveLength(7);
  const [body, references] = whole.split('\n## Sources\n\n');
  const cited = new Set([...body!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const listed = references!.trimEnd().split('\n');
  expect(listed.length).toBe(cited.size);
  for (const [i, line] of listed.entries())
    expect(line).toMatch(
      new RegExp(`^${i + 1}\\. .+ — ${server.replace(/[.:/]/g, '\\$&')}/lightning/r/\\w+/\\w+/view$`),
    );

  const pipeline = brief(panel).getByTestId('section-pipeline');
  await pipeline.getByRole('button', { name: 'Copy “Opportunity pipeline” as Markdown' }).click();
  await expect.poll(clipboard).toMatch(/^## Opportunity pipeline\n\n[\s\S]+\nSources:\n\n1\. /);
  await panel.close();
  await crm.close();
});

test('citations are reachable by keyboard, preview their source on focus, and open it', async ({
  server,
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const crm = await signIn(extensionContext, server);
  await openAccount(crm, 3);
  const { panel } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url());
  await waitForBrief(panel);
  await expect(panel.getByRole('main', { name: 'Account brief' })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Executive summary' })).toBeVisible();

  // From the top of the panel, Tab reaches the header buttons, then the first section's citations.
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const focused = () => panel.evaluate(() => document.activeElement?.getAttribute('data-testid'));
  for (let i = 0; i < 12 && (await focused()) !== 'citation'; i++) await panel.keyboard.press('Tab');
  const first = brief(panel).getByTestId('section-executive').getByTestId('citation').first();
  await expect(first).toBeFocused();
  // One preview at a time, on the page's top layer; it names the source, its date and snippet.
  const preview = panel.getByRole('tooltip');
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('data-testid', 'citation-preview');
  const firstText = await preview.textContent();
  expect(firstText?.length).toBeGreaterThan(20);
  expect(firstText).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}|·/);

  await panel.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(first).toBeFocused();
  await panel.keyboard.press('Tab');
  const second = brief(panel).getByTestId('section-executive').getByTestId('citation').nth(1);
  await expect(second).toBeFocused();
  await expect(preview).toBeVisible();
  await expect(preview).toHaveCount(1);

  const href = await second.getAttribute('href');
  const [source] = await Promise.all([extensionContext.waitForEvent('page'), panel.keyboard.press('Enter')]);
  await source.waitForLoadState();
  expect(source.url()).toBe(href);
  await source.close();
  await panel.close();
  await crm.close();
});
