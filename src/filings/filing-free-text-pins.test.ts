// A treasurer may type a person's PIN into a line's free text — a donor's name, a bank reference, a payee,
// a document number, a description. The public outputs made from a filed report (the report's page and
// JSON, the finance listings and downloads, the donor search) mask it there, on every database.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { joinDigitGroups } from '../../test/support/planted-bank-pins.ts';
import { listExpenditures, listReceipts } from '../finance/lines.repository.ts';
import { loadPublicReport } from './public-report.service.ts';
import { submitFiling } from './submission.service.ts';
import { searchDonors } from './filing-search.repository.ts';
import {
  asInput,
  FILING_ELECTION,
  filingTestContext,
  PARTY_A,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from './filing.test-support.ts';

const PINS = ['21711198000345', '12602199500789', '22512197700456', '11003198800123', '23112196600999'];
const spaced = (p: string) => `${p.slice(0, 4)} ${p.slice(4, 8)} ${p.slice(8, 12)} ${p.slice(12)}`;
const dotted = (p: string) => `${p.slice(0, 5)}.${p.slice(5, 10)}.${p.slice(10)}`;

describeEachDatabase('PINs in the free text of a filed report', (get) => {
  let t: FilingTestContext;
  let filingId: number;
  beforeAll(async () => {
    t = filingTestContext(get().db);
    await setupFilingElection(t.ctx);
    const f = asInput(validFiling());
    const [own, person] = f.receipts;
    const [expense] = f.expenditures;
    if (!own || !person || !expense) throw new Error('the valid filing changed');
    person.donorName = `Асанов Асан ПИН ${spaced(PINS[0]!)}`;
    person.bankReference = `PP ${dotted(PINS[1]!)}`;
    expense.payeeName = `ИП Алиев ${PINS[2]}`;
    expense.documentNumber = `INV-${PINS[3]}`;
    expense.description = `Реклама, оплачено за ${spaced(PINS[4]!)}`;
    const r = await submitFiling(t.ctx, f, { actor: 'user:test', idempotencyKey: null });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    filingId = r.value.filingId;
  });
  afterAll(() => t?.close());

  const leaked = (value: unknown): string[] => {
    const text = joinDigitGroups(JSON.stringify(value));
    return PINS.filter((p) => text.includes(p));
  };

  it('masks them in the public report', async () => {
    const report = await loadPublicReport(t.ctx, filingId);
    expect(report?.doc.receipts[1]?.donorName).toBe('Асанов Асан ПИН •••• •••• •••• ••');
    expect(report?.doc.expenditures[0]?.description).toBe('Реклама, оплачено за •••• •••• •••• ••');
    expect(leaked(report?.doc)).toEqual([]);
  });

  it('masks them in the finance listings and in the donor search', async () => {
    const page = { sort: 'date' as const, order: 'asc' as const, limit: 100 };
    const receipts = await listReceipts(
      get().db,
      { electionId: FILING_ELECTION.id, party: PARTY_A.registrationNumber },
      page,
    );
    const expenditures = await listExpenditures(
      get().db,
      { electionId: FILING_ELECTION.id, party: PARTY_A.registrationNumber },
      page,
    );
    expect(receipts.items).toHaveLength(2);
    expect(expenditures.items).toHaveLength(1);
    expect(leaked([receipts, expenditures])).toEqual([]);
    const hits = await searchDonors(get().db, 'Асанов', 10);
    expect(hits).toHaveLength(1);
    expect(leaked(hits)).toEqual([]);
  });
});
