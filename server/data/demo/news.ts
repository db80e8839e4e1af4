import type { NewsTopic } from './plan.ts';
import type { AccountContext } from './profile.ts';
import type { ContactRow } from './types.ts';
import {
  CITIES,
  EXECUTIVE_TITLES,
  FIRST_NAMES,
  INVESTORS,
  LAST_NAMES,
  NAME_ENDS,
  NAME_ROOTS,
} from './words.ts';

export interface NewsFacts {
  ctx: AccountContext;
  contacts: readonly ContactRow[];
  /** Calendar year and quarter (1–4) of the publication date. */
  year: number;
  quarter: number;
  /** Whether the account's consumption is shrinking: earnings then tell a cost-cutting story. */
  shrinking: boolean;
  /** A scenario's fixed funding amount; drawn from revenue otherwise. */
  fundingAmount?: number;
}

/** "$412.5 million" / "$1.2 billion" */
export function money(amount: number): string {
  const [value, unit] = amount >= 1e9 ? [amount / 1e9, 'billion'] : [amount / 1e6, 'million'];
  const tenths = Math.round(value * 10);
  return `$${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} ${unit}`;
}

/** "the United States", "Germany" */
export function countryName(country: string): string {
  return /^(United|Netherlands)/.test(country) ? `the ${country}` : country;
}
export const int = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const ORDINAL_QUARTER = ['fourth', 'first', 'second', 'third'] as const;

/** A named spokesperson who is not one of the account's contacts (no shared first name either). */
function person(f: NewsFacts): string {
  const taken = new Set(f.contacts.map((c) => c.name.split(' ')[0]));
  return `${f.ctx.rng.pick(FIRST_NAMES.filter((n) => !taken.has(n)))} ${f.ctx.rng.pick(LAST_NAMES)}`;
}

type Writer = (f: NewsFacts) => { title: string; body: string };

