// Which stored reports say what an advertiser spent during a period, without counting a day twice.
//
// The platforms publish cumulative reports: "yesterday", "last 7/30/90 days" and "all dates" (from the
// start of the library), each again every day. Adding reports up would count the days they share many
// times over. The rule, per platform (source) of an election:
//   1. the END report is the one that covers most days of the period without running past its end
//      (a report ending after the period says nothing about the period's last day); ties go to the
//      report ending later, then to the one covering more days (an "all dates" report first), then to
//      the one stored first;
//   2. when the END report began before the period ("all dates", or a window reaching back), the BASE
//      report is the latest "all dates" report ending before the period began, and each advertiser's
//      spend is END minus BASE; the difference of two ranges is itself a range (least: END's least
//      less BASE's most, never below nothing; most: END's most less BASE's least);
//   3. without a BASE, END's figure stands and is marked as including days before the period.
// An advertiser absent from the END report spent nothing the platform reported in it.
import type { SpendRange } from './ad-report.ts';

export interface StoredReport {
  id: number;
  source: string;
  currency: string;
  /** Null: "all dates". */
  from: string | null;
  to: string;
  fileName: string;
  sha256: string;
}

export interface StoredRow {
  reportId: number;
  key: string;
  name: string;
  pageId: string | null;
  disclaimer: string | null;
  spend: SpendRange;
  ads: number;
}

export interface Period {
  from: string;
  to: string;
}

export interface PeriodSpend {
  key: string;
  name: string;
  pageId: string | null;
  disclaimer: string | null;
  source: string;
  currency: string;
  spend: SpendRange;
  ads: number;
  end: StoredReport;
  base: StoredReport | null;
  /** No BASE report could be subtracted: the figure may include days before the period. */
  includesEarlier: boolean;
}

const DAY_MS = 86_400_000;
const dayNumber = (d: string): number => Date.parse(`${d}T00:00:00Z`) / DAY_MS;

/** Days of `period` the report covers, 0 when it runs past the period's end or ends before it starts. */
export function coveredDays(r: StoredReport, period: Period): number {
  if (r.to > period.to || r.to < period.from) return 0;
  const start = r.from === null || r.from < period.from ? period.from : r.from;
  return dayNumber(r.to) - dayNumber(start) + 1;
}

const lengthOf = (r: StoredReport): number => (r.from === null ? Infinity : dayNumber(r.to) - dayNumber(r.from));

function endReport(reports: readonly StoredReport[], period: Period): StoredReport | undefined {
  let best: StoredReport | undefined;
  let bestDays = 0;
  for (const r of reports) {
    const days = coveredDays(r, period);
    if (days === 0) continue;
    const better =
      !best ||
      days > bestDays ||
      (days === bestDays &&
        (r.to > best.to ||
          (r.to === best.to && (lengthOf(r) > lengthOf(best) || (lengthOf(r) === lengthOf(best) && r.id < best.id)))));
    if (better) {
      best = r;
      bestDays = days;
    }
  }
  return best;
}

function baseReport(reports: readonly StoredReport[], end: StoredReport, period: Period): StoredReport | undefined {
  let best: StoredReport | undefined;
  for (const r of reports)
    if (
      r.from === null &&
      r.to < period.from &&
      r.currency === end.currency &&
      (!best || r.to > best.to || (r.to === best.to && r.id < best.id))
    )
      best = r;
  return best;
}

/** The least and the most that can have been spent between two cumulative figures. */
export function spendBetween(later: SpendRange, earlier: SpendRange): SpendRange {
  return { min: Math.max(0, later.min - earlier.max), max: Math.max(0, later.max - earlier.min) };
}

/** Every advertiser's spend during `period`, by the rule above; one entry per source and advertiser. */
export function spendInPeriod(
  reports: readonly StoredReport[],
  rows: readonly StoredRow[],
  period: Period,
): PeriodSpend[] {
  const out: PeriodSpend[] = [];
  const sources = [...new Set(reports.map((r) => r.source))].sort();
  for (const source of sources) {
    const own = reports.filter((r) => r.source === source);
    const end = endReport(own, period);
    if (!end) continue;
    const startsBefore = end.from === null || end.from < period.from;
    const base = startsBefore ? baseReport(own, end, period) : undefined;
    const before = new Map<string, SpendRange>();
    if (base) for (const r of rows) if (r.reportId === base.id) before.set(r.key, addRange(before.get(r.key), r.spend));
    const merged = new Map<string, StoredRow>();
    for (const r of rows) {
      if (r.reportId !== end.id) continue;
      const known = merged.get(r.key);
      // A page listed twice in one report (it happens when a page changes its name) is one advertiser.
      merged.set(r.key, known ? { ...known, spend: addRange(known.spend, r.spend), ads: known.ads + r.ads } : r);
    }
    for (const r of merged.values()) {
      const earlier = before.get(r.key);
      out.push({
        key: r.key,
        name: r.name,
        pageId: r.pageId,
        disclaimer: r.disclaimer,
        source,
        currency: end.currency,
        spend: earlier ? spendBetween(r.spend, earlier) : r.spend,
        ads: r.ads,
        end,
        base: base ?? null,
        includesEarlier: startsBefore && !base,
      });
    }
  }
  return out;
}

function addRange(a: SpendRange | undefined, b: SpendRange): SpendRange {
  return a ? { min: a.min + b.min, max: a.max + b.max } : b;
}

/**
 * The key that identifies an advertiser across reports: the platform's page or advertiser id when
 * the report gives one, else the name as written (trimmed, lower case, spaces folded).
 */
export function advertiserKey(source: string, a: { pageId: string | null; name: string }): string {
  return a.pageId ? `${source}:id:${a.pageId}` : `${source}:name:${a.name.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}
