// The election's registers of gifts in kind and of loans: the page's rows and the same rows as a file.
// Registers are short (a party files a handful of each), so a page shows the whole register.
import type { AppContext } from '../platform/app-context.ts';
import type { Election, Locale } from '../domain/election.ts';
import { findElection } from '../elections/index.ts';
import type { DownloadFormat } from './core/download-tables.ts';
import type { PartyOption } from './core/list-state.ts';
import type { PublicInKindReceipt, PublicLoan } from './core/in-kind-and-loans.ts';
import { inKindTable, loansTable } from './core/register-tables.ts';
import { listInKindReceipts, listLoans } from './in-kind-and-loans.repository.ts';
import { partyOptions } from './finance.service.ts';
import { downloadStream, type DownloadFile } from './download.service.ts';

export interface Register<T> {
  election: Election;
  parties: PartyOption[];
  rows: T[];
}

async function register<T>(
  ctx: AppContext,
  electionId: string,
  l: Locale,
  list: (election: Election) => Promise<T[]>,
): Promise<Register<T> | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const [parties, rows] = await Promise.all([partyOptions(ctx, election.id, l), list(election)]);
  return { election, parties, rows };
}

export const inKindRegister = (ctx: AppContext, electionId: string, l: Locale) =>
  register(ctx, electionId, l, (e) => listInKindReceipts(ctx.db, e.id));

export const loansRegister = (ctx: AppContext, electionId: string, l: Locale) =>
  register(ctx, electionId, l, (e) => listLoans(ctx.db, e.id));

const namesOf = (parties: readonly PartyOption[]) => new Map(parties.map((x) => [x.reg, x.name]));

async function* once<T>(rows: readonly T[]): AsyncIterable<readonly T[]> {
  yield rows;
}

export async function inKindFile(
  ctx: AppContext,
  electionId: string,
  l: Locale,
  format: DownloadFormat,
): Promise<DownloadFile | undefined> {
  const found: Register<PublicInKindReceipt> | undefined = await inKindRegister(ctx, electionId, l);
  if (!found) return undefined;
  const table = inKindTable(() => once(found.rows), namesOf(found.parties), l);
  return { body: downloadStream(table, format), format, filename: `${found.election.id}_in-kind` };
}

export async function loansFile(
  ctx: AppContext,
  electionId: string,
  l: Locale,
  format: DownloadFormat,
): Promise<DownloadFile | undefined> {
  const found: Register<PublicLoan> | undefined = await loansRegister(ctx, electionId, l);
  if (!found) return undefined;
  const table = loansTable(() => once(found.rows), namesOf(found.parties), l);
  return { body: downloadStream(table, format), format, filename: `${found.election.id}_loans` };
}
