import type { Segment } from './catalogue.ts';
import { CURATED_ACCOUNTS } from './curated-accounts.ts';
import { at } from './dates.ts';
import { accountId } from './ids.ts';
import { deriveSeed, type Rng } from './random.ts';
import type { AccountRow } from './types.ts';
import { ownerOf } from './users.ts';
import { BLOCKED_COMPOUNDS, CITIES, INDUSTRY_NOUNS, NAME_ENDS, NAME_ROOTS, NAME_TAILS } from './words.ts';

/** What every per-account generator needs to know about the account. */
export interface AccountContext {
  no: number;
  id: string;
  owner: string;
  anchor: Date;
  rng: Rng;
  name: string;
  slug: string;
  industry: string;
  segment: Segment;
  city: string;
  country: string;
  dial: string;
  employees: number;
  revenue: number;
}

const NAME_SPACE = NAME_ROOTS.length * NAME_ENDS.length * INDUSTRY_NOUNS.length * NAME_TAILS.length;
// Odd and coprime with 2, 5 and 11 (the factors of NAME_SPACE): n ↦ n × STEP mod NAME_SPACE is a
// bijection, so generated names never repeat below NAME_SPACE (~225k) accounts, and it is O(1).
const STEP = 104_729;

function generatedName(no: number, seed: number): { name: string; industry: string } {
  let i = (no * STEP + (deriveSeed(seed, 0) % NAME_SPACE)) % NAME_SPACE;
  const root = NAME_ROOTS[i % NAME_ROOTS.length]!;
  i = Math.floor(i / NAME_ROOTS.length);
  let end = i % NAME_ENDS.length;
  i = Math.floor(i / NAME_ENDS.length);
  const [noun, industry] = INDUSTRY_NOUNS[i % INDUSTRY_NOUNS.length]!;
  const tail = NAME_TAILS[Math.floor(i / INDUSTRY_NOUNS.length)]!;
  // A blocked compound takes the next ending: rare, and at worst a duplicate name, never a real firm.
  if (BLOCKED_COMPOUNDS.has(root + NAME_ENDS[end])) end = (end + 1) % NAME_ENDS.length;
  return { name: `${root}${NAME_ENDS[end]} ${noun}${tail}`, industry };
}

export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const SIZE: Record<
  Segment,
  { employees: [number, number]; revenuePerHead: [number, number]; round: number }
> = {
  Enterprise: { employees: [2_500, 60_000], revenuePerHead: [180_000, 420_000], round: 1_000_000 },
  'Mid-Market': { employees: [250, 2_500], revenuePerHead: [120_000, 300_000], round: 100_000 },
  SMB: { employees: [15, 250], revenuePerHead: [80_000, 220_000], round: 10_000 },
};

export function buildContext(no: number, seed: number, anchor: Date, rng: Rng): AccountContext {
  const curated = CURATED_ACCOUNTS[no - 1];
  const generated = curated ? undefined : generatedName(no, seed);
  const segment: Segment =
    curated?.[2] ??
    rng.weighted<Segment>([
      ['Enterprise', 25],
      ['Mid-Market', 45],
      ['SMB', 30],
    ]);
  const [city, country, dial] = CITIES[curated?.[3] ?? rng.int(0, CITIES.length - 1)]!;
  const size = SIZE[segment];
  const employees = rng.int(...size.employees);
  const revenue = Math.round((employees * rng.int(...size.revenuePerHead)) / size.round) * size.round;
  const name = curated?.[0] ?? generated!.name;
  return {
    no,
    id: accountId(no),
    owner: ownerOf(no),
    anchor,
    rng,
    name,
    slug: slugOf(name),
    industry: curated?.[1] ?? generated!.industry,
    segment,
    city,
    country,
    dial,
    employees,
    revenue,
  };
}

/** A fictitious phone number in the 555 range. */
export function phoneOf(ctx: AccountContext): string {
  return `${ctx.dial} 555 01${String(ctx.rng.int(0, 99)).padStart(2, '0')} ${ctx.rng.int(1000, 9999)}`;
}

// biome-ignore format: a table reads best one row a line
const FOCUS: Record<string, string> = {
  'Transportation & Logistics': 'It runs freight, warehousing and last-mile delivery for retailers and manufacturers',
  Software: 'It builds data and analytics software sold by subscription to business customers',
  Technology: 'It designs and operates technology services for corporate IT departments',
  Telecommunications: 'It provides fibre, mobile and managed network services',
  Healthcare: 'It operates clinics and care services and manages millions of patient records',
  'Life Sciences': 'It develops and tests therapies and diagnostics, with heavy genomics and lab-data workloads',
  'Financial Services': 'It offers banking, lending and payment services regulated in several jurisdictions',
  Insurance: 'It underwrites property, casualty and specialty insurance through brokers and online channels',
  'Food & Beverage': 'It produces and distributes packaged food and beverages to retail and food-service chains',
  Retail: 'It sells through stores and e-commerce, with strong seasonal peaks around the holidays',
  'Energy & Utilities': 'It generates and distributes energy and runs large sensor and grid-telemetry systems',
  Manufacturing: 'It manufactures industrial components in several plants with connected production lines',
  Automotive: 'It supplies vehicle systems and software to automakers',
  'Media & Entertainment': 'It produces and streams digital content to audiences across several markets',
  Education: 'It runs online and campus learning programmes for students and working professionals',
  Hospitality: 'It operates hotels and travel services with online booking and loyalty programmes',
  Construction: 'It delivers commercial and infrastructure construction projects',
  'Real Estate': 'It owns and manages commercial and residential property portfolios',
  Agriculture: 'It grows, processes and trades agricultural products using precision-farming data',
  'Professional Services': 'It advises corporate clients through consulting and legal-services teams',
  'Aerospace & Defense': 'It engineers precision components and avionics for aircraft manufacturers',
};

const SEGMENT_WORDS: Record<Segment, string> = {
  Enterprise: 'a large',
  'Mid-Market': 'a mid-sized',
  SMB: 'a small',
};

export function accountRow(ctx: AccountContext): AccountRow {
  const { rng } = ctx;
  const createdDays = rng.int(400, 2_000);
  return {
    id: ctx.id,
    name: ctx.name,
    industry: ctx.industry,
    website: `https://${ctx.slug}.example.com`,
    phone: phoneOf(ctx),
    billing_city: ctx.city,
    billing_country: ctx.country,
    employees: ctx.employees,
    annual_revenue: ctx.revenue,
    segment: ctx.segment,
    description:
      `${ctx.name} is ${SEGMENT_WORDS[ctx.segment]} ${ctx.industry.toLowerCase()} company headquartered in ` +
      `${ctx.city}, ${ctx.country}. ${FOCUS[ctx.industry] ?? 'It serves business customers worldwide'}.`,
    owner_id: ctx.owner,
    created_at: at(ctx.anchor, -createdDays, rng.int(8, 17), 0),
    updated_at: at(ctx.anchor, -rng.int(0, 20), rng.int(8, 17), rng.int(0, 59)),
  };
}
