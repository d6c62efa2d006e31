// Patterns worth a look (notices, not violations): signs that a donation may hide another donor. Many
// donations just under the cap from people sharing an address or a surname within a few days (one
// donor splitting a gift), one donor giving to several parties, a payee registered only days before
// being paid, a legal entity giving more than its registered capital. The thresholds are heuristics for
// the analyst's attention, not numbers of the law, so they live here and not in the rules profile.
import { daysBetween } from '../../../domain/report-deadlines.ts';
import { searchKey } from '../../../domain/transliteration.ts';
import { add, type Tyiyn } from '../../../domain/money.ts';
import { byDateThenOrder, earliest, type CampaignReceipt, lineRef, receiptKey } from '../campaign.ts';
import { ruleFacts, type Rule, type RuleContext, type RuleHit, type RuleInfo } from '../rule.ts';
import { donorPerson } from './line-rule.ts';

/** "Just under the cap": at least this share of it, up to the cap itself. */
export const NEAR_CAP_SHARE = 0.9;
/** "A few days": the window the donations of one cluster fall in. */
export const CLUSTER_WINDOW_DAYS = 7;
/** "Many": distinct donors in one cluster. */
export const CLUSTER_MIN_DONORS = 3;
/** "Only days before": a payee registered at most this many days before it was paid. */
export const NEW_PAYEE_DAYS = 30;

const info = (id: string): RuleInfo => ruleFacts(`pattern.${id}`, 'notice');

/** The donor's surname as the registry writes it, or the first word of the reported name. */
const surnameText = (r: CampaignReceipt, ctx: RuleContext): string => {
  const person = donorPerson(r, ctx);
  return person ? person.record.surname : (r.donorName.trim().split(/\s+/)[0] ?? '');
};
const surnameOf = (r: CampaignReceipt, ctx: RuleContext): string => searchKey(surnameText(r, ctx));
const addressOf = (r: CampaignReceipt): string => (r.donorAddress ? searchKey(r.donorAddress) : '');

function clustersBy(
  receipts: readonly CampaignReceipt[],
  keyOf: (r: CampaignReceipt) => string,
): Map<string, CampaignReceipt[]> {
  const groups = new Map<string, CampaignReceipt[]>();
  for (const r of receipts) {
    const k = keyOf(r);
    if (k === '') continue;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

/** The first window of `CLUSTER_WINDOW_DAYS` holding donations of enough distinct donors, if any. */
function denseWindow(lines: readonly CampaignReceipt[]): CampaignReceipt[] | undefined {
  const sorted = [...lines].sort(byDateThenOrder);
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as CampaignReceipt;
    // Sorted by date, so the window is the run of lines from `i` until the first one past it.
    let end = i;
    while (end < sorted.length && daysBetween(start.date, (sorted[end] as CampaignReceipt).date) <= CLUSTER_WINDOW_DAYS)
      end++;
    const window = sorted.slice(i, end);
    const donors = new Set(window.map((l) => l.donorPin ?? l.donorName));
    if (donors.size >= CLUSTER_MIN_DONORS) return window;
  }
  return undefined;
}

export const nearCapCluster: Rule = {
  ...info('near_cap_cluster'),
  check(ctx) {
    const cap = ctx.profile.finance.individualDonorCapTyiyn;
    const near = ctx.lines.receipts.filter(
      (r) => r.donorType === 'individual' && r.amount <= cap && r.amount >= cap * NEAR_CAP_SHARE,
    );
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const [shared, keyOf] of [
      ['address', addressOf],
      ['surname', (r: CampaignReceipt) => surnameOf(r, ctx)],
    ] as const) {
      for (const lines of clustersBy(near, keyOf).values()) {
        const window = denseWindow(lines);
        const first = window?.[0];
        if (!window || !first || seen.has(receiptKey(first))) continue;
        seen.add(receiptKey(first));
        hits.push({
          subject: `cluster:${receiptKey(first)}`,
          lineIds: window.map((l) => lineRef('R', l.lineId)),
          amount: add(...window.map((l) => l.amount)),
          evidence: {
            // Addresses of individuals are never published: the evidence says only that one is shared.
            shared,
            ...(shared === 'surname' ? { surname: surnameText(first, ctx) } : {}),
            cap,
            windowDays: CLUSTER_WINDOW_DAYS,
            lines: window.map((l) => ({ report: l.report, lineId: l.lineId, date: l.date, amount: l.amount })),
          },
        });
      }
    }
    return hits;
  },
};

export const donorManyParties: Rule = {
  ...info('donor_many_parties'),
  check(ctx) {
    const elsewhere = ctx.input.donorsElsewhere;
    if (!elsewhere) return [];
    // One pass to group the lines by donor, in the order the money came in.
    const byDonor = clustersBy([...ctx.lines.receipts].sort(byDateThenOrder), (r) => r.donorPin ?? r.donorInn ?? '');
    const hits: RuleHit[] = [];
    for (const [id, mine] of byDonor) {
      const others = elsewhere.get(id)?.filter((p) => p !== ctx.input.party);
      const first = mine[0];
      if (!first || !others || others.length === 0) continue;
      hits.push({
        subject: `donor:${receiptKey(first)}`,
        lineIds: mine.map((l) => lineRef('R', l.lineId)),
        donor: { type: first.donorType, name: first.donorName, identifier: id },
        amount: add(...mine.map((l) => l.amount)),
        evidence: { otherParties: [...new Set(others)].sort() },
      });
    }
    return hits;
  },
};

export const newPayee: Rule = {
  ...info('new_payee'),
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const e of ctx.lines.expenditures) {
      const payee = e.payeeInn ? ctx.answers.entities.get(e.payeeInn) : undefined;
      if (!payee) continue;
      const days = daysBetween(payee.record.registeredOn, e.date);
      if (days < 0 || days > NEW_PAYEE_DAYS) continue;
      hits.push({
        subject: `line:${e.report}#${e.lineId}`,
        lineIds: [lineRef('E', e.lineId)],
        amount: e.amount,
        evidence: {
          line: { report: e.report, lineId: e.lineId, date: e.date, payeeName: e.payeeName },
          registeredOn: payee.record.registeredOn,
          daysBeforePayment: days,
          snapshot: payee.snapshot,
        },
      });
    }
    return hits;
  },
};

export const overRegisteredCapital: Rule = {
  ...info('over_registered_capital'),
  check(ctx) {
    const byInn = clustersBy(ctx.lines.receipts, (r) => (r.donorType === 'legal_entity' ? (r.donorInn ?? '') : ''));
    const hits: RuleHit[] = [];
    for (const [inn, lines] of byInn) {
      const entity = ctx.answers.entities.get(inn);
      const total: Tyiyn = add(...lines.map((l) => l.amount));
      const first = earliest(lines);
      if (!entity || !first || entity.record.registeredCapital <= 0 || total <= entity.record.registeredCapital)
        continue;
      hits.push({
        subject: `donor:${receiptKey(first)}`,
        lineIds: lines.map((l) => lineRef('R', l.lineId)),
        donor: { type: 'legal_entity', name: first.donorName, identifier: inn },
        amount: total,
        evidence: { registeredCapital: entity.record.registeredCapital, total, snapshot: entity.snapshot },
      });
    }
    return hits;
  },
};

export const patternRules: readonly Rule[] = [nearCapCluster, donorManyParties, newPayee, overRegisteredCapital];
