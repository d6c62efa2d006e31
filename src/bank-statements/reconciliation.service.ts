// Re-running the reconciliation of one party's electoral fund: loads the party's bank transactions and
// the lines of its latest filed reports, hands them to the pure `reconcileFund`
// (core/reconciliation.ts), and appends the outcome as a new run with its result rows —
// old runs stay, so what the commission saw on any day can be shown again. Called after a statement
// arrives (statement intake) and after a report is filed (the capability subscribes to `filing.filed`
// in index.ts), and by hand from the commission's screen, whose data is loaded here too.
//
// Every result row carries both sides as evidence, frozen as they were at the run: the bank
// transaction and the report line (without the donor's PIN or address, which are private).
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { findElection, findRulesProfileById } from '../elections/index.ts';
import { builtInRulesProfiles } from '../domain/rules-profile.ts';
import { tyiyn, type Tyiyn } from '../domain/money.ts';
import { FUND_CURRENCY } from './core/intake-checks.ts';
import {
  reconcileFund,
  type BankEntry,
  type PaymentChannel,
  type Reconciliation,
  type ReportLine,
  type ReportLineKind,
} from './core/reconciliation.ts';
import {
  listStatements,
  listTransactionsOfParty,
  transactionsByIds,
  type Db,
  type StoredStatement,
  type StoredTransaction,
} from './statement.repository.ts';
import {
  insertRun,
  listReportedLines,
  partiesToReconcile,
  reportedLinesByIds,
  type NewResult,
  type ReportedLineRow,
  type StoredResult,
} from './reconciliation.repository.ts';

export type RunTrigger = 'statement' | 'filing' | 'manual' | 'demo';

export interface RunOptions {
  trigger?: RunTrigger;
  triggerRef?: string;
  actor?: string;
}

export const RESULT_KINDS = [
  'unreported',
  'unsupported',
  'amount_mismatch',
  'date_mismatch',
  'cash',
  'matched',
] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** What the bank says about a party's fund, from its statements. */
export interface BankFigures {
  /** End of the latest statement's period; null when no statement has arrived. */
  asOf: string | null;
  received: Tyiyn;
  spent: Tyiyn;
  /** Sum over the party's accounts of each account's latest closing balance. */
  balance: Tyiyn;
  statementCount: number;
}

export function bankFiguresOf(statements: readonly StoredStatement[]): BankFigures {
  let received = 0;
  let spent = 0;
  let asOf: string | null = null;
  const latestClosing = new Map<number, { to: string; sequence: number; closing: number }>();
  for (const s of statements) {
    received += s.credits;
    spent += s.debits;
    if (asOf === null || s.to > asOf) asOf = s.to;
    const prev = latestClosing.get(s.accountId);
    if (!prev || s.sequence > prev.sequence)
      latestClosing.set(s.accountId, { to: s.to, sequence: s.sequence, closing: s.closing });
  }
  let balance = 0;
  for (const x of latestClosing.values()) balance += x.closing;
  return {
    asOf,
    received: tyiyn(received),
    spent: tyiyn(spent),
    balance: tyiyn(balance),
    statementCount: statements.length,
  };
}

/** Reported totals of the latest filed versions, up to a day (the bank's "as of"), so both cover the same days. */
export function reportedFiguresOf(
  lines: readonly ReportedLineRow[],
  upTo: string | null,
): { received: Tyiyn; spent: Tyiyn } {
  let received = 0;
  let spent = 0;
  for (const l of lines) {
    if (upTo !== null && l.date > upTo) continue;
    if (l.section === 'receipts') received += l.amount;
    else spent += l.amount;
  }
  return { received: tyiyn(received), spent: tyiyn(spent) };
}

const KIND_OF_SECTION: Record<ReportedLineRow['section'], ReportLineKind> = {
  receipts: 'receipt',
  expenditures: 'expenditure',
  refunds: 'refund',
};
const CHANNELS = new Set<PaymentChannel>(['bank_transfer', 'cash', 'mobile_banking', 'other']);

function reportLineOf(l: ReportedLineRow): ReportLine {
  const line: ReportLine = {
    id: `${l.section}:${l.rowId}`,
    kind: KIND_OF_SECTION[l.section],
    date: l.date,
    amount: l.amount,
    counterpartyName: l.name,
    // Expenditures and refunds have no channel in the report format: they are bank payments by law.
    channel: l.channel && CHANNELS.has(l.channel as PaymentChannel) ? (l.channel as PaymentChannel) : 'bank_transfer',
  };
  if (l.identifier) line.counterpartyId = l.identifier;
  return line;
}

