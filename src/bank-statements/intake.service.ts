// Statement intake: the commission registers electoral fund accounts; banks send statements for them
// (web upload, API or CLI all end here). A file is parsed (its format judged from the content), every
// statement in it is checked — registered account of a current election at the uploader's bank, opening
// balance = previous closing, no gap in numbers or dates — and then stored in ONE transaction with an
// activity record. The original bytes always go to the blob store first (content-addressed, so a retry
// stores nothing twice), also when the upload is refused, so the commission can see what a bank sent.
// A statement already received (same content fingerprint) is recognised and not stored again.
// After a successful intake the party's reconciliation is re-run.
//
// The original file is NOT entered in the public `blobs` table: /blobs/:sha serves whatever is listed
// there to anyone, and a statement names donors and their PINs. It is served by the commission's and
// the bank's own route instead (bank-statement.routes.tsx).
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { BlobTooLargeError } from '../platform/blobs/blob-store.ts';
import { err, ok, problem, type Problem, type Result } from '../platform/result.ts';
import { findElection } from '../elections/election.repository.ts';
import { findParticipation } from '../parties/party.repository.ts';
import { parseStatementBytes } from './core/parse-statement.ts';
import type { DetectedFormat } from './core/detect-format.ts';
import { continuityProblems, normaliseAccountNumber, toIntakeStatement, type IntakeStatement } from './core/intake-checks.ts';
import {
  findAccountsByNumber,
  findLastStatement,
  findStatementByFingerprint,
  insertAccount,
  insertStatement,
  listAccounts,
  type FundAccount,
} from './statement.repository.ts';
import { parseFundAccountInput, isCurrentElection } from './core/fund-account.ts';
import { reconcileParty } from './reconciliation.service.ts';

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
  blobSha256?: string;
}

const MEDIA_TYPES: Partial<Record<DetectedFormat, string>> = {
  camt053: 'application/xml',
  mt940: 'text/plain',
  '1c': 'text/plain',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function registerAccount(ctx: AppContext, input: unknown, actor: string): Promise<Result<FundAccount>> {
  const parsed = parseFundAccountInput(input);
  if (!parsed.ok) return parsed;
  const a = parsed.value;
  const election = await findElection(ctx.db, a.electionId);
  if (!election) return err([problem('account.election_not_found', `There is no election "${a.electionId}".`, { field: 'electionId' })]);
  if (!isCurrentElection(election)) {
    return err([problem('account.election_closed', `The election "${a.electionId}" is closed; no electoral fund account can be registered for it.`, { field: 'electionId' })]);
  }
  if (!(await findParticipation(ctx.db, a.electionId, a.partyRegistrationNumber))) {
    return err([
      problem('account.party_not_in_election', `Party ${a.partyRegistrationNumber} does not stand in this election.`, {
        field: 'partyRegistrationNumber',
        params: { party: a.partyRegistrationNumber },
      }),
    ]);
  }
  const clash = (await findAccountsByNumber(ctx.db, a.accountNumber)).find((x) => x.electionId === a.electionId);
  if (clash) {
    return err([
      problem('account.already_registered', `Account ${a.accountNumber} is already registered for this election (party ${clash.partyRegistrationNumber}, bank ${clash.bank}).`, {
        field: 'accountNumber',
        params: { account: a.accountNumber, party: clash.partyRegistrationNumber, bank: clash.bank },
      }),
    ]);
  }
  const now = ctx.now().toISOString();
  const account = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertAccount(trx, { ...a, registeredBy: actor, registeredAt: now });
    await recordActivity(trx, { actor, action: 'fund_account.register', entityType: 'electoral_fund_account', entityId: String(row.id), after: row }, ctx.now());
    return row;
  });
  return ok(account);
}

export { listAccounts };

