// Google's political-ads advertiser statistics (google-political-ads-advertiser-stats.csv in the
// transparency report's bundle): one row per verified advertiser with its lifetime spend in every
// currency Google publishes, side by side (Spend_USD, Spend_EUR, …), and its number of ads
// (Total_Creatives). One currency is read; the others are conversions of the same money.

import { problem, type Problem } from '../../platform/result.ts';
import { type AdReportParseResult, type AdvertiserSpend, parseSpend, type ReportPeriod } from './ad-report.ts';
import { readAdvertiserRows, readCsvTable, readRow } from './csv-table.ts';

export interface GoogleStatsOptions {
  /** Which Spend_<CCY> column to read; USD when absent. */
  currency?: string;
  /** Google's statistics run from the start of its library; a period is only known when given. */
  period?: ReportPeriod;
}

const normalise = (h: string): string => h.trim().toLowerCase();

/** True when the header is the advertiser statistics'. */
export function isGoogleStatsHeader(header: string[]): boolean {
  const names = header.map(normalise);
  return (
    ['advertiser_id', 'advertiser_name', 'total_creatives'].every((n) => names.includes(n)) &&
    names.some((h) => h.startsWith('spend_'))
  );
}

export function parseGoogleStats(input: string | Uint8Array, options: GoogleStatsOptions = {}): AdReportParseResult {
  try {
    const read = readCsvTable(input);
    if ('problem' in read) return { report: null, problems: [read.problem] };
    const { header, rows } = read.table;
    const names = header.map(normalise);
    if (!isGoogleStatsHeader(header))
      return {
        report: null,
        problems: [
          problem(
            'google.header_unknown',
            'The header is not Google\'s advertiser statistics: it needs "Advertiser_ID", "Advertiser_Name", "Total_Creatives" and "Spend_…" columns.',
            { row: 1, severity: 'error', params: { header: header.join(',') } },
          ),
        ],
      };
    const currency = (options.currency ?? 'USD').toUpperCase();
    const spendColumn = names.indexOf(`spend_${currency.toLowerCase()}`);
    if (spendColumn < 0) {
      const offered = header.filter((h) => /^spend_/i.test(h.trim())).map((h) => h.trim().slice(6).toUpperCase());
      return {
        report: null,
        problems: [
          problem(
            'google.currency_missing',
            `The file has no Spend_${currency} column; it gives ${offered.join(', ')}.`,
            { row: 1, severity: 'error', params: { currency, offered: offered.join(', ') } },
          ),
        ],
      };
    }
    const columns = {
      id: names.indexOf('advertiser_id'),
      name: names.indexOf('advertiser_name'),
      ads: names.indexOf('total_creatives'),
      spend: spendColumn,
    };
    const problems: Problem[] = [];
    const advertisers = readAdvertiserRows(rows, problems, (r) => parseRow(r.cells, r.line, columns, header));
    return { report: { source: 'google', currency, period: options.period ?? null, advertisers }, problems };
  } catch (e) {
    return {
      report: null,
      problems: [
        problem(
          'parser.internal_error',
          `The advertiser statistics parser failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
          { severity: 'error' },
        ),
      ],
    };
  }
}

function parseRow(
  cells: string[],
  line: number,
  columns: { id: number; name: number; ads: number; spend: number },
  header: string[],
): { advertiser: AdvertiserSpend } | { problem: Problem } {
  const row = readRow('google', cells, line, header, {
    column: columns.name,
    missing: 'The row has no advertiser name.',
  });
  if ('problem' in row) return row;
  const { cell, fail, name } = row;
  const id = cell(columns.id);
  if (!id) return fail('google.id_missing', 'The row has no advertiser id.', columns.id);
  const spendText = cell(columns.spend);
  const spend = parseSpend(spendText);
  if (!spend)
    return fail('google.spend_invalid', `"${spendText}" is not an amount spent.`, columns.spend, { value: spendText });
  const adsText = cell(columns.ads);
  if (!/^\d+$/.test(adsText) || !Number.isSafeInteger(Number(adsText)))
    return fail('google.ads_invalid', `"${adsText}" is not a number of ads.`, columns.ads, { value: adsText });
  return {
    advertiser: { name, pageId: id, disclaimer: null, spend, ads: Number(adsText), row: line },
  };
}
