// What the advertising platforms publish about political ads, in one shape whichever platform it
// came from: who advertised, how much they spent in the report's currency and how many ads ran.

import type { Problem } from '../../platform/result.ts';

export type AdSource = 'meta' | 'google';

/**
 * Money in minor units (hundredths of the currency), as whole numbers. Platforms publish small
 * amounts only as a range ("≤100"), so every spend is a range; an exact figure has min = max.
 */
export interface SpendRange {
  min: number;
  max: number;
}

/** The days a report covers, as the platform names them. */
export interface ReportPeriod {
  /** First day covered; null when the report runs from the start of the library ("lifetime"). */
  from: string | null;
  /** Last day covered (YYYY-MM-DD). */
  to: string;
  /** The platform's name for the range (`yesterday`, `last_7_days`, …), null when given by hand. */
  range: string | null;
  /** ISO 3166-1 country the report is about, when known. */
  country: string | null;
}

export interface AdvertiserSpend {
  name: string;
  /** The platform's id of the advertiser: the Facebook page id, or Google's advertiser id. */
  pageId: string | null;
  /** Who the ads said paid for them ("paid for by"). */
  disclaimer: string | null;
  spend: SpendRange;
  /** Ads in the library for this advertiser. */
  ads: number;
  /** 1-based line of the row in its file. */
  row: number;
}

export interface AdReport {
  source: AdSource;
  currency: string;
  period: ReportPeriod | null;
  advertisers: AdvertiserSpend[];
}

/** Every row that could be read, and a problem for each that could not; never a throw. */
export interface AdReportParseResult {
  report: AdReport | null;
  problems: Problem[];
}

/** Minor units as a decimal string: 477000 → "4770.00". */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * An amount as the reports print it: whole units ("4770"), with at most two decimals, thousands
 * grouped by commas or spaces allowed. Undefined when it is anything else.
 */
export function parseAmountMinor(raw: string): number | undefined {
  const s = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  const m = /^(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  const units = Number((m[1] ?? '').replace(/[, ]/g, ''));
  const minor = units * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/**
 * A spend cell: an amount, a "≤100"-style bound (anything from nothing up to the bound) or a
 * "100-499" range.
 */
export function parseSpend(raw: string): SpendRange | undefined {
  const s = raw.trim();
  const bound = /^(?:≤|<=|<)\s*(.+)$/.exec(s);
  if (bound) {
    const max = parseAmountMinor(bound[1] ?? '');
    return max === undefined ? undefined : { min: 0, max };
  }
  const range = /^([\d.,\s]+?)\s*[-–]\s*([\d.,\s]+)$/.exec(s);
  if (range) {
    const min = parseAmountMinor(range[1] ?? '');
    const max = parseAmountMinor(range[2] ?? '');
    return min === undefined || max === undefined || min > max ? undefined : { min, max };
  }
  const exact = parseAmountMinor(s);
  return exact === undefined ? undefined : { min: exact, max: exact };
}

/** The sum of ranges: the least and the most that may have been spent in all. */
export function totalSpend(spends: readonly SpendRange[]): SpendRange {
  return spends.reduce((t, s) => ({ min: t.min + s.min, max: t.max + s.max }), { min: 0, max: 0 });
}
