// Statement intake: banks send statements of registered electoral fund accounts (web upload, API or
// CLI all end here). A file is parsed (its format judged from the content), every statement in it is
// checked — registered account of a current election at the uploader's bank, opening balance = previous
// closing, no gap in numbers or dates — and then stored in ONE transaction with an activity record.
// The original bytes go to the blob store (content-addressed, so a retry stores nothing twice) only when
// the file is taken: a refused upload is kept nowhere (anyone with an upload right could otherwise fill
// the store with refusals); its fingerprint, name and problems are in the activity log. A statement
// already received (same content fingerprint) is recognised and not stored again. After a successful
// intake the party's reconciliation is re-run.
//
// The original file is NOT entered in the public `blobs` table: /blobs/:sha serves whatever is listed
// there to anyone, and a statement names donors and their PINs. It is served by the commission's and
// the bank's own route instead (http/bank-officer.routes.tsx).
import { logStatement } from './statement-log.ts';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, problem, type Problem, type Result } from '../platform/result.ts';
import { findElection } from '../elections/index.ts';
import { parseStatementBytes, type ParsedStatementFile } from './core/parse-statement.ts';
import type { DetectedFormat } from './core/detect-format.ts';
import {
  balanceWarnings,
  continuityProblems,
  normaliseAccountNumber,
  toIntakeStatement,
  type IntakeStatement,
  type PreviousStatement,
} from './core/intake-checks.ts';
import { isCurrentElection } from './core/fund-account.ts';
import { findAccountsByNumber, listAccounts, type FundAccount } from './account.repository.ts';
import {
  findLastStatement,
  findStatement,
  findStatementByFingerprint,
  insertStatement,
  listRecentStatements,
  type Db,
  type StoredStatement,
} from './statement.repository.ts';
import { reconcileParty } from './reconciliation.service.ts';
import { isUniqueViolation } from '../platform/db/unique-violation.ts';

export interface IntakeInput {
  bytes: Buffer;
  /** The bank the uploader acts for (a bank officer's own bank; given explicitly by commission staff and the CLI). */
  bank: string;
  actor: string;
  fileName?: string;
  /** Re-run the reconciliation of the parties concerned afterwards (default); bulk loads do it once at the end. */
  reconcile?: boolean;
}

export interface ReceivedStatement {
  statementId: number;
  accountId: number;
  accountNumber: string;
  electionId: string;
  partyRegistrationNumber: string;
  statementNumber: string | null;
  from: string;
  to: string;
  transactionCount: number;
  /** `already_received`: the same statement was received before; nothing was stored again. */
  status: 'received' | 'already_received';
}

export interface IntakeOutcome {
  format: DetectedFormat;
  blobSha256: string;
  statements: ReceivedStatement[];
  /** Warnings of the parser that did not stop the upload. */
  warnings: Problem[];
  /** Reconciliation runs made after the intake, one per party concerned. */
  reconciliationRunIds: number[];
}

/** Why an upload was refused: problems, and whether the refusal is about permission (HTTP 403). */
export interface IntakeRefusal {
  problems: Problem[];
  forbidden: boolean;
  /** The SHA-256 of the refused file, as the activity log names it; the file itself is not kept. */
  fileSha256?: string;
}

