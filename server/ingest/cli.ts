import { parseArgs } from 'node:util';
import { databaseOptions } from '../data/database-options.ts';
import { openDatabase } from '../data/db.ts';
import { loadEnvOrExit } from '../env.ts';
import { describeIssues } from '../http/errors.ts';
import { createRetrievalProviders } from '../retrieval/providers.ts';
import { indexDocuments } from './index-documents.ts';
import { IngestError } from './ingest-error.ts';
import { ingestSourceFiles } from './ingest-files.ts';
import { readSourceFiles } from './read-source-files.ts';
import { sourceMetadataSchema } from './source-metadata.ts';

const USAGE = `usage: npm run ingest -- PATH [--account ID] [--kind kb|news|filing|meeting_note] [--product NAME]
       npm run ingest -- --demo [--all]
  PATH    a .html/.htm/.md/.markdown/.txt file or a folder of them (front matter may set
          id, title, account, kind, product, published, url, source)
  --demo  index the rows already in the documents table (the demo seed)
  --all   re-embed every document, not only new or changed ones
Stop the server first when it uses the same embedded database (.data/pglite).`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      all: { type: 'boolean' },
      account: { type: 'string' },
      kind: { type: 'string' },
      product: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const { values, positionals } = args;
if (values.help) fail(USAGE, 0);
if (values.demo ? positionals.length > 0 : positionals.length !== 1) fail(USAGE, 2);
const defaults = sourceMetadataSchema.safeParse({
  account: values.account,
  kind: values.kind,
  product: values.product,
});
if (!defaults.success)
  fail(`invalid option: ${describeIssues(defaults.error.issues).replace(/^(\w+):/, '--$1:')}`, 2);
if (values.all && !values.demo) fail('--all goes with --demo', 2);
if (values.demo && (values.account || values.kind || values.product))
  fail('--demo takes no --account/--kind/--product', 2);

const env = loadEnvOrExit();
const { embedder } = createRetrievalProviders(env);
// Files are read and checked before the database is opened: bad input fails fast, changing nothing.
const files = values.demo
  ? null
  : await readSourceFiles(positionals[0]!, defaults.data).catch((error: Error) =>
      fail(error instanceof IngestError ? `ingest: ${error.message}` : `ingest failed: ${firstLine(error)}`),
    );
const db = await openDatabase(databaseOptions(env));
try {
  const summary = files
    ? await ingestSourceFiles(db, embedder, files)
    : await indexDocuments(db, embedder, { onlyChanged: !values.all });
  if (values.demo && summary.seen === 0)
    console.error('no documents yet: start the server once to seed the demo');
  console.log(JSON.stringify({ mode: values.demo ? 'demo' : 'files', embedder: embedder.id, ...summary }));
} catch (error) {
  await db.close();
  fail(error instanceof IngestError ? `ingest: ${error.message}` : `ingest failed: ${firstLine(error)}`);
}
await db.close();

/** An unexpected error in one line (no stack: the message is for the person at the terminal). */
function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
