// The demo's bank statements against the demo's finance reports: reconciliation finds exactly the
// planted differences — the unreported donation, the expense that never left the account, the amount
// typo, and the finance demo's cash receipt — and nothing else, on both databases. Also: every weekly
// file parses back to the statement it was written from, in each of its formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { createElection, ensureBuiltInRulesProfiles } from '../../src/elections/index.ts';
import { registerParty } from '../../src/parties/index.ts';
import { ELECTION_2020 } from '../../src/demo/elections.ts';
import { PARTIES_2020 } from '../../src/demo/parties-2020.ts';
import { loadFilingDemo, PLANTED } from '../../src/filings/filing-demo.ts';
import {
  PLANTED_BANK,
  UNREPORTED_DONATION,
  buildStatementDemo,
  statementDemo,
} from '../../src/bank-statements/statement-demo.ts';
import { listStatements } from '../../src/bank-statements/statement.repository.ts';
import { latestRuns, listResults } from '../../src/bank-statements/reconciliation.repository.ts';
import { loadPublicBankView } from '../../src/bank-statements/bank-public.service.ts';
import { parseStatementBytes } from '../../src/bank-statements/core/parse-statement.ts';
import { withEvidence, type Evidence } from '../../src/bank-statements/reconciliation.service.ts';
import { bankTestContext, type BankTestContext } from './bank-fixture.ts';

const regOf = (ballot: number) => PARTIES_2020[ballot - 1]!.registrationNumber;

describe('demo bank files', () => {
  it('are weekly camt.053 and MT940 files, one in 1C, that read back as written', async () => {
    const { accounts, files } = buildStatementDemo();
    expect(accounts).toHaveLength(PARTIES_2020.length);
    expect(files.filter((f) => f.format === '1c')).toHaveLength(1);
    expect(files.filter((f) => f.format === 'camt053').length).toBeGreaterThan(20);
    expect(files.filter((f) => f.format === 'mt940').length).toBeGreaterThan(20);
    for (const f of files) {
      const r = await parseStatementBytes(f.bytes);
      expect(r.format, f.fileName).toBe(f.format);
      expect(
        r.problems.filter((p) => p.severity !== 'warning'),
        f.fileName,
      ).toEqual([]);
      const s = r.statements[0]!;
      expect([s.from, s.to, s.openingBalance, s.closingBalance, s.transactions.length], f.fileName).toEqual([
        f.statement.from,
        f.statement.to,
        f.statement.openingBalance,
        f.statement.closingBalance,
        f.statement.transactions.length,
      ]);
    }
  });
});

