import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summarizeRun } from '../eval/aggregate.ts';
import { GOLDEN_ACCOUNTS, parseAccountList } from '../eval/golden.ts';
import { renderHtml } from '../eval/render-html.ts';
import { renderMarkdown } from '../eval/render-markdown.ts';
import { runEval } from '../eval/run-eval.ts';
import { parseVariant, type Variant } from '../eval/variants.ts';
import { loadPromptFiles } from '../sections/prompt-files.ts';

// npm run eval -- [--variant NAME=PROVIDER[:fast=…,deep=…,prompts=DIR]]… [--accounts 1-10,13] [--out DIR]
const USAGE =
  'usage: npm run eval -- [--variant NAME=local|bedrock|openai[:fast=MODEL,deep=MODEL,prompts=DIR]]... [--accounts 1-10,13] [--out DIR]';

function fail(message: string): never {
  console.error(`eval: ${message.replace(/\s+/g, ' ')}\n${USAGE}`);
  process.exit(2);
}

let values: { variant?: string[]; accounts?: string; out?: string };
try {
  ({ values } = parseArgs({
    options: {
      variant: { type: 'string', multiple: true },
      accounts: { type: 'string' },
      out: { type: 'string' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}

let variants: Variant[];
let accounts: number[];
try {
  variants = (values.variant ?? ['local=local']).map((v) => parseVariant(v));
  const names = variants.map((v) => v.name);
  if (new Set(names).size !== names.length) throw new Error('variant names must differ');
  accounts = values.accounts ? parseAccountList(values.accounts) : GOLDEN_ACCOUNTS.map((a) => a.no);
  // A broken prompts folder would fail every section of its variant: say so before running.
  for (const v of variants) await loadPromptFiles(v.promptsDir ? resolve(v.promptsDir) : undefined);
} catch (error) {
  fail((error as Error).message);
}

const out = resolve(values.out ?? 'eval-report');
const run = await runEval({ accounts, variants, log: (line) => console.error(line) });
const summary = summarizeRun(run);
const markdown = renderMarkdown(run, summary);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'report.md'), markdown);
writeFileSync(join(out, 'report.html'), renderHtml(run, summary, markdown));
writeFileSync(join(out, 'run.json'), `${JSON.stringify({ run, summary }, null, 2)}\n`);
process.stdout.write(markdown);
console.error(`eval: wrote ${join(out, 'report.md')}, report.html and run.json`);
