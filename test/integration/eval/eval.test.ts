import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { percentile, summarizeRun } from '../../../server/eval/aggregate.ts';
import { parseAccountList } from '../../../server/eval/golden.ts';
import { renderHtml } from '../../../server/eval/render-html.ts';
import { renderMarkdown } from '../../../server/eval/render-markdown.ts';
import { type EvalRun, runEval } from '../../../server/eval/run-eval.ts';
import { parseVariant } from '../../../server/eval/variants.ts';
import { LOCAL_GROUNDED_MODEL } from '../../../server/llm/local-grounded.ts';
import { DEFAULT_PROMPTS_DIR } from '../../../server/sections/prompt-files.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'eval-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the prompts with another version and a change to one section's instructions. */
function promptsV2(): string {
  const target = join(dir, 'prompts-v2');
  cpSync(DEFAULT_PROMPTS_DIR, target, { recursive: true });
  for (const name of readdirSync(target)) {
    const path = join(target, name);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^version: .*$/m, 'version: 2.0.0'));
  }
  return target;
}

describe('evaluation harness', () => {
  let result: EvalRun;

  it('runs golden accounts through the pipeline for each variant (A/B on prompt versions)', async () => {
    result = await runEval({
      accounts: [1, 3],
      variants: [parseVariant('current=local'), parseVariant(`v2=local:prompts=${promptsV2()}`)],
    });
    expect(result.sections).toHaveLength(2 * 2 * 6);
    for (const s of result.sections) {
      expect(s.status, `${s.variant} ${s.accountNo} ${s.sectionId}: ${s.error}`).toBe('done');
      expect(s.model).toBe(LOCAL_GROUNDED_MODEL);
      expect(s.checks.metrics?.rougeL).toBeGreaterThan(0);
    }
    expect(new Set(result.sections.filter((s) => s.variant === 'v2').map((s) => s.promptVersion))).toEqual(
      new Set(['2.0.0']),
    );
    expect(result.summaryMs.current).toHaveLength(2);
  }, 120_000);

  it('summarises per section, per model and overall, and renders Markdown and HTML with charts', () => {
    const summary = summarizeRun(result);
    expect(summary.bySection).toHaveLength(12);
    const overall = summary.overall.find((g) => g.variant === 'current')!;
    expect(overall).toMatchObject({ n: 12, doneRate: 1, numbersPassRate: 1, citationsPassRate: 1 });
    expect(summary.byModel.map((g) => g.key)).toEqual([LOCAL_GROUNDED_MODEL, LOCAL_GROUNDED_MODEL]);
    const md = renderMarkdown(result, summary);
    expect(md).toMatch(/\| current \| pipeline \| 2 \| 100\.0% \| 100\.0% \| 100\.0% \| 0 \|/);
    const html = renderHtml(result, summary, md);
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(html).not.toMatch(/<script/i);
    // Deterministic writer and data: the two arms differ only in prompt version, so scores match.
    const a = summary.bySection.filter((g) => g.variant === 'current').map((g) => g.means);
    const b = summary.bySection.filter((g) => g.variant === 'v2').map((g) => g.means);
    expect(b).toEqual(a);
  });

  it('counts a failed section against its variant', () => {
    const failed: EvalRun = {
      ...result,
      sections: result.sections.map((s, i) =>
        i === 0 ? { ...s, status: 'failed', error: 'The writer failed: throttled', checks: {} } : s,
      ),
    };
    const g = summarizeRun(failed).bySection.find((r) => r.variant === 'current' && r.key === 'executive')!;
    expect(g).toMatchObject({ n: 2, doneRate: 0.5, numbersPassRate: 0.5 });
    expect(renderMarkdown(failed, summarizeRun(failed))).toContain(
      'current · account 1 · executive: The writer failed',
    );
  });

  it('parses variants and account lists, rejecting bad ones clearly', () => {
    expect(parseAccountList('1-3,8,2')).toEqual([1, 2, 3, 8]);
    expect(() => parseAccountList('3-1')).toThrow(/not a valid range/);
    expect(() => parseAccountList('x')).toThrow(/not a number/);
    expect(parseVariant('nova=bedrock:fast=amazon.nova-micro-v1:0,deep=amazon.nova-pro-v1:0').spec).toBe(
      'bedrock fast=amazon.nova-micro-v1:0 deep=amazon.nova-pro-v1:0',
    );
    expect(() => parseVariant('x=gpt')).toThrow(/provider must be one of/);
    expect(() => parseVariant('x=local:temperature=1')).toThrow(/unknown option/);
    expect(() => parseVariant('oops')).toThrow(/expected NAME=PROVIDER/);
    expect(percentile([5, 1, 3], 0.5)).toBe(3);
  });

  it('the CLI writes report.md, report.html and run.json, and exits 2 on bad input', async () => {
    const out = join(dir, 'out');
    const ok = await run(process.execPath, [
      '--import',
      'tsx',
      'server/cli/eval.ts',
      '--accounts',
      '2',
      '--out',
      out,
    ]);
    expect(ok.stdout).toContain('# Evaluation report');
    expect(readdirSync(out).sort()).toEqual(['report.html', 'report.md', 'run.json']);
    for (const args of [
      ['--variant', 'x=gpt'],
      ['--accounts', 'none'],
      ['--variant', `x=local:prompts=${dir}/missing`],
    ]) {
      const bad = await run(process.execPath, ['--import', 'tsx', 'server/cli/eval.ts', ...args]).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect('code' in bad && bad.code).toBe(2);
      expect((bad as { stderr: string }).stderr).toMatch(/^eval: .+\nusage:/);
    }
  }, 120_000);
});
