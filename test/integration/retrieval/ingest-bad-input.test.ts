import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../server/data/db.ts';
import { indexDocuments } from '../../../server/ingest/index-documents.ts';
import { IngestError } from '../../../server/ingest/ingest-error.ts';
import { ingestFiles } from '../../../server/ingest/ingest-files.ts';
import { MAX_FILE_BYTES } from '../../../server/ingest/read-source-files.ts';
import { createLocalLexicalEmbedder } from '../../../server/retrieval/local-lexical-embedder.ts';
import { RetrievalInputError } from '../../../server/retrieval/retrieve-input.ts';
import { retrieve } from '../../../server/retrieval/search.ts';
import { seedFixture } from './fixture.ts';

/**
 * "Bad input (unknown document format, empty file, oversized file, invalid filter) gets a clear
 * error and changes nothing": the cases ingest-cli.test.ts does not cover, each checked against a
 * snapshot of documents, chunks and document_index (ids, hashes, vectors), not only row counts.
 */

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'ingest-bad-'));
const embedder = createLocalLexicalEmbedder();
let db: Database;
let good: string;

/** Every indexed fact that a bad run could touch, as one comparable string. */
const snapshot = () =>
  db.asSystem(async (q) =>
    JSON.stringify([
      await q.query(
        'SELECT id, account_id, kind, title, url, source, product, published_at, content_hash, md5(body) FROM documents ORDER BY id',
      ),
      await q.query(
        'SELECT document_id, ord, account_id, kind, md5(text) AS t, md5(embedding::text) AS e FROM chunks ORDER BY document_id, ord',
      ),
      await q.query(
        'SELECT document_id, content_key, metadata_key, chunk_count FROM document_index ORDER BY 1',
      ),
    ]),
  );

