import { parseArgs } from 'node:util';
import { databaseOptions } from '../data/database-options.ts';
import { openDatabase } from '../data/db.ts';
import { loadEnvOrExit } from '../env.ts';
import { buildFeedbackReport, renderFeedbackReport } from '../feedback/feedback-report.ts';

// `npm run --silent feedback-report -- [--since YYYY-MM-DD] [--comments N] [--json]`
// Reads the configured database (DATABASE_URL, or the embedded one under DATA_DIR: stop the server
// first, since an embedded database has a single owner).
const USAGE = 'usage: npm run --silent feedback-report -- [--since YYYY-MM-DD] [--comments N] [--json]';

function fail(message: string): never {
  console.error(`feedback-report: ${message.replace(/\s+/g, ' ')}\n${USAGE}`);
  process.exit(2);
}

let values: { since?: string; comments?: string; json?: boolean };
try {
  ({ values } = parseArgs({
    options: { since: { type: 'string' }, comments: { type: 'string' }, json: { type: 'boolean' } },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.since && (!/^\d{4}-\d{2}-\d{2}$/.test(values.since) || Number.isNaN(Date.parse(values.since))))
  fail(`--since must be a date like 2026-11-01, not "${values.since}"`);
const comments = values.comments === undefined ? 0 : Number(values.comments);
if (!Number.isInteger(comments) || comments < 0 || comments > 500)
  fail(`--comments must be a whole number from 0 to 500, not "${values.comments}"`);

const env = loadEnvOrExit();
const db = await openDatabase(databaseOptions(env));
try {
  const report = await db.asSystem((q) => buildFeedbackReport(q, { since: values.since, comments }));
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderFeedbackReport(report));
} catch (error) {
  console.error(`feedback-report: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
