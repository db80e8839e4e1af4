/**
 * Micro-benchmark of the per-section quality checks (checkSectionWithMetrics). Not a test:
 *
 *   npx tsx bench/checks-speed.ts [--out /tmp/quality-bench/out.json]
 *
 * The inputs come from the real pipeline once (in-memory database, demo seed, section facts,
 * rendered prompt, local grounded writer, compacted citations) and are cached in a JSON fixture
 * under /tmp (delete it to capture again), so later runs time the checks on exactly the same
 * inputs even while the code that produced them changes. Every result, with the unrounded values
 * behind it, is written to --out, to diff before and after a change. ITERATIONS=n sets the rounds.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { bleu } from '../server/quality/bleu.ts';
import { checkSectionWithMetrics } from '../server/quality/check-section.ts';
import { embeddingCosine } from '../server/quality/cosine.ts';
import { indexFigures } from '../server/quality/figure-index.ts';
import { extractFigures } from '../server/quality/figures.ts';
import { proseOf } from '../server/quality/markdown-blocks.ts';
import { rougeL, rougeN } from '../server/quality/rouge.ts';
import { referenceText, textMetrics } from '../server/quality/text-metrics.ts';
import { metricTokens } from '../server/quality/tokenize-for-metrics.ts';
import type { Citation } from '../shared/api.ts';
import { SECTION_IDS } from '../shared/sections.ts';

const DIR = '/tmp/quality-bench';
const FIXTURE = `${DIR}/fixture.json`;
const ACCOUNTS = 6;
const ITERATIONS = Number(process.env.ITERATIONS ?? 200);

interface Case {
  label: string;
  markdown: string;
  data: unknown;
  citations: Citation[];
  prompt?: string;
}

/** Section inputs as runSection builds them, for every demo account and section. */
async function captureCases(): Promise<Case[]> {
  const { openDatabase } = await import('../server/data/db.ts');
  const { seedDemo } = await import('../server/data/demo/seed.ts');
  const { accountId } = await import('../server/data/demo/ids.ts');
  const { ownerOf } = await import('../server/data/demo/users.ts');
  const { createLocalGroundedEngine } = await import('../server/llm/local-grounded.ts');
  const { compactCitations } = await import('../server/quality/compact-citations.ts');
  const { buildPromptContext } = await import('../server/sections/prompt-context.ts');
  const { loadPromptFiles, renderPrompt } = await import('../server/sections/prompt-files.ts');
  const { readSectionData } = await import('../server/sections/read-section-data.ts');

  const db = await openDatabase({ memory: true });
  try {
    await seedDemo(db, { accounts: ACCOUNTS });
    const files = await loadPromptFiles();
    const engine = createLocalGroundedEngine();
    const now = new Date('2026-03-04T12:00:00Z');
    const cases: Case[] = [];
    for (let n = 1; n <= ACCOUNTS; n++) {
      for (const sectionId of SECTION_IDS) {
        const file = files[sectionId];
        const request = {
          sectionId,
          accountId: accountId(n),
          kinds: file.data,
          publicUrl: 'http://crm.test',
          now,
        };
        const data = await readSectionData(db, ownerOf(n), request);
        const prompt = renderPrompt(file, buildPromptContext(data));
        const written = await engine.write({
          sectionId,
          title: file.title,
          prompt,
          data,
          tier: file.tier,
          maxOutputTokens: file.maxOutputTokens,
        });
        const { markdown, citations } = compactCitations(written.markdown.trim(), data.sources);
        cases.push({ label: `account ${n} ${sectionId}`, markdown, data, citations, prompt });
      }
    }
    return cases;
  } finally {
    await db.close();
  }
}

/**
 * Variants that take the other branches: altered figures (unsupported numbers), an uncited
 * paragraph, and no prompt (the reference is then the facts' own values).
 */
function variants(cases: readonly Case[]): Case[] {
  return cases.flatMap((c, i) => {
    if (i % 3 !== 0) return [];
    const altered = c.markdown.replace(/\d/g, (d, at: number) => (at % 5 === 0 ? String((+d + 1) % 10) : d));
    return [
      { ...c, label: `${c.label} altered figures`, markdown: `${altered}\n\nNo source here, 42 deals.` },
      { ...c, label: `${c.label} no prompt`, prompt: undefined },
    ];
  });
}

async function loadCases(): Promise<Case[]> {
  if (!existsSync(FIXTURE)) {
    await mkdir(DIR, { recursive: true });
    await writeFile(FIXTURE, JSON.stringify(await captureCases()));
    console.log(`captured inputs to ${FIXTURE}`);
  }
  const cases = JSON.parse(await readFile(FIXTURE, 'utf8')) as Case[];
  return [...cases, ...variants(cases)];
}

/** The unrounded values behind the checks, so a difference below the 4th decimal shows too. */
async function internals(c: Case) {
  const reference = referenceText(c.prompt ?? c.data);
  const output = metricTokens(c.markdown);
  const input = metricTokens(reference);
  const index = indexFigures(c.data);
  return {
    figures: extractFigures(proseOf(c.markdown)),
    index: { ...index, dates: [...index.dates], months: [...index.months] },
    detail: (await textMetrics(c.markdown, reference)).detail,
    cosine: await embeddingCosine(c.markdown, reference),
    bleu: bleu(output, [input]),
    rouge: [
      rougeN(output, input, 1),
      rougeN(output, input, 2),
      rougeN(output, input, 3),
      rougeL(output, input),
    ],
  };
}

const run = (c: Case) => checkSectionWithMetrics(c.markdown, c.data, c.citations, { prompt: c.prompt });

async function main() {
  const outArg = process.argv.indexOf('--out');
  const out = outArg > 0 ? process.argv[outArg + 1]! : `${DIR}/out.json`;
  const cases = await loadCases();

  // Outputs first, on a cold process: the first call must give what every later call gives.
  const results = [];
  for (const c of cases)
    results.push({ label: c.label, checks: await run(c), internals: await internals(c) });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(results, null, 1)}\n`);

  for (let i = 0; i < 20; i++) for (const c of cases) await run(c); // warm-up
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) for (const c of cases) await run(c);
  const ms = (performance.now() - started) / (ITERATIONS * cases.length);
  console.log(
    `${cases.length} sections × ${ITERATIONS}: ${ms.toFixed(4)} ms per checkSectionWithMetrics call; outputs in ${out}`,
  );
}

await main();
