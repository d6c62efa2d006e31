// The commission's reconciliation screen: every party's latest run with its findings, or one party's
// with its matched pairs too, and what the commission has published.
import type { AppContext } from '../platform/app-context.ts';
import { findElection, findRulesProfileById, listElections } from '../elections/index.ts';
import { listBallot } from '../parties/index.ts';
import type { Election, Localized } from '../domain/election.ts';
import { listAccounts } from './account.repository.ts';
import {
  currentPublication,
  latestRuns,
  listResults,
  publicationHistory,
  type Publication,
  type RunSummary,
  type StoredResult,
} from './reconciliation.repository.ts';
import { withEvidence } from './reconciliation.service.ts';
import { listStatements, type StoredStatement } from './statement.repository.ts';
import { FUND_CURRENCY } from './core/intake-checks.ts';

/** How many matched pairs one party's screen lists (the counts are always complete). */
const MATCHED_SHOWN = 5000;
const FINDINGS = ['unreported', 'unsupported', 'amount_mismatch', 'date_mismatch', 'cash'] as const;

/** One party on the commission's reconciliation screen. */
export interface PartyReconciliation {
  registrationNumber: string;
  /** The party's name, when it is on the election's ballot. */
  name: Localized | undefined;
  run: RunSummary | undefined;
  findings: StoredResult[];
  matched: StoredResult[];
  matchedTotal: number;
  /** Statements the commission is warned about: in another currency (left out), or closing below zero. */
  flagged: FlaggedStatement[];
}

export interface FlaggedStatement {
  statement: StoredStatement;
  accountNumber: string;
  /** In another currency than som: left out of the reconciliation and the figures. */
  foreignCurrency: boolean;
  /** Closes with a negative balance: an electoral fund account cannot be overdrawn. */
  negativeClosing: boolean;
}

/** The statements of one party that the commission must be told about, in period order. */
export function flaggedStatements(
  statements: readonly StoredStatement[],
  accountNumbers: ReadonlyMap<number, string>,
): FlaggedStatement[] {
  return statements
    .map((s) => ({
      statement: s,
      accountNumber: accountNumbers.get(s.accountId) ?? String(s.accountId),
      foreignCurrency: s.currency !== FUND_CURRENCY,
      negativeClosing: s.closing < 0,
    }))
    .filter((f) => f.foreignCurrency || f.negativeClosing);
}

export interface ReconciliationScreen {
  election: Election;
  toleranceDays: number;
  parties: PartyReconciliation[];
  publication: Publication | undefined;
  history: Publication[];
}

/**
 * The commission's screen: every party's findings (matched pairs counted only), or with `only` one
 * party's, with its matched pairs too. Undefined when there is no such election, or `only` names a
 * party that has neither an account nor a run in it.
 */
export async function reconciliationScreen(
  ctx: AppContext,
  electionId: string,
  only?: string,
): Promise<ReconciliationScreen | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const profile = await findRulesProfileById(ctx.db, election.rulesProfileId);
  const ballot = await listBallot(ctx.db, election.id);
  const names = new Map(ballot.map((b) => [b.party.registrationNumber, b] as const));
  const runs = await latestRuns(ctx.db, election.id);
  const accounts = await listAccounts(ctx.db, { electionId: election.id });
  const regs = new Set([
    ...runs.map((r) => r.partyRegistrationNumber),
    ...accounts.map((a) => a.partyRegistrationNumber),
  ]);
  if (only !== undefined && !regs.has(only)) return undefined;
  const statements = await listStatements(ctx.db, {
    electionId: election.id,
    ...(only === undefined ? {} : { partyRegistrationNumber: only }),
  });
  const accountNumbers = new Map(accounts.map((a) => [a.id, a.accountNumber] as const));
  const order = (reg: string) => names.get(reg)?.participation.ballotNumber ?? Number.MAX_SAFE_INTEGER;
  const parties: PartyReconciliation[] = [];
  for (const reg of [...regs]
    .filter((r) => only === undefined || r === only)
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
    const run = runs.find((r) => r.partyRegistrationNumber === reg);
    // The election's screen lists findings only; matched pairs are counted and shown on each party's page.
    const results = run
      ? await withEvidence(ctx.db, await listResults(ctx.db, run.id, only === undefined ? FINDINGS : undefined))
      : [];
    const matched = results.filter((r) => r.kind === 'matched');
    parties.push({
      registrationNumber: reg,
      name: names.get(reg)?.party.name,
      run,
      findings: results.filter((r) => r.kind !== 'matched'),
      matched: matched.slice(0, MATCHED_SHOWN),
      matchedTotal: only === undefined ? (run?.matchedCount ?? 0) : matched.length,
      flagged: flaggedStatements(
        statements.filter((s) => s.partyRegistrationNumber === reg),
        accountNumbers,
      ),
    });
  }
  return {
    election,
    toleranceDays: profile?.finance.reconciliationDateToleranceDays ?? 3,
    parties,
    publication: await currentPublication(ctx.db, election.id),
    history: await publicationHistory(ctx.db, election.id),
  };
}

/** The elections whose reconciliation the commission may open. */
export async function reconciliationElections(ctx: AppContext): Promise<Election[]> {
  return listElections(ctx.db);
}
