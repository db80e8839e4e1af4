import type { EvalRun, SectionResult } from './run-eval.ts';

export const METRICS = ['cosine', 'bleu', 'rouge1', 'rouge2', 'rougeL'] as const;
export type MetricName = (typeof METRICS)[number];

/** Scores of a group of section results; rates and means in 0..1, latencies in ms. */
export interface GroupScore {
  variant: string;
  /** Section id, model id, or 'all'. */
  key: string;
  n: number;
  doneRate: number;
  numbersPassRate: number;
  citationsPassRate: number;
  unsupportedFigures: number;
  means: Record<MetricName, number | null>;
  latencyP50: number | null;
  latencyP95: number | null;
}

export interface EvalSummary {
  bySection: GroupScore[];
  byModel: GroupScore[];
  overall: GroupScore[];
  summaryP50: Record<string, number | null>;
}

export function summarizeRun(run: EvalRun): EvalSummary {
  const groups = (keyOf: (s: SectionResult) => string) => {
    const map = new Map<string, SectionResult[]>();
    for (const s of run.sections) {
      const key = `${s.variant}\u0000${keyOf(s)}`;
      map.set(key, [...(map.get(key) ?? []), s]);
    }
    return [...map.entries()].map(([key, list]) => {
      const [variant, k] = key.split('\u0000') as [string, string];
      return score(variant, k, list);
    });
  };
  return {
    bySection: groups((s) => s.sectionId),
    byModel: groups((s) => s.model ?? 'none'),
    overall: groups(() => 'all'),
    summaryP50: Object.fromEntries(
      Object.entries(run.summaryMs).map(([variant, times]) => [variant, percentile(times, 0.5)]),
    ),
  };
}

function score(variant: string, key: string, list: readonly SectionResult[]): GroupScore {
  const done = list.filter((s) => s.status === 'done');
  const rate = (pass: (s: SectionResult) => boolean) => round(list.filter(pass).length / list.length);
  const mean = (m: MetricName) => {
    const values = done.flatMap((s) => (s.checks.metrics ? [s.checks.metrics[m]] : []));
    return values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null;
  };
  const latencies = done.flatMap((s) => (s.latencyMs === null ? [] : [s.latencyMs]));
  return {
    variant,
    key,
    n: list.length,
    doneRate: rate((s) => s.status === 'done'),
    // A failed section passes nothing: it counts against the variant, not out of the sample.
    numbersPassRate: rate((s) => s.status === 'done' && s.checks.numbers?.passed === true),
    citationsPassRate: rate((s) => s.status === 'done' && s.checks.citations?.passed === true),
    unsupportedFigures: done.reduce((n, s) => n + (s.checks.numbers?.unsupported.length ?? 0), 0),
    means: Object.fromEntries(METRICS.map((m) => [m, mean(m)])) as Record<MetricName, number | null>,
    latencyP50: percentile(latencies, 0.5),
    latencyP95: percentile(latencies, 0.95),
  };
}

/** Nearest-rank percentile; null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
