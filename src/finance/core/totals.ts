// Totals, breakdowns and timelines of electoral funds, built from grouped line sums: what a party
// received, spent and refunded, by kind of donor, by category and by day, with running totals. Pure:
// the repository feeds it the sums of the latest filed lines (totals.repository.ts).
import { tyiyn, type Tyiyn } from '../../domain/money.ts';
import {
  EXPENDITURE_GROUPS,
  expenditureCategoryGroups,
  type DonorType,
  type ExpenditureCategory,
  type ExpenditureGroup,
} from '../../filings/index.ts';

export interface AmountAndCount<K extends string> {
  key: K;
  amount: Tyiyn;
  count: number;
}

export interface TimelinePoint {
  date: string;
  receipts: Tyiyn;
  expenditures: Tyiyn;
  refunds: Tyiyn;
  /** Running totals up to and including this date. */
  cumulativeReceipts: Tyiyn;
  cumulativeExpenditures: Tyiyn;
  cumulativeRefunds: Tyiyn;
}

export interface FinanceTotals {
  receipts: Tyiyn;
  expenditures: Tyiyn;
  refunds: Tyiyn;
  /** What is left in the fund: received − spent − refunded. */
  balance: Tyiyn;
  receiptCount: number;
  expenditureCount: number;
  refundCount: number;
  byDonorType: AmountAndCount<DonorType>[];
  byCategory: AmountAndCount<ExpenditureCategory>[];
  timeline: TimelinePoint[];
}

export interface ElectionFinance {
  electionId: string;
  /** Every party with at least one line, by registration number. */
  parties: Map<string, FinanceTotals>;
  /** The whole election. */
  total: FinanceTotals;
}

/** The sum of one party's lines of one kind (donor type, category, refund kind) on one date. */
export interface LineSum {
  party: string;
  key: string;
  date: string;
  amount: number;
  n: number;
}

interface Tally {
  amount: number;
  count: number;
}

export class TotalsAccumulator {
  private receipts = 0;
  private expenditures = 0;
  private refunds = 0;
  private receiptCount = 0;
  private expenditureCount = 0;
  private refundCount = 0;
  private readonly byDonorType = new Map<string, Tally>();
  private readonly byCategory = new Map<string, Tally>();
  private readonly days = new Map<string, { r: number; e: number; f: number }>();

  private day(date: string) {
    let d = this.days.get(date);
    if (!d) this.days.set(date, (d = { r: 0, e: 0, f: 0 }));
    return d;
  }

  private static bump(m: Map<string, Tally>, key: string, c: LineSum) {
    const x = m.get(key) ?? { amount: 0, count: 0 };
    x.amount += c.amount;
    x.count += c.n;
    m.set(key, x);
  }

  receipt(c: LineSum) {
    this.receipts += c.amount;
    this.receiptCount += c.n;
    TotalsAccumulator.bump(this.byDonorType, c.key, c);
    this.day(c.date).r += c.amount;
  }

  expenditure(c: LineSum) {
    this.expenditures += c.amount;
    this.expenditureCount += c.n;
    TotalsAccumulator.bump(this.byCategory, c.key, c);
    this.day(c.date).e += c.amount;
  }

  refund(c: LineSum) {
    this.refunds += c.amount;
    this.refundCount += c.n;
    this.day(c.date).f += c.amount;
  }

  private timeline(): TimelinePoint[] {
    let cr = 0;
    let ce = 0;
    let cf = 0;
    return [...this.days]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, d]) => {
        cr += d.r;
        ce += d.e;
        cf += d.f;
        return {
          date,
          receipts: tyiyn(d.r),
          expenditures: tyiyn(d.e),
          refunds: tyiyn(d.f),
          cumulativeReceipts: tyiyn(cr),
          cumulativeExpenditures: tyiyn(ce),
          cumulativeRefunds: tyiyn(cf),
        };
      });
  }

  totals(): FinanceTotals {
    // Keys come from columns the filing schema checked when the report was filed.
    const list = <K extends string>(m: Map<string, Tally>): AmountAndCount<K>[] =>
      [...m]
        .map(([key, v]) => ({ key: key as K, amount: tyiyn(v.amount), count: v.count }))
        .sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key));
    return {
      receipts: tyiyn(this.receipts),
      expenditures: tyiyn(this.expenditures),
      refunds: tyiyn(this.refunds),
      balance: tyiyn(this.receipts - this.expenditures - this.refunds),
      receiptCount: this.receiptCount,
      expenditureCount: this.expenditureCount,
      refundCount: this.refundCount,
      byDonorType: list<DonorType>(this.byDonorType),
      byCategory: list<ExpenditureCategory>(this.byCategory),
      timeline: this.timeline(),
    };
  }
}

export const emptyTotals = (): FinanceTotals => new TotalsAccumulator().totals();

/** The sums of one party's three line tables, added to the party's and to the election's totals. */
export interface PartyLineSums {
  receipts: readonly LineSum[];
  expenditures: readonly LineSum[];
  refunds: readonly LineSum[];
}

/** The totals of every party with lines, and of the whole election. */
export function electionFinanceOf(electionId: string, sums: ReadonlyMap<string, PartyLineSums>): ElectionFinance {
  const parties = new Map<string, FinanceTotals>();
  const total = new TotalsAccumulator();
  for (const [party, s] of sums) {
    const a = new TotalsAccumulator();
    for (const c of s.receipts) {
      a.receipt(c);
      total.receipt(c);
    }
    for (const c of s.expenditures) {
      a.expenditure(c);
      total.expenditure(c);
    }
    for (const c of s.refunds) {
      a.refund(c);
      total.refund(c);
    }
    if (s.receipts.length + s.expenditures.length + s.refunds.length > 0) parties.set(party, a.totals());
  }
  return { electionId, parties, total: total.totals() };
}

/** The CEC heading of a category; a category no heading lists is counted under "other" rather than lost. */
export function categoryGroupOf(category: string): ExpenditureGroup {
  for (const group of EXPENDITURE_GROUPS) {
    if ((expenditureCategoryGroups[group] as readonly string[]).includes(category)) return group;
  }
  return 'other';
}

/** Expenditures summed by the CEC's headings, in the order the CEC lists them. */
export function byGroup(totals: FinanceTotals): Array<{ key: ExpenditureGroup; amount: Tyiyn; count: number }> {
  const sums = new Map<ExpenditureGroup, Tally>();
  for (const x of totals.byCategory) {
    const g = categoryGroupOf(x.key);
    const s = sums.get(g) ?? { amount: 0, count: 0 };
    s.amount += x.amount;
    s.count += x.count;
    sums.set(g, s);
  }
  return EXPENDITURE_GROUPS.flatMap((g) => {
    const s = sums.get(g);
    return s ? [{ key: g, amount: tyiyn(s.amount), count: s.count }] : [];
  });
}
