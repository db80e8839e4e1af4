/**
 * Micro-benchmark of the local retrieval helpers' CPU (lexical embedder, BM25 reranker, snippets,
 * token counting). Not a test:
 *
 *   npx tsx bench/retrieval-cpu.ts [--out /tmp/retrieval-cpu/out.json]
 *
 * The inputs come from the real pipeline once (in-memory database, demo seed, demo documents
 * indexed, each account's three document queries run through retrieve() with a reranker that
 * records the candidates it is shown) and are cached in a JSON fixture under /tmp (delete it to
 * capture again), so later runs time exactly the same inputs while the code under test changes.
 * Every output (vectors as the hex of their float64 bits, scores, snippets, token counts) is
 * written to --out, to diff before and after a change. ITERATIONS=n sets the timed rounds.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/data/db.ts';
import { accountId } from '../server/data/demo/ids.ts';
import { seedDemo } from '../server/data/demo/seed.ts';
import { ownerOf } from '../server/data/demo/users.ts';
import { indexDocuments } from '../server/ingest/index-documents.ts';
import { fitToBudget } from '../server/retrieval/fit-budget.ts';
import { lexicalTerms } from '../server/retrieval/lexical-terms.ts';
import { createLocalLexicalEmbedder, embedLexical } from '../server/retrieval/local-lexical-embedder.ts';
import { scoreBm25 } from '../server/retrieval/local-lexical-reranker.ts';
import { retrieve } from '../server/retrieval/search.ts';
import { snippetOf } from '../server/retrieval/snippet.ts';
import { countTokens } from '../server/retrieval/tokens.ts';
import { fetchDocumentFocus } from '../server/sections/facts/document-focus.ts';
import { DOCUMENT_KINDS, documentQuery, EXCERPT_CHARS } from '../server/sections/facts/document-queries.ts';
import { rng, table } from './stats.ts';

const DIR = '/tmp/retrieval-cpu';
const FIXTURE = `${DIR}/fixture.json`;
const ACCOUNTS = 24;
// Fixed, so a capture on another day sees the same demo data.
const ANCHOR = new Date('2026-01-15T00:00:00Z');
const ITERATIONS = Number(process.env.ITERATIONS ?? 100);

/** One retrieval as a summary runs it: the query, what the reranker saw and what came back. */
interface Retrieval {
  label: string;
  query: string;
  candidates: string[];
  chunks: string[];
}

interface Fixture {
  retrievals: Retrieval[];
  /** What indexing embeds: `${title}\n\n${chunk}` for every demo chunk. */
  indexed: string[];
  /** Quality-check sized texts (1–3 KB): a few retrieved passages joined, as a section's reference. */
  quality: string[];
}

async function capture(): Promise<Fixture> {
  const db = await openDatabase({ memory: true });
  try {
    await seedDemo(db, { accounts: ACCOUNTS, anchor: ANCHOR });
    await indexDocuments(db, createLocalLexicalEmbedder());
    const rows = await db.asSystem((q) =>
      q.query<{ title: string; text: string }>(
        'SELECT d.title, c.text FROM chunks c JOIN documents d ON d.id = c.document_id ORDER BY c.id',
      ),
    );
    const retrievals: Retrieval[] = [];
    for (let no = 1; no <= ACCOUNTS; no++) {
      const account = accountId(no);
      const user = ownerOf(no);
      const focus = await db.asUser(user, (q) => fetchDocumentFocus(q, account, ANCHOR));
      if (!focus) continue;
      for (const kind of DOCUMENT_KINDS) {
        const input = documentQuery(kind, account, focus, ANCHOR);
        let candidates: string[] = [];
        const chunks = await retrieve(db, user, input, {
          embedder: createLocalLexicalEmbedder(),
          reranker: {
            id: 'recording',
            rerank: async (query, documents, topN) => {
              candidates = [...documents];
              return scoreBm25(query, documents).slice(0, topN);
            },
          },
        });
        retrievals.push({
          label: `${account}/${kind}`,
          query: input.query,
          candidates,
          chunks: chunks.map((c) => c.text),
        });
      }
    }
    const texts = rows.map((r) => r.text);
    const quality = Array.from({ length: 24 }, (_, i) =>
      [0, 1, 2].map((j) => texts[(i * 5 + j * 7) % texts.length]).join('\n\n'),
    );
    return { retrievals, indexed: rows.map((r) => `${r.title}\n\n${r.text}`), quality };
  } finally {
    await db.close();
  }
}