const MEDIA_TYPES: Partial<Record<DetectedFormat, string>> = {
  camt053: 'application/xml',
  mt940: 'text/plain',
  '1c': 'text/plain',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Which registered account a statement is for, or why none may take it from this bank. */
async function accountFor(
  ctx: AppContext,
  s: IntakeStatement,
  bank: string,
): Promise<{ account?: FundAccount; problem?: Problem; forbidden?: boolean }> {
  const at = {
    severity: 'error' as const,
    field: `statement[${s.index + 1}]`,
    params: { statement: s.index + 1, account: s.account },
  };
  const registered = await findAccountsByNumber(ctx.db, normaliseAccountNumber(s.account));
  if (registered.length === 0) {
    return {
      problem: problem(
        'intake.account_not_registered',
        `Account ${s.account} is not a registered electoral fund account.`,
        at,
      ),
    };
  }
  const current: FundAccount[] = [];
  for (const a of registered) {
    const election = await findElection(ctx.db, a.electionId);
    if (election && isCurrentElection(election)) current.push(a);
  }
  if (current.length === 0) {
    return {
      problem: problem(
        'intake.election_not_current',
        `Account ${s.account} is registered only for elections that are closed.`,
        at,
      ),
    };
  }
  const ours = current.filter((a) => a.bank === bank);
  if (ours.length === 0) {
    return {
      forbidden: true,
      problem: problem(
        'intake.account_other_bank',
        `Account ${s.account} is an electoral fund account at another bank; ${bank} may not send statements for it.`,
        {
          ...at,
          params: { ...at.params, bank },
        },
      ),
    };
  }
  // The same number at the same bank in two current elections: the most recently opened one that had opened by then.
  const fitting = ours.filter((a) => a.openedOn <= s.to).sort((x, y) => y.openedOn.localeCompare(x.openedOn));
  return { account: fitting[0] ?? ours[0] };
}

async function refuse(
  ctx: AppContext,
  input: IntakeInput,
  sha: string,
  format: string,
  problems: Problem[],
  forbidden = false,
): Promise<Result<never, IntakeRefusal>> {
  await recordActivity(
    ctx.db,
    {
      actor: input.actor,
      action: 'bank_statement.upload.refused',
      entityType: 'bank_statement_file',
      entityId: sha,
      after: {
        bank: input.bank,
        fileName: input.fileName ?? '',
        format,
        problems: problems.slice(0, 50).map((p) => ({ code: p.code, row: p.row, field: p.field })),
      },
    },
    ctx.now(),
  );
  return err({ problems, forbidden, fileSha256: sha });
}

interface Planned {
  statement: IntakeStatement;
  account: FundAccount;
  duplicateOf?: number;
}

/** The statements of a parsed file in integer tyiyn, or the problems that refuse the file. */
function convert(parsed: ParsedStatementFile): Result<IntakeStatement[], Problem[]> {
  const parseErrors = parsed.problems.filter((p) => p.severity !== 'warning');
  if (parseErrors.length > 0) return err(parseErrors);
  if (parsed.statements.length === 0)
    return err([problem('intake.no_statements', 'The file holds no statement.', { severity: 'error' })]);
  const problems: Problem[] = [];
  const converted: IntakeStatement[] = [];
  parsed.statements.forEach((s, i) => {
    const r = toIntakeStatement(s, i);
    problems.push(...r.problems);
    if (r.value) converted.push(r.value);
  });
  return problems.length > 0 ? err(problems) : ok(converted);
}

/**
 * Accounts and continuity of every statement: what is new, what was received before, and the problems.
 * Statements of one account in one file follow each other in period order.
 */
async function plan(
  ctx: AppContext,
  statements: readonly IntakeStatement[],
  bank: string,
): Promise<{ plan: Planned[]; problems: Problem[]; forbidden: boolean }> {
  const out: Planned[] = [];
  const problems: Problem[] = [];
  let forbidden = false;
  const lastOf = new Map<number, PreviousStatement | null>();
  const ordered = [...statements].sort(
    (a, b) => a.account.localeCompare(b.account) || a.from.localeCompare(b.from) || a.index - b.index,
  );
  for (const s of ordered) {
    const found = await accountFor(ctx, s, bank);
    if (!found.account) {
      if (found.problem) problems.push(found.problem);
      forbidden ||= found.forbidden === true;
      continue;
    }
    const account = found.account;
    const duplicate = await findStatementByFingerprint(ctx.db, account.id, s.fingerprint);
    if (duplicate || out.some((p) => p.account.id === account.id && p.statement.fingerprint === s.fingerprint)) {
      out.push({ statement: s, account, duplicateOf: duplicate?.id ?? -1 });
      continue;
    }
    if (!lastOf.has(account.id)) {
      const last = await findLastStatement(ctx.db, account.id);
      lastOf.set(
        account.id,
        last
          ? { sequence: last.sequence, statementNumber: last.statementNumber, to: last.to, closing: last.closing }
          : null,
      );
    }
    const previous = lastOf.get(account.id) ?? undefined;
    problems.push(...continuityProblems(s, previous, account));
    lastOf.set(account.id, {
      sequence: (previous?.sequence ?? 0) + 1,
      statementNumber: s.statementNumber,
      to: s.to,
      closing: s.closing,
    });
    out.push({ statement: s, account });
  }
  return { plan: out, problems, forbidden };
}

interface SaveInput {
  input: IntakeInput;
  sha: string;
  format: DetectedFormat;
  plan: readonly Planned[];
}

/** One received statement with its activity record; returns its id. */
async function saveStatement(
  ctx: AppContext,
  trx: Db,
  x: SaveInput,
  p: Planned,
  sequence: number,
  now: string,
): Promise<number> {
  const s = p.statement;
  const { input, sha, format } = x;
  const statementId = await insertStatement(trx, {
    account: p.account,
    sequence,
    statement: s,
    format,
    blobSha256: sha,
    fileName: input.fileName ?? '',
    uploadedBy: input.actor,
    uploadedAt: now,
  });
  const after = {
    accountId: p.account.id,
    account: p.account.accountNumber,
    bank: p.account.bank,
    electionId: p.account.electionId,
    party: p.account.partyRegistrationNumber,
    sequence,
    statementNumber: s.statementNumber,
    from: s.from,
    to: s.to,
    opening: s.opening,
    closing: s.closing,
    transactions: s.transactions.length,
    format,
    blobSha256: sha,
    fileName: input.fileName ?? '',
    fingerprint: s.fingerprint,
    currency: s.currency,
    warnings: balanceWarnings(s).map((w) => w.code),
  };
  await recordActivity(
    trx,
    {
      actor: input.actor,
      action: 'bank_statement.receive',
      entityType: 'bank_statement',
      entityId: String(statementId),
      after,
    },
    ctx.now(),
  );
  await logStatement(trx, statementId, now);
  return statementId;
}

/** Stores the new statements in one transaction; returns each statement's outcome with its index in the file. */
async function save(ctx: AppContext, x: SaveInput): Promise<Array<[number, ReceivedStatement]>> {
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const out: Array<[number, ReceivedStatement]> = [];
    const nextSequence = new Map<number, number>();
    for (const p of x.plan) {
      const s = p.statement;
      const base = {
        accountId: p.account.id,
        accountNumber: p.account.accountNumber,
        electionId: p.account.electionId,
        partyRegistrationNumber: p.account.partyRegistrationNumber,
        statementNumber: s.statementNumber,
        from: s.from,
        to: s.to,
        transactionCount: s.transactions.length,
      };
      if (p.duplicateOf !== undefined) {
        const earlier = await findStatementByFingerprint(trx, p.account.id, s.fingerprint);
        out.push([s.index, { ...base, statementId: earlier?.id ?? p.duplicateOf, status: 'already_received' }]);
        continue;
      }
      let sequence = nextSequence.get(p.account.id);
      if (sequence === undefined) sequence = ((await findLastStatement(trx, p.account.id))?.sequence ?? 0) + 1;
      nextSequence.set(p.account.id, sequence + 1);
      const statementId = await saveStatement(ctx, trx, x, p, sequence, now);
      out.push([s.index, { ...base, statementId, status: 'received' }]);
    }
    if (x.plan.every((p) => p.duplicateOf !== undefined)) {
      // Nothing new: the upload itself is still on record, pointing at what it repeated.
      const after = {
        bank: x.input.bank,
        fileName: x.input.fileName ?? '',
        statements: out.map(([, o]) => o.statementId),
      };
      await recordActivity(
        trx,
        {
          actor: x.input.actor,
          action: 'bank_statement.upload.duplicate',
          entityType: 'bank_statement_file',
          entityId: x.sha,
          after,
        },
        ctx.now(),
      );
    }
    return out;
  });
}

