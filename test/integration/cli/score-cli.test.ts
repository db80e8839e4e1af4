import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { textMetrics } from '../../../server/quality/text-metrics.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'score-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function score(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'server/cli/score.ts', ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const markdown =
  '- "Acme – AI Services rollout": **$1,250,000** in Negotiation, closing **Apr 30, 2026** [S1]\n- Spend up **12.5%** [S2]';
const prompt = `Use only the data provided in <data>.

<data>
<opportunities>
[S1] "Acme – AI Services rollout" · open · stage Negotiation · $1,250,000 · closes Apr 30, 2026
</opportunities>
<usage>
[S2] Object Storage · up 12.5%
</usage>
</data>

<sources>
[S1] opportunity · Acme – AI Services rollout
</sources>`;

describe('npm run score', () => {
  it('prints the numbers check and the text metrics of a section as one JSON object', async () => {
    const output = file('section.md', markdown);
    const ok = await score(['--input', file('prompt.txt', prompt), '--output', output]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    const result = JSON.parse(ok.stdout);
    expect(result.numbers).toEqual({ passed: true, checked: 3, unsupported: [] });
    // The CLI scores against the prompt's <data> block, as the server does.
    const { metrics } = await textMetrics(
      markdown,
      prompt.slice(prompt.indexOf('<opportunities>'), prompt.indexOf('</data>')),
    );
    expect(result.metrics).toEqual(metrics);
    for (const key of ['cosine', 'bleu', 'rouge1', 'rouge2', 'rougeL']) {
      expect(result.metrics[key]).toBeGreaterThan(0);
      expect(result.metrics[key]).toBeLessThanOrEqual(1);
    }
    expect(result.detail).toMatchObject({ outputTokens: 14, inputTokens: 16, brevityPenalty: 0.8669 });

    // JSON facts: flattened to their values; an invented figure fails the numbers check.
    const facts = file(
      'facts.json',
      JSON.stringify({ opportunity: { name: 'AI Services', amount: 1250000 } }),
    );
    const json = JSON.parse((await score(['--input', facts, '--output', output])).stdout);
    expect(json.numbers).toMatchObject({ passed: false, unsupported: ['Apr 30, 2026', '12.5%'] });
    expect(json.metrics.rouge1).toBeGreaterThan(0);
  }, 60_000);

  it.each([
    ['no arguments', [], /missing --input/],
    ['no --output', ['--input', 'x'], /missing --output/],
    ['an unknown option', ['--input', 'x', '--output', 'y', '--verbose'], /Unknown option '--verbose'/],
    [
      'a missing file',
      ['--input', join(dir, 'nope.txt'), '--output', join(dir, 'nope.md')],
      /cannot read --input .*ENOENT/,
    ],
    ['a bad JSON file', ['--input', 'BAD_JSON', '--output', 'PROMPT'], /is not valid JSON/],
  ])(
    'exits 2 with a one-line message on %s',
    async (_, args, message) => {
      const paths: Record<string, string> = {
        BAD_JSON: file('bad.json', '{ nope'),
        PROMPT: file('p.md', 'x'),
      };
      const result = await score(args.map((a) => paths[a] ?? a));
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/usage: npm run --silent score -- --input FILE --output FILE/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    },
    60_000,
  );
});