// biome-ignore format: a character list reads best packed
const UNICODE_PARTS = [
  'renewal', 'Storage', 'DISCOUNT', 'policies', 'café', 'Cafés', 'naïve', 'Ærø', 'straße', 'İstanbul', 'ΣΟΦΟΣ',
  'σοφός', 'Ⅻ', '²', '١٢٣', '東京', '日本語', '한국어', '𝐁𝐨𝐥𝐝', '😀', '👩‍💻', 'e\u0301', 'n\u0303', '\u0301',
  'ﬁnance', 'Ｆｕｌｌ', '½', "don't", 'don’t', 'U.S.', 'co-op', '3.5', 'v2.0', '—', '–', '…', ' ', ' ', ' ', ', ',
  '. ', '\n', '\u00a0', '"', '(', ')', '%', '$1,250', '2026-03-04',
];

/** Seeded Unicode-heavy texts of about `chars` characters (accents, CJK, emoji, marks, case). */
function unicodeTexts(count: number, chars: number, seed: number): string[] {
  const random = rng(seed);
  return Array.from({ length: count }, () => {
    let text = '';
    while (text.length < chars) text += UNICODE_PARTS[Math.floor(random() * UNICODE_PARTS.length)];
    return text;
  });
}

/** The bits of a vector, so -0, NaN and the last ulp all show in a diff. */
function vectorHex(vector: readonly number[]): string {
  return Buffer.from(Float64Array.from(vector).buffer).toString('hex');
}

/** µs per call of fn over inputs: the median of 5 timed batches after a warm-up batch. */
function time<T>(inputs: readonly T[], fn: (input: T, round: number) => unknown): number {
  const rounds = Math.max(1, Math.floor(ITERATIONS / 5));
  const batch = (round0: number) => {
    const start = performance.now();
    for (let r = 0; r < rounds; r++) for (const input of inputs) fn(input, round0 + r);
    return ((performance.now() - start) * 1000) / (rounds * inputs.length);
  };
  batch(0);
  const samples = [1, 2, 3, 4, 5].map((b) => batch(b * rounds)).sort((a, b) => a - b);
  return samples[2]!;
}

