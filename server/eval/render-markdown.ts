import type { EvalSummary, GroupScore } from './aggregate.ts';
import type { EvalRun } from './run-eval.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number | null) => (x === null ? '–' : x.toFixed(3));
const ms = (x: number | null) => (x === null ? '–' : `${Math.round(x)}`);

/** The evaluation as Markdown: variants, overall scores, then per section and per model. */
export function renderMarkdown(run: EvalRun, summary: EvalSummary): string {
  const lines = [
    '# Evaluation report',
    '',
    `Run ${run.startedAt} · golden accounts ${run.accounts.join(', ')} · ${run.sections.length} sections.`,
    '',
    '| variant | spec | summary p50 ms |',
    '| --- | --- | ---: |',
    ...run.variants.map((v) => `| ${v.name} | ${v.spec} | ${ms(summary.summaryP50[v.name] ?? null)} |`),
  ];
  const table = (title: string, rows: GroupScore[], keyTitle: string) => {
    lines.push(
      '',
      `## ${title}`,
      '',
      `| variant | ${keyTitle} | n | done | numbers ✓ | citations ✓ | unsupported | cosine | BLEU | ROUGE-1 | ROUGE-2 | ROUGE-L | p50 ms | p95 ms |`,
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const g of rows) {
      lines.push(
        `| ${g.variant} | ${g.key} | ${g.n} | ${pct(g.doneRate)} | ${pct(g.numbersPassRate)} | ${pct(g.citationsPassRate)} | ${g.unsupportedFigures} | ${num(g.means.cosine)} | ${num(g.means.bleu)} | ${num(g.means.rouge1)} | ${num(g.means.rouge2)} | ${num(g.means.rougeL)} | ${ms(g.latencyP50)} | ${ms(g.latencyP95)} |`,
      );
    }
  };
  table('Overall', summary.overall, 'scope');
  table('By section', sortBy(summary.bySection), 'section');
  table('By model', sortBy(summary.byModel), 'model');
  const failures = run.sections.filter((s) => s.status === 'failed');
  if (failures.length) {
    lines.push('', '## Failed sections', '');
    for (const f of failures)
      lines.push(`- ${f.variant} · account ${f.accountNo} · ${f.sectionId}: ${f.error}`);
  }
  lines.push(
    '',
    'numbers ✓: every figure is in the section’s input; citations ✓: every paragraph cites a provided source.',
    'Cosine, BLEU and ROUGE compare the output with the facts the prompt gave (its <data> block); they',
    'reward staying close to the data, so compare them between variants rather than against 1.',
  );
  return `${lines.join('\n')}\n`;
}

function sortBy(rows: GroupScore[]): GroupScore[] {
  return [...rows].sort((a, b) => a.key.localeCompare(b.key) || a.variant.localeCompare(b.variant));
}
