// The ads Meta's Ad Library API returns (`ads_archive`), turned into the report shape the file parsers
// produce, so that matching to parties, conversion and the comparison treat an API fetch exactly like
// an uploaded Ad Library Report. The API lists ads one by one, each with its spend as a range of whole
// currency units (`{"lower_bound": "100", "upper_bound": "199"}`, strings) and its own currency; the
// report lists advertisers (a page and its "paid for by" line), so ads are grouped the same way and
// their ranges added: the least is the sum of the lower bounds, the most the sum of the upper bounds.
import { problem, type Problem } from '../../../platform/result.ts';
import {
  type AdReportParseResult,
  type AdvertiserSpend,
  parseAmountMinor,
  type ReportPeriod,
  type SpendRange,
} from '../../core/ad-report.ts';

/** Bounds as the API sends them: strings of whole units, numbers in older versions. */
export interface ArchiveBounds {
  lower_bound?: string | number;
  upper_bound?: string | number;
}

/** One ad of `ads_archive`, with the fields the fetch asks for. */
export interface ArchiveAd {
  id: string;
  page_id?: string;
  page_name?: string;
  bylines?: string;
  spend?: ArchiveBounds;
  currency?: string;
  impressions?: ArchiveBounds;
  ad_delivery_start_time?: string;
  ad_delivery_stop_time?: string;
}

/** The fields the fetch asks for: what the report needs, and the delivery times that date the ads. */
export const ARCHIVE_FIELDS = [
  'id',
  'page_id',
  'page_name',
  'bylines',
  'spend',
  'currency',
  'impressions',
  'ad_delivery_start_time',
  'ad_delivery_stop_time',
] as const;

export interface ArchiveReportOptions {
  /** The days fetched (`ad_delivery_date_min` .. `_max`) and the country the ads reached. */
  period: ReportPeriod;
  /** The report's currency; unset: the currency most ads were bought in. */
  currency?: string;
}

const amount = (v: string | number | undefined): number | undefined =>
  v === undefined ? undefined : parseAmountMinor(String(v));

/** The ad's spend in minor units; an open top band (no upper bound) counts as its lower bound. */
function spendOf(ad: ArchiveAd): { spend: SpendRange; open: boolean } | undefined {
  const min = amount(ad.spend?.lower_bound);
  if (min === undefined) return undefined;
  const max = ad.spend?.upper_bound === undefined ? undefined : amount(ad.spend.upper_bound);
  if (max === undefined)
    return ad.spend?.upper_bound === undefined ? { spend: { min, max: min }, open: true } : undefined;
  return max < min ? undefined : { spend: { min, max }, open: false };
}

/** The currency most ads were bought in; ties go to the first in alphabetical order. */
export function mainCurrency(ads: readonly ArchiveAd[]): string | undefined {
  const counts = new Map<string, number>();
  for (const a of ads)
    if (a.currency) counts.set(a.currency.toUpperCase(), (counts.get(a.currency.toUpperCase()) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
}

/**
 * One advertiser per page and "paid for by" line, in the order each first appears. Ads that cannot be
 * counted (no page, no spend, another currency than the report's) are left out with a problem naming
 * the ad; an ad that began before the period counts whole, since the API gives only an ad's lifetime
 * spend, and a warning says how many did.
 */
export function archiveReport(ads: readonly ArchiveAd[], opts: ArchiveReportOptions): AdReportParseResult {
  const problems: Problem[] = [];
  const currency = (opts.currency ?? mainCurrency(ads) ?? 'USD').toUpperCase();
  const byKey = new Map<string, AdvertiserSpend>();
  let earlier = 0;
  let open = 0;
  ads.forEach((ad, i) => {
    const at = { row: i + 1, severity: 'warning' as const, params: { ad: ad.id } };
    const name = ad.page_name?.trim();
    if (!name) return void problems.push(problem('meta.no_page', `Ad ${ad.id} names no page; left out.`, at));
    const adCurrency = (ad.currency ?? '').toUpperCase();
    if (adCurrency !== currency)
      return void problems.push(
        problem(
          'meta.other_currency',
          `Ad ${ad.id} of "${name}" was bought in ${adCurrency || 'an unstated currency'}, the report is in ${currency}; left out.`,
          { ...at, params: { ad: ad.id, currency: adCurrency, report: currency } },
        ),
      );
    const spent = spendOf(ad);
    if (!spent)
      return void problems.push(
        problem('meta.no_spend', `Ad ${ad.id} of "${name}" has no readable spend; left out.`, at),
      );
    if (spent.open) open += 1;
    if (opts.period.from && ad.ad_delivery_start_time && ad.ad_delivery_start_time.slice(0, 10) < opts.period.from)
      earlier += 1;
    const pageId = ad.page_id?.trim() || null;
    const disclaimer = ad.bylines?.trim() || null;
    const key = JSON.stringify([pageId ?? name.toLowerCase(), disclaimer]);
    const known = byKey.get(key);
    if (known) {
      known.spend = { min: known.spend.min + spent.spend.min, max: known.spend.max + spent.spend.max };
      known.ads += 1;
    } else byKey.set(key, { name, pageId, disclaimer, spend: spent.spend, ads: 1, row: byKey.size + 1 });
  });
  if (earlier > 0)
    problems.push(
      problem(
        'meta.began_earlier',
        `${earlier} ad(s) began before ${opts.period.from ?? ''}; the API gives only an ad's whole spend, so it counts whole.`,
        { severity: 'warning', params: { count: earlier } },
      ),
    );
  if (open > 0)
    problems.push(
      problem(
        'meta.open_band',
        `${open} ad(s) are in the top spend band, which has no upper bound; counted at its lower bound.`,
        {
          severity: 'warning',
          params: { count: open },
        },
      ),
    );
  return { report: { source: 'meta', currency, period: opts.period, advertisers: [...byKey.values()] }, problems };
}
