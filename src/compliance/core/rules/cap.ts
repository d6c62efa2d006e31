// The caps of Art. 41: per individual donor, per legal entity, on own funds and on the whole fund. A cap
// is on the donor's total across all lines of all reports of the campaign (an amended line counting once,
// which `campaignLines` sees to), in the order the money came in; the finding names the line that crosses
// the cap and every one after it, and the remedy is to return the excess. Exactly the cap is allowed.
import { add, sub, type Tyiyn } from '../../../domain/money.ts';
import { loanAsDonation } from '../../../filings/index.ts';
import {
  byDateThenOrder,
  earliest,
  type CampaignExpenditure,
  type CampaignLines,
  type CampaignReceipt,
  lineRef,
  receiptKey,
} from '../campaign.ts';
import type { DonorKind, RemedyKind } from '../finding.ts';
import { ruleFacts, type Rule, type RuleContext, type RuleHit, type RuleInfo } from '../rule.ts';

interface Counted {
  lineId: string;
  report: string;
  date: string;
  amount: Tyiyn;
  order: number;
}

export interface CapCrossing<T extends Counted> {
  total: Tyiyn;
  excess: Tyiyn;
  /** The line that takes the total over the cap, then every line after it. */
  over: T[];
  /** Each line with the running total after it, for the evidence. */
  running: Array<{ report: string; lineId: string; date: string; amount: Tyiyn; total: Tyiyn }>;
  /** Where in `running` the crossing line is. */
  crossingAt: number;
}

/** Where a donor's lines, taken in date order, go over `cap`; undefined when they never do. */
export function capCrossing<T extends Counted>(lines: readonly T[], cap: Tyiyn): CapCrossing<T> | undefined {
  if (!mayCross(lines, cap)) return undefined;
  const sorted = [...lines].sort(byDateThenOrder);
  let total = 0 as Tyiyn;
  let crossing = -1;
  const running: CapCrossing<T>['running'] = [];
  sorted.forEach((l, i) => {
    total = add(total, l.amount);
    running.push({ report: l.report, lineId: l.lineId, date: l.date, amount: l.amount, total });
    if (crossing < 0 && total > cap) crossing = i;
  });
  if (crossing < 0) return undefined;
  return { total, excess: sub(total, cap), over: sorted.slice(crossing), running, crossingAt: crossing };
}

/**
 * False when no order of `lines` can go over `cap`: no amount is negative, so the running total never
 * exceeds the sum. Most donors and most funds stay under their caps, and this spares them the sort.
 */
function mayCross(lines: readonly Counted[], cap: Tyiyn): boolean {
  let sum = 0;
  for (const l of lines) {
    if (l.amount < 0) return true;
    sum += l.amount;
  }
  return sum > cap;
}

const capInfo = (id: string, remedy: RemedyKind): RuleInfo => ruleFacts(`cap.${id}`, 'error', { remedy });

function receiptCapHit(
  lines: readonly CampaignReceipt[],
  cap: Tyiyn,
  subject: string,
  donor: { type: DonorKind; name: string; identifier?: string } | undefined,
  wholeFund = false,
): RuleHit | undefined {
  const c = capCrossing(lines, cap);
  const first = c?.running[0];
  const crossingLine = c?.over[0];
  if (!c || !first || !crossingLine) return undefined;
  return {
    subject,
    lineIds: c.over.map((l) => lineRef('R', l.lineId)),
    ...(donor ? { donor } : {}),
    amount: c.total,
    excess: c.excess,
    remedyAmount: c.excess,
    remedyFrom: crossingLine.date,
    remedyReceipts: lines.map(receiptKey),
    evidence: { cap, total: c.total, excess: c.excess, lines: wholeFund ? c.running.slice(c.crossingAt) : c.running },
  };
}

/** A gift in kind at its estimated value, or a loan forgiven or unpaid at its term by what is still owed. */
interface GiftLine extends Counted {
  section: 'K' | 'L';
  donorType: CampaignReceipt['donorType'];
  donorName: string;
  donorPin?: string | undefined;
  donorInn?: string | undefined;
}

/** A line that counts towards a donor's cap, as `donorCapCounts` of the filings says. */
export type DonorLine = CampaignReceipt | GiftLine;

const isGift = (l: DonorLine): l is GiftLine => 'section' in l;
const refOf = (l: DonorLine): string => (isGift(l) ? lineRef(l.section, l.lineId) : lineRef('R', l.lineId));

/**
 * Money received, gifts in kind and the loans that became gifts (dated the day they were lent: a report
 * does not say when a loan stopped being one). A campaign of v1 reports has only receipts, and gets them
 * back as they are: a national campaign has a million of them, not to be copied for each cap.
 */
