// Meta's Ad Library Report: one row per advertiser (page and "paid for by" disclaimer) with the
// amount spent and the number of ads in the library, for one country and date range. Two header
// generations are in circulation:
//   2019:  Page Name,Disclaimer,Amount Spent,Number of Ads in Library           (no id, no currency)
//   later: Page ID,Page name,Disclaimer,Amount spent (THB),Number of ads in Library
// Small amounts are published only as "≤100". Downloads come zipped with a locations file and one
// file per region beside the advertisers file; the advertisers file is the report.

import { problem, type Problem } from '../../platform/result.ts';
import { type AdReportParseResult, type AdvertiserSpend, parseSpend, type ReportPeriod } from './ad-report.ts';
import { readAdvertiserRows, readCsvTable, readRow } from './csv-table.ts';
import { readZipEntries } from './zip-entries.ts';
import { refusalParams } from '../../platform/zip-inspection.ts';

export interface MetaReportOptions {
  /** The file's name, which carries the report's date, country and range. */
  fileName?: string;
  /** The currency when the header does not say (the 2019 form); USD when absent. */
  currency?: string;
  /** The period when the file name does not give it, or to override it. */
  period?: ReportPeriod;
}

/** What Meta writes in the disclaimer column for ads that named no payer. */
const NO_DISCLAIMER = 'these ads ran without a disclaimer';

const RANGE_DAYS: Record<string, number | null> = { yesterday: 1, lifetime: null };

const FILE_NAME =
  /FacebookAdLibraryReport_(\d{4}-\d{2}-\d{2})_([A-Z]{2})_(yesterday|lifetime|last_(\d+)_days|last_week)(?:_|\.|$)/i;

/**
 * The period a report's file name states, e.g. `FacebookAdLibraryReport_2022-11-18_TH_yesterday_…`:
 * the date is the last day the report covers and the range counts back from it.
 */
export function periodFromFileName(fileName: string): ReportPeriod | null {
  const m = FILE_NAME.exec(fileName);
  if (!m) return null;
  const [, to = '', country = '', rangeText = '', days] = m;
  const range = rangeText.toLowerCase();
  const [y, mo, d] = to.split('-').map(Number);
  const end = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1);
  if (new Date(end).toISOString().slice(0, 10) !== to) return null;
  const length = days !== undefined ? Number(days) : range === 'last_week' ? 7 : RANGE_DAYS[range];
  const from =
    length === null || length === undefined
      ? null
      : new Date(end - (length - 1) * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return { from, to, range, country: country.toUpperCase() };
}

const normalise = (h: string): string => h.replace(/\s+/g, ' ').trim().toLowerCase();

interface Columns {
  pageId?: number;
  name: number;
  disclaimer: number;
  amount: number;
  ads: number;
  /** The currency the amount column's header names, if it does. */
  currency?: string;
}

function findColumns(header: string[]): Columns | undefined {
  const names = header.map(normalise);
  const at = (test: (h: string) => boolean): number | undefined => {
    const i = names.findIndex(test);
    return i < 0 ? undefined : i;
  };
  const name = at((h) => h === 'page name');
  const disclaimer = at((h) => h === 'disclaimer');
  const amount = at((h) => /^amount spent(?: \([a-z]{3}\))?$/.test(h));
  const ads = at((h) => h === 'number of ads in library');
  if (name === undefined || disclaimer === undefined || amount === undefined || ads === undefined) return undefined;
  const pageId = at((h) => h === 'page id');
  const currency = /\(([a-z]{3})\)$/.exec(names[amount] ?? '')?.[1]?.toUpperCase();
  return {
    name,
    disclaimer,
    amount,
    ads,
    ...(pageId !== undefined ? { pageId } : {}),
    ...(currency ? { currency } : {}),
  };
}

/** True when the header is one of the Ad Library Report's. */
export const isMetaReportHeader = (header: string[]): boolean => findColumns(header) !== undefined;

/** Parses one advertisers CSV of the Ad Library Report. */
export function parseMetaReport(input: string | Uint8Array, options: MetaReportOptions = {}): AdReportParseResult {
  const problems: Problem[] = [];
  try {
    const read = readCsvTable(input);
    if ('problem' in read) return { report: null, problems: [read.problem] };
    const { header, rows } = read.table;
    const columns = findColumns(header);
    if (!columns)
      return {
        report: null,
        problems: [
          problem(
            'meta.header_unknown',
            'The header is not an Ad Library Report\'s: it needs "Page name", "Disclaimer", "Amount spent" and "Number of ads in Library".',
            { row: 1, severity: 'error', params: { header: header.join(',') } },
          ),
        ],
      };
    const currency = reportCurrency(columns, options, problems);
    const advertisers = readAdvertiserRows(rows, problems, (r) => parseRow(r.cells, r.line, columns, header));
    const period = options.period ?? (options.fileName ? periodFromFileName(options.fileName) : null);
    return { report: { source: 'meta', currency, period, advertisers }, problems };
  } catch (e) {
    return { report: null, problems: [...problems, internal(e)] };
  }
}

