import type { Queryable } from '../data/db.ts';

export interface FeedbackGroup {
  /** Section id ('summary' for feedback on the whole summary), model or prompt version. */
  key: string;
  up: number;
  down: number;
  /** up / (up + down), 0..1, rounded to 3 decimals. */
  upShare: number;
  /** Down-vote reasons by count, most frequent first ('unspecified' when none was given). */
  reasons: { reason: string; count: number }[];
}

export interface FeedbackReport {
  since: string | null;
  total: number;
  bySection: FeedbackGroup[];
  /** Keyed `section · model`: the same model can do well on one section and badly on another. */
  byModel: FeedbackGroup[];
  byPromptVersion: FeedbackGroup[];
  /** The latest comments on down-votes, newest first (only when asked for). */
  comments: { section: string; reason: string | null; comment: string; at: string }[];
}

interface Row {
  section: string;
  model: string | null;
  prompt_version: string | null;
  rating: 'up' | 'down';
  reason: string | null;
  n: number;
}

/**
 * Aggregates stored feedback (run it as the system: it reads every user's feedback). Feedback holds
 * no generated content, and the report names no user or account.
 */
export async function buildFeedbackReport(
  q: Queryable,
  options: { since?: string; comments?: number } = {},
): Promise<FeedbackReport> {
  const since = options.since ?? null;
  const rows = await q.query<Row>(
    `SELECT coalesce(section_id, 'summary') AS section, model, prompt_version, rating, reason, count(*)::int AS n
       FROM feedback WHERE $1::timestamptz IS NULL OR created_at >= $1::timestamptz
      GROUP BY 1, 2, 3, 4, 5`,
    [since],
  );
  const comments = options.comments
    ? await q.query<{ section: string; reason: string | null; comment: string; at: string }>(
        `SELECT coalesce(section_id, 'summary') AS section, reason, comment, created_at AS at
           FROM feedback
          WHERE rating = 'down' AND comment IS NOT NULL
            AND ($1::timestamptz IS NULL OR created_at >= $1::timestamptz)
          ORDER BY created_at DESC, id DESC LIMIT $2`,
        [since, options.comments],
      )
    : [];
  return {
    since,
    total: rows.reduce((n, r) => n + r.n, 0),
    bySection: groupBy(rows, (r) => r.section),
    byModel: groupBy(rows, (r) => `${r.section} · ${r.model ?? 'n/a'}`),
    byPromptVersion: groupBy(rows, (r) => `${r.section} · v${r.prompt_version ?? 'n/a'}`),
    comments: comments.map((c) => ({ ...c, at: new Date(c.at).toISOString() })),
  };
}

function groupBy(rows: readonly Row[], keyOf: (r: Row) => string): FeedbackGroup[] {
  const groups = new Map<string, { up: number; down: number; reasons: Map<string, number> }>();
  for (const r of rows) {
    const key = keyOf(r);
    const g = groups.get(key) ?? { up: 0, down: 0, reasons: new Map<string, number>() };
    g[r.rating] += r.n;
    if (r.rating === 'down') {
      const reason = r.reason ?? 'unspecified';
      g.reasons.set(reason, (g.reasons.get(reason) ?? 0) + r.n);
    }
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      up: g.up,
      down: g.down,
      upShare: Math.round((g.up / (g.up + g.down)) * 1000) / 1000,
      reasons: [...g.reasons.entries()]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The report as Markdown: one table per grouping, then the comments. */
export function renderFeedbackReport(report: FeedbackReport): string {
  const lines = [
    `# Feedback report${report.since ? ` since ${report.since}` : ''}`,
    '',
    `${report.total} rating${report.total === 1 ? '' : 's'}.`,
  ];
  const table = (title: string, groups: FeedbackGroup[]) => {
    lines.push('', `## ${title}`, '', '| | 👍 | 👎 | % up | why 👎 |', '| --- | ---: | ---: | ---: | --- |');
    for (const g of groups) {
      const why = g.reasons.map((r) => `${r.reason.replaceAll('_', ' ')} ${r.count}`).join(', ');
      lines.push(`| ${cell(g.key)} | ${g.up} | ${g.down} | ${(g.upShare * 100).toFixed(1)} | ${why} |`);
    }
    if (!groups.length) lines.push('| (no feedback) | | | | |');
  };
  table('By section', report.bySection);
  table('By section and model', report.byModel);
  table('By section and prompt version', report.byPromptVersion);
  if (report.comments.length) {
    lines.push('', '## Latest comments on 👎', '');
    for (const c of report.comments)
      lines.push(
        `- ${c.at.slice(0, 10)} · ${c.section}${c.reason ? ` · ${c.reason}` : ''}: ${cell(c.comment)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** One line, no table-breaking pipes. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replaceAll('|', '\\|').trim();
}
