import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRODUCTS, productByName } from '../../../../../server/data/demo/catalogue.ts';
import { generateDemoData } from '../../../../../server/data/demo/generate.ts';
import { STAGE_PROBABILITY } from '../../../../../server/data/demo/pipeline.ts';
import { FIRST_NAMES } from '../../../../../server/data/demo/words.ts';

const anchor = new Date('2025-06-15T00:00:00Z');
const now = anchor.toISOString();
const DAY = 86_400_000;
const data = generateDemoData({ anchor });
const words = (s: string) => s.trim().split(/\s+/).length;
const byAccount = <T extends { account_id: string | null }>(rows: readonly T[], id: string) =>
  rows.filter((r) => r.account_id === id);

describe('access matrix', () => {
  const sees = (user: string) =>
    new Set(data.account_access.filter((r) => r.user_id === user).map((r) => r.account_id));
  const owned = (user: string) => new Set(data.accounts.filter((a) => a.owner_id === user).map((a) => a.id));

  it('rotates owners alice/bob/carol about 40/40/20 and lets each owner see their own', () => {
    const share = (u: string) => owned(u).size / data.accounts.length;
    expect(share('alice@example.com')).toBeCloseTo(0.4, 1);
    expect(share('bob@example.com')).toBeCloseTo(0.4, 1);
    expect(share('carol@example.com')).toBeCloseTo(0.2, 1);
    for (const u of ['alice@example.com', 'bob@example.com', 'carol@example.com'])
      expect(sees(u)).toEqual(owned(u));
  });

  it("gives maria exactly alice's and bob's accounts, and hides carol's from all three", () => {
    expect(sees('maria@example.com')).toEqual(
      new Set([...owned('alice@example.com'), ...owned('bob@example.com')]),
    );
    for (const id of owned('carol@example.com')) {
      for (const u of ['alice@example.com', 'bob@example.com', 'maria@example.com'])
        expect(sees(u).has(id)).toBe(false);
    }
    expect(owned('carol@example.com').size).toBeGreaterThan(0);
  });
});

describe('usage', () => {
  it('covers the last 15 full months for 2–4 catalogue products, with spend = units × price', () => {
    const expectedMonths = Array.from({ length: 15 }, (_, i) =>
      new Date(Date.UTC(2024, 2 + i, 1)).toISOString().slice(0, 10),
    );
    for (const account of data.accounts) {
      const rows = byAccount(data.usage_monthly, account.id);
      const products = [...new Set(rows.map((r) => r.product))];
      expect(products.length).toBeGreaterThanOrEqual(2);
      expect(products.length).toBeLessThanOrEqual(4);
      for (const p of products) {
        const product = productByName(p);
        const mine = rows.filter((r) => r.product === p);
        expect(mine.map((r) => r.month).sort()).toEqual(expectedMonths);
        for (const r of mine) {
          expect(r.unit).toBe(product.unit);
          expect(r.units).toBeGreaterThan(0);
          expect(r.spend).toBe(Math.round(r.units * product.price * 100) / 100);
        }
      }
    }
    expect(new Set(data.usage_monthly.map((r) => r.product)).size).toBe(PRODUCTS.length);
  });
});

