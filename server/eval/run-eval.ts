import type { Checks } from '../../shared/api.ts';
import { SECTION_IDS, type SectionId } from '../../shared/sections.ts';
import { type Database, openDatabase } from '../data/db.ts';
import { accountId } from '../data/demo/ids.ts';
import { seedDemo } from '../data/demo/seed.ts';
import { ownerOf } from '../data/demo/users.ts';
import { indexDocuments } from '../ingest/index-documents.ts';
import { localProviders } from '../retrieval/providers.ts';
import { generateSummary } from '../sections/generate-summary.ts';
import { createSummaryRequest } from '../summaries/summary-requests.ts';
import type { Variant } from './variants.ts';

export interface SectionResult {
  variant: string;
  accountNo: number;
  sectionId: SectionId;
  status: 'done' | 'failed';
  model: string | null;
  promptVersion: string | null;
  latencyMs: number | null;
  checks: Checks;
  error: string | null;
}

export interface EvalRun {
  startedAt: string;
  variants: { name: string; spec: string }[];
  accounts: number[];
  sections: SectionResult[];
  /** Wall time of each whole summary (all sections in parallel), per variant. */
  summaryMs: Record<string, number[]>;
}

interface SectionRow {
  section_id: SectionId;
  status: 'done' | 'failed';
  model: string | null;
  prompt_version: string | null;
  latency_ms: number | null;
  checks: Checks;
  error: string | null;
}

/**
 * Runs the golden accounts through the production pipeline (summary request → retrieval-fed facts
 * → prompt → engine → checks, the same generateSummary the server runs) once per variant, on a
 * fresh in-memory demo database, and collects each section's checks, model, prompt version and
 * latency. Accounts run one after another; each summary's sections run in parallel, as in
 * production. Generated text is not kept: only the checks are.
 */
export async function runEval(options: {
  accounts: readonly number[];
  variants: readonly Variant[];
  log?: (line: string) => void;
}): Promise<EvalRun> {
  const log = options.log ?? (() => {});
  const startedAt = new Date().toISOString();
  const db = await openDatabase({ memory: true });
  try {
    await seedDemo(db, { accounts: Math.max(...options.accounts, 1) });
    const retrieval = localProviders();
    await indexDocuments(db, retrieval.embedder);
    const run: EvalRun = {
      startedAt,
      variants: options.variants.map(({ name, spec }) => ({ name, spec })),
      accounts: [...options.accounts],
      sections: [],
      summaryMs: {},
    };
    for (const variant of options.variants) {
      run.summaryMs[variant.name] = [];
      for (const no of options.accounts) {
        const started = performance.now();
        const rows = await summarize(db, variant, no, retrieval, log);
        run.summaryMs[variant.name]!.push(Math.round(performance.now() - started));
        for (const r of rows) {
          run.sections.push({
            variant: variant.name,
            accountNo: no,
            sectionId: r.section_id,
            status: r.status,
            model: r.model,
            promptVersion: r.prompt_version,
            latencyMs: r.latency_ms,
            checks: r.checks,
            error: r.error,
          });
        }
        log(
          `${variant.name} · account ${no}: ${rows.filter((r) => r.status === 'done').length}/${rows.length} sections`,
        );
      }
    }
    return run;
  } finally {
    await db.close();
  }
}

async function summarize(
  db: Database,
  variant: Variant,
  no: number,
  retrieval: ReturnType<typeof localProviders>,
  log: (line: string) => void,
): Promise<SectionRow[]> {
  const userId = ownerOf(no);
  const created = await createSummaryRequest(
    db,
    userId,
    { accountId: accountId(no), sections: [...SECTION_IDS], refresh: true },
    3_600,
  );
  await generateSummary(
    {
      db,
      engine: variant.engine,
      publicUrl: 'http://eval.local',
      retrieval,
      promptsDir: variant.promptsDir,
      log,
    },
    { requestId: created.requestId, userId, accountId: accountId(no), sections: created.sections },
  );
  return db.asSystem((q) =>
    q.query<SectionRow>(
      `SELECT section_id, status, model, prompt_version, latency_ms, checks, error
         FROM summary_sections WHERE request_id = $1 ORDER BY position`,
      [created.requestId],
    ),
  );
}
