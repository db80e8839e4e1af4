import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/data/db.ts';
import { createLocalGroundedEngine, LOCAL_GROUNDED_MODEL } from '../../../../server/llm/local-grounded.ts';
import { checkSection } from '../../../../server/quality/check-section.ts';
import { compactCitations } from '../../../../server/quality/compact-citations.ts';
import { buildPromptContext } from '../../../../server/sections/prompt-context.ts';
import { loadPromptFiles, renderPrompt } from '../../../../server/sections/prompt-files.ts';
import { readSectionData } from '../../../../server/sections/read-section-data.ts';
import type { SectionData } from '../../../../server/sections/types.ts';
import type { Citation } from '../../../../shared/api.ts';
import { SECTION_IDS, type SectionId } from '../../../../shared/sections.ts';
import { ACCOUNTS, openDemoDatabase, PUBLIC_URL } from '../sections/demo-db.ts';
import { fullSectionData, sparseSectionData } from '../sections/fixtures.ts';

let db: Database;
beforeAll(async () => {
  db = await openDemoDatabase();
}, 60_000);
afterAll(() => db?.close());

const engine = createLocalGroundedEngine();

async function write(sectionId: SectionId, data: SectionData) {
  const file = (await loadPromptFiles())[sectionId];
  const prompt = renderPrompt(file, buildPromptContext(data));
  const out = await engine.write({
    sectionId,
    title: file.title,
    prompt,
    data,
    tier: file.tier,
    maxOutputTokens: 600,
  });
  const compact = compactCitations(out.markdown, data.sources);
  return {
    ...compact,
    model: out.model,
    raw: out.markdown,
    checks: checkSection(compact.markdown, data, compact.citations),
  };
}

// The table each citation kind points at, and how its record id is matched there.
const RECORD_SQL: Record<Citation['kind'], string> = {
  account: 'SELECT 1 FROM accounts WHERE id = $1',
  contact: 'SELECT 1 FROM contacts WHERE id = $1',
  opportunity: 'SELECT 1 FROM opportunities WHERE id = $1',
  activity: 'SELECT 1 FROM activities WHERE id = $1',
  usage: 'SELECT 1 FROM usage_monthly WHERE account_id = $1 LIMIT 1',
  support_case: 'SELECT 1 FROM support_cases WHERE id = $1',
  investment: 'SELECT 1 FROM investments WHERE id = $1',
  feature_request: 'SELECT 1 FROM feature_requests WHERE id = $1',
  insight: 'SELECT 1 FROM ml_insights WHERE id = $1',
  document: 'SELECT 1 FROM documents WHERE id = $1',
};

/** Only the panel's markdown subset: paragraphs, "- " bullets, **bold**, [Sn]. */
function expectMarkdownSubset(markdown: string) {
  expect(markdown).not.toMatch(/^\s*#/m);
  expect(markdown).not.toMatch(/\]\(|<[a-z/]|\|/i);
  expect(markdown).not.toMatch(/(^|[^*])\*([^*]|$)/);
  expect(markdown.split('**').length % 2).toBe(1);
  for (const block of markdown.split('\n')) if (block.trim()) expect(block).toMatch(/\[S\d+\]\.?$/);
}

describe('local grounded writer on the demo accounts', () => {
  it('writes every section for every account so that it passes its own checks', async () => {
    const files = await loadPromptFiles();
    for (const account of ACCOUNTS) {
      for (const id of SECTION_IDS) {
        const data = await readSectionData(db, account.owner, {
          sectionId: id,
          accountId: account.id,
          kinds: files[id].data,
          publicUrl: PUBLIC_URL,
        });
        const out = await write(id, data);
        const where = `${account.id} ${id}:\n${out.markdown}`;
        expect(out.model).toBe(LOCAL_GROUNDED_MODEL);
        expect(out.checks.numbers, where).toMatchObject({ passed: true, unsupported: [] });
        expect(out.checks.citations, where).toMatchObject({
          passed: true,
          unknownRefs: [],
          uncitedParagraphs: 0,
        });
        expect(out.checks.numbers!.checked, where).toBeGreaterThan(0);
        expectMarkdownSubset(out.markdown);
        // Every cited ref resolves to a record that exists.
        const rows = await db.asSystem(async (q) => {
          const found: number[] = [];
          for (const c of out.citations) found.push((await q.query(RECORD_SQL[c.kind], [c.recordId])).length);
          return found;
        });
        expect(
          rows.every((n) => n === 1),
          where,
        ).toBe(true);
        if (id === 'executive') expect(out.markdown.split('\n').length).toBeGreaterThanOrEqual(3);
        if (id === 'executive') expect(out.markdown.split('\n').length).toBeLessThanOrEqual(5);
      }
    }
  }, 60_000);

  it('is deterministic', async () => {
    const data = await readSectionData(db, ACCOUNTS[0]!.owner, {
      sectionId: 'pipeline',
      accountId: ACCOUNTS[0]!.id,
      kinds: ['account', 'opportunities', 'activities', 'meetings', 'meeting_notes'],
      publicUrl: PUBLIC_URL,
    });
    expect((await write('pipeline', data)).raw).toBe((await write('pipeline', data)).raw);
  });
});

describe('local grounded writer on hand-written data', () => {
  it('passes its checks with full data and puts the key facts in', async () => {
    for (const id of SECTION_IDS) {
      const out = await write(id, fullSectionData(id));
      expect(out.checks.numbers, out.markdown).toMatchObject({ passed: true });
      expect(out.checks.citations, out.markdown).toMatchObject({ passed: true });
      expectMarkdownSubset(out.markdown);
    }
    expect((await write('pipeline', fullSectionData('pipeline'))).markdown).toContain('**$1,250,000**');
    expect((await write('support', fullSectionData('support'))).markdown).toContain('Case 00012345');
    expect((await write('recommendations', fullSectionData('recommendations'))).markdown).toMatch(
      /\*\*Protect Object Storage\*\*: churn risk \*\*72%\*\*.*"Object Storage: lifecycle policies"/,
    );
  });

  it('says plainly what is missing when data is sparse, citing the account record', async () => {
    const expected: Record<SectionId, RegExp> = {
      executive: /^- Acme Robotics is an account in Berlin \[S1\]$/,
      organization: /No recent news or filings are on file for Acme Robotics \[S1\]\./,
      consumption: /^No product usage has been reported for Acme Robotics \[S1\]\.$/,
      pipeline: /^No open or recent opportunities are recorded for Acme Robotics \[S1\]\.$/,
      support: /No open support cases are recorded for Acme Robotics \[S1\]\./,
      recommendations: /^No model insights or playbooks point to a next step for Acme Robotics yet \[S1\]\.$/,
    };
    for (const id of SECTION_IDS) {
      const out = await write(id, sparseSectionData(id));
      expect(out.markdown).toMatch(expected[id]);
      expect(out.checks.citations!.passed).toBe(true);
      expect(out.checks.numbers!.passed).toBe(true);
      expect(out.citations.map((c) => c.kind)).toEqual(['account']);
    }
  });

  it('stops when the request is aborted', async () => {
    const signal = AbortSignal.abort();
    const data = fullSectionData('pipeline');
    await expect(
      engine.write({
        sectionId: 'pipeline',
        title: 't',
        prompt: 'p',
        data,
        tier: 'fast',
        maxOutputTokens: 1,
        signal,
      }),
    ).rejects.toThrow();
  });
});