function bankEntryOf(t: StoredTransaction): BankEntry {
  const e: BankEntry = { id: String(t.id), bookingDate: t.bookingDate, amount: t.amount };
  if (t.counterpartyName) e.counterpartyName = t.counterpartyName;
  if (t.counterpartyId) e.counterpartyId = t.counterpartyId;
  if (t.counterpartyAccount) e.counterpartyAccount = t.counterpartyAccount;
  if (t.remittance) e.remittance = t.remittance;
  return e;
}

/** The bank side of a piece of evidence: the transaction as the statement gave it. */
export interface BankEvidence {
  transactionId: number;
  statementId: number;
  bookingDate: string;
  valueDate: string | null;
  amount: number;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  counterpartyId: string | null;
  remittance: string | null;
  bankReference: string | null;
}

/** The report side: the line as filed, without private fields (a donor's PIN or address). */
export interface ReportEvidence {
  section: ReportedLineRow['section'];
  filingId: number;
  lineId: string;
  date: string;
  amount: number;
  name: string;
  /** Only an INN is kept; a PIN is private. */
  inn: string | null;
  channel: string | null;
  reference: string | null;
  category: string | null;
  donorType: string | null;
}

export interface Evidence {
  bank: BankEvidence | null;
  report: ReportEvidence | null;
  /** How the two sides were tied: identifier, name or amount and date alone. */
  basis?: string;
  daysApart?: number;
  /** Bank minus report, in tyiyn, in the report's direction. */
  amountDifference?: number;
  /** What kind of typo an amount mismatch looks like. */
  slip?: string;
}

/** The named fields of a row, in the order named (the order the stored evidence JSON keeps). */
function fieldsOf<T, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}

const BANK_EVIDENCE_FIELDS = [
  'statementId',
  'bookingDate',
  'valueDate',
  'amount',
  'counterpartyName',
  'counterpartyAccount',
  'counterpartyId',
  'remittance',
  'bankReference',
] as const satisfies readonly (keyof BankEvidence)[];

const REPORT_EVIDENCE_FIELDS = [
  'section',
  'filingId',
  'lineId',
  'date',
  'amount',
  'name',
  'inn',
  'channel',
  'reference',
  'category',
  'donorType',
] as const satisfies readonly (keyof ReportEvidence)[];

const bankEvidence = (t: StoredTransaction): BankEvidence => ({
  transactionId: t.id,
  ...fieldsOf(t, BANK_EVIDENCE_FIELDS),
});

const reportEvidence = (l: ReportedLineRow): ReportEvidence => fieldsOf(l, REPORT_EVIDENCE_FIELDS);

