// The bank side of a party's finances as the public sees it: received, spent and balance from the
// statements (as of the latest statement's last day), the difference from what the party's latest
// reports say for the same days, the balance after each statement, and — only once the commission has
// published them for the election — the bank transactions that no report accounts for.
//
// Privacy: a counterparty identifier that is a personal number (PIN) is withheld, and PIN-shaped
// numbers in a counterparty's name and a payment's purpose are masked (domain/pin-masking.ts) here, in
// the one view that the party page, the bank API and bank-unreported.csv are all made from; accounts of
// counterparties are not shown.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { findElection } from '../elections/index.ts';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
import { maskPins, publicIdentifier } from '../domain/pin-masking.ts';
import { listStatements } from './statement.repository.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import {
  currentPublication,
  insertPublication,
  latestRunOfParty,
  listReportedLines,
  listResults,
  type Publication,
} from './reconciliation.repository.ts';
import {
  bankFiguresOf,
  inFundCurrency,
  reportedFiguresOf,
  type BankFigures,
  type Evidence,
} from './reconciliation.service.ts';

export interface BalancePoint {
  /** Last day of a statement period. */
  date: string;
  received: Tyiyn;
  spent: Tyiyn;
  /** Balance of all the party's accounts at the end of that day. */
  balance: Tyiyn;
}

export interface PublicUnreported {
  date: string;
  /** Signed: money in positive. */
  amount: Tyiyn;
  direction: 'in' | 'out';
  counterpartyName: string | null;
  /** An organisation's INN; null when absent or when it is a person's PIN. */
  counterpartyId: string | null;
  purpose: string | null;
}

export interface PublicBankView {
  electionId: string;
  partyRegistrationNumber: string;
  bank: BankFigures;
  /** The party's latest reports, lines dated up to the bank's as-of day. */
  reported: { received: Tyiyn; spent: Tyiyn; balance: Tyiyn };
  /** Bank minus reported. */
  difference: { received: Tyiyn; spent: Tyiyn; balance: Tyiyn };
  series: BalancePoint[];
  published: boolean;
  /** Null while the commission has not published the list for this election. */
  unreported: PublicUnreported[] | null;
}

export const publicCounterpartyId = (id: string | null): string | null => publicIdentifier(id);
export const publicPurpose = (text: string | null): string | null => maskPins(text);

export async function isPublished(ctx: AppContext, electionId: string): Promise<boolean> {
  return (await currentPublication(ctx.db, electionId))?.published === true;
}

export async function loadPublicBankView(ctx: AppContext, electionId: string, reg: string): Promise<PublicBankView> {
  const [allStatements, lines, published, run] = await Promise.all([
    listStatements(ctx.db, { electionId, partyRegistrationNumber: reg }),
    listReportedLines(ctx.db, electionId, reg),
    isPublished(ctx, electionId),
    latestRunOfParty(ctx.db, electionId, reg),
  ]);
  // The public figures are in som (the public JSON says so): a statement in another currency is left out.
  const { statements } = inFundCurrency(allStatements, []);
  const bank = bankFiguresOf(statements);
  const r = reportedFiguresOf(lines, bank.asOf);
  const reported = { ...r, balance: tyiyn(r.received - r.spent) };
  const difference = {
    received: tyiyn(bank.received - reported.received),
    spent: tyiyn(bank.spent - reported.spent),
    balance: tyiyn(bank.balance - reported.balance),
  };

  // Balance after each statement, over all the party's accounts.
  const latest = new Map<number, number>();
  const byDay = new Map<string, BalancePoint>();
  for (const s of statements) {
    latest.set(s.accountId, s.closing);
    let balance = 0;
    for (const b of latest.values()) balance += b;
    const point = byDay.get(s.to);
    byDay.set(s.to, {
      date: s.to,
      received: tyiyn((point?.received ?? 0) + s.credits),
      spent: tyiyn((point?.spent ?? 0) + s.debits),
      balance: tyiyn(balance),
    });
  }
  const series = [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));

  let unreported: PublicUnreported[] | null = null;
  if (published) {
    const results = run ? await listResults(ctx.db, run.id, ['unreported']) : [];
    unreported = results
      .map((x) => (x.evidence as Evidence).bank)
      .filter((b): b is NonNullable<Evidence['bank']> => b !== null)
      .map((b) => ({
        date: b.bookingDate,
        amount: tyiyn(b.amount),
        direction: b.amount >= 0 ? ('in' as const) : ('out' as const),
        counterpartyName: maskPins(b.counterpartyName),
        counterpartyId: publicCounterpartyId(b.counterpartyId),
        purpose: publicPurpose(b.remittance),
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || b.amount - a.amount);
  }
  return { electionId, partyRegistrationNumber: reg, bank, reported, difference, series, published, unreported };
}

/** Turns the election's publication switch; a no-op (and no record) when it is already in that position. */
export async function setPublication(
  ctx: AppContext,
  electionId: string,
  published: boolean,
  actor: string,
): Promise<Result<Publication>> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return err([problem('publication.election_not_found', `There is no election "${electionId}".`)]);
  const before = await currentPublication(ctx.db, electionId);
  if ((before?.published ?? false) === published) return ok(before ?? { published, actor, at: '' });
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertPublication(trx, electionId, published, actor, at);
    await recordActivity(
      trx,
      {
        actor,
        action: published ? 'reconciliation.unreported.publish' : 'reconciliation.unreported.unpublish',
        entityType: 'election',
        entityId: electionId,
        before: { unreportedPublished: before?.published ?? false },
        after: { unreportedPublished: published },
      },
      ctx.now(),
    );
  });
  return ok({ published, actor, at });
}

/** A party's public bank figures with whether the election is synthetic; undefined when there is no such election. */
export async function publicBankFigures(
  ctx: AppContext,
  electionId: string,
  reg: string,
): Promise<{ synthetic: boolean; view: PublicBankView } | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  return { synthetic: election.synthetic, view: await loadPublicBankView(ctx, electionId, reg) };
}