/** A fresh folder holding the given files (names may contain a sub-folder). */
function folder(files: Record<string, string | Buffer>): string {
  const path = mkdtempSync(join(dir, 'case-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(path, name, '..'), { recursive: true });
    writeFileSync(join(path, name), content);
  }
  return path;
}

const GOOD = {
  'a-pricing.md': '---\ntitle: Pricing\nproduct: Object Storage\n---\nArchive tier costs less per GB.\n',
  'b-onboarding.html': '<title>Onboarding</title><p>Kick-off within two weeks.</p>',
};

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  await seedFixture(db);
  await indexDocuments(db, embedder);
  good = folder(GOOD);
  await ingestFiles(db, embedder, good);
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function expectRejected(path: string, message: RegExp, defaults = {}) {
  const before = await snapshot();
  const error = await ingestFiles(db, embedder, path, defaults).then(
    () => null,
    (e: Error) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  expect(error!.message).toMatch(message);
  expect(error!.message).not.toContain('\n');
  expect(await snapshot()).toBe(before);
}

describe('ingestFiles rejects bad input and changes nothing', () => {
  it.each([
    ['a .docx', { 'a.docx': 'PK\u0003\u0004' }, /unsupported format: .*a\.docx \(supported: \.html/],
    ['a file without extension', { README: 'text' }, /unsupported format: .*README/],
    ['a backup name', { 'notes.md.bak': 'text' }, /unsupported format: .*notes\.md\.bak/],
    ['a whitespace-only file', { 'a.txt': '  \n\t \r\n  \n' }, /a\.txt: no text left after cleaning/],
    [
      'invisible characters only',
      { 'a.txt': '\ufeff\u200b \u2060\n' },
      /a\.txt: no text left after cleaning/,
    ],
    ['front matter and no body', { 'a.md': '---\ntitle: Empty\n---\n  \n' }, /a\.md: no text left/],
    ['Markdown markup only', { 'a.md': '# \n\n---\n\n<script>x()</script>\n' }, /a\.md: no text left/],
    ['an impossible date', { 'a.md': '---\npublished: 2024-02-30\n---\ntext' }, /front matter published/],
    ['a month 13', { 'a.md': '---\npublished: 2024-13-01\n---\ntext' }, /front matter published/],
    ['a date in words', { 'a.md': '---\npublished: yesterday\n---\ntext' }, /front matter published/],
    ['a timestamp without offset', { 'a.md': '---\npublished: 2024-06-01T10:00\n---\ntext' }, /published/],
    ['an invalid url', { 'a.md': '---\nurl: not a url\n---\ntext' }, /front matter url/],
    ['an unsafe id', { 'a.md': '---\nid: ../../etc/passwd\n---\ntext' }, /front matter id/],
    ['an empty title', { 'a.md': '---\ntitle: "  "\n---\ntext' }, /front matter title/],
    ['front matter that is a list', { 'a.md': '---\n- a\n- b\n---\ntext' }, /must be a YAML mapping/],
    ['front matter that is not YAML', { 'a.md': '---\ntitle: [unclosed\n---\ntext' }, /not valid YAML/],
    [
      'an unknown account in front matter',
      { 'a.md': '---\naccount: acc-nope\n---\ntext' },
      /unknown account: acc-nope/,
    ],
    [
      'bytes that are not UTF-8',
      { 'a.txt': Buffer.from([0x66, 0xff, 0xfe, 0x80]) },
      /a\.txt: not UTF-8 text/,
    ],
    [
      'two files claiming one id',
      { 'a.md': '---\nid: same\n---\none', 'b.md': '---\nid: same\n---\ntwo' },
      /"same" is also used by/,
    ],
  ])('%s', async (_, files, message) => {
    await expectRejected(folder(files), message);
  });

  it('a path that does not exist, an empty folder, a folder of dot-files', async () => {
    await expectRejected(join(dir, 'missing'), /missing: no such file or folder/);
    await expectRejected(folder({}), /no files to ingest \(\.html/);
    await expectRejected(folder({ '.hidden/a.md': 'text', '.b.txt': 'text' }), /no files to ingest/);
  });

  it('an oversized file, alone or among good ones, without reading it', async () => {
    const mixed = folder({ ...GOOD, 'z-big.txt': 'x' });
    truncateSync(join(mixed, 'z-big.txt'), MAX_FILE_BYTES + 1);
    await expectRejected(join(mixed, 'z-big.txt'), /z-big\.txt: 5\.0 MB is over the 5 MB limit/);
    await expectRejected(mixed, /z-big\.txt: .* over the 5 MB limit/);
  });

  it('a batch is all or nothing: changed good files stay unchanged when one file is bad', async () => {
    // Same names as the ingested folder, so the good files map to existing rows and would update them.
    for (const [bad, message] of [
      [{ 'z.txt': '' }, /z\.txt: empty file/],
      [{ 'sub/z.pdf': '%PDF' }, /unsupported format: .*z\.pdf/],
      [{ 'z.md': '---\npublished: someday\n---\nx' }, /z\.md: front matter published/],
    ] as const) {
      const changed = folder({
        ...GOOD,
        'a-pricing.md': `${GOOD['a-pricing.md']}\nNew price list.\n`,
        ...bad,
      });
      await expectRejected(changed, message);
    }
    await expectRejected(good, /unknown account: acc-nope/, { account: 'acc-nope' });
    // The same folder with the bad file gone goes through: the rejection was about that file only.
    expect(await ingestFiles(db, embedder, folder(GOOD))).toMatchObject({ seen: 2 });
  });

  // Year 0 is valid ISO 8601 but not a PostgreSQL timestamp: it must be refused up front, by name.
  it('year 0000 is reported as an IngestError naming the field', async () => {
    await expectRejected(folder({ 'a.md': '---\npublished: "0000-01-01"\n---\ntext' }), /published/);
  });
});

describe('npm run ingest with bad input', () => {
  const cli = (args: string[], dataDir: string) =>
    run(process.execPath, ['--import', 'tsx', 'server/ingest/cli.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DB_MEMORY: 'false' },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('exits non-zero with one readable line and no stack, before creating a database', async () => {
    const dataDir = join(dir, 'cli-pglite');
    const cases: [string[], number, RegExp][] = [
      [[folder({ 'a.txt': '' })], 1, /^ingest: .*a\.txt: empty file$/],
      [[folder({ 'a.txt': ' \n\t\n' })], 1, /^ingest: .*a\.txt: no text left after cleaning$/],
      [[join(dir, 'missing')], 1, /^ingest: .*missing: no such file or folder$/],
      [
        [folder({ 'a.md': '---\npublished: 2024-13-01\n---\nx' })],
        1,
        /^ingest: .*a\.md: front matter published: /,
      ],
      [[folder(GOOD), '--product', ''], 2, /^invalid option: --product: /],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(args, dataDir)));
    results.forEach((r, i) => {
      const [args, code, message] = cases[i]!;
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});

describe('retrieve rejects an invalid filter before reading anything', () => {
  it.each([
    [{ query: 'storage', products: [] }, 'products'],
    [{ query: 'storage', kinds: 'kb' }, 'kinds'],
    [{ query: 'storage', to: '2024-02-30' }, 'to'],
    [{ query: 'storage', includeGlobal: 'yes' }, 'includeGlobal'],
    [{ query: 'storage', k: 51 }, 'k'],
    [{ query: 'x'.repeat(4_001) }, 'query'],
    [{ query: 'storage', accountId: 'x'.repeat(201) }, 'accountId'],
  ])('%j names %s', async (input, field) => {
    const error = await retrieve(db, 'alice@example.com', input as never).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(RetrievalInputError);
    expect(error!.message).toMatch(new RegExp(`^${field}\\b`));
  });
});