function reportCurrency(columns: Columns, options: MetaReportOptions, problems: Problem[]): string {
  const asked = options.currency?.toUpperCase();
  if (columns.currency) {
    if (asked && asked !== columns.currency)
      problems.push(
        problem(
          'meta.currency_ignored',
          `The report's amounts are in ${columns.currency}; they are given as they are, not converted to ${asked}.`,
          { row: 1, severity: 'warning', params: { currency: columns.currency, asked } },
        ),
      );
    return columns.currency;
  }
  if (asked) return asked;
  problems.push(
    problem(
      'meta.currency_assumed',
      'The header does not name the currency (the 2019 form); the amounts are taken to be USD. Give --currency if they are not.',
      { row: 1, severity: 'warning', params: { currency: 'USD' } },
    ),
  );
  return 'USD';
}

function parseRow(
  cells: string[],
  line: number,
  columns: Columns,
  header: string[],
): { advertiser: AdvertiserSpend } | { problem: Problem } {
  const row = readRow('meta', cells, line, header, { column: columns.name, missing: 'The row has no page name.' });
  if ('problem' in row) return row;
  const { cell, fail, name } = row;
  let pageId: string | null = null;
  if (columns.pageId !== undefined) {
    const id = cell(columns.pageId);
    if (!/^\d+$/.test(id))
      return fail('meta.page_id_invalid', `"${id}" is not a page id.`, columns.pageId, { value: id });
    pageId = id;
  }
  const amountText = cell(columns.amount);
  const spend = parseSpend(amountText);
  if (!spend)
    return fail('meta.amount_invalid', `"${amountText}" is not an amount spent.`, columns.amount, {
      value: amountText,
    });
  const adsText = cell(columns.ads);
  if (!/^\d+$/.test(adsText) || !Number.isSafeInteger(Number(adsText)))
    return fail('meta.ads_invalid', `"${adsText}" is not a number of ads.`, columns.ads, { value: adsText });
  const disclaimerText = cell(columns.disclaimer);
  // Meta writes a sentence, not an empty cell, when the ads named nobody who paid for them.
  const disclaimer = disclaimerText && disclaimerText.toLowerCase() !== NO_DISCLAIMER ? disclaimerText : null;
  return { advertiser: { name, pageId, disclaimer, spend, ads: Number(adsText), row: line } };
}

/**
 * Parses the report as Meta hands it out: a ZIP with the advertisers file, a locations file and a
 * folder of region files. Problems in the advertisers file name it in `params.file`.
 */
export function parseMetaReportZip(bytes: Uint8Array, options: MetaReportOptions = {}): AdReportParseResult {
  try {
    const unpacked = readZipEntries(bytes);
    if ('refusal' in unpacked)
      return {
        report: null,
        problems: [
          problem('zip.refused', `The ZIP archive is refused: ${unpacked.refusal.message}`, {
            severity: 'error',
            params: refusalParams(unpacked.refusal),
          }),
        ],
      };
    const advertisers = unpacked.entries.filter((e) => /(^|\/)[^/]*advertisers\.csv$/i.test(e.name));
    const [entry, ...others] = advertisers;
    if (!entry || others.length > 0)
      return {
        report: null,
        problems: [
          problem(
            'meta.zip_advertisers_missing',
            entry
              ? `The archive holds ${advertisers.length} advertisers files; a report has one.`
              : 'The archive holds no advertisers file (…_advertisers.csv).',
            { severity: 'error', params: { files: unpacked.entries.map((e) => e.name).join(', ') } },
          ),
        ],
      };
    const period = options.period ?? periodFromFileName(entry.name) ?? periodFromFileName(options.fileName ?? '');
    const result = parseMetaReport(entry.bytes, { ...options, fileName: entry.name, ...(period ? { period } : {}) });
    return { ...result, problems: result.problems.map((p) => ({ ...p, params: { ...p.params, file: entry.name } })) };
  } catch (e) {
    return { report: null, problems: [internal(e)] };
  }
}

function internal(e: unknown): Problem {
  return problem(
    'parser.internal_error',
    `The Ad Library Report parser failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
    { severity: 'error' },
  );
}
