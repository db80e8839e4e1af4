import type { RequestStatus, SummaryResponse } from '../../shared/api.ts';
import type { Database, Queryable } from '../data/db.ts';

interface RequestRow {
  id: string;
  account_id: string;
  status: RequestStatus;
  created_at: string;
  name: string;
  industry: string | null;
  website: string | null;
}

interface SectionRow {
  section_id: SummaryResponse['sections'][number]['id'];
  title: string;
  status: SummaryResponse['sections'][number]['status'];
  markdown: string | null;
  citations: SummaryResponse['sections'][number]['citations'];
  checks: SummaryResponse['sections'][number]['checks'];
  chart: SummaryResponse['sections'][number]['chart'];
  model: string | null;
  latency_ms: number | null;
  error: string | null;
}

/** Reads a summary as the user; null when it is unknown, expired or not theirs (RLS). */
export function readSummary(
  db: Database,
  userId: string,
  requestId: string,
): Promise<SummaryResponse | null> {
  return db.asUser(userId, (q) => readSummaryIn(q, requestId));
}

export async function readSummaryIn(q: Queryable, requestId: string): Promise<SummaryResponse | null> {
  const [request] = await q.query<RequestRow>(
    `SELECT r.id, r.account_id, r.status, r.created_at, a.name, a.industry, a.website
       FROM summary_requests r JOIN accounts a ON a.id = r.account_id
      WHERE r.id = $1 AND r.expires_at > now()`,
    [requestId],
  );
  if (!request) return null;
  const sections = await q.query<SectionRow>(
    `SELECT section_id, title, status, markdown, citations, checks, chart, model, latency_ms, error
       FROM summary_sections WHERE request_id = $1 ORDER BY position`,
    [requestId],
  );
  return {
    requestId: request.id,
    accountId: request.account_id,
    account: {
      id: request.account_id,
      name: request.name,
      industry: request.industry,
      website: request.website,
    },
    status: request.status,
    createdAt: request.created_at,
    sections: sections.map((s) => ({
      id: s.section_id,
      title: s.title,
      status: s.status,
      markdown: s.markdown,
      citations: s.citations,
      checks: s.checks,
      chart: s.chart,
      model: s.model,
      latencyMs: s.latency_ms,
      error: s.error,
    })),
  };
}
