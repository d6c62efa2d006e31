// The finance tables of an election's data package: every receipt and expenditure line (streamed in
// batches, as the downloads are), each party's totals and every filed report, from the same column
// definitions as the downloads, so the package and the single files agree on names and values.
import type { AppContext } from '../platform/app-context.ts';
import type { PackageCell, PackageField, PackageTable } from '../platform/capability.ts';
import type { Locale } from '../domain/election.ts';
import {
  expendituresTable,
  filingsTable,
  receiptsTable,
  totalsRows,
  totalsTable,
  type DownloadColumn,
  type DownloadTable,
} from './core/download-tables.ts';
import { expenditureBatches, receiptBatches } from './lines.repository.ts';
import { listFiledReports } from './totals.repository.ts';
import { loadElectionFinanceView, partyOptions } from './finance.service.ts';
import { DOWNLOAD_BATCH } from './download.service.ts';

function fieldOf<R>(c: DownloadColumn<R>): PackageField {
  switch (c.kind) {
    case 'som':
      return { name: c.key, type: 'number', unit: 'KGS', description: 'Som, two decimals.' };
    case 'integer':
      return c.key.endsWith('_tyiyn')
        ? { name: c.key, type: 'integer', unit: 'tyiyn', description: 'The same amount in tyiyn (1/100 som).' }
        : { name: c.key, type: 'integer' };
    case 'code':
    case 'text':
      return { name: c.key, type: c.key === 'date' ? 'date' : 'string' };
  }
}

/** A download table as a package table: the same columns, typed; money in som kept as its digits. */
function packaged<R>(t: DownloadTable<R>, title: string, description: string): PackageTable {
  const cells = (r: R): PackageCell[] =>
    t.columns.map((c) => (c.kind === 'som' ? { decimal: String(c.value(r)) } : c.value(r)));
  return {
    name: t.name,
    title,
    description,
    fields: t.columns.map(fieldOf),
    async *batches() {
      for await (const batch of t.batches()) yield batch.map(cells);
    },
  };
}

export async function financePackageTables(ctx: AppContext, electionId: string, l: Locale): Promise<PackageTable[]> {
  const view = await loadElectionFinanceView(ctx, electionId);
  if (!view) return [];
  const id = view.election.id;
  const names = new Map((await partyOptions(ctx, id, l)).map((x) => [x.reg, x.name]));
  const oldestFirst = ['date', 'asc'] as const;
  const filings = await listFiledReports(ctx.db, { electionId: id });
  return [
    packaged(
      receiptsTable(() => receiptBatches(ctx.db, { electionId: id }, ...oldestFirst, DOWNLOAD_BATCH), names, l),
      'Receipts',
      'Every receipt line of the latest filed version of each report, oldest first. Donors’ PINs and addresses are never included.',
    ),
    packaged(
      expendituresTable(() => expenditureBatches(ctx.db, { electionId: id }, ...oldestFirst, DOWNLOAD_BATCH), names, l),
      'Expenditures',
      'Every expenditure line of the latest filed version of each report, oldest first.',
    ),
    packaged(
      totalsTable(totalsRows(view.parties, l)),
      'Totals by party',
      'Received, spent, refunded and the balance of each party’s electoral fund.',
    ),
    packaged(filingsTable(filings, l), 'Filed reports', 'Every filed report and amendment, with its status.'),
  ];
}