describeEachDatabase('demo reconciliation', (get) => {
  let t: BankTestContext;

  beforeAll(async () => {
    t = bankTestContext(get().db);
    await ensureBuiltInRulesProfiles(t.ctx);
    const e = await createElection(t.ctx, ELECTION_2020, 'test');
    if (!e.ok) throw new Error(JSON.stringify(e.error));
    for (const [i, party] of PARTIES_2020.entries()) {
      const r = await registerParty(t.ctx, { electionId: ELECTION_2020.id, party, ballotNumber: i + 1 }, 'test');
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
    await loadFilingDemo(t.ctx);
    await statementDemo(t.ctx);
  }, 120_000);
  afterAll(() => t.close());

  it('receives every weekly statement of every 2020 party', async () => {
    for (const party of PARTIES_2020) {
      const s = await listStatements(t.ctx.db, {
        electionId: ELECTION_2020.id,
        partyRegistrationNumber: party.registrationNumber,
      });
      expect(
        s.map((x) => x.sequence),
        party.registrationNumber,
      ).toEqual([1, 2, 3, 4, 5, 6]);
    }
    expect(await statementDemo(t.ctx)).toBe('bank statements: already present');
  });

  it('finds exactly the planted differences and nothing else', async () => {
    const found: string[] = [];
    const runs = await latestRuns(t.ctx.db, ELECTION_2020.id);
    expect(runs).toHaveLength(PARTIES_2020.length);
    for (const run of runs) {
      const ballot = PARTIES_2020.findIndex((p) => p.registrationNumber === run.partyRegistrationNumber) + 1;
      for (const r of await listResults(t.ctx.db, run.id)) if (r.kind !== 'matched') found.push(`${ballot}:${r.kind}`);
      expect(run.matchedCount, `party ${ballot}`).toBeGreaterThan(10);
    }
    expect(found.sort()).toEqual(
      [
        `${PLANTED.cashReceipt}:cash`,
        `${PLANTED_BANK.unreportedDonation}:unreported`,
        `${PLANTED_BANK.expenseNeverPaid}:unsupported`,
        `${PLANTED_BANK.amountTypo}:amount_mismatch`,
      ].sort(),
    );
  });

  it('carries both sides as evidence', async () => {
    const run = (await latestRuns(t.ctx.db, ELECTION_2020.id)).find(
      (r) => r.partyRegistrationNumber === regOf(PLANTED_BANK.unreportedDonation),
    )!;
    const [unreported] = await listResults(t.ctx.db, run.id, ['unreported']);
    const e = unreported!.evidence as Evidence;
    expect(e.report).toBeNull();
    expect(e.bank).toMatchObject({
      bookingDate: UNREPORTED_DONATION.date,
      amount: UNREPORTED_DONATION.amount,
      counterpartyName: UNREPORTED_DONATION.name,
    });

    const typoRun = (await latestRuns(t.ctx.db, ELECTION_2020.id)).find(
      (r) => r.partyRegistrationNumber === regOf(PLANTED_BANK.amountTypo),
    )!;
    const [typo] = await listResults(t.ctx.db, typoRun.id, ['amount_mismatch']);
    const te = typo!.evidence as Evidence;
    expect(te.bank?.amount).not.toBe(te.report?.amount);
    expect(te.report).toMatchObject({ section: 'receipts', donorType: 'individual', inn: null });
    expect(te.slip).toBe('one_digit');
    expect(JSON.stringify(te)).not.toMatch(/Бишкек|кв\. \d/);

    // Matched pairs are stored by id; both sides come back when they are shown.
    const [pair] = await withEvidence(t.ctx.db, (await listResults(t.ctx.db, run.id, ['matched'])).slice(0, 1));
    const pe = pair!.evidence as Evidence;
    expect(pe.bank?.amount).toBe(pe.report?.section === 'receipts' ? pe.report.amount : -(pe.report?.amount ?? 0));
    expect(pe.basis).toMatch(/^(identifier|name|amount_and_date)$/);

    const cashRun = (await latestRuns(t.ctx.db, ELECTION_2020.id)).find(
      (r) => r.partyRegistrationNumber === regOf(PLANTED.cashReceipt),
    )!;
    const [cash] = await listResults(t.ctx.db, cashRun.id, ['cash']);
    expect((cash!.evidence as Evidence).report?.channel).toBe('cash');
  });

  it('publishes the 2020 list of unreported money, and the bank figures differ where the planted differences are', async () => {
    const v = await loadPublicBankView(t.ctx, ELECTION_2020.id, regOf(PLANTED_BANK.unreportedDonation));
    expect(v.published).toBe(true);
    expect(v.unreported?.map((u) => [u.date, u.amount, u.counterpartyName, u.counterpartyId])).toEqual([
      [UNREPORTED_DONATION.date, UNREPORTED_DONATION.amount, UNREPORTED_DONATION.name, null],
    ]);
    expect(v.bank.asOf).toBe('2020-10-15');
    expect(v.difference.received).toBe(UNREPORTED_DONATION.amount);
    expect(v.difference.spent).toBe(0);
    expect(v.series.map((p) => p.date)).toEqual([
      '2020-09-10',
      '2020-09-17',
      '2020-09-24',
      '2020-10-01',
      '2020-10-08',
      '2020-10-15',
    ]);
    const clean = await loadPublicBankView(t.ctx, ELECTION_2020.id, regOf(13));
    expect(clean.difference).toEqual({ received: 0, spent: 0, balance: 0 });
    expect(clean.unreported).toEqual([]);
  });
});