/** Re-runs the reconciliation of every party that received a new statement; returns the run ids. */
async function reconcileReceived(
  ctx: AppContext,
  received: readonly ReceivedStatement[],
  actor: string,
): Promise<number[]> {
  const fresh = received.filter((r) => r.status === 'received');
  const parties = new Map<string, { electionId: string; reg: string }>();
  for (const r of fresh)
    parties.set(`${r.electionId}\u0000${r.partyRegistrationNumber}`, {
      electionId: r.electionId,
      reg: r.partyRegistrationNumber,
    });
  const ref = fresh.map((r) => r.statementId).join(',');
  const runIds: number[] = [];
  for (const { electionId, reg } of parties.values()) {
    const run = await reconcileParty(ctx, electionId, reg, { trigger: 'statement', triggerRef: ref, actor });
    if (run) runIds.push(run.runId);
  }
  return runIds;
}

/**
 * Receives one bank file. All statements in the file are taken or none: one refused statement refuses
 * the file, so that a bank never has to work out which half of an upload arrived.
 */
export async function intakeStatement(
  ctx: AppContext,
  input: IntakeInput,
): Promise<Result<IntakeOutcome, IntakeRefusal>> {
  if (input.bytes.length > ctx.config.uploadLimitBytes) {
    const message = `The file is larger than the limit of ${ctx.config.uploadLimitBytes} bytes.`;
    return err({
      forbidden: false,
      problems: [problem('intake.too_large', message, { severity: 'error', field: 'file' })],
    });
  }
  const fingerprint = createHash('sha256').update(input.bytes).digest('hex');
  const parsed = await parseStatementBytes(input.bytes);
  const converted = convert(parsed);
  if (!converted.ok) return refuse(ctx, input, fingerprint, parsed.format, converted.error);
  // `statement.unbalanced` is a parser warning; intake refuses it with its own check and message.
  const warnings = [
    ...parsed.problems.filter((p) => p.severity === 'warning' && p.code !== 'statement.unbalanced'),
    ...converted.value.flatMap(balanceWarnings),
  ];

  const planned = await plan(ctx, converted.value, input.bank);
  const problems = planned.problems;
  if (problems.length > 0)
    return refuse(
      ctx,
      input,
      fingerprint,
      parsed.format,
      problems,
      planned.forbidden && problems.every((p) => p.code === 'intake.account_other_bank'),
    );
  // Taken: only now is the original kept.
  const sha = (await ctx.blobs.put(input.bytes, { maxBytes: ctx.config.uploadLimitBytes })).sha256;

  let saved: Array<[number, ReceivedStatement]>;
  try {
    saved = await save(ctx, { input, sha, format: parsed.format, plan: planned.plan });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Another upload for the same account won the race; nothing of this one was stored.
    return err({
      forbidden: false,
      fileSha256: sha,
      problems: [
        problem(
          'intake.concurrent_upload',
          'Another statement for this account was received at the same moment; send this file again to have it checked against it.',
          { severity: 'error' },
        ),
      ],
    });
  }
  const runIds =
    input.reconcile === false
      ? []
      : await reconcileReceived(
          ctx,
          saved.map(([, r]) => r),
          input.actor,
        );
  // Results in the order of the file.
  const statements = [...saved].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  return ok({ format: parsed.format, blobSha256: sha, statements, warnings, reconciliationRunIds: runIds });
}

