// The itemised receipts, expenditures and refunds of filed versions: copied out of the version's body
// when it is filed, so that listings, search and totals query rows instead of JSON.
import { searchKey } from '../domain/transliteration.ts';
import type { Filing } from './core/filing.ts';
import type { Db } from './filing.repository.ts';

/** Rows per INSERT: far below SQLite's and PostgreSQL's limits on bound parameters. */
const BATCH = 250;

/** Inserts `rows` a batch at a time. */
export async function insertBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** The columns every line copied out of a filed version carries: its version, election, party and flag. */
export function lineBase(
  filingId: number,
  where: { electionId: string; partyRegistrationNumber: string },
  isLatest: boolean,
) {
  return {
    filing_id: filingId,
    election_id: where.electionId,
    party_registration_number: where.partyRegistrationNumber,
    is_latest: isLatest ? 1 : 0,
  };
}

/** Copies the lines of a filed version into the itemised tables, flagged as the latest of their chain. */
export async function insertItemisedLines(
  db: Db,
  filingId: number,
  where: { electionId: string; partyRegistrationNumber: string },
  filing: Pick<Filing, 'receipts' | 'expenditures' | 'refunds'>,
  isLatest: boolean,
): Promise<void> {
  const base = lineBase(filingId, where, isLatest);
  await insertBatches(filing.receipts, (batch) =>
    db
      .insertInto('receipts')
      .values(
        batch.map((r) => ({
          ...base,
          line_id: r.lineId,
          date: r.date,
          amount: r.amount,
          donor_type: r.donorType,
          donor_name: r.donorName,
          donor_name_key: searchKey(r.donorName),
          donor_pin: r.donorPin ?? null,
          donor_inn: r.donorInn ?? null,
          donor_address: r.donorAddress ?? null,
          channel: r.channel,
          bank_reference: r.bankReference ?? null,
        })),
      )
      .execute(),
  );
  await insertBatches(filing.expenditures, (batch) =>
    db
      .insertInto('expenditures')
      .values(
        batch.map((e) => ({
          ...base,
          line_id: e.lineId,
          date: e.date,
          amount: e.amount,
          category: e.category,
          payee_name: e.payeeName,
          payee_inn: e.payeeInn ?? null,
          document_number: e.documentNumber,
          description: e.description,
        })),
      )
      .execute(),
  );
  await insertBatches(filing.refunds, (batch) =>
    db
      .insertInto('refunds')
      .values(
        batch.map((f) => ({
          ...base,
          line_id: f.lineId,
          date: f.date,
          amount: f.amount,
          receipt_line_id: f.receiptLineId,
          kind: f.kind,
          reason: f.reason,
        })),
      )
      .execute(),
  );
}

export interface ItemisedCounts {
  receipts: number;
  expenditures: number;
  refunds: number;
}

export async function countItemisedLines(
  db: Db,
  filingId: number,
  opts: { latestOnly?: boolean } = {},
): Promise<ItemisedCounts> {
  const count = async (table: 'receipts' | 'expenditures' | 'refunds') => {
    let q = db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('filing_id', '=', filingId);
    if (opts.latestOnly) q = q.where('is_latest', '=', 1);
    return Number((await q.executeTakeFirst())?.n ?? 0);
  };
  return {
    receipts: await count('receipts'),
    expenditures: await count('expenditures'),
    refunds: await count('refunds'),
  };
}