/** Turns the pure result into result rows, most pressing kinds first. */
export function resultRows(
  r: Reconciliation,
  transactions: ReadonlyMap<string, StoredTransaction>,
  lines: ReadonlyMap<string, ReportedLineRow>,
  cashAllowed: boolean,
): NewResult[] {
  const tx = (e: BankEntry): StoredTransaction => {
    const t = transactions.get(e.id);
    if (!t) throw new Error(`reconciliation returned an unknown bank entry ${e.id}`);
    return t;
  };
  const ln = (l: ReportLine): ReportedLineRow => {
    const x = lines.get(l.id);
    if (!x) throw new Error(`reconciliation returned an unknown report line ${l.id}`);
    return x;
  };
  const dir = (section: ReportedLineRow['section']): 'in' | 'out' => (section === 'receipts' ? 'in' : 'out');
  const both = (
    kind: ResultKind,
    t: StoredTransaction,
    l: ReportedLineRow,
    extra: Omit<Evidence, 'bank' | 'report'>,
  ): NewResult => ({
    kind,
    direction: dir(l.section),
    bankTransactionId: t.id,
    reportSection: l.section,
    reportLineRowId: l.rowId,
    reportLineId: l.lineId,
    bankDate: t.bookingDate,
    reportDate: l.date,
    bankAmount: t.amount,
    reportAmount: l.amount,
    evidence: { bank: bankEvidence(t), report: reportEvidence(l), ...extra } satisfies Evidence,
  });
  const bankOnly = (t: StoredTransaction): NewResult => ({
    kind: 'unreported',
    direction: t.amount >= 0 ? 'in' : 'out',
    bankTransactionId: t.id,
    reportSection: null,
    reportLineRowId: null,
    reportLineId: null,
    bankDate: t.bookingDate,
    reportDate: null,
    bankAmount: t.amount,
    reportAmount: null,
    evidence: { bank: bankEvidence(t), report: null } satisfies Evidence,
  });
  const lineOnly = (kind: ResultKind, l: ReportedLineRow): NewResult => ({
    kind,
    direction: dir(l.section),
    bankTransactionId: null,
    reportSection: l.section,
    reportLineRowId: l.rowId,
    reportLineId: l.lineId,
    bankDate: null,
    reportDate: l.date,
    bankAmount: null,
    reportAmount: l.amount,
    evidence: { bank: null, report: reportEvidence(l) } satisfies Evidence,
  });
  return [
    ...r.unreported.map((e) => bankOnly(tx(e))),
    ...r.unsupported.map((l) => lineOnly('unsupported', ln(l))),
    ...r.mismatches.map((m) =>
      both(m.kind === 'amount' ? 'amount_mismatch' : 'date_mismatch', tx(m.bank), ln(m.line), {
        daysApart: m.daysApart,
        amountDifference: m.amountDifference,
        ...(m.slip ? { slip: m.slip } : {}),
      }),
    ),
    // Where the election's rules allow cash, a cash line is no finding (and was never in the bank).
    ...(cashAllowed ? [] : r.cash.map((l) => lineOnly('cash', ln(l)))),
    // A matched pair names both sides by id only: bank transactions and filed lines are never changed,
    // so the evidence can be loaded again (`withEvidence`), and a party of 100,000 pairs does not write
    // 100,000 copies of them at every run.
    ...r.matched.map((m) => ({
      ...both('matched', tx(m.bank), ln(m.line), {}),
      evidence: { bank: null, report: null, basis: m.basis, daysApart: m.daysApart } satisfies Evidence,
    })),
  ];
}

/** Fills in both sides of matched pairs, which are stored by id only. */
export async function withEvidence(db: Db, results: readonly StoredResult[]): Promise<StoredResult[]> {
  const bare = results.filter(
    (r) => r.kind === 'matched' && (r.evidence as Evidence).bank === null && (r.evidence as Evidence).report === null,
  );
  if (bare.length === 0) return [...results];
  const bareSet = new Set(bare);
  const ids = { receipts: [] as number[], expenditures: [] as number[], refunds: [] as number[] };
  for (const r of bare)
    if (r.reportLineRowId !== null && r.reportSection && r.reportSection in ids)
      ids[r.reportSection as keyof typeof ids].push(r.reportLineRowId);
  const txs = new Map(
    (
      await transactionsByIds(
        db,
        bare.flatMap((r) => (r.bankTransactionId === null ? [] : [r.bankTransactionId])),
      )
    ).map((t) => [t.id, t] as const),
  );
  const lines = new Map<string, ReportedLineRow>(
    (await reportedLinesByIds(db, ids)).map((l) => [`${l.section}:${l.rowId}`, l]),
  );
  return results.map((r) => {
    if (!bareSet.has(r)) return r;
    const t = r.bankTransactionId === null ? undefined : txs.get(r.bankTransactionId);
    const l = lines.get(`${r.reportSection}:${r.reportLineRowId}`);
    return {
      ...r,
      evidence: { ...(r.evidence as Evidence), bank: t ? bankEvidence(t) : null, report: l ? reportEvidence(l) : null },
    };
  });
}

/**
 * Only like with like: the report lines are in som, so only statements in som (and their
 * transactions) are reconciled and counted in the bank's figures. A statement in another currency —
 * intake refuses them now; one may remain from an account registered in another currency before — is
 * left out whole, and the commission's screen names it (`foreignStatementsOf`).
 */
export function inFundCurrency(
  statements: readonly StoredStatement[],
  transactions: readonly StoredTransaction[],
): { statements: StoredStatement[]; transactions: StoredTransaction[] } {
  const kept = statements.filter((s) => s.currency === FUND_CURRENCY);
  const ids = new Set(kept.map((s) => s.id));
  return { statements: kept, transactions: transactions.filter((t) => ids.has(t.statementId)) };
}

export interface RunOutcome {
  runId: number;
  counts: Record<ResultKind, number>;
  bank: BankFigures;
  reported: { received: Tyiyn; spent: Tyiyn };
}