/** The media type to serve an original statement file with. */
export function mediaTypeOfFormat(format: string): string {
  return MEDIA_TYPES[format as DetectedFormat] ?? 'application/octet-stream';
}

/** The bank officer's list: the latest statements (of one bank, or all), with their account numbers. */
export async function recentStatements(
  ctx: AppContext,
  bank: string | null,
  limit: number,
): Promise<{ statements: StoredStatement[]; accountNumbers: Map<number, string> }> {
  const statements = await listRecentStatements(ctx.db, { ...(bank ? { bank } : {}), limit });
  const accounts = await listAccounts(ctx.db);
  const wanted = new Set(statements.map((s) => s.accountId));
  const accountNumbers = new Map(accounts.filter((a) => wanted.has(a.id)).map((a) => [a.id, a.accountNumber] as const));
  return { statements, accountNumbers };
}

/** The bank a stored statement came from; undefined when there is no such statement. */
export async function bankOfStatement(ctx: AppContext, id: number): Promise<string | undefined> {
  return (await findStatement(ctx.db, id))?.bank;
}

/** A stored statement and its original file as the bank sent it; undefined when either is missing. */
export async function statementOriginal(
  ctx: AppContext,
  id: number,
): Promise<{ statement: StoredStatement; body: Readable } | undefined> {
  const statement = await findStatement(ctx.db, id);
  const body = statement && (await ctx.blobs.get(statement.blobSha256));
  return statement && body ? { statement, body } : undefined;
}
