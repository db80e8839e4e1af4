import type { ProductUsageFact, SectionData, UsageFacts } from '../../sections/types.ts';
import { blocks, bullet, change, list, moneyShort, plain, plural, sentence } from './text.ts';

/** Product consumption: the 12-month total and trend, then one line a product, movers called out. */
export function writeConsumption(d: SectionData): string {
  const u = d.usage;
  const name = plain(d.account.name);
  if (!u || u.products.length === 0)
    return sentence(`No product usage has been reported for ${name}`, d.account.ref);
  const refs = u.products.map((p) => p.ref);
  const intro = sentence(
    `Over the last ${u.monthsCovered} months ${name} spent ${moneyShort(u.totalSpend12m)} across ${u.productCount} ${plural(
      u.productCount,
      'product',
    )}, led by ${plain(u.topProduct ?? '')}`,
    ...refs,
  );
  const trend = sentence(
    `The last ${u.windowMonths} months came to ${moneyShort(u.totalTrailing3)}${
      u.totalChangePct == null
        ? ''
        : `, ${change(u.totalChangePct)} on the prior ${u.windowMonths} months (${moneyShort(u.totalPrior3)})`
    }`,
    ...refs,
  );
  return blocks(
    `${intro} ${trend}`,
    u.products.slice(0, 5).map((p) => productBullet(p, u)),
    movers(u),
  );
}

function productBullet(p: ProductUsageFact, u: UsageFacts): string {
  const movement =
    p.changePct == null
      ? `new in the last ${u.windowMonths} months (${moneyShort(p.trailing3Spend)})`
      : `${change(p.changePct)} over the last ${u.windowMonths} months (${moneyShort(p.trailing3Spend)} vs ${moneyShort(p.prior3Spend)})`;
  return bullet(
    `**${plain(p.product)}**: ${moneyShort(p.spend12m)} in ${u.monthsCovered} months, ${movement}`,
    p.ref,
  );
}

/** One closing sentence naming growing and declining products, the thing a seller acts on. */
function movers(u: UsageFacts): string | null {
  const up = u.products.filter((p) => p.trend === 'up');
  const down = u.products.filter((p) => p.trend === 'down');
  const parts = [
    up.length > 0 && `growth in ${list(up.map((p) => plain(p.product)))}`,
    down.length > 0 && `a decline in ${list(down.map((p) => plain(p.product)))}`,
  ].filter((x): x is string => Boolean(x));
  if (parts.length === 0) return sentence('Spend is steady across products', ...u.products.map((p) => p.ref));
  return sentence(`Watch ${parts.join(' and ')}`, ...[...up, ...down].map((p) => p.ref));
}

/** The consumption headline for the executive summary, or null without usage. */
export function consumptionHeadline(d: SectionData): string | null {
  const u = d.usage;
  if (!u || u.products.length === 0) return null;
  const trend =
    u.totalChangePct == null
      ? ''
      : `; last ${u.windowMonths} months ${change(u.totalChangePct)} on the prior ${u.windowMonths}`;
  const down = u.products.find((p) => p.trend === 'down' && p.changePct != null);
  const watch = down ? `, with ${plain(down.product)} ${change(down.changePct!)}` : '';
  return bullet(
    `Spend: ${moneyShort(u.totalSpend12m)} over ${u.monthsCovered} months, led by ${plain(u.topProduct ?? '')}${trend}${watch}`,
    u.products[0]!.ref,
    ...(down ? [down.ref] : []),
    ...u.products.slice(1).map((p) => p.ref),
  );
}
