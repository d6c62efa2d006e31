// Kysely queries of electoral fund accounts, as the commission registers them. Returns plain rows
// mapped to camelCase; the rules (which elections take accounts, duplicates) are in account.service.ts.
import type { ElectoralFundAccountRow } from '../platform/db/tables/bank-statements.tables.ts';
import type { Db } from './statement.repository.ts';

export interface FundAccount {
  id: number;
  electionId: string;
  partyRegistrationNumber: string;
  bank: string;
  accountNumber: string;
  currency: string;
  openedOn: string;
  registeredBy: string;
  registeredAt: string;
}

const accountOf = (r: ElectoralFundAccountRow): FundAccount => ({
  id: Number(r.id),
  electionId: r.election_id,
  partyRegistrationNumber: r.party_registration_number,
  bank: r.bank,
  accountNumber: r.account_number,
  currency: r.currency,
  openedOn: r.opened_on,
  registeredBy: r.registered_by,
  registeredAt: r.registered_at,
});

export async function insertAccount(db: Db, a: Omit<FundAccount, 'id'>): Promise<FundAccount> {
  const row = await db
    .insertInto('electoral_fund_accounts')
    .values({
      election_id: a.electionId,
      party_registration_number: a.partyRegistrationNumber,
      bank: a.bank,
      account_number: a.accountNumber,
      currency: a.currency,
      opened_on: a.openedOn,
      registered_by: a.registeredBy,
      registered_at: a.registeredAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return accountOf(row);
}

export async function findAccountsByNumber(db: Db, accountNumber: string): Promise<FundAccount[]> {
  const rows = await db
    .selectFrom('electoral_fund_accounts')
    .selectAll()
    .where('account_number', '=', accountNumber)
    .orderBy('id')
    .execute();
  return rows.map(accountOf);
}

export async function findAccount(db: Db, id: number): Promise<FundAccount | undefined> {
  const r = await db.selectFrom('electoral_fund_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? accountOf(r) : undefined;
}

export async function listAccounts(
  db: Db,
  filter: { electionId?: string; partyRegistrationNumber?: string; bank?: string } = {},
): Promise<FundAccount[]> {
  let q = db.selectFrom('electoral_fund_accounts').selectAll();
  if (filter.electionId) q = q.where('election_id', '=', filter.electionId);
  if (filter.partyRegistrationNumber) q = q.where('party_registration_number', '=', filter.partyRegistrationNumber);
  if (filter.bank) q = q.where('bank', '=', filter.bank);
  return (await q.orderBy('election_id').orderBy('party_registration_number').orderBy('id').execute()).map(accountOf);
}
