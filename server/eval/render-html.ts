import type { EvalSummary, GroupScore } from './aggregate.ts';
import type { EvalRun } from './run-eval.ts';

const COLORS = ['#0b5cab', '#d97706', '#15803d', '#9333ea', '#dc2626', '#0891b2'];

interface Chart {
  title: string;
  value: (g: GroupScore) => number | null;
  /** Fixed axis maximum (rates and scores); latency scales to its data. */
  max?: number;
  format: (x: number) => string;
}

const CHARTS: Chart[] = [
  {
    title: 'Numbers check passed',
    value: (g) => g.numbersPassRate,
    max: 1,
    format: (x) => `${Math.round(x * 100)}%`,
  },
  {
    title: 'Citations check passed',
    value: (g) => g.citationsPassRate,
    max: 1,
    format: (x) => `${Math.round(x * 100)}%`,
  },
  { title: 'ROUGE-L F1 vs input', value: (g) => g.means.rougeL, max: 1, format: (x) => x.toFixed(2) },
  { title: 'Cosine similarity vs input', value: (g) => g.means.cosine, max: 1, format: (x) => x.toFixed(2) },
  { title: 'BLEU vs input', value: (g) => g.means.bleu, max: 1, format: (x) => x.toFixed(2) },
  { title: 'Section latency p50 (ms)', value: (g) => g.latencyP50, format: (x) => `${Math.round(x)}` },
];

/** A self-contained HTML page (inline CSS and SVG, no scripts) with one grouped bar chart per metric. */
export function renderHtml(run: EvalRun, summary: EvalSummary, markdownTables: string): string {
  const variants = run.variants.map((v) => v.name);
  const sections = [...new Set(summary.bySection.map((g) => g.key))];
  const legend = variants
    .map(
      (v, i) => `<span class="key"><i style="background:${COLORS[i % COLORS.length]}"></i>${esc(v)}</span>`,
    )
    .join('');
  const charts = CHARTS.map((c) => chart(c, sections, variants, summary.bySection)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evaluation report</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2937;max-width:1100px}
h1{font-size:22px}h2{font-size:16px;margin-top:28px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:16px}
figure{margin:0;border:1px solid #e5e7eb;border-radius:8px;padding:8px}
figcaption{font-weight:600;margin-bottom:4px}
.key{margin-right:14px}.key i{display:inline-block;width:10px;height:10px;margin-right:5px;border-radius:2px}
pre{background:#f8fafc;border:1px solid #e5e7eb;padding:12px;overflow:auto;font-size:12px}
</style></head><body>
<h1>Evaluation report</h1>
<p>${esc(run.startedAt)} · golden accounts ${esc(run.accounts.join(', '))} · ${run.sections.length} sections</p>
<ul>${run.variants.map((v) => `<li><b>${esc(v.name)}</b>: ${esc(v.spec)}</li>`).join('')}</ul>
<p>${legend}</p>
<div class="grid">
${charts}
</div>
<h2>Tables</h2>
<pre>${esc(markdownTables)}</pre>
</body></html>
`;
}

function chart(c: Chart, sections: string[], variants: string[], rows: GroupScore[]): string {
  const value = (s: string, v: string) => {
    const g = rows.find((r) => r.key === s && r.variant === v);
    return g ? c.value(g) : null;
  };
  const all = sections.flatMap((s) => variants.map((v) => value(s, v) ?? 0));
  const max = c.max ?? Math.max(1, ...all) * 1.1;
  const [w, h, left, bottom] = [340, 190, 8, 34];
  const band = (w - left * 2) / sections.length;
  const bar = Math.max(3, (band - 10) / variants.length);
  const plot = h - bottom - 14;
  const bars = sections.flatMap((s, si) =>
    variants.map((v, vi) => {
      const x = left + si * band + 5 + vi * bar;
      const val = value(s, v);
      const bh = val === null ? 0 : Math.max(1, (val / max) * plot);
      const label = val === null ? 'n/a' : c.format(val);
      return `<rect x="${x.toFixed(1)}" y="${(14 + plot - bh).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${bh.toFixed(1)}" fill="${COLORS[vi % COLORS.length]}"><title>${esc(`${s} · ${v}: ${label}`)}</title></rect>`;
    }),
  );
  const labels = sections.map(
    (s, si) =>
      `<text x="${(left + si * band + band / 2).toFixed(1)}" y="${h - bottom + 14}" font-size="10" text-anchor="middle">${esc(s)}</text>`,
  );
  return `<figure><figcaption>${esc(c.title)}</figcaption>
<svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${esc(c.title)}">
<line x1="${left}" x2="${w - left}" y1="${14 + plot}" y2="${14 + plot}" stroke="#9ca3af"/>
<text x="${left}" y="10" font-size="10" fill="#6b7280">max ${esc(c.format(max))}</text>
${bars.join('\n')}
${labels.join('\n')}
</svg></figure>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