function outputs(fixture: Fixture, unicode: string[]) {
  const { retrievals, indexed, quality } = fixture;
  return {
    queryVectors: retrievals.map((r) => vectorHex(embedLexical(r.query))),
    indexedVectors: indexed.map((t) => vectorHex(embedLexical(t))),
    qualityVectors: quality.map((t) => vectorHex(embedLexical(t))),
    unicodeVectors: unicode.map((t) => vectorHex(embedLexical(t))),
    unicodeTerms: unicode.map((t) => lexicalTerms(t)),
    bm25: retrievals.map((r) => scoreBm25(r.query, r.candidates)),
    bm25Wide: retrievals.map((r) => scoreBm25(r.query, indexed.slice(0, 30))),
    bm25Unicode: unicode.slice(0, 20).map((q, i) => scoreBm25(q.slice(0, 40), unicode.slice(i, i + 30))),
    snippets: retrievals.map((r) =>
      r.chunks.map((c) => [snippetOf(c, r.query), snippetOf(c, r.query, EXCERPT_CHARS)]),
    ),
    snippetsUnicode: unicode.map((t, i) =>
      snippetOf(t, unicode[(i + 1) % unicode.length]!.slice(0, 60), 120),
    ),
    tokens: retrievals.map((r) => r.chunks.map(countTokens)),
    budgets: retrievals.map((r) =>
      [undefined, 1500, 400].map((b) =>
        fitToBudget(
          r.chunks.map((text) => ({ text })),
          b,
        ),
      ),
    ),
  };
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string', default: `${DIR}/out.json` } } });
  await mkdir(DIR, { recursive: true });
  if (!existsSync(FIXTURE)) await writeFile(FIXTURE, JSON.stringify(await capture()));
  const fixture = JSON.parse(await readFile(FIXTURE, 'utf8')) as Fixture;
  const unicode = unicodeTexts(200, 1500, 11);

  await mkdir(dirname(values.out), { recursive: true });
  await writeFile(values.out, `${JSON.stringify(outputs(fixture, unicode), null, 1)}\n`);

  const { retrievals, indexed, quality } = fixture;
  const queries = retrievals.map((r) => r.query);
  const candidates = retrievals.flatMap((r) => r.candidates);
  const chunkPairs = retrievals.flatMap((r) => r.chunks.map((c) => ({ c, q: r.query })));
  const distinct = [...new Set(chunkPairs.map((p) => p.c))];
  const wide = retrievals.map((r) => ({ q: r.query, docs: indexed.slice(0, 30) }));
  const avg = (texts: readonly string[]) =>
    Math.round(texts.reduce((n, t) => n + t.length, 0) / Math.max(1, texts.length));
  // A row timing fn over texts, described by their number and mean length.
  const overTexts = (label: string, texts: readonly string[], fn: (text: string) => unknown) =>
    [label, `${texts.length} × ${avg(texts)} ch`, time(texts, fn)] as [string, string, number];
  const rows: [string, string, number][] = [
    overTexts('embedLexical(query)', queries, (t) => embedLexical(t)),
    overTexts('embedLexical(chunk)', indexed, (t) => embedLexical(t)),
    overTexts('embedLexical(quality text)', quality, (t) => embedLexical(t)),
    overTexts('embedLexical(unicode)', unicode, (t) => embedLexical(t)),
    overTexts('lexicalTerms(candidate)', candidates, (t) => lexicalTerms(t)),
    overTexts('lexicalTerms(unicode)', unicode, (t) => lexicalTerms(t)),
    [
      'scoreBm25(retrieval pool)',
      `${retrievals.length} × ~${Math.round(candidates.length / retrievals.length)} docs`,
      time(retrievals, (r) => scoreBm25(r.query, r.candidates)),
    ],
    ['scoreBm25(30 chunks)', `${wide.length} × 30 docs`, time(wide, (w) => scoreBm25(w.q, w.docs))],
    ['snippetOf(chunk, 240)', `${chunkPairs.length} chunks`, time(chunkPairs, (p) => snippetOf(p.c, p.q))],
    [
      'snippetOf(chunk, 700)',
      `${chunkPairs.length} chunks`,
      time(chunkPairs, (p) => snippetOf(p.c, p.q, EXCERPT_CHARS)),
    ],
    // As a summary asks: every passage's snippet (search.ts), then the excerpts of the first five
    // (document-queries.ts), from the same texts and query.
    [
      'snippets of one retrieval',
      `${retrievals.length} × ~${Math.round(chunkPairs.length / retrievals.length)} chunks`,
      time(retrievals, (r) => {
        for (const c of r.chunks) snippetOf(c, r.query);
        for (const c of r.chunks.slice(0, 5)) snippetOf(c, r.query, EXCERPT_CHARS);
      }),
    ],
    // The tokenizer's cost on texts seen before and never seen (a number appended per round).
    // Retrieval itself no longer counts: it takes each chunk's count stored at indexing.
    [
      'countTokens(chunk, seen)',
      `${chunkPairs.length} × ${avg(chunkPairs.map((p) => p.c))} ch`,
      time(chunkPairs, (p) => countTokens(p.c)),
    ],
    [
      'countTokens(chunk, new)',
      `${distinct.length} × ${avg(distinct)} ch`,
      time(distinct, (c, round) => countTokens(`${c} ${round}`)),
    ],
    [
      'fitToBudget(retrieval, seen)',
      `${retrievals.length} retrievals`,
      time(retrievals, (r) => fitToBudget(r.chunks.map((text) => ({ text })))),
    ],
    [
      'fitToBudget(retrieval, new)',
      `${retrievals.length} retrievals`,
      time(retrievals, (r, round) => fitToBudget(r.chunks.map((c) => ({ text: `${c} ${round}` })))),
    ],
    [
      'fitToBudget(retrieval, 400, new)',
      `${retrievals.length} retrievals`,
      time(retrievals, (r, round) =>
        fitToBudget(
          r.chunks.map((c) => ({ text: `${c} ${round}` })),
          400,
        ),
      ),
    ],
  ];
  console.log(`${ITERATIONS} rounds; outputs in ${values.out}\n`);
  console.log(
    table(
      ['call', 'inputs', 'µs/call'],
      rows.map(([a, b, us]) => [a, b, us.toFixed(2)]),
    ),
  );
}

await main();