/** Which registered account a statement is for, or why none may take it from this bank. */
async function accountFor(ctx: AppContext, s: IntakeStatement, bank: string): Promise<{ account?: FundAccount; problem?: Problem; forbidden?: boolean }> {
  const at = { severity: 'error' as const, field: `statement[${s.index + 1}]`, params: { statement: s.index + 1, account: s.account } };
  const registered = await findAccountsByNumber(ctx.db, normaliseAccountNumber(s.account));
  if (registered.length === 0) {
    return { problem: problem('intake.account_not_registered', `Account ${s.account} is not a registered electoral fund account.`, at) };
  }
  const current: FundAccount[] = [];
  for (const a of registered) {
    const election = await findElection(ctx.db, a.electionId);
    if (election && isCurrentElection(election)) current.push(a);
  }
  if (current.length === 0) {
    return { problem: problem('intake.election_not_current', `Account ${s.account} is registered only for elections that are closed.`, at) };
  }
  const ours = current.filter((a) => a.bank === bank);
  if (ours.length === 0) {
    return {
      forbidden: true,
      problem: problem('intake.account_other_bank', `Account ${s.account} is an electoral fund account at another bank; ${bank} may not send statements for it.`, {
        ...at,
        params: { ...at.params, bank },
      }),
    };
  }
  // The same number at the same bank in two current elections: the most recently opened one that had opened by then.
  const fitting = ours.filter((a) => a.openedOn <= s.to).sort((x, y) => y.openedOn.localeCompare(x.openedOn));
  return { account: fitting[0] ?? ours[0] };
}

/** Whether an error is a unique index refusing a row (two uploads racing for one place). */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : '';
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed|duplicate key value/i.test(message);
}

async function refuse(ctx: AppContext, input: IntakeInput, sha: string, format: string, problems: Problem[], forbidden = false): Promise<Result<never, IntakeRefusal>> {
  await recordActivity(
    ctx.db,
    {
      actor: input.actor,
      action: 'bank_statement.upload.refused',
      entityType: 'bank_statement_file',
      entityId: sha,
      after: { bank: input.bank, fileName: input.fileName ?? '', format, problems: problems.slice(0, 50).map((p) => ({ code: p.code, row: p.row, field: p.field })) },
    },
    ctx.now(),
  );
  return err({ problems, forbidden, blobSha256: sha });
}

interface Planned {
  statement: IntakeStatement;
  account: FundAccount;
  duplicateOf?: number;
}

/**
 * Receives one bank file. All statements in the file are taken or none: one refused statement refuses
 * the file, so that a bank never has to work out which half of an upload arrived.
 */
