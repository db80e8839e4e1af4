import { formatDate } from '../../sections/format.ts';
import type { DocumentFact, InsightFact, SectionData } from '../../sections/types.ts';
import { bullet, change, clauses, date, money, pct, plain, quote, sentence, shortSentence } from './text.ts';

/** Scores below this are noise for a seller; the model's own threshold for "worth acting on". */
const ACTIONABLE = 0.5;
const MAX_STEPS = 5;

/**
 * Recommended next steps: each one is an action, the evidence (model score and drivers, a stalled
 * deal, an escalated case) and the knowledge-base article that tells the seller how.
 */
export function writeRecommendations(d: SectionData): string {
  const used = new Set<string>();
  const steps = [
    ...(d.insights ?? []).filter((i) => i.score >= ACTIONABLE).map((i) => insightStep(d, i, used)),
    ...stalledSteps(d),
    escalationStep(d),
    decliningStep(d),
    meetingStep(d),
  ].filter((s): s is string => Boolean(s));
  if (steps.length === 0) {
    const doc = d.knowledgeBase?.[0];
    return doc
      ? bullet(`**Review ${quote(doc.title)}** with the account team:${how(doc)}`, doc.ref)
      : sentence(
          `No model insights or playbooks point to a next step for ${plain(d.account.name)} yet`,
          d.account.ref,
        );
  }
  return steps.slice(0, MAX_STEPS).join('\n');
}

function insightStep(d: SectionData, i: InsightFact, used: Set<string>): string {
  const product = i.product ? plain(i.product) : null;
  const doc = playbook(d, i.product, used);
  const why = `drivers: ${clauses(i.drivers)}`;
  if (i.kind === 'churn_risk') {
    return bullet(
      `**Protect ${product ?? 'the account'}**: churn risk ${pct(i.scorePct)} (${why}); book a health check with the sponsor${doc ? `; playbook${how(doc)}` : ''}`,
      i.ref,
      doc?.ref,
    );
  }
  const opp = d.opportunities?.items.find(
    (o) => o.product === i.product && (o.status === 'open' || o.status === 'stalled'),
  );
  const action = opp
    ? `advance ${quote(opp.name)} (${money(opp.amount)}, ${plain(opp.stage)}, closing ${date(opp.closeDate)})`
    : 'open an opportunity and qualify the use case';
  const verb = i.kind === 'expansion' ? 'Expand' : 'Propose';
  const label = i.kind === 'expansion' ? 'expansion score' : 'propensity';
  return bullet(
    `**${verb} ${product ?? 'the next product'}**: ${label} ${pct(i.scorePct)} (${why}); ${action}${doc ? `; playbook${how(doc)}` : ''}`,
    i.ref,
    opp?.ref,
    doc?.ref,
  );
}

/** `"Title" — its first sentence`, the sentence left out when too long to quote whole. */
function how(doc: DocumentFact): string {
  const gist = shortSentence(doc.excerpt, 160);
  return ` ${quote(doc.title)}${gist ? `: ${gist}` : ''}`;
}

/** The best unused KB article for a product, else a general one. */
function playbook(d: SectionData, product: string | null, used: Set<string>): DocumentFact | undefined {
  const docs = (d.knowledgeBase ?? []).filter((k) => !used.has(k.id));
  const doc = docs.find((k) => product && k.product === product) ?? docs.find((k) => k.product == null);
  if (doc) used.add(doc.id);
  return doc;
}

function stalledSteps(d: SectionData): string[] {
  return (d.opportunities?.items ?? [])
    .filter((o) => o.status === 'stalled')
    .slice(0, 1)
    .map((o) =>
      bullet(
        `**Re-engage on ${quote(o.name)}** (${money(o.amount)}): ${
          o.daysSinceActivity != null ? `no activity for ${o.daysSinceActivity} days` : 'no activity logged'
        }${o.nextStep ? `; agree the next step: ${plain(o.nextStep)}` : '; agree a next step with the buyer'}`,
        o.ref,
      ),
    );
}

function escalationStep(d: SectionData): string | null {
  const c = d.supportCases?.cases.find(
    (x) => x.status === 'escalated' || (x.status === 'open' && x.severity === 'sev1'),
  );
  if (!c) return null;
  return bullet(
    `**Get case ${c.caseNumber} resolved** before the next commercial conversation: ${quote(c.subject)}, ${c.severity}, open ${c.ageDays} days`,
    c.ref,
  );
}

/** A declining product without a churn score of its own still deserves a look. */
function decliningStep(d: SectionData): string | null {
  const scored = new Set((d.insights ?? []).filter((i) => i.kind === 'churn_risk').map((i) => i.product));
  const p = d.usage?.products.find(
    (x) => x.trend === 'down' && x.changePct != null && !scored.has(x.product),
  );
  if (!p) return null;
  return bullet(
    `**Review ${plain(p.product)} adoption**: spend is ${change(p.changePct!)} over the last ${d.usage!.windowMonths} months`,
    p.ref,
  );
}

function meetingStep(d: SectionData): string | null {
  const m = d.meetings?.[0];
  if (!m) return null;
  return bullet(
    `**Use the ${formatDate(m.occursAt)} meeting** (${quote(m.subject)}) to walk through these steps`,
    m.ref,
  );
}

/** The top recommendation, for the executive summary. */
export function recommendationHeadline(d: SectionData): string | null {
  const top = (d.insights ?? []).find((i) => i.score >= ACTIONABLE);
  if (!top) return null;
  const what =
    top.kind === 'churn_risk' ? 'Churn risk' : top.kind === 'expansion' ? 'Expansion score' : 'Propensity';
  return bullet(
    `${what} for ${top.product ? plain(top.product) : 'the account'} is ${pct(top.scorePct)}: ${clauses(top.drivers, 1)}`,
    top.ref,
  );
}
