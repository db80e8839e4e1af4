import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/data/db.ts';
import { seedDemo } from '../../../server/data/demo/seed.ts';
import { buildFeedbackReport, renderFeedbackReport } from '../../../server/feedback/feedback-report.ts';
import { LOCAL_GROUNDED_MODEL } from '../../../server/llm/local-grounded.ts';
import { runCli } from '../../support/run-cli.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let requestId: string;
let markdownOfSections: string[];

beforeAll(async () => {
  server = await startTestServer(4);
  const alice = await server.token('alice@example.com');
  const bob = await server.token('bob@example.com');
  const [account] = await server.accountsOf('alice@example.com');
  const created = await server.call('POST', '/v1/summaries', { token: alice, body: { accountId: account } });
  requestId = ((await created.json()) as { requestId: string }).requestId;
  const summary = await server.waitForSummary(requestId, alice);
  markdownOfSections = summary.sections.map((s) => s.markdown ?? '').filter(Boolean);
  const votes = [
    { sectionId: 'pipeline', rating: 'up' },
    { sectionId: 'pipeline', rating: 'down', reason: 'wrong_number', comment: 'Amount | is off' },
    { sectionId: 'pipeline', rating: 'down', reason: 'wrong_number' },
    { sectionId: 'consumption', rating: 'down', reason: 'outdated', comment: 'Old month' },
    { rating: 'up' },
  ];
  for (const body of votes) {
    const res = await server.call('POST', '/v1/feedback', { token: alice, body: { requestId, ...body } });
    expect(res.status).toBe(201);
  }
  // Someone else's vote on this request is refused, so it cannot skew the report.
  const foreign = await server.call('POST', '/v1/feedback', {
    token: bob,
    body: { requestId, rating: 'down' },
  });
  expect(foreign.status).toBe(404);
}, 120_000);
afterAll(() => server?.close());

describe('feedback report', () => {
  it('counts ratings and down-vote reasons per section, model and prompt version', async () => {
    const report = await server.db.asSystem((q) => buildFeedbackReport(q, { comments: 10 }));
    expect(report.total).toBe(5);
    const pipeline = report.bySection.find((g) => g.key === 'pipeline')!;
    expect(pipeline).toMatchObject({ up: 1, down: 2, upShare: 0.333 });
    expect(pipeline.reasons).toEqual([{ reason: 'wrong_number', count: 2 }]);
    expect(report.bySection.find((g) => g.key === 'summary')).toMatchObject({ up: 1, down: 0, upShare: 1 });
    expect(report.byModel.map((g) => g.key)).toContain(`pipeline · ${LOCAL_GROUNDED_MODEL}`);
    expect(report.byPromptVersion.some((g) => /^consumption · v\d+\.\d+\.\d+$/.test(g.key))).toBe(true);
    expect(report.comments.map((c) => c.comment)).toEqual(['Old month', 'Amount | is off']);
  });

  it('renders Markdown tables without user, account or generated text', async () => {
    const report = await server.db.asSystem((q) => buildFeedbackReport(q, { comments: 10 }));
    const md = renderFeedbackReport(report);
    expect(md).toContain('| pipeline | 1 | 2 | 33.3 | wrong number 2 |');
    expect(md).toContain('Amount \\| is off');
    expect(md).not.toContain('alice@example.com');
    for (const [account] of [await server.accountsOf('alice@example.com')]) expect(md).not.toContain(account);
    for (const text of markdownOfSections) expect(md).not.toContain(text.slice(0, 40));
  });

  it('filters by date', async () => {
    const future = await server.db.asSystem((q) => buildFeedbackReport(q, { since: '2999-01-01' }));
    expect(future).toMatchObject({ total: 0, bySection: [] });
  });
});

describe('npm run feedback-report (CLI)', () => {
  const cli = (args: string[], dataDir: string) => runCli('server/cli/feedback-report.ts', args, dataDir);

  it('prints the report of the configured database, and JSON with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedback-cli-'));
    try {
      const db = await openDatabase({ dataDir: dir });
      await seedDemo(db, { accounts: 2 });
      await db.asSystem((q) =>
        q.query(
          `INSERT INTO feedback (request_id, user_id, account_id, section_id, rating, reason, model, prompt_version)
           SELECT 'r1', owner_id, id, 'support', 'down', 'missing_information', 'm1', '1.0.0' FROM accounts LIMIT 1`,
        ),
      );
      await db.close();
      const text = await cli([], dir);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('| support | 0 | 1 | 0.0 | missing information 1 |');
      const json = await cli(['--json'], dir);
      expect(JSON.parse(json.stdout)).toMatchObject({ total: 1, bySection: [{ key: 'support', down: 1 }] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('rejects bad arguments with exit code 2 and a one-line reason', async () => {
    for (const args of [['--since', 'yesterday'], ['--comments', '-1'], ['--bogus']]) {
      const result = await cli(args, '/nonexistent-never-opened');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^feedback-report: .+\nusage:/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});
