import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../server/data/db.ts';
import { ingestFiles } from '../../../server/ingest/ingest-files.ts';
import { createLocalLexicalEmbedder } from '../../../server/retrieval/local-lexical-embedder.ts';
import { retrieve } from '../../../server/retrieval/search.ts';
import { runCli } from '../../support/run-cli.ts';
import { countingEmbedder, seedFixture } from './fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-test-'));
const docs = join(dir, 'docs');
const embedder = countingEmbedder(createLocalLexicalEmbedder());
let db: Database;

const cli = (args: string[], dataDir: string) => runCli('server/ingest/cli.ts', args, dataDir);

const counts = () =>
  db.asSystem((q) =>
    q.query<{ d: number; c: number }>(
      'SELECT (SELECT count(*) FROM documents)::int AS d, (SELECT count(*) FROM chunks)::int AS c',
    ),
  );

beforeAll(async () => {
  mkdirSync(join(docs, 'guides'), { recursive: true });
  writeFileSync(
    join(docs, 'pricing.md'),
    '---\ntitle: Storage pricing guide\nproduct: Object Storage\npublished: 2024-03-01\n---\n# Pricing\n\nArchive tier costs **less** per GB.\n',
  );
  writeFileSync(
    join(docs, 'guides', 'onboarding.html'),
    '<html><head><title>Onboarding</title><script>track()</script></head><body><p>Kick-off within two weeks &amp; a named engineer.</p></body></html>',
  );
  writeFileSync(join(docs, 'notes.txt'), 'Plain text note about quarterly business reviews.');
  writeFileSync(join(docs, '.DS_Store'), 'ignored dot-file');
  db = await openDatabase({ memory: true });
  await seedFixture(db, []);
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingestFiles', () => {
  it('ingests a folder of Markdown, HTML and text, then finds nothing to do on a re-run', async () => {
    expect(await ingestFiles(db, embedder, docs)).toMatchObject({
      seen: 3,
      indexed: 3,
      unchanged: 0,
      chunksWritten: 3,
    });
    const texts = embedder.texts;
    expect(await ingestFiles(db, embedder, docs)).toMatchObject({ seen: 3, indexed: 0, unchanged: 3 });
    expect(embedder.texts).toBe(texts);
    const [hit] = await retrieve(db, 'carol@example.com', { query: 'kick-off named engineer' });
    expect(hit).toMatchObject({ title: 'Onboarding', kind: 'kb', accountId: null });
    expect(hit!.text).toBe('Kick-off within two weeks & a named engineer.');
    const [pricing] = await retrieve(db, 'carol@example.com', {
      query: 'archive tier',
      products: ['Object Storage'],
    });
    expect(pricing).toMatchObject({
      title: 'Storage pricing guide',
      publishedAt: '2024-03-01T00:00:00.000Z',
    });
  });

  it.each([
    ['unknown format', { 'a.pdf': '%PDF' }, {}, /unsupported format: .*a\.pdf/],
    ['empty file', { 'a.md': '' }, {}, /empty file/],
    ['no text after cleaning', { 'a.html': '<script>x()</script>' }, {}, /no text left/],
    ['bad front matter', { 'a.md': '---\nkind: memo\n---\ntext' }, {}, /front matter kind/],
    ['unknown account', { 'a.md': 'text' }, { account: 'acc-nope' }, /unknown account: acc-nope/],
    ['one bad file among good ones', { 'a.md': 'good', 'b.txt': '' }, {}, /b\.txt: empty file/],
  ])('rejects %s and changes nothing', async (_, files, defaults, message) => {
    const folder = mkdtempSync(join(dir, 'bad-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
    const before = await counts();
    await expect(ingestFiles(db, embedder, folder, defaults)).rejects.toThrow(message);
    expect(await counts()).toEqual(before);
  });

  it('rejects a file over 5 MB', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x');
    truncateSync(big, 5 * 1024 * 1024 + 1);
    await expect(ingestFiles(db, embedder, big)).rejects.toThrow(/over the 5 MB limit/);
  });
});

describe('npm run ingest', () => {
  it('prints a JSON summary, exits non-zero with a message on bad input', async () => {
    const dataDir = join(dir, 'pglite');
    const ok = await cli([docs], dataDir);
    expect(ok.code).toBe(0);
    const summary = JSON.parse(ok.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ mode: 'files', seen: 3, indexed: 3, unchanged: 0, chunksWritten: 3 });
    expect(summary.ms).toBeGreaterThanOrEqual(0);

    const badKind = await cli([docs, '--kind', 'memo'], dataDir);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/--kind/);
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF');
    const badFormat = await cli([pdf], dataDir);
    expect(badFormat.code).toBe(1);
    expect(badFormat.stderr).toMatch(/unsupported format/);

    const again = await cli(['--demo'], dataDir);
    expect(JSON.parse(again.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      mode: 'demo',
      seen: 3,
      indexed: 0,
      unchanged: 3,
    });
  }, 120_000);
});