describe('dates and statuses', () => {
  it('puts history in the past and upcoming meetings 1–21 days ahead, owned by the account owner', () => {
    for (const a of data.activities) {
      if (a.occurs_at < now) continue;
      const days = (Date.parse(a.occurs_at) - anchor.getTime()) / DAY;
      expect(a.type).toBe('meeting');
      expect(days).toBeGreaterThanOrEqual(1);
      expect(days).toBeLessThan(22);
      expect(a.owner_id).toBe(data.accounts.find((x) => x.id === a.account_id)!.owner_id);
    }
    for (const table of ['support_cases', 'feature_requests', 'ml_insights', 'documents'] as const) {
      for (const r of data[table] as {
        opened_at?: string;
        requested_at?: string;
        computed_at?: string;
        published_at?: string;
      }[]) {
        const when = r.opened_at ?? r.requested_at ?? r.computed_at ?? r.published_at;
        expect(when! < now, table).toBe(true);
      }
    }
  });

  it('makes "stalled" mean no activity for 45+ days and keeps stages, probabilities and dates coherent', () => {
    const idle = (iso: string) => (anchor.getTime() - Date.parse(iso)) / DAY;
    for (const o of data.opportunities) {
      expect(o.probability).toBe(STAGE_PROBABILITY[o.stage]);
      expect(o.created_at <= o.last_activity_at).toBe(true);
      if (o.status === 'stalled') expect(idle(o.last_activity_at)).toBeGreaterThan(45);
      if (o.status === 'open') expect(idle(o.last_activity_at)).toBeLessThan(45);
      if (o.status === 'open') expect(o.close_date > now.slice(0, 10)).toBe(true);
      if (o.status === 'won' || o.status === 'lost') {
        expect(o.stage).toBe(o.status === 'won' ? 'Closed Won' : 'Closed Lost');
        expect(o.close_date < now.slice(0, 10)).toBe(true);
        expect(o.next_step).toBeNull();
      } else expect(o.next_step).toBeTruthy();
    }
    expect(new Set(data.opportunities.map((o) => o.status))).toEqual(
      new Set(['open', 'stalled', 'won', 'lost']),
    );
  });

  it('closes cases after they open and keeps investment dates in line with their status', () => {
    for (const c of data.support_cases) {
      expect(c.closed_at === null).toBe(c.status !== 'closed');
      if (c.closed_at) expect(c.opened_at < c.closed_at && c.closed_at < now).toBe(true);
    }
    const today = now.slice(0, 10);
    for (const i of data.investments) {
      expect(i.starts_on < i.ends_on).toBe(true);
      if (i.status === 'expired') expect(i.ends_on < today).toBe(true);
      if (i.status === 'active') expect(i.starts_on <= today && today <= i.ends_on).toBe(true);
      if (i.status === 'proposed') expect(i.starts_on > today).toBe(true);
    }
  });
});

describe('texts', () => {
  it("mentions only the account's own contacts in next steps and activity notes", () => {
    const firstNames = (id: string) => new Set(byAccount(data.contacts, id).map((c) => c.name.split(' ')[0]));
    const check = (accountId: string, text: string) => {
      const own = firstNames(accountId);
      for (const name of FIRST_NAMES)
        if (new RegExp(`\\b${name}\\b`).test(text)) expect(own.has(name), `${name} in "${text}"`).toBe(true);
    };
    for (const o of data.opportunities) if (o.next_step) check(o.account_id, o.next_step);
    for (const a of data.activities) check(a.account_id, `${a.subject} ${a.notes}`);
    for (const d of data.documents) if (d.kind === 'meeting_note') check(d.account_id!, d.body);
  });

  it('hashes every document body with sha256 and keeps article lengths in range', () => {
    for (const d of data.documents) {
      expect(d.content_hash).toBe(createHash('sha256').update(d.body).digest('hex'));
      if (d.kind === 'news' || d.kind === 'filing') {
        expect(words(d.body), d.title).toBeGreaterThanOrEqual(80);
        expect(words(d.body), d.title).toBeLessThanOrEqual(200);
        expect(d.url).toMatch(/^https:\/\/news\.example\.com\//);
        expect(d.source).toMatch(/fictitious/);
      }
      if (d.kind === 'kb') {
        expect(words(d.body), d.title).toBeGreaterThanOrEqual(150);
        expect(words(d.body), d.title).toBeLessThanOrEqual(400);
        expect(PRODUCTS.some((p) => p.name === d.product)).toBe(true);
      }
    }
    expect(data.documents.some((d) => d.kind === 'filing')).toBe(true);
    expect(data.documents.some((d) => d.kind === 'meeting_note')).toBe(true);
  });

  it('names accounts uniquely with example.com websites and scores insights in [0, 1] to 3 decimals', () => {
    expect(new Set(data.accounts.map((a) => a.name)).size).toBe(48);
    for (const a of data.accounts) expect(a.website).toMatch(/^https:\/\/[a-z0-9-]+\.example\.com$/);
    for (const i of data.ml_insights) {
      expect(i.score).toBeGreaterThanOrEqual(0);
      expect(i.score).toBeLessThanOrEqual(1);
      expect(Math.round(i.score * 1000) / 1000).toBe(i.score);
      expect(i.drivers.length).toBeGreaterThan(20);
    }
    const many = generateDemoData({ anchor, accounts: 5_000 }).accounts.map((a) => a.name);
    expect(new Set(many).size / many.length).toBeGreaterThan(0.99);
  });
});