export async function intakeStatement(ctx: AppContext, input: IntakeInput): Promise<Result<IntakeOutcome, IntakeRefusal>> {
  let sha: string;
  try {
    sha = (await ctx.blobs.put(input.bytes, { maxBytes: ctx.config.uploadLimitBytes })).sha256;
  } catch (e) {
    if (!(e instanceof BlobTooLargeError)) throw e;
    return err({ forbidden: false, problems: [problem('intake.too_large', e.message, { severity: 'error', field: 'file' })] });
  }
  const parsed = await parseStatementBytes(input.bytes);
  const parseErrors = parsed.problems.filter((p) => p.severity !== 'warning');
  if (parseErrors.length > 0) return refuse(ctx, input, sha, parsed.format, parseErrors);
  if (parsed.statements.length === 0) {
    return refuse(ctx, input, sha, parsed.format, [problem('intake.no_statements', 'The file holds no statement.', { severity: 'error' })]);
  }
  // `statement.unbalanced` is a parser warning; intake refuses it below with its own check and message.
  const warnings = parsed.problems.filter((p) => p.severity === 'warning' && p.code !== 'statement.unbalanced');

  const problems: Problem[] = [];
  const converted: IntakeStatement[] = [];
  parsed.statements.forEach((s, i) => {
    const r = toIntakeStatement(s, i);
    problems.push(...r.problems);
    if (r.value) converted.push(r.value);
  });
  if (problems.length > 0) return refuse(ctx, input, sha, parsed.format, problems);

  // Accounts and continuity. Statements of one account in one file follow each other in period order.
  const plan: Planned[] = [];
  let forbidden = false;
  const lastOf = new Map<number, { sequence: number; statementNumber: string | null; to: string; closing: IntakeStatement['closing'] } | null>();
  const ordered = [...converted].sort((a, b) => a.account.localeCompare(b.account) || a.from.localeCompare(b.from) || a.index - b.index);
  for (const s of ordered) {
    const found = await accountFor(ctx, s, input.bank);
    if (!found.account) {
      if (found.problem) problems.push(found.problem);
      forbidden ||= found.forbidden === true;
      continue;
    }
    const account = found.account;
    const duplicate = await findStatementByFingerprint(ctx.db, account.id, s.fingerprint);
    if (duplicate || plan.some((p) => p.account.id === account.id && p.statement.fingerprint === s.fingerprint)) {
      plan.push({ statement: s, account, duplicateOf: duplicate?.id ?? -1 });
      continue;
    }
    if (!lastOf.has(account.id)) {
      const last = await findLastStatement(ctx.db, account.id);
      lastOf.set(account.id, last ? { sequence: last.sequence, statementNumber: last.statementNumber, to: last.to, closing: last.closing } : null);
    }
    const previous = lastOf.get(account.id) ?? undefined;
    const found2 = continuityProblems(s, previous, account);
    problems.push(...found2);
    lastOf.set(account.id, { sequence: (previous?.sequence ?? 0) + 1, statementNumber: s.statementNumber, to: s.to, closing: s.closing });
    plan.push({ statement: s, account });
  }
  if (problems.length > 0) return refuse(ctx, input, sha, parsed.format, problems, forbidden && problems.every((p) => p.code === 'intake.account_other_bank'));

  const now = ctx.now().toISOString();
  const fresh = plan.filter((p) => p.duplicateOf === undefined);
  let received: ReceivedStatement[];
  try {
    received = await ctx.db.transaction().execute(async (trx) => {
      const out: ReceivedStatement[] = [];
      const nextSequence = new Map<number, number>();
      for (const p of plan) {
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
          out.push({ ...base, statementId: earlier?.id ?? p.duplicateOf, status: 'already_received' });
          continue;
        }
        let sequence = nextSequence.get(p.account.id);
        if (sequence === undefined) sequence = ((await findLastStatement(trx, p.account.id))?.sequence ?? 0) + 1;
        nextSequence.set(p.account.id, sequence + 1);
        const statementId = await insertStatement(trx, {
          account: p.account,
          sequence,
          statement: s,
          format: parsed.format,
          blobSha256: sha,
          fileName: input.fileName ?? '',
          uploadedBy: input.actor,
          uploadedAt: now,
        });
        await recordActivity(
          trx,
          {
            actor: input.actor,
            action: 'bank_statement.receive',
            entityType: 'bank_statement',
            entityId: String(statementId),
            after: {
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
              format: parsed.format,
              blobSha256: sha,
              fileName: input.fileName ?? '',
              fingerprint: s.fingerprint,
            },
          },
          ctx.now(),
        );
        out.push({ ...base, statementId, status: 'received' });
      }
      if (fresh.length === 0) {
        // Nothing new: the upload itself is still on record, pointing at what it repeated.
        await recordActivity(
          trx,
          {
            actor: input.actor,
            action: 'bank_statement.upload.duplicate',
            entityType: 'bank_statement_file',
            entityId: sha,
            after: { bank: input.bank, fileName: input.fileName ?? '', statements: out.map((o) => o.statementId) },
          },
          ctx.now(),
        );
      }
      return out;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // Another upload for the same account won the race; nothing of this one was stored.
    return err({
      forbidden: false,
      blobSha256: sha,
      problems: [problem('intake.concurrent_upload', 'Another statement for this account was received at the same moment; send this file again to have it checked against it.', { severity: 'error' })],
    });
  }

  const runIds: number[] = [];
  if (fresh.length > 0 && input.reconcile !== false) {
    const parties = new Map<string, { electionId: string; reg: string }>();
    for (const p of fresh) parties.set(`${p.account.electionId}\u0000${p.account.partyRegistrationNumber}`, { electionId: p.account.electionId, reg: p.account.partyRegistrationNumber });
    const ref = received.filter((r) => r.status === 'received').map((r) => r.statementId).join(',');
    for (const { electionId, reg } of parties.values()) {
      const run = await reconcileParty(ctx, electionId, reg, { trigger: 'statement', triggerRef: ref, actor: input.actor });
      if (run) runIds.push(run.runId);
    }
  }
  // Results in the order of the file.
  const byIndex = new Map(plan.map((p, i) => [p.statement.index, received[i]!] as const));
  const statements = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  return ok({ format: parsed.format, blobSha256: sha, statements, warnings, reconciliationRunIds: runIds });
}

/** The media type to serve an original statement file with. */
export function mediaTypeOfFormat(format: string): string {
  return MEDIA_TYPES[format as DetectedFormat] ?? 'application/octet-stream';
}
