import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startServer, test } from './fixtures.ts';
import { brief, openAccount, openPanel, signIn, waitForBrief } from './panel-helpers.ts';
import { startPacedModel } from './panel-paced-model.ts';

// A server whose model takes seconds per section (an OpenAI-compatible stand-in), on an on-disk
// database, so the brief visibly streams in and stored feedback can be read back afterwards.
let server: { url: string; process: ChildProcess };
let model: Awaited<ReturnType<typeof startPacedModel>>;
const dataDir = mkdtempSync(join(tmpdir(), 'account-summaries-live-'));

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  model = await startPacedModel((nth) => 400 + 350 * ((nth - 1) % 6));
  server = await startServer({
    DATA_DIR: dataDir,
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: model.url,
    OPENAI_MODEL_FAST: 'paced-fast',
    OPENAI_MODEL_DEEP: 'paced-deep',
    LLM_STREAM: 'false',
  });
});

test.afterAll(async () => {
  if (server.process.exitCode === null) server.process.kill('SIGTERM');
  await model.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Records every change of the sections' statuses, from the first render on. */
function recordStatuses() {
  const seen: string[] = [];
  (window as unknown as { statuses: string[] }).statuses = seen;
  new MutationObserver(() => {
    const now = [...document.querySelectorAll<HTMLElement>('section[data-status]')]
      .map((s) => s.dataset.status)
      .join(',');
    if (now && now !== seen.at(-1)) seen.push(now);
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-status'],
  });
}

test('sections appear one by one over the event stream, skeletons first', async ({
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const crm = await signIn(extensionContext, server.url);
  const account = await openAccount(crm, 2);
  const { panel, traffic } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url(), {
    beforeLoad: (page) => page.addInitScript(recordStatuses),
  });
  await waitForBrief(panel);
  await expect(brief(panel).getByTestId('account-name')).toHaveText(account.name);

  const history = await panel.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
  const doneCounts = history.map((h) => h.split(',').filter((s) => s === 'done').length);
  // Skeletons (pending/running) first, then sections finishing one at a time, never going back.
  expect(history[0]).not.toContain('done');
  expect(doneCounts.at(-1)).toBe(6);
  expect(new Set(doneCounts.filter((n) => n > 0 && n < 6)).size).toBeGreaterThanOrEqual(3);
  expect(doneCounts).toEqual([...doneCounts].sort((a, b) => a - b));

  // One POST, one snapshot for the header, then the stream: no polling.
  expect(traffic.creates).toHaveLength(1);
  expect(traffic.streams).toHaveLength(1);
  expect(traffic.polls).toHaveLength(1);
  const stream = await traffic.streams[0]!.response();
  expect(stream?.headers()['content-type']).toMatch(/^text\/event-stream/);
  expect(await traffic.streams[0]!.headerValue('authorization')).toMatch(/^Bearer /);
  await expect(panel.getByTestId('live-status')).toContainText('Brief complete.');
  await panel.close();
  await crm.close();
});

test('feedback reaches the server, waits out a lost network, and is remembered', async ({
  extensionContext,
  serviceWorker,
  extensionId,
}) => {
  const crm = await signIn(extensionContext, server.url);
  await openAccount(crm, 2);
  const { panel, traffic } = await openPanel(extensionContext, serviceWorker, extensionId, crm.url());
  await waitForBrief(panel);

  const executive = brief(panel).getByTestId('section-executive');
  await executive.getByRole('button', { name: 'Helpful: Executive summary', exact: true }).click();
  await expect(executive.getByText('Thanks for the feedback')).toBeVisible();

  await panel.getByRole('button', { name: 'Not helpful: the whole brief' }).click();
  await panel.getByRole('button', { name: 'Outdated' }).click();
  await panel.getByRole('textbox', { name: 'Comment (optional)' }).fill('The renewal date moved to May.');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByText('Thanks for the feedback')).toHaveCount(2);

  // The network drops: the vote is kept and says so, then goes out by itself on reconnect.
  await extensionContext.setOffline(true);
  const pipeline = brief(panel).getByTestId('section-pipeline');
  await pipeline.getByRole('button', { name: 'Not helpful: Opportunity pipeline' }).click();
  await pipeline.getByRole('button', { name: 'Wrong number' }).click();
  await pipeline.getByRole('button', { name: 'Send' }).click();
  await expect(pipeline.getByText('Saved · sends when the server is reachable')).toBeVisible();
  await extensionContext.setOffline(false);
  await expect(pipeline.getByText('Thanks for the feedback')).toBeVisible();
  expect(traffic.feedback.length).toBeGreaterThanOrEqual(3);

  // Reopening the panel on the same brief shows the votes again.
  await panel.close();
  const reopened = (await openPanel(extensionContext, serviceWorker, extensionId, crm.url())).panel;
  await waitForBrief(reopened);
  const pressed = (name: string) => reopened.getByRole('button', { name, exact: true, pressed: true });
  await expect(pressed('Helpful: Executive summary')).toBeVisible();
  await expect(pressed('Not helpful: Opportunity pipeline')).toBeVisible();
  await expect(pressed('Not helpful: the whole brief')).toBeVisible();
  await reopened.close();
  await crm.close();

  // Stop the server and read what it stored, with the feedback report over its database.
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
  const report = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/cli/feedback-report.ts', '--json', '--comments', '10'],
    { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 60_000 },
  );
  expect(report.status, report.stderr).toBe(0);
  const stored = JSON.parse(report.stdout) as {
    bySection: { key: string; up: number; down: number; reasons: { reason: string; count: number }[] }[];
    comments: { section: string; reason: string | null; comment: string }[];
  };
  const bySection = Object.fromEntries(stored.bySection.map((g) => [g.key, g]));
  expect(bySection.executive).toMatchObject({ up: 1, down: 0 });
  expect(bySection.pipeline).toMatchObject({
    up: 0,
    down: 1,
    reasons: [{ reason: 'wrong_number', count: 1 }],
  });
  expect(bySection.summary).toMatchObject({ up: 0, down: 1, reasons: [{ reason: 'outdated', count: 1 }] });
  expect(stored.comments).toContainEqual(
    expect.objectContaining({
      section: 'summary',
      reason: 'outdated',
      comment: 'The renewal date moved to May.',
    }),
  );
});
