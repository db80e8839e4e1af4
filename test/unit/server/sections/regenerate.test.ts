import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/data/db.ts';
import { EngineError, type SectionEngine, type SectionWriteInput } from '../../../../server/llm/engine.ts';
import { createLocalGroundedEngine } from '../../../../server/llm/local-grounded.ts';
import { generateSummary } from '../../../../server/sections/generate-summary.ts';
import { SECTION_TITLES, type SectionId } from '../../../../shared/sections.ts';
import { ACCOUNTS, openDemoDatabase, PUBLIC_URL } from './demo-db.ts';

let db: Database;
beforeAll(async () => {
  db = await openDemoDatabase();
}, 60_000);
afterAll(() => db?.close());

const alice = ACCOUNTS[0]!;
const local = createLocalGroundedEngine();
const INVENTED = '$9,999,999';
const invent = async (input: SectionWriteInput) => {
  const { markdown } = await local.write(input);
  return `${markdown}\n- Revenue reached **${INVENTED}** last quarter. [S1]`;
};

/**
 * A stand-in model: the answer of call n is `answers[n]` (clean = the local writer's grounded text,
 * invent = the same plus an invented figure, or an error), one list per section.
 */
function model(answers: ('clean' | 'invent' | Error)[], regenerate = true) {
  const prompts: string[] = [];
  const engine: SectionEngine = {
    name: 'test-model',
    regenerateOnFailedNumbers: regenerate,
    async write(input) {
      prompts.push(input.prompt);
      const answer = answers[prompts.length - 1] ?? 'clean';
      if (answer instanceof Error) throw answer;
      const markdown = answer === 'invent' ? await invent(input) : (await local.write(input)).markdown;
      return { markdown, model: 'model-x', usage: { inputTokens: 100, outputTokens: 20 }, attempts: 1 };
    },
  };
  return { engine, prompts };
}

async function runOne(engine: SectionEngine, sectionId: SectionId = 'pipeline') {
  const requestId = randomUUID();
  await db.asUser(alice.owner, async (q) => {
    await q.query(
      `INSERT INTO summary_requests (id, user_id, account_id, status, sections, expires_at)
       VALUES ($1, $2, $3, 'pending', $4, now() + interval '10 minutes')`,
      [requestId, alice.owner, alice.id, [sectionId]],
    );
    await q.query(
      `INSERT INTO summary_sections (request_id, section_id, position, title, status) VALUES ($1, $2, 0, $3, 'pending')`,
      [requestId, sectionId, SECTION_TITLES[sectionId]],
    );
  });
  const lines: string[] = [];
  await generateSummary(
    { db, engine, publicUrl: PUBLIC_URL, log: (l) => lines.push(l) },
    { requestId, userId: alice.owner, accountId: alice.id, sections: [sectionId] },
  );
  const [row] = await db.asSystem((q) =>
    q.query<{
      status: string;
      markdown: string;
      model: string;
      checks: { numbers: { passed: boolean; unsupported: string[] } };
    }>('SELECT status, markdown, model, checks FROM summary_sections WHERE request_id = $1', [requestId]),
  );
  return { row: row!, lines };
}

describe('regenerating a section whose figures fail the numbers check', () => {
  it('writes it again with a correction listing the invented figures, and ships the clean version', async () => {
    const { engine, prompts } = model(['invent', 'clean']);
    const { row, lines } = await runOne(engine);
    expect(prompts).toHaveLength(2);
    expect(prompts[0]).not.toContain('<correction>');
    expect(prompts[1]!.startsWith(prompts[0]!.trimEnd())).toBe(true);
    expect(prompts[1]).toMatch(
      /<correction>\nYour previous answer contained figures that are not in <data>: "\$9,999,999"\./,
    );
    expect(prompts[1]).toContain('copied exactly');
    expect(row).toMatchObject({ status: 'done', model: 'model-x (regenerated)' });
    expect(row.markdown).not.toContain(INVENTED);
    expect(row.checks.numbers).toMatchObject({ passed: true, unsupported: [] });
    expect(lines).toEqual([]);
  });

  it('ships the second version with the figures still unsupported flagged for marking', async () => {
    const { engine, prompts } = model(['invent', 'invent']);
    const { row } = await runOne(engine, 'executive');
    expect(prompts).toHaveLength(2);
    expect(row).toMatchObject({ status: 'done', model: 'model-x (regenerated)' });
    expect(row.markdown).toContain(INVENTED);
    // The panel marks every figure listed here in the shipped markdown.
    expect(row.checks.numbers).toMatchObject({ passed: false, unsupported: [INVENTED] });
  });

  it('keeps the first version, flagged, when the second call fails', async () => {
    const { engine, prompts } = model(['invent', new EngineError('model is throttled')]);
    const { row, lines } = await runOne(engine);
    expect(prompts).toHaveLength(2);
    expect(row).toMatchObject({ status: 'done', model: 'model-x' });
    expect(row.checks.numbers).toMatchObject({ passed: false, unsupported: [INVENTED] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /regeneration failed, keeping the first version: EngineError: model is throttled$/,
    );
    expect(lines[0]).not.toContain(INVENTED);
  });

  it('does not regenerate a clean answer, nor for engines that do not ask for it', async () => {
    const clean = model(['clean', 'clean']);
    expect((await runOne(clean.engine)).row.model).toBe('model-x');
    expect(clean.prompts).toHaveLength(1);

    const plain = model(['invent', 'clean'], false);
    const { row } = await runOne(plain.engine);
    expect(plain.prompts).toHaveLength(1);
    expect(row.checks.numbers).toMatchObject({ passed: false, unsupported: [INVENTED] });
  });
});
