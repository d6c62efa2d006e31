// The use cases of the public finance side: an election's or a party's finance with the filed
// reports behind it, and pages of the itemised receipts and expenditures. Each loads through the
// repositories and builds with the core, so a page, a download and the API show the same figures.
import type { AppContext } from '../platform/app-context.ts';
import type { Election, Locale } from '../domain/election.ts';
import { pick } from '../platform/web/format.tsx';
import { findElection, findRulesProfileById } from '../elections/index.ts';
import { listBallot } from '../parties/index.ts';
import { firstFiledAt, listFiledReports, loadElectionFinance } from './totals.repository.ts';
import { listExpenditures, listReceipts } from './lines.repository.ts';
import {
  electionFinanceView,
  partyViewOf,
  type ElectionFinanceView,
  type FilingAnnouncement,
  type PartyFinanceView,
} from './core/finance-view.ts';
import {
  cursorFitsSort,
  type ExpenditureFilter,
  type LinePage,
  type PageRequest,
  type PublicExpenditure,
  type PublicReceipt,
  type ReceiptFilter,
} from './core/lines.ts';
import { decodeCursor } from '../platform/keyset.ts';
import { err, ok, type Result } from '../platform/result.ts';
import {
  expenditureFilterOf,
  pageRequestOf,
  receiptFilterOf,
  type ExpenditureListState,
  type PartyOption,
  type ReceiptListState,
} from './core/list-state.ts';

export async function loadElectionFinanceView(
  ctx: AppContext,
  electionId: string,
): Promise<ElectionFinanceView | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const [profile, ballot, finance, firstFiled] = await Promise.all([
    findRulesProfileById(ctx.db, election.rulesProfileId),
    listBallot(ctx.db, election.id),
    loadElectionFinance(ctx.db, election.id),
    firstFiledAt(ctx.db, election.id),
  ]);
  return electionFinanceView({ election, profile, ballot, finance, firstFiled, now: ctx.now() });
}

export interface ElectionFinanceReports {
  view: ElectionFinanceView;
  /** Filed versions, newest first. */
  filings: FilingAnnouncement[];
}

/** An election's finance and its filed reports (the latest `limit`, or all). */
export async function loadElectionFinanceReports(
  ctx: AppContext,
  electionId: string,
  limit?: number,
): Promise<ElectionFinanceReports | undefined> {
  const view = await loadElectionFinanceView(ctx, electionId);
  if (!view) return undefined;
  const filings = await listFiledReports(ctx.db, {
    electionId: view.election.id,
    ...(limit !== undefined ? { limit } : {}),
  });
  return { view, filings };
}

export interface PartyFinance {
  view: ElectionFinanceView;
  party: PartyFinanceView;
}

/** One party's finance in an election, when the party is on the ballot or has lines. */
export async function loadPartyFinance(
  ctx: AppContext,
  electionId: string,
  reg: string,
): Promise<PartyFinance | undefined> {
  const view = await loadElectionFinanceView(ctx, electionId);
  const party = view && partyViewOf(view, reg);
  return view && party ? { view, party } : undefined;
}

/** One party's finance and every report it filed. */
export async function loadPartyFinanceReports(
  ctx: AppContext,
  electionId: string,
  reg: string,
): Promise<(PartyFinance & { filings: FilingAnnouncement[] }) | undefined> {
  const found = await loadPartyFinance(ctx, electionId, reg);
  if (!found) return undefined;
  const filings = await listFiledReports(ctx.db, {
    electionId: found.view.election.id,
    party: found.party.registrationNumber,
  });
  return { ...found, filings };
}

// ---- Itemised lines --------------------------------------------------------------------------------

/** The participants of an election by the names readers know them by, in ballot order. */
export async function partyOptions(ctx: AppContext, electionId: string, l: Locale): Promise<PartyOption[]> {
  const ballot = await listBallot(ctx.db, electionId);
  return ballot.map((b) => ({
    reg: b.party.registrationNumber,
    name: pick(b.party.shortName, l) || pick(b.party.name, l),
  }));
}

export interface LineListing<T> {
  election: Election;
  parties: PartyOption[];
  page: LinePage<T>;
}

export async function receiptListing(
  ctx: AppContext,
  electionId: string,
  l: Locale,
  s: ReceiptListState,
): Promise<LineListing<PublicReceipt> | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const [parties, page] = await Promise.all([
    partyOptions(ctx, election.id, l),
    listReceipts(ctx.db, receiptFilterOf(election.id, s), pageRequestOf(s)),
  ]);
  return { election, parties, page };
}

export async function expenditureListing(
  ctx: AppContext,
  electionId: string,
  l: Locale,
  s: ExpenditureListState,
): Promise<LineListing<PublicExpenditure> | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const [parties, page] = await Promise.all([
    partyOptions(ctx, election.id, l),
    listExpenditures(ctx.db, expenditureFilterOf(election.id, s), pageRequestOf(s)),
  ]);
  return { election, parties, page };
}

/** Why an API listing has no page: no such election, or a cursor that is not one we gave out for this sort. */
export type LineListingRefusal = 'no_election' | 'invalid_cursor';

/** A page request as the API takes it: the cursor as the token it gave out. */
export type PageAsked = Omit<PageRequest, 'after'> & { cursor?: string | undefined };

async function apiPage<T>(
  ctx: AppContext,
  electionId: string,
  asked: PageAsked,
  list: (page: PageRequest) => Promise<LinePage<T>>,
): Promise<Result<LinePage<T>, LineListingRefusal>> {
  if (!(await findElection(ctx.db, electionId))) return err('no_election');
  const { cursor, ...rest } = asked;
  // A cursor whose value does not fit the sort would silently skip or repeat rows.
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  if (cursor !== undefined && (!after || !cursorFitsSort(after, asked.sort))) return err('invalid_cursor');
  return ok(await list({ ...rest, ...(after ? { after } : {}) }));
}

/** A page of an election's receipts. */
export function electionReceipts(
  ctx: AppContext,
  f: ReceiptFilter,
  asked: PageAsked,
): Promise<Result<LinePage<PublicReceipt>, LineListingRefusal>> {
  return apiPage(ctx, f.electionId, asked, (page) => listReceipts(ctx.db, f, page));
}

/** A page of an election's expenditures. An empty list of categories matches nothing (a category asked for under another heading). */
export function electionExpenditures(
  ctx: AppContext,
  f: ExpenditureFilter,
  asked: PageAsked,
): Promise<Result<LinePage<PublicExpenditure>, LineListingRefusal>> {
  return apiPage(ctx, f.electionId, asked, (page) =>
    f.categories?.length === 0 ? Promise.resolve({ items: [], nextCursor: null }) : listExpenditures(ctx.db, f, page),
  );
}
