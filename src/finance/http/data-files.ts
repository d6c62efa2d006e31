// The finance files on the open-data page: every receipt and expenditure line, and the tables of the
// finance pages, for the whole election and for each party.
import type { DataFile, DataFiles } from '../../platform/capability.ts';
import type { Locale } from '../../domain/election.ts';
import { DOWNLOAD_FORMATS, PAGE_TABLES, type PageTable } from '../core/download-tables.ts';
import { t } from '../finance.messages.ts';
import { financePackageTables } from '../package-tables.ts';

const TABLE_TITLES = {
  totals: 'finance.comparison',
  'donor-types': 'finance.byDonorType',
  categories: 'finance.byCategory',
  timeline: 'finance.timeline',
  deadlines: 'finance.deadlines',
  filings: 'finance.reports',
} as const satisfies Record<PageTable, Parameters<typeof t>[1]>;

const inEveryFormat = (path: (ext: string) => string): DataFile[] =>
  DOWNLOAD_FORMATS.map((ext) => ({ href: path(ext), format: ext.toUpperCase() }));

function lineSets(l: Locale, base: string, query: string) {
  return [
    { title: t(l, 'finance.itemisedReceipts'), files: inEveryFormat((ext) => `${base}/receipts.${ext}${query}`) },
    {
      title: t(l, 'finance.itemisedExpenditures'),
      files: inEveryFormat((ext) => `${base}/expenditures.${ext}${query}`),
    },
  ];
}

export const financeDataFiles: DataFiles = {
  election(electionId, l) {
    const base = `/${l}/elections/${encodeURIComponent(electionId)}`;
    return [
      ...lineSets(l, base, ''),
      ...PAGE_TABLES.map((table) => ({
        title: t(l, TABLE_TITLES[table]),
        files: inEveryFormat((ext) => `${base}/finance/${table}.${ext}`),
      })),
    ];
  },
  party: (electionId, reg, l) =>
    lineSets(l, `/${l}/elections/${encodeURIComponent(electionId)}`, `?party=${encodeURIComponent(reg)}`),
  tables: financePackageTables,
};