/**
 * Reconciles one party's fund in one election again and records the run. Returns undefined when the
 * election does not exist. A party without any statement is reconciled too: then every reported line is
 * unsupported, which is what the commission should see.
 */
export async function reconcileParty(
  ctx: AppContext,
  electionId: string,
  reg: string,
  opts: RunOptions = {},
): Promise<RunOutcome | undefined> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return undefined;
  const profile =
    (await findRulesProfileById(ctx.db, election.rulesProfileId)) ??
    builtInRulesProfiles.find((p) => p.id === election.rulesProfileId);
  const tolerance = profile?.finance.reconciliationDateToleranceDays ?? 3;
  const cashAllowed = profile?.finance.cashAllowed ?? false;

  const [allStatements, allTransactions, lines] = await Promise.all([
    listStatements(ctx.db, { electionId, partyRegistrationNumber: reg }),
    listTransactionsOfParty(ctx.db, electionId, reg),
    listReportedLines(ctx.db, electionId, reg),
  ]);
  const { statements, transactions } = inFundCurrency(allStatements, allTransactions);
  const txById = new Map(transactions.map((t) => [String(t.id), t] as const));
  const lineById = new Map(lines.map((l) => [`${l.section}:${l.rowId}`, l] as const));
  const outcome = reconcileFund(lines.map(reportLineOf), transactions.map(bankEntryOf), {
    dateToleranceDays: tolerance,
  });
  const rows = resultRows(outcome, txById, lineById, cashAllowed);
  const counts = Object.fromEntries(RESULT_KINDS.map((k) => [k, 0])) as Record<ResultKind, number>;
  for (const r of rows) counts[r.kind as ResultKind] += 1;
  const bank = bankFiguresOf(statements);
  const reported = reportedFiguresOf(lines, bank.asOf);
  const now = ctx.now().toISOString();
  const actor = opts.actor ?? 'system';
  const runId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertRun(
      trx,
      {
        electionId,
        partyRegistrationNumber: reg,
        trigger: opts.trigger ?? 'manual',
        triggerRef: opts.triggerRef ?? '',
        actor,
        ranAt: now,
        dateToleranceDays: tolerance,
        statementCount: statements.length,
        transactionCount: transactions.length,
        reportLineCount: lines.length,
        matchedCount: counts.matched,
        unreportedCount: counts.unreported,
        unsupportedCount: counts.unsupported,
        mismatchCount: counts.amount_mismatch + counts.date_mismatch,
        cashCount: counts.cash,
        bankAsOf: bank.asOf,
        bankReceived: bank.received,
        bankSpent: bank.spent,
        bankBalance: bank.balance,
        reportedReceived: reported.received,
        reportedSpent: reported.spent,
      },
      rows,
    );
    await recordActivity(
      trx,
      {
        actor,
        action: 'reconciliation.run',
        entityType: 'reconciliation_run',
        entityId: String(id),
        after: { electionId, party: reg, trigger: opts.trigger ?? 'manual', triggerRef: opts.triggerRef ?? '', counts },
      },
      ctx.now(),
    );
    return id;
  });
  // What others do with a new run (the compliance checks) never undoes it: their failures are only logged.
  await ctx.events.emit('fund.reconciled', { electionId, partyRegistrationNumber: reg, runId, actor }, (who, error) =>
    console.error(`after reconciliation run ${runId}: ${who} failed`, error),
  );
  return { runId, counts, bank, reported };
}

/** Re-runs every party of an election that has a registered account or reported lines. */
export async function reconcileElection(
  ctx: AppContext,
  electionId: string,
  opts: RunOptions = {},
): Promise<RunOutcome[]> {
  const out: RunOutcome[] = [];
  for (const reg of await partiesToReconcile(ctx.db, electionId)) {
    const r = await reconcileParty(ctx, electionId, reg, opts);
    if (r) out.push(r);
  }
  return out;
}

/** The commission's "run again" for one party or the whole election; false when there is no such election. */
export async function rerunReconciliation(
  ctx: AppContext,
  electionId: string,
  party: string | undefined,
  actor: string,
): Promise<boolean> {
  const election = await findElection(ctx.db, electionId);
  if (!election) return false;
  const opts = { trigger: 'manual' as const, actor };
  if (party) await reconcileParty(ctx, election.id, party, opts);
  else await reconcileElection(ctx, election.id, opts);
  return true;
}