export function donorLines(lines: Pick<CampaignLines, 'receipts' | 'inKind' | 'loans'>): readonly DonorLine[] {
  if (lines.inKind.length === 0 && lines.loans.length === 0) return lines.receipts;
  const out: DonorLine[] = [...lines.receipts];
  for (const g of lines.inKind) out.push({ ...g, section: 'K', amount: g.estimatedValue });
  for (const loan of lines.loans) {
    const amount = loanAsDonation(loan);
    // A loan running or repaid is not a gift: nothing of it counts.
    if (amount <= 0) continue;
    out.push({
      section: 'L',
      lineId: loan.lineId,
      report: loan.report,
      date: loan.date,
      order: loan.order,
      amount,
      donorType: loan.lenderType,
      donorName: loan.lenderName,
      donorPin: loan.lenderPin,
      donorInn: loan.lenderInn,
    });
  }
  return out;
}

/** Groups a donor's lines by identity number, keeping the report's order. */
function byIdentifier<T>(receipts: readonly T[], pick: (r: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of receipts) {
    const id = pick(r);
    if (id === undefined) continue;
    const g = groups.get(id);
    if (g) g.push(r);
    else groups.set(id, [r]);
  }
  return groups;
}

/** A donor over the cap: as for receipts, with every kind of line named by its own reference. */
function donorCapHit(
  lines: readonly DonorLine[],
  cap: Tyiyn,
  subject: string,
  donor: { type: DonorKind; name: string; identifier?: string },
): RuleHit | undefined {
  const c = capCrossing(lines, cap);
  const crossingLine = c?.over[0];
  if (!c || !crossingLine) return undefined;
  return {
    subject,
    lineIds: c.over.map(refOf),
    donor,
    amount: c.total,
    excess: c.excess,
    remedyAmount: c.excess,
    remedyFrom: crossingLine.date,
    // Only money can be refunded against; the excess is returned from the donor's receipts.
    remedyReceipts: lines.flatMap((l) => (isGift(l) ? [] : [receiptKey(l)])),
    evidence: { cap, total: c.total, excess: c.excess, lines: c.running },
  };
}

function perDonorCap(info: RuleInfo, type: DonorKind, capOf: (ctx: RuleContext) => Tyiyn): Rule {
  return {
    ...info,
    check(ctx) {
      const cap = capOf(ctx);
      const pick = (r: DonorLine) =>
        r.donorType !== type ? undefined : type === 'individual' ? r.donorPin : r.donorInn;
      const hits: RuleHit[] = [];
      for (const [identifier, lines] of byIdentifier(donorLines(ctx.lines), pick)) {
        if (!mayCross(lines, cap)) continue;
        const first = earliest(lines);
        if (!first) continue;
        // The id is public, so it is keyed on the donor's first line, never on a PIN. A donor whose first
        // line is money keeps the id it had before gifts in kind and loans were counted.
        const donor = { type, name: first.donorName, identifier };
        const hit = donorCapHit(lines, cap, `donor:${receiptKey(first)}`, donor);
        if (hit) hits.push(hit);
      }
      return hits;
    },
  };
}

export const capIndividual = perDonorCap(
  capInfo('individual', 'return_excess'),
  'individual',
  (ctx) => ctx.profile.finance.individualDonorCapTyiyn as Tyiyn,
);

export const capLegalEntity = perDonorCap(
  capInfo('legal_entity', 'return_excess'),
  'legal_entity',
  (ctx) => ctx.profile.finance.legalEntityDonorCapTyiyn as Tyiyn,
);

const OWN_FUNDS: ReadonlySet<string> = new Set(['party_own_funds', 'candidate_own_funds']);

export const capOwnFunds: Rule = {
  ...capInfo('own_funds', 'return_excess'),
  check(ctx) {
    const cap = ctx.profile.finance.ownFundsCapTyiyn;
    if (cap === undefined) return [];
    const own = ctx.lines.receipts.filter((r) => OWN_FUNDS.has(r.donorType));
    const hit = receiptCapHit(own, cap as Tyiyn, 'own_funds', {
      type: 'party_own_funds',
      name: own[0]?.donorName ?? '',
    });
    return hit ? [hit] : [];
  },
};

function expenditureCapHit(lines: readonly CampaignExpenditure[], cap: Tyiyn): RuleHit | undefined {
  const c = capCrossing(lines, cap);
  if (!c) return undefined;
  return {
    subject: 'fund:expenditures',
    lineIds: c.over.map((l) => lineRef('E', l.lineId)),
    amount: c.total,
    excess: c.excess,
    // A whole fund has thousands of lines: the evidence shows the running total from the crossing on.
    evidence: { cap, total: c.total, excess: c.excess, side: 'expenditures', lines: c.running.slice(c.crossingAt) },
  };
}

export const capFundTotal: Rule = {
  ...capInfo('fund_total', 'return_excess'),
  check(ctx) {
    const cap = ctx.profile.finance.fundCapTyiyn as Tyiyn;
    // The cap is on what the fund receives and on what it spends: each side is a finding of its own.
    const received = receiptCapHit(ctx.lines.receipts, cap, 'fund:receipts', undefined, true);
    const spent = expenditureCapHit(ctx.lines.expenditures, cap);
    return [
      ...(received ? [{ ...received, evidence: { ...received.evidence, side: 'receipts' } }] : []),
      ...(spent ? [spent] : []),
    ];
  },
};

export const capRules: readonly Rule[] = [capIndividual, capLegalEntity, capOwnFunds, capFundTotal];
