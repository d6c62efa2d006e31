// Statement intake on SQLite and PostgreSQL: a statement is taken only for a registered account of a
// current election at the uploader's bank, continuing the previous one (opening = previous closing, no
// gap in numbers or dates); the same statement twice is recognised and not doubled, also when the bank
// sends it again in another format; the original file is kept and every upload leaves an activity
// record; the party is reconciled again afterwards.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { activityFor } from '../../src/platform/activity-log.ts';
import { intakeStatement, type IntakeOutcome, type IntakeRefusal } from '../../src/bank-statements/intake.service.ts';
import { registerAccount } from '../../src/bank-statements/account.service.ts';
import {
  insertStatement,
  listStatements,
  listTransactionsOfStatement,
} from '../../src/bank-statements/statement.repository.ts';
import { countRuns } from '../../src/bank-statements/reconciliation.repository.ts';
import { reconcileParty } from '../../src/bank-statements/reconciliation.service.ts';
import { reconciliationScreen } from '../../src/bank-statements/reconciliation-screen.service.ts';
import { loadPublicBankView } from '../../src/bank-statements/bank-public.service.ts';
import { findAccountsByNumber } from '../../src/bank-statements/account.repository.ts';
import { toIntakeStatement } from '../../src/bank-statements/core/intake-checks.ts';
import { moneyIn } from '../../src/bank-statements/views/bank-page.tsx';
import type { Result } from '../../src/platform/result.ts';
import {
  ACCOUNT_A,
  ACCOUNT_B,
  BANK_A,
  BANK_B,
  BANK_ELECTION,
  CLOSED_ELECTION,
  OPENED_ON,
  PARTY_A,
  PARTY_B,
  WEEK_1,
  WEEK_2,
  bankTestContext,
  fileOf,
  setupBankElection,
  statement,
  type BankTestContext,
} from './bank-fixture.ts';