// Each writer returns an 80–200-word article whose figures come from the account's own data.
export const WRITERS: Record<NewsTopic, Writer> = {
  funding: (f) => {
    const { ctx } = f;
    const { rng } = ctx;
    const round =
      ctx.segment === 'SMB' ? rng.pick(['Series A', 'Series B']) : rng.pick(['Series C', 'Series D']);
    const amount =
      f.fundingAmount ?? Math.max(5e6, Math.round((ctx.revenue * rng.float(0.15, 0.4)) / 1e6) * 1e6);
    const [lead, other] = rng.sample(INVESTORS, 2);
    const ceo = person(f);
    const growth = rng.int(20, 45);
    return {
      title: `${ctx.name} raises ${money(amount)} ${round} led by ${lead}`,
      body: `${ctx.city} — ${ctx.name} today announced it has raised ${money(amount)} in a ${round} funding round led by ${lead}, with participation from ${other}. The company, which employs about ${int(ctx.employees)} people, said it will use the capital to hire engineers and data scientists, expand its AI-driven products and enter new markets. "Our customers want faster answers from more data, and this round lets us build the platform to give them that," said ${ceo}, chief executive officer of ${ctx.name}. The company plans to grow its headcount by ${growth}% over the next 12 months and to modernise its data and cloud infrastructure, including a larger analytics platform and production AI workloads. ${ctx.name} reported annual revenue of ${money(ctx.revenue)} for its last fiscal year. As part of the financing, a partner from ${lead} will join the board of directors.`,
    };
  },
  expansion: (f) => {
    const { ctx } = f;
    const { rng } = ctx;
    const [site, country] = rng.pick(CITIES.filter(([c]) => c !== ctx.city));
    const jobs = Math.max(20, Math.round((ctx.employees * rng.float(0.03, 0.08)) / 10) * 10);
    const invest = Math.max(2e6, Math.round((ctx.revenue * rng.float(0.01, 0.03)) / 1e6) * 1e6);
    return {
      title: `${ctx.name} to open new ${site} hub, adding ${int(jobs)} jobs`,
      body: `${ctx.name} will open a new regional hub in ${site}${country === ctx.country ? '' : `, ${countryName(country)}`}, the company announced. The ${money(invest)} investment is expected to create ${int(jobs)} jobs over two years and will house operations, engineering and customer-support teams. "${site} gives us access to talent and puts us closer to customers in the region," said ${person(f)}, chief operating officer. The site is scheduled to open in the ${ORDINAL_QUARTER[(f.quarter + 1) % 4]} quarter and will run on the same cloud platform as the company's headquarters in ${ctx.city}, with new data pipelines connecting regional systems to central analytics. ${ctx.name} currently employs about ${int(ctx.employees)} people. Analysts said the expansion signals confidence in demand across the ${ctx.industry.toLowerCase()} sector despite a cautious economic outlook.`,
    };
  },
  leadership: (f) => {
    const { ctx, contacts } = f;
    // A newcomer in a seat none of the contacts holds: the seller has no relationship with them yet.
    const title = ctx.rng.pick(EXECUTIVE_TITLES.filter((t) => !contacts.some((c) => c.title === t)));
    const exec = { name: person(f), title };
    const previous = person(f);
    return {
      title: `${ctx.name} names ${exec.name} ${exec.title}`,
      body: `${ctx.name} has appointed ${exec.name} as ${exec.title}, effective immediately. ${exec.name.split(' ')[0]} succeeds ${previous}, who is retiring after ${ctx.rng.int(6, 14)} years with the company. In the role, ${exec.name} will lead technology strategy, data platforms and the company's cloud and AI programmes, reporting to the chief executive officer. ${exec.name} joins from ${/^[aeiou]/i.test(ctx.industry) ? 'an' : 'a'} ${ctx.industry.toLowerCase()} peer where they led a multi-year move of core systems to the cloud. "We expect the next phase of our technology investment to focus on cost discipline and measurable returns from AI," ${exec.name} said in a statement. ${ctx.name}, headquartered in ${ctx.city}, employs about ${int(ctx.employees)} people. Industry observers expect the new leader to review major technology contracts during the first months in the job.`,
    };
  },
  earnings: (f) => {
    const { ctx } = f;
    const { rng } = ctx;
    const change = f.shrinking ? -rng.int(3, 9) : rng.int(3, 14);
    const quarterly = (ctx.revenue / 4) * (1 + change / 100);
    const margin = f.shrinking ? rng.int(2, 7) : rng.int(8, 18);
    const q = ORDINAL_QUARTER[f.quarter - 1]!;
    const tail = f.shrinking
      ? `Management announced a cost programme that includes consolidating technology vendors and reducing cloud and IT spending, and lowered its full-year outlook.`
      : `Management raised its full-year outlook and said it will keep investing in data, automation and AI to support growth.`;
    return {
      title: `${ctx.name} reports ${q}-quarter revenue ${change < 0 ? 'down' : 'up'} ${Math.abs(change)}%`,
      body: `${ctx.name} reported ${q}-quarter revenue of ${money(quarterly)}, ${change < 0 ? 'down' : 'up'} ${Math.abs(change)}% from a year earlier, with an operating margin of ${margin}%. The company pointed to ${f.shrinking ? 'softer demand and higher input costs' : 'strong demand and better pricing'} in its core ${ctx.industry.toLowerCase()} business. ${tail} Annual revenue for the last fiscal year was ${money(ctx.revenue)}, and the company ended the quarter with about ${int(ctx.employees)} employees. "${f.shrinking ? 'We are taking decisive steps to protect margins while we keep serving our customers' : 'Our investments in digital operations are paying off'}," said ${person(f)}, chief financial officer. Shares moved ${f.shrinking ? 'lower' : 'higher'} in early trading after the results were published.`,
    };
  },
  partnership: (f) => {
    const { ctx } = f;
    const { rng } = ctx;
    const partner = `${rng.pick(NAME_ROOTS)}${rng.pick(NAME_ENDS)} Technologies`;
    const years = rng.int(3, 5);
    return {
      title: `${ctx.name} and ${partner} sign ${years}-year partnership`,
      body: `${ctx.name} and ${partner} have signed a ${years}-year strategic partnership to build shared data and AI services for customers in the ${ctx.industry.toLowerCase()} market. Under the agreement, the companies will combine their data platforms, co-develop predictive models and jointly market the resulting services, starting in ${countryName(ctx.country)}. "Partnering lets us move faster than building everything ourselves," said ${person(f)}, chief strategy officer at ${ctx.name}. The first joint services are expected within ${rng.int(6, 12)} months. The companies did not disclose financial terms. ${ctx.name} is headquartered in ${ctx.city} and employs about ${int(ctx.employees)} people; the partnership is expected to increase its data-processing and analytics workloads as new services roll out.`,
    };
  },
  launch: (f) => {
    const { ctx } = f;
    const { rng } = ctx;
    const product = `${ctx.name.split(' ')[0]} ${rng.pick(['Insight', 'Connect', 'Pulse', 'Atlas', 'Flow'])}`;
    const pilots = rng.int(8, 40);
    return {
      title: `${ctx.name} launches ${product}, an AI-assisted service for customers`,
      body: `${ctx.name} has launched ${product}, a service that uses machine learning to give customers real-time recommendations and self-service answers. The company said ${pilots} customers tested the service during a pilot, and that it will be available in ${countryName(ctx.country)} first, with other markets following later in the year. ${product} runs on the company's cloud data platform and was built by an internal team in ${ctx.city}. "Customers told us they want answers in seconds, not days," said ${person(f)}, chief product officer. The launch is part of a broader programme to digitise customer service across the ${ctx.industry.toLowerCase()} business. ${ctx.name} employs about ${int(ctx.employees)} people and expects usage of the new service to grow steadily through the year.`,
    };
  },
};
