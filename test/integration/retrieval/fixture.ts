import { createHash } from 'node:crypto';
import type { Database } from '../../../server/data/db.ts';
import type { Embedder } from '../../../server/retrieval/embedder.ts';

/** Who may see what in these tests: alice → Northwind, bob → Contoso, maria (manager) → both, carol → none. */
export const ACCESS: Record<string, string[]> = {
  'alice@example.com': ['acc-northwind'],
  'bob@example.com': ['acc-contoso'],
  'maria@example.com': ['acc-northwind', 'acc-contoso'],
  'carol@example.com': [],
};

export interface FixtureDocument {
  id: string;
  account_id: string | null;
  kind: 'kb' | 'news' | 'filing' | 'meeting_note';
  title: string;
  product: string | null;
  published_at: string;
  body: string;
}

export const DOCUMENTS: FixtureDocument[] = [
  {
    id: 'kb-credits',
    account_id: null,
    kind: 'kb',
    title: 'Migration credits program',
    product: 'Compute',
    published_at: '2024-01-10T00:00:00Z',
    body: 'The migration credits program funds up to 25% of the first year of compute spend when a customer moves workloads from another cloud. Apply through the partner portal before the proposal.',
  },
  {
    id: 'kb-storage',
    account_id: null,
    kind: 'kb',
    title: 'Object storage tiers',
    product: 'Object Storage',
    published_at: '2024-02-01T00:00:00Z',
    body: 'Archive tier retrieval takes up to twelve hours. Infrequent access tier suits monthly reports. Lifecycle rules move objects between tiers automatically.',
  },
  {
    id: 'nw-news-1',
    account_id: 'acc-northwind',
    kind: 'news',
    title: 'Northwind opens Lisbon warehouse',
    product: null,
    published_at: '2024-05-03T00:00:00Z',
    body: 'Northwind Traders opened an automated warehouse in Lisbon, doubling its European fulfilment capacity. The company expects logistics spend to rise in the third quarter.',
  },
  {
    id: 'nw-note-1',
    account_id: 'acc-northwind',
    kind: 'meeting_note',
    title: 'QBR with Northwind',
    product: 'Object Storage',
    published_at: '2024-06-12T00:00:00Z',
    body: 'Quarterly review: the CFO asked about invoice INV-48213 and a discount on the archive tier renewal. Next step: send the storage pricing proposal.',
  },
  {
    id: 'ct-news-1',
    account_id: 'acc-contoso',
    kind: 'news',
    title: 'Contoso announces layoffs',
    product: null,
    published_at: '2024-04-20T00:00:00Z',
    body: 'Contoso Pharmaceuticals will reduce headcount by eight percent and consolidate its warehouse operations in Lisbon and Rotterdam.',
  },
  {
    id: 'ct-filing-1',
    account_id: 'acc-contoso',
    kind: 'filing',
    title: 'Contoso annual report',
    product: null,
    published_at: '2024-03-01T00:00:00Z',
    body: 'Annual report: revenue grew four percent; cloud migration is a board priority, with a discount negotiated on storage renewal.',
  },
];

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Users, accounts, access and documents, written as the owner role. */
export async function seedFixture(
  db: Database,
  documents: readonly FixtureDocument[] = DOCUMENTS,
): Promise<void> {
  await db.asSystem(async (q) => {
    for (const id of Object.keys(ACCESS)) {
      const role = id.startsWith('maria') ? 'manager' : 'seller';
      await q.query('INSERT INTO users (id, name, title, role) VALUES ($1, $1, $2, $2)', [id, role]);
    }
    for (const [id, name, owner] of [
      ['acc-northwind', 'Northwind Traders', 'alice@example.com'],
      ['acc-contoso', 'Contoso Pharmaceuticals', 'bob@example.com'],
    ]) {
      await q.query(
        'INSERT INTO accounts (id, name, owner_id, created_at, updated_at) VALUES ($1, $2, $3, now(), now())',
        [id, name, owner],
      );
    }
    for (const [user, accounts] of Object.entries(ACCESS)) {
      for (const a of accounts) await q.query('INSERT INTO account_access VALUES ($1, $2)', [user, a]);
    }
    for (const d of documents) await upsertDocument(db, d, q);
  });
}

/** Inserts or replaces a document row (content_hash = SHA-256 of the body, as the demo seed does). */
export async function upsertDocument(
  db: Database,
  d: FixtureDocument,
  q?: Parameters<Parameters<Database['asSystem']>[0]>[0],
) {
  const run = async (x: NonNullable<typeof q>) =>
    x.query(
      `INSERT INTO documents (id, account_id, kind, title, url, source, product, published_at, body, content_hash)
       VALUES ($1, $2, $3, $4, $5, 'fixture', $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, kind = excluded.kind, title = excluded.title,
         product = excluded.product, published_at = excluded.published_at, body = excluded.body, content_hash = excluded.content_hash`,
      [
        d.id,
        d.account_id,
        d.kind,
        d.title,
        `https://docs.example.com/${d.id}`,
        d.product,
        d.published_at,
        d.body,
        sha256(d.body),
      ],
    );
  return q ? run(q) : db.asSystem(run);
}

/** Wraps an embedder to count how many texts it was asked to embed. */
export function countingEmbedder(inner: Embedder): Embedder & { texts: number; calls: number } {
  const counter = {
    id: inner.id,
    dimensions: inner.dimensions,
    texts: 0,
    calls: 0,
    embed: async (texts: readonly string[]) => {
      counter.calls++;
      counter.texts += texts.length;
      return inner.embed(texts);
    },
  };
  return counter;
}