const refused = (r: Result<IntakeOutcome, IntakeRefusal>): IntakeRefusal => {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value.statements)}`);
  return r.error;
};
const accepted = (r: Result<IntakeOutcome, IntakeRefusal>): IntakeOutcome => {
  if (!r.ok) throw new Error(`expected acceptance, got ${JSON.stringify(r.error.problems)}`);
  return r.value;
};

describeEachDatabase('statement intake', (get) => {
  let t: BankTestContext;
  const statementsOfA = () =>
    listStatements(t.ctx.db, { electionId: BANK_ELECTION.id, partyRegistrationNumber: PARTY_A.registrationNumber });

  beforeAll(async () => {
    t = bankTestContext(get().db);
    await setupBankElection(t.ctx);
  });
  afterAll(() => t.close());

  it('takes the first statement, keeps the original in the blob store and writes an activity record', async () => {
    const bytes = fileOf([WEEK_1], 'camt053');
    const o = accepted(
      await intakeStatement(t.ctx, { bytes, bank: BANK_A, actor: 'user:officer-a', fileName: 'week1.xml' }),
    );
    expect(o.format).toBe('camt053');
    expect(o.statements).toHaveLength(1);
    const s = o.statements[0]!;
    expect(s).toMatchObject({
      status: 'received',
      accountNumber: ACCOUNT_A,
      partyRegistrationNumber: PARTY_A.registrationNumber,
      from: '2030-09-01',
      to: '2030-09-07',
      transactionCount: 2,
    });
    expect(await t.ctx.blobs.getBuffer(o.blobSha256)).toEqual(bytes);
    const [stored] = await statementsOfA();
    expect(stored).toMatchObject({
      sequence: 1,
      statementNumber: '1',
      opening: 0,
      closing: 70_000_00,
      credits: 100_000_00,
      debits: 30_000_00,
      blobSha256: o.blobSha256,
      format: 'camt053',
      fileName: 'week1.xml',
    });
    const txs = await listTransactionsOfStatement(t.ctx.db, s.statementId);
    expect(txs.map((x) => [x.bookingDate, x.amount, x.counterpartyId])).toEqual([
      ['2030-09-02', 100_000_00, '21503198500123'],
      ['2030-09-05', -30_000_00, '01203201710055'],
    ]);
    const activity = await activityFor(t.ctx.db, 'bank_statement', String(s.statementId));
    expect(activity.map((a) => [a.action, a.actor])).toEqual([['bank_statement.receive', 'user:officer-a']]);
    expect(JSON.parse(activity[0]!.after_json!)).toMatchObject({
      blobSha256: o.blobSha256,
      from: '2030-09-01',
      to: '2030-09-07',
      opening: 0,
      closing: 70_000_00,
    });
    // The party was reconciled again after the statement arrived.
    expect(o.reconciliationRunIds).toHaveLength(1);
    expect(await countRuns(t.ctx.db, BANK_ELECTION.id, PARTY_A.registrationNumber)).toBe(1);
  });

  it('recognises the same statement sent twice, also in another format, and does not double it', async () => {
    const again = accepted(
      await intakeStatement(t.ctx, { bytes: fileOf([WEEK_1], 'camt053'), bank: BANK_A, actor: 'user:officer-a' }),
    );
    expect(again.statements.map((s) => s.status)).toEqual(['already_received']);
    const asMt940 = accepted(
      await intakeStatement(t.ctx, { bytes: fileOf([WEEK_1], 'mt940'), bank: BANK_A, actor: 'user:officer-a' }),
    );
    expect(asMt940.format).toBe('mt940');
    expect(asMt940.statements.map((s) => s.status)).toEqual(['already_received']);
    expect(asMt940.statements[0]!.statementId).toBe(again.statements[0]!.statementId);
    expect(await statementsOfA()).toHaveLength(1);
    // Nothing new, nothing reconciled; the upload itself is on record.
    expect(again.reconciliationRunIds).toEqual([]);
    const dup = await activityFor(t.ctx.db, 'bank_statement_file', again.blobSha256);
    expect(dup.map((a) => a.action)).toEqual(['bank_statement.upload.duplicate']);
  });

  it('refuses a statement whose opening balance is not the previous closing balance, saying both', async () => {
    const wrong = statement({
      number: 2,
      from: '2030-09-08',
      to: '2030-09-14',
      openingSom: 75_000,
      txs: [{ date: '2030-09-10', som: 50_000 }],
    });
    const e = refused(
      await intakeStatement(t.ctx, { bytes: fileOf([wrong], 'mt940'), bank: BANK_A, actor: 'user:officer-a' }),
    );
    expect(e.forbidden).toBe(false);
    expect(e.problems.map((p) => p.code)).toEqual(['intake.opening_mismatch']);
    expect(e.problems[0]!.message).toBe(
      'Statement 1 opens with 75000.00, but the previous statement closed with 70000.00.',
    );
    expect(e.problems[0]!.params).toMatchObject({ opening: '75000.00', previousClosing: '70000.00' });
    expect(await statementsOfA()).toHaveLength(1);
    // Refused: the file is not kept (no store fills up with refusals), but the attempt is on record.
    expect(e.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.ctx.blobs.has(e.fileSha256!)).toBe(false);
    const log = await activityFor(t.ctx.db, 'bank_statement_file', e.fileSha256!);
    expect(log.map((a) => a.action)).toEqual(['bank_statement.upload.refused']);
    expect(JSON.parse(log[0]!.after_json!).problems).toEqual([
      { code: 'intake.opening_mismatch', field: 'statement[1]' },
    ]);
  });

  it('refuses a gap in the dates', async () => {
    const late = statement({ number: 2, from: '2030-09-10', to: '2030-09-14', openingSom: 70_000 });
    const e = refused(
      await intakeStatement(t.ctx, { bytes: fileOf([late], 'camt053'), bank: BANK_A, actor: 'user:officer-a' }),
    );
    expect(e.problems.map((p) => p.code)).toEqual(['intake.date_gap']);
    expect(e.problems[0]!.message).toContain('2030-09-08 – 2030-09-09 are missing');
  });

  it('refuses a gap in the statement numbers', async () => {
    const skipped = statement({ number: 3, from: '2030-09-08', to: '2030-09-14', openingSom: 70_000 });
    const e = refused(
      await intakeStatement(t.ctx, { bytes: fileOf([skipped], 'camt053'), bank: BANK_A, actor: 'user:officer-a' }),
    );
    expect(e.problems.map((p) => p.code)).toEqual(['intake.number_gap']);
    expect(e.problems[0]!.params).toMatchObject({ number: 3, previous: 1 });
  });

  it('refuses overlapping periods', async () => {
    const overlap = statement({ number: 2, from: '2030-09-05', to: '2030-09-14', openingSom: 70_000 });
    const e = refused(
      await intakeStatement(t.ctx, { bytes: fileOf([overlap], 'camt053'), bank: BANK_A, actor: 'user:officer-a' }),
    );
    expect(e.problems.map((p) => p.code)).toEqual(['intake.date_overlap']);
  });

  it('refuses a statement for an account of another bank, as a matter of permission', async () => {
    const e = refused(
      await intakeStatement(t.ctx, { bytes: fileOf([WEEK_2], 'camt053'), bank: BANK_B, actor: 'user:officer-b' }),
    );
    expect(e.forbidden).toBe(true);
    expect(e.problems.map((p) => p.code)).toEqual(['intake.account_other_bank']);
    expect(await statementsOfA()).toHaveLength(1);
  });

  it('refuses an account nobody registered, and one registered only for a closed election', async () => {
    const stranger = statement({ account: '9990000000000099', from: '2030-09-01', to: '2030-09-07', openingSom: 0 });
    expect(
      refused(await intakeStatement(t.ctx, { bytes: fileOf([stranger]), bank: BANK_A, actor: 'x' })).problems.map(
        (p) => p.code,
      ),
    ).toEqual(['intake.account_not_registered']);
    // Registering for a closed election is refused; an account left over from one is found but not current.
    const closed = await registerAccount(
      t.ctx,
      {
        electionId: CLOSED_ELECTION.id,
        partyRegistrationNumber: PARTY_A.registrationNumber,
        bank: BANK_A,
        accountNumber: '1240000000000077',
        openedOn: '2029-09-01',
      },
      'test',
    );
    expect(closed.ok ? [] : closed.error.map((p) => p.code)).toEqual(['account.election_closed']);
    await t.ctx.db
      .insertInto('electoral_fund_accounts')
      .values({
        election_id: CLOSED_ELECTION.id,
        party_registration_number: PARTY_A.registrationNumber,
        bank: BANK_A,
        account_number: '1240000000000077',
        currency: 'KGS',
        opened_on: '2029-09-01',
        registered_by: 'test',
        registered_at: '2029-09-01T00:00:00Z',
      })
      .execute();
    const old = statement({ account: '1240000000000077', from: '2030-09-01', to: '2030-09-07', openingSom: 0 });
    expect(
      refused(await intakeStatement(t.ctx, { bytes: fileOf([old]), bank: BANK_A, actor: 'x' })).problems.map(
        (p) => p.code,
      ),
    ).toEqual(['intake.election_not_current']);
  });

  it('refuses a statement that does not add up and a file that is not a statement, naming where', async () => {
    const unbalanced = statement({
      number: 2,
      from: '2030-09-08',
      to: '2030-09-14',
      openingSom: 70_000,
      txs: [{ date: '2030-09-10', som: 50_000 }],
      closingSom: 120_001,
    });
    expect(
      refused(
        await intakeStatement(t.ctx, { bytes: fileOf([unbalanced], 'mt940'), bank: BANK_A, actor: 'x' }),
      ).problems.map((p) => p.code),
    ).toEqual(['intake.unbalanced']);
    const broken = Buffer.from(
      ':20:X\r\n:25:1240000000000011\r\n:28C:2\r\n:60F:C300908KGS70000,00\r\n:61:NOT A LINE\r\n:62F:C300914KGS70000,00\r\n-\r\n',
      'utf8',
    );
    const e = refused(await intakeStatement(t.ctx, { bytes: broken, bank: BANK_A, actor: 'x' }));
    expect(e.problems.length).toBeGreaterThan(0);
    expect(e.problems.some((p) => p.row === 5)).toBe(true);
    const junk = refused(
      await intakeStatement(t.ctx, { bytes: Buffer.from('hello, world'), bank: BANK_A, actor: 'x' }),
    );
    expect(junk.problems.map((p) => p.code)).toEqual(['statement.format_unknown']);
  });

  it('takes the next statement, in 1C without a number, and the one after it again numbered', async () => {
    const o = accepted(
      await intakeStatement(t.ctx, {
        bytes: fileOf([{ ...WEEK_2, statementNumber: undefined }], '1c'),
        bank: BANK_A,
        actor: 'user:officer-a',
      }),
    );
    expect(o.format).toBe('1c');
    expect(o.statements[0]).toMatchObject({
      status: 'received',
      statementNumber: null,
      from: '2030-09-08',
      to: '2030-09-14',
    });
    const week3 = statement({
      number: 3,
      from: '2030-09-15',
      to: '2030-09-21',
      openingSom: 120_000,
      txs: [{ date: '2030-09-16', som: -20_000, name: 'ОсОО «Принт» (синтетическое)' }],
    });
    accepted(await intakeStatement(t.ctx, { bytes: fileOf([week3], 'mt940'), bank: BANK_A, actor: 'user:officer-a' }));
    expect((await statementsOfA()).map((s) => [s.sequence, s.statementNumber, s.closing])).toEqual([
      [1, '1', 70_000_00],
      [2, null, 120_000_00],
      [3, '3', 100_000_00],
    ]);
  });

  it('takes a file of several statements whole or not at all', async () => {
    const b1 = statement({
      account: ACCOUNT_B,
      number: 1,
      from: '2030-09-01',
      to: '2030-09-07',
      openingSom: 0,
      txs: [{ date: '2030-09-03', som: 10_000 }],
    });
    const b2bad = statement({ account: ACCOUNT_B, number: 2, from: '2030-09-08', to: '2030-09-14', openingSom: 9_000 });
    refused(
      await intakeStatement(t.ctx, { bytes: fileOf([b1, b2bad], 'camt053'), bank: BANK_B, actor: 'user:officer-b' }),
    );
    expect(await listStatements(t.ctx.db, { partyRegistrationNumber: PARTY_B.registrationNumber })).toHaveLength(0);
    const b2 = statement({ account: ACCOUNT_B, number: 2, from: '2030-09-08', to: '2030-09-14', openingSom: 10_000 });
    const o = accepted(
      await intakeStatement(t.ctx, { bytes: fileOf([b1, b2], 'camt053'), bank: BANK_B, actor: 'user:officer-b' }),
    );
    expect(o.statements.map((s) => [s.statementNumber, s.status])).toEqual([
      ['1', 'received'],
      ['2', 'received'],
    ]);
    // One reconciliation for the party, not one per statement.
    expect(o.reconciliationRunIds).toHaveLength(1);
  });

  it('refuses a first statement that does not open at zero', async () => {
    const reg = await registerAccount(
      t.ctx,
      {
        electionId: BANK_ELECTION.id,
        partyRegistrationNumber: PARTY_B.registrationNumber,
        bank: BANK_B,
        accountNumber: '1250000000000033',
        openedOn: '2030-09-01',
      },
      'test',
    );
    expect(reg.ok).toBe(true);
    const s = statement({ account: '1250000000000033', from: '2030-09-01', to: '2030-09-07', openingSom: 5 });
    expect(
      refused(await intakeStatement(t.ctx, { bytes: fileOf([s]), bank: BANK_B, actor: 'x' })).problems.map(
        (p) => p.code,
      ),
    ).toEqual(['intake.first_opening_not_zero']);
  });

  it('checks what the commission registers', async () => {
    const notInElection = await registerAccount(
      t.ctx,
      {
        electionId: BANK_ELECTION.id,
        partyRegistrationNumber: 'NOBODY',
        bank: BANK_A,
        accountNumber: '1240000000000088',
        openedOn: OPENED_ON,
      },
      'test',
    );
    expect(notInElection.ok ? [] : notInElection.error.map((p) => p.code)).toEqual(['account.party_not_in_election']);
    const twice = await registerAccount(
      t.ctx,
      {
        electionId: BANK_ELECTION.id,
        partyRegistrationNumber: PARTY_B.registrationNumber,
        bank: BANK_B,
        accountNumber: ` ${ACCOUNT_A.slice(0, 4)} ${ACCOUNT_A.slice(4)}`,
        openedOn: OPENED_ON,
      },
      'test',
    );
    expect(twice.ok ? [] : twice.error.map((p) => p.code)).toEqual(['account.already_registered']);
    const bad = await registerAccount(
      t.ctx,
      {
        electionId: BANK_ELECTION.id,
        partyRegistrationNumber: PARTY_B.registrationNumber,
        bank: 'no spaces allowed',
        accountNumber: '12',
        openedOn: '2030-02-30',
      },
      'test',
    );
    expect(bad.ok ? [] : bad.error.map((p) => p.field).sort()).toEqual(['accountNumber', 'bank', 'openedOn']);
  });

  it('refuses to register an account in another currency than som', async () => {
    const eur = await registerAccount(
      t.ctx,
      {
        electionId: BANK_ELECTION.id,
        partyRegistrationNumber: PARTY_B.registrationNumber,
        bank: BANK_B,
        accountNumber: '1250000000000044',
        currency: 'eur',
        openedOn: OPENED_ON,
      },
      'test',
    );
    expect(eur.ok ? [] : eur.error.map((p) => [p.code, p.field, p.params?.currency])).toEqual([
      ['account.currency_not_kgs', 'currency', 'EUR'],
    ]);
  });

  it('refuses a statement in another currency even for an account registered in it before, and a statement from before the account opened', async () => {
    await t.ctx.db
      .insertInto('electoral_fund_accounts')
      .values({
        election_id: BANK_ELECTION.id,
        party_registration_number: PARTY_B.registrationNumber,
        bank: BANK_B,
        account_number: '1250000000000055',
        currency: 'HUF',
        opened_on: OPENED_ON,
        registered_by: 'test',
        registered_at: '2030-09-01T00:00:00Z',
      })
      .execute();
    const huf = statement({ account: '1250000000000055', from: '2030-09-01', to: '2030-09-07', openingSom: 0 });
    const hufFile = fileOf([
      { ...huf, currency: 'HUF', transactions: huf.transactions.map((x) => ({ ...x, currency: 'HUF' })) },
    ]);
    const r = refused(await intakeStatement(t.ctx, { bytes: hufFile, bank: BANK_B, actor: 'x' }));
    expect(r.problems.map((p) => [p.code, p.params?.currency])).toEqual([['intake.currency_not_kgs', 'HUF']]);
    const early = statement({ account: ACCOUNT_B, from: '2027-03-01', to: '2027-03-07', openingSom: 0 });
    const e = refused(await intakeStatement(t.ctx, { bytes: fileOf([early]), bank: BANK_B, actor: 'x' }));
    expect(e.problems.map((p) => p.code)).toContain('intake.before_account_opened');
  });

  it('leaves a statement in another currency, stored before intake refused them, out of the reconciliation and the figures', async () => {
    const [legacy] = await findAccountsByNumber(t.ctx.db, '1250000000000055');
    const reg = PARTY_B.registrationNumber;
    const before = await reconcileParty(t.ctx, BANK_ELECTION.id, reg, { actor: 'test' });
    const viewBefore = await loadPublicBankView(t.ctx, BANK_ELECTION.id, reg);
    const huf = statement({
      account: '1250000000000055',
      from: '2030-09-01',
      to: '2030-09-07',
      openingSom: 0,
      txs: [{ date: '2030-09-02', som: 250_000 }],
    });
    const converted = toIntakeStatement(
      { ...huf, currency: 'HUF', transactions: huf.transactions.map((x) => ({ ...x, currency: 'HUF' })) },
      0,
    ).value!;
    await insertStatement(t.ctx.db, {
      account: legacy!,
      sequence: 1,
      statement: converted,
      format: 'camt053',
      blobSha256: '0'.repeat(64),
      fileName: 'huf.xml',
      uploadedBy: 'test',
      uploadedAt: '2030-09-08T00:00:00Z',
    });
    const run = await reconcileParty(t.ctx, BANK_ELECTION.id, reg, { actor: 'test' });
    expect(run?.bank).toEqual(before?.bank);
    expect(run?.counts).toEqual(before?.counts);
    const view = await loadPublicBankView(t.ctx, BANK_ELECTION.id, reg);
    expect(view.bank).toEqual(viewBefore.bank);
    const screen = await reconciliationScreen(t.ctx, BANK_ELECTION.id, PARTY_B.registrationNumber);
    expect(screen?.parties[0]?.flagged.map((f) => [f.accountNumber, f.statement.currency, f.foreignCurrency])).toEqual([
      ['1250000000000055', 'HUF', true],
    ]);
    expect(moneyIn(250_000_00, 'HUF', 'en')).toBe('250,000.00 HUF');
    expect(moneyIn(250_000_00, 'KGS', 'en')).toBe('250,000.00 KGS');
  });

  it('takes a statement closing below zero but warns about it', async () => {
    const reg = await registerAccount(
      t.ctx,
      {
        electionId: BANK_ELECTION.id,
        partyRegistrationNumber: PARTY_B.registrationNumber,
        bank: BANK_B,
        accountNumber: '1250000000000066',
        openedOn: OPENED_ON,
      },
      'test',
    );
    expect(reg.ok).toBe(true);
    const s = statement({
      account: '1250000000000066',
      from: '2030-09-01',
      to: '2030-09-07',
      openingSom: 0,
      txs: [{ date: '2030-09-03', som: -1_000 }],
    });
    const o = accepted(await intakeStatement(t.ctx, { bytes: fileOf([s]), bank: BANK_B, actor: 'x' }));
    expect(o.warnings.map((w) => [w.code, w.params?.closing])).toEqual([['intake.negative_closing', '-1000.00']]);
    const screen = await reconciliationScreen(t.ctx, BANK_ELECTION.id, PARTY_B.registrationNumber);
    expect(
      screen?.parties[0]?.flagged.map((f) => [f.accountNumber, f.negativeClosing, f.foreignCurrency]),
    ).toContainEqual(['1250000000000066', true, false]);
  });

  it('keeps every reconciliation run: a re-run appends, it does not replace', async () => {
    const before = await countRuns(t.ctx.db, BANK_ELECTION.id, PARTY_A.registrationNumber);
    const r = await reconcileParty(t.ctx, BANK_ELECTION.id, PARTY_A.registrationNumber, {
      trigger: 'filing',
      triggerRef: '42',
      actor: 'test',
    });
    expect(r?.counts.unreported).toBe(4);
    expect(r?.bank).toMatchObject({
      asOf: '2030-09-21',
      received: 150_000_00,
      spent: 50_000_00,
      balance: 100_000_00,
      statementCount: 3,
    });
    expect(await countRuns(t.ctx.db, BANK_ELECTION.id, PARTY_A.registrationNumber)).toBe(before + 1);
    expect(await reconcileParty(t.ctx, 'no-such-election', PARTY_A.registrationNumber)).toBeUndefined();
  });
});
