// The finance report service on SQLite and PostgreSQL: drafts and their lines, the check that names the
// line, submission that is atomic (a failure half-way leaves nothing) and idempotent (a key used twice
// files once), amendments as new versions whose predecessors stop counting, the commission's review,
// imports, scans, and the public view without PINs and addresses.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { activityFor } from '../platform/activity-log.ts';
import type { AppContext } from '../platform/app-context.ts';
import { problemMessage } from './core/validation.messages.ts';
import { buildFilingTemplate } from './core/filing-template.xlsx.ts';
import {
  addLine,
  amendFiling,
  createDraft,
  deleteLine,
  discardDraft,
  importLines,
  loadDraft,
  updateHeader,
  updateLine,
} from './draft.service.ts';
import { attachScan } from './scan.service.ts';
import { reviewFiling } from './review.service.ts';
import { loadPublicReport } from './public-report.service.ts';
import { toPublicFiling } from './core/public-filing.ts';
import { submitDraft, submitFiling } from './submission.service.ts';
import { countItemisedLines, findFiling, listVersions } from './filing.repository.ts';
import { totalsByParty } from './filing-search.repository.ts';
import {
  asInput,
  FAKE_EXE,
  FILING_ELECTION,
  filingTestContext,
  PARTY_A,
  PARTY_B,
  pdfWithText,
  SECRET_ADDRESS,
  SECRET_PIN,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from './filing.test-support.ts';

const E = FILING_ELECTION.id;
const A = PARTY_A.registrationNumber;

/** Fails every INSERT into one table: a crash in the middle of a submission. */
function failingInsertInto(table: string): KyselyPlugin {
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      const node = args.node as { kind: string; into?: { table?: { identifier?: { name?: string } } } };
      if (node.kind === 'InsertQueryNode' && node.into?.table?.identifier?.name === table)
        throw new Error(`injected failure on ${table}`);
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return args.result;
    },
  };
}

/** Row counts of every table a submission writes, to prove that a refused one wrote nothing. */
async function snapshot(ctx: AppContext) {
  const count = async (
    t:
      | 'filings'
      | 'filing_chains'
      | 'receipts'
      | 'expenditures'
      | 'refunds'
      | 'filing_status_events'
      | 'filing_attachments'
      | 'activity_log',
  ) =>
    Number(
      (
        await ctx.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    filings: await count('filings'),
    chains: await count('filing_chains'),
    receipts: await count('receipts'),
    expenditures: await count('expenditures'),
    refunds: await count('refunds'),
    events: await count('filing_status_events'),
    attachments: await count('filing_attachments'),
    activity: await count('activity_log'),
    bodies: (
      await ctx.db.selectFrom('filings').select(['id', 'body_json', 'status', 'is_latest']).orderBy('id').execute()
    ).map((r) => JSON.stringify(r)),
  };
}

const receiptForm = (over: Record<string, string> = {}) => ({
  date: '2030-09-10',
  donorType: 'individual',
  donorName: 'Тестова Айгүл (synthetic)',
  donorPin: SECRET_PIN,
  donorAddress: SECRET_ADDRESS,
  amount: '1 500,50',
  channel: 'bank_transfer',
  bankReference: 'PP-77',
  ...over,
});

describeEachDatabase('finance report service', (get) => {
  let t: FilingTestContext;
  let ctx: AppContext;

  beforeAll(async () => {
    t = filingTestContext(get().db);
    ctx = t.ctx;
    await setupFilingElection(ctx);
  });
  afterAll(() => t?.close());

  async function newDraft(periodFrom: string, kind = 'first', reg = A): Promise<number> {
    const r = await createDraft(
      ctx,
      { electionId: E, partyRegistrationNumber: reg, reportKind: kind, periodFrom, periodTo: '2030-09-25' },
      'user:t',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value.draftId;
  }

  /** A draft that passes the check: header filled in, two receipts, one expenditure, balance right. */
  async function readyDraft(periodFrom: string, reg = A): Promise<number> {
    const id = await newDraft(periodFrom, 'first', reg);
    must(
      await updateHeader(
        ctx,
        id,
        {
          periodTo: '2030-09-25',
          bank: 'Айыл Банк',
          accountNumber: '124000001',
          openingBalance: '0',
          closingBalance: '1000,50',
          signerName: 'T',
          signerPosition: 'Treasurer',
        },
        'user:t',
      ),
    );
    must(await addLine(ctx, id, 'receipts', receiptForm(), 'user:t'));
    must(
      await addLine(
        ctx,
        id,
        'receipts',
        receiptForm({
          donorType: 'party_own_funds',
          donorName: 'Партия',
          donorPin: '',
          donorAddress: '',
          amount: '500',
          bankReference: 'PP-78',
        }),
        'user:t',
      ),
    );
    must(
      await addLine(
        ctx,
        id,
        'expenditures',
        {
          date: '2030-09-12',
          category: 'transport',
          payeeName: 'Taxi LLC',
          amount: '1000',
          documentNumber: 'D-1',
          description: 'Trips',
        },
        'user:t',
      ),
    );
    return id;
  }

  function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  }

  it('opens a draft for a party in the election, once per report', async () => {
    const id = await newDraft('2030-09-01', 'initial');
    const again = await createDraft(
      ctx,
      {
        electionId: E,
        partyRegistrationNumber: A,
        reportKind: 'initial',
        periodFrom: '2030-09-01',
        periodTo: '2030-09-10',
      },
      'user:t',
    );
    expect(again).toEqual({ ok: true, value: { draftId: id, existing: true } });
    const view = await loadDraft(ctx, id);
    expect(view?.body.header).toMatchObject({
      electionId: E,
      partyRegistrationNumber: A,
      reportKind: 'initial',
      periodFrom: '2030-09-01',
    });
    // The empty header is allowed in a draft, and the check says what is missing.
    expect(view?.check.problems.map((p) => p.code)).toContain('schema.empty');

    const wrong = await createDraft(
      ctx,
      {
        electionId: E,
        partyRegistrationNumber: 'NOPE',
        reportKind: 'bogus',
        periodFrom: '2030-13-01',
        periodTo: '2030-09-10',
      },
      'user:t',
    );
    expect(wrong.ok).toBe(false);
    if (!wrong.ok)
      expect(wrong.error.map((p) => p.code).sort()).toEqual([
        'date.invalid',
        'draft.party_not_in_election',
        'schema.invalid_value',
      ]);
    expect(must(await discardDraft(ctx, id, 'user:t')).chainId).toBeGreaterThan(0);
    expect(await loadDraft(ctx, id)).toBeUndefined();
  });

  it('adds, edits and deletes lines, refusing bad ones with the line and field named', async () => {
    const id = await newDraft('2030-09-02');
    const bad = await addLine(
      ctx,
      id,
      'receipts',
      receiptForm({ amount: '12,345', donorPin: '123', date: '' }),
      'user:t',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const fields = bad.error.map((p) => p.field).sort();
      expect(fields).toEqual(['receipts[0].amount', 'receipts[0].date', 'receipts[0].donorPin']);
      expect(
        problemMessage(
          bad.error.find((p) => p.field === 'receipts[0].donorPin')!,
          'ru',
        ),
      ).toMatch(/^Поступления, строка 1 \(R-1\): ПИН указан неверно/);
    }
    expect(must(await addLine(ctx, id, 'receipts', receiptForm(), 'user:t')).index).toBe(0);
    expect(
      must(await addLine(ctx, id, 'receipts', receiptForm({ lineId: 'MY-ID', amount: '10' }), 'user:t')).index,
    ).toBe(1);
    const dup = await addLine(
      ctx,
      id,
      'expenditures',
      {
        lineId: 'MY-ID',
        date: '2030-09-10',
        category: 'transport',
        payeeName: 'X',
        amount: '1',
        documentNumber: 'D',
        description: 'd',
      },
      'user:t',
    );
    expect(!dup.ok && dup.error[0]?.code).toBe('line_id.duplicate');

    let view = await loadDraft(ctx, id);
    expect(view?.body.receipts.map((r) => [r.lineId, r.amount])).toEqual([
      ['R-1', 150_050],
      ['MY-ID', 1000],
    ]);
    expect(view?.body.header.totals.receipts).toBe(151_050);

    must(await updateLine(ctx, id, 'receipts', 1, 'MY-ID', receiptForm({ lineId: 'MY-ID', amount: '20' }), 'user:t'));
    // A form from a stale page (the line at that place is another one now) changes nothing.
    const stale = await updateLine(ctx, id, 'receipts', 1, 'R-1', receiptForm({ amount: '99' }), 'user:t');
    expect(!stale.ok && stale.error[0]?.code).toBe('draft.line_not_found');
    must(await deleteLine(ctx, id, 'receipts', 0, 'R-1', 'user:t'));
    view = await loadDraft(ctx, id);
    expect(view?.body.receipts.map((r) => [r.lineId, r.amount])).toEqual([['MY-ID', 2000]]);
    expect(view?.body.header.totals.receipts).toBe(2000);
    const log = (await activityFor(ctx.db, 'filing', String(id))).map((x) => x.action);
    expect(log).toEqual([
      'filing.draft.create',
      'filing.draft.receipts.add',
      'filing.draft.receipts.add',
      'filing.draft.receipts.update',
      'filing.draft.receipts.delete',
    ]);
  });

  it('refuses a report whose balance does not add up or with a line outside the period, naming it, and changes nothing', async () => {
    const id = await readyDraft('2030-09-03');
    // Closing balance typed wrong, and one line dated after the period.
    must(
      await updateHeader(
        ctx,
        id,
        {
          periodTo: '2030-09-25',
          bank: 'Айыл Банк',
          accountNumber: '124000001',
          openingBalance: '0',
          closingBalance: '999',
          signerName: 'T',
          signerPosition: 'Treasurer',
        },
        'user:t',
      ),
    );
    must(
      await addLine(
        ctx,
        id,
        'receipts',
        receiptForm({ date: '2030-09-30', amount: '1', bankReference: 'PP-79' }),
        'user:t',
      ),
    );
    const before = await snapshot(ctx);
    const r = await submitDraft(ctx, id, { actor: 'user:t', idempotencyKey: 'web:refused-1' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const ru = r.error.map((p) => problemMessage(p, 'ru'));
      expect(ru).toContainEqual(
        expect.stringMatching(
          /^Поступления, строка 3 \(R-3\): Дата 2030-09-30 не входит в отчётный период 2030-09-03 – 2030-09-25\./,
        ),
      );
      expect(ru).toContainEqual(expect.stringMatching(/^Заголовок отчёта: Баланс не сходится/));
      const en = r.error.map((p) => problemMessage(p, 'en'));
      expect(en).toContainEqual(
        expect.stringMatching(/^Receipts, line 3 \(R-3\): The date 2030-09-30 is outside the report period/),
      );
      expect(r.error.every((p) => p.severity === 'error')).toBe(true);
    }
    expect(await snapshot(ctx)).toEqual(before);
    // Fixed, it goes through.
    must(await deleteLine(ctx, id, 'receipts', 2, 'R-3', 'user:t'));
    must(
      await updateHeader(
        ctx,
        id,
        {
          periodTo: '2030-09-25',
          bank: 'Айыл Банк',
          accountNumber: '124000001',
          openingBalance: '0',
          closingBalance: '1000.50',
          signerName: 'T',
          signerPosition: 'Treasurer',
        },
        'user:t',
      ),
    );
    const filed = must(await submitDraft(ctx, id, { actor: 'user:t', idempotencyKey: 'web:refused-1' }));
    expect(filed).toMatchObject({ version: 1, replayed: false });
    expect(filed.warnings.map((w) => w.code)).toEqual([]);
  });

  it('submits a draft in one transaction: the version, its itemised lines, its status and its log', async () => {
    const id = await readyDraft('2030-09-04');
    const pdf = await pdfWithText(['SYNTHETIC bank statement', 'Payment order PP-0042']);
    const scan = must(await attachScan(ctx, id, Readable.from([pdf]), 'statement.pdf', 'user:t'));
    expect(scan.extractedText).toContain('PP-0042');
    const r = must(await submitDraft(ctx, id, { actor: 'user:t', idempotencyKey: 'web:k-1' }));
    expect(r).toMatchObject({ version: 1, replayed: false });
    const filed = await findFiling(ctx.db, r.filingId);
    expect(filed).toMatchObject({
      status: 'filed',
      isLatest: true,
      totalReceipts: 200_050,
      totalExpenditures: 100_000,
      closingBalance: 100_050,
    });
    expect(await countItemisedLines(ctx.db, r.filingId, { latestOnly: true })).toEqual({
      receipts: 2,
      expenditures: 1,
      refunds: 0,
    });
    expect(await loadDraft(ctx, id)).toBeUndefined();
    const report = await loadPublicReport(ctx, r.filingId);
    expect(report?.attachments.map((a) => a.fileName)).toEqual(['statement.pdf']);
    expect(report?.events.map((e) => e.status)).toEqual(['filed']);
    expect((await activityFor(ctx.db, 'filing', String(r.filingId))).map((x) => x.action)).toEqual(['filing.submit']);

    // The same key again (a double click, a retry after a lost answer): the same report, nothing new.
    const before = await snapshot(ctx);
    const again = must(await submitDraft(ctx, id, { actor: 'user:t', idempotencyKey: 'web:k-1' }));
    expect(again).toMatchObject({ filingId: r.filingId, version: 1, replayed: true });
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('leaves nothing behind when the submission fails half-way', async () => {
    const id = await readyDraft('2030-09-05');
    const before = await snapshot(ctx);
    const faulty: AppContext = { ...ctx, db: ctx.db.withPlugin(failingInsertInto('filing_status_events')) };
    await expect(submitDraft(faulty, id, { actor: 'user:t', idempotencyKey: 'web:crash-1' })).rejects.toThrow(
      'injected failure',
    );
    expect(await snapshot(ctx)).toEqual(before);
    // The same key works afterwards: nothing was stored under it.
    const r = must(await submitDraft(ctx, id, { actor: 'user:t', idempotencyKey: 'web:crash-1' }));
    expect(r.replayed).toBe(false);
  });

  it('files a draft once when two submissions race', async () => {
    const id = await readyDraft('2030-09-06');
    const [a, b] = await Promise.all([
      submitDraft(ctx, id, { actor: 'user:t', idempotencyKey: 'web:race-a' }),
      submitDraft(ctx, id, { actor: 'user:t', idempotencyKey: 'web:race-b' }),
    ]);
    const oks = [a, b].filter((x) => x.ok);
    expect(oks).toHaveLength(1);
    const failed = [a, b].find((x) => !x.ok);
    expect(failed && !failed.ok && failed.error[0]?.code).toBe('draft.not_found');
    const chainId = oks[0]!.ok ? oks[0]!.value.chainId : 0;
    expect((await listVersions(ctx.db, chainId)).map((v) => v.version)).toEqual([1]);
  });

  it('amends a report as a new version; the earlier one stops counting but stays visible', async () => {
    const id = await readyDraft('2030-09-07', PARTY_B.registrationNumber);
    const v1 = must(await submitDraft(ctx, id, { actor: 'user:t', idempotencyKey: null }));
    const totalsBefore = (await totalsByParty(ctx.db, E)).find(
      (x) => x.partyRegistrationNumber === PARTY_B.registrationNumber,
    );
    expect(totalsBefore).toMatchObject({ reports: 1, receipts: 200_050, expenditures: 100_000 });

    const amend = must(await amendFiling(ctx, v1.filingId, 'user:t'));
    expect(must(await amendFiling(ctx, v1.filingId, 'user:t'))).toEqual({ draftId: amend.draftId, existing: true });
    const draft = await loadDraft(ctx, amend.draftId);
    expect(draft?.versions.map((v) => v.version)).toEqual([1]);
    must(
      await updateLine(
        ctx,
        amend.draftId,
        'expenditures',
        0,
        'E-1',
        {
          lineId: 'E-1',
          date: '2030-09-12',
          category: 'transport',
          payeeName: 'Taxi LLC',
          amount: '800',
          documentNumber: 'D-1',
          description: 'Trips',
        },
        'user:t',
      ),
    );
    must(
      await updateHeader(
        ctx,
        amend.draftId,
        {
          periodTo: '2030-09-25',
          bank: 'Айыл Банк',
          accountNumber: '124000001',
          openingBalance: '0',
          closingBalance: '1200,50',
          signerName: 'T',
          signerPosition: 'Treasurer',
        },
        'user:t',
      ),
    );
    const v2 = must(await submitDraft(ctx, amend.draftId, { actor: 'user:t', idempotencyKey: null }));
    expect(v2).toMatchObject({ chainId: v1.chainId, version: 2 });

    expect(await findFiling(ctx.db, v1.filingId)).toMatchObject({ isLatest: false, status: 'filed' });
    expect(await countItemisedLines(ctx.db, v1.filingId, { latestOnly: true })).toEqual({
      receipts: 0,
      expenditures: 0,
      refunds: 0,
    });
    expect(await countItemisedLines(ctx.db, v1.filingId)).toEqual({ receipts: 2, expenditures: 1, refunds: 0 });
    expect(await countItemisedLines(ctx.db, v2.filingId, { latestOnly: true })).toEqual({
      receipts: 2,
      expenditures: 1,
      refunds: 0,
    });
    const totalsAfter = (await totalsByParty(ctx.db, E)).find(
      (x) => x.partyRegistrationNumber === PARTY_B.registrationNumber,
    );
    expect(totalsAfter).toMatchObject({ reports: 1, receipts: 200_050, expenditures: 80_000 });
    const latestSum = await ctx.db
      .selectFrom('expenditures')
      .select((eb) => eb.fn.sum<number>('amount').as('s'))
      .where('party_registration_number', '=', PARTY_B.registrationNumber)
      .where('is_latest', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(latestSum.s)).toBe(80_000);

    // The earlier version cannot be amended again: only the latest can.
    const old = await amendFiling(ctx, v1.filingId, 'user:t');
    expect(!old.ok && old.error[0]?.code).toBe('amend.not_latest');
    // Starting the same report again is refused: it is amended, not duplicated.
    const dup = await createDraft(
      ctx,
      {
        electionId: E,
        partyRegistrationNumber: PARTY_B.registrationNumber,
        reportKind: 'first',
        periodFrom: '2030-09-07',
        periodTo: '2030-09-25',
      },
      'user:t',
    );
    expect(!dup.ok && dup.error[0]).toMatchObject({
      code: 'draft.chain_exists',
      params: { filingId: v2.filingId, version: 2 },
    });
  });

  it('takes filings by API: created, replayed with the same key, refused for a different report under it, amended by the next one', async () => {
    const doc = asInput(validFiling(A, { periodFrom: '2030-09-08' }));
    const first = must(await submitFiling(ctx, doc, { actor: 'user:api', idempotencyKey: `api:${A}:one` }));
    expect(first).toMatchObject({ version: 1, replayed: false });
    expect(first.warnings).toEqual([]);
    const before = await snapshot(ctx);
    expect(must(await submitFiling(ctx, doc, { actor: 'user:api', idempotencyKey: `api:${A}:one` }))).toMatchObject({
      filingId: first.filingId,
      replayed: true,
    });
    const other = await submitFiling(ctx, asInput(validFiling(A, { periodFrom: '2030-09-08', extraSom: 1 })), {
      actor: 'user:api',
      idempotencyKey: `api:${A}:one`,
    });
    expect(!other.ok && other.error[0]?.code).toBe('submit.idempotency_conflict');
    expect(await snapshot(ctx)).toEqual(before);

    const amended = must(
      await submitFiling(ctx, asInput(validFiling(A, { periodFrom: '2030-09-08', extraSom: 1 })), {
        actor: 'user:api',
        idempotencyKey: `api:${A}:two`,
      }),
    );
    expect(amended).toMatchObject({ chainId: first.chainId, version: 2 });

    const broken = { ...doc, header: { ...doc.header, closingBalance: 1 } };
    const refused = await submitFiling(ctx, broken, { actor: 'user:api', idempotencyKey: `api:${A}:three` });
    expect(!refused.ok && refused.error.map((p) => p.code)).toEqual(['balance.mismatch']);
    const unknownScan = {
      ...doc,
      attachments: [{ sha256: 'b'.repeat(64), fileName: 'x.pdf', mediaType: 'application/pdf', size: 10 }],
    };
    const noScan = await submitFiling(ctx, unknownScan, { actor: 'user:api', idempotencyKey: null });
    expect(!noScan.ok && noScan.error.map((p) => p.code)).toEqual(['submit.attachment_unknown']);
  });

  it('moves a report through review, with a reason required to return it', async () => {
    const r = must(
      await submitFiling(ctx, asInput(validFiling(A, { periodFrom: '2030-09-09' })), {
        actor: 'user:api',
        idempotencyKey: null,
      }),
    );
    expect(must(await reviewFiling(ctx, r.filingId, { status: 'under_review', reason: '' }, 'user:analyst'))).toEqual({
      status: 'under_review',
    });
    const noReason = await reviewFiling(ctx, r.filingId, { status: 'returned', reason: '  ' }, 'user:analyst');
    expect(!noReason.ok && noReason.error[0]?.code).toBe('review.reason_required');
    const backwards = await reviewFiling(ctx, r.filingId, { status: 'filed', reason: '' }, 'user:analyst');
    expect(!backwards.ok && backwards.error[0]?.code).toBe('review.transition');
    must(
      await reviewFiling(
        ctx,
        r.filingId,
        { status: 'returned', reason: 'Bank statement missing for R-2.' },
        'user:analyst',
      ),
    );
    const report = await loadPublicReport(ctx, r.filingId);
    expect(report?.filing.status).toBe('returned');
    expect(report?.events.map((e) => [e.status, e.reason])).toEqual([
      ['filed', ''],
      ['under_review', ''],
      ['returned', 'Bank statement missing for R-2.'],
    ]);
    const closed = await reviewFiling(ctx, r.filingId, { status: 'accepted', reason: '' }, 'user:analyst');
    expect(!closed.ok && closed.error[0]?.code).toBe('review.transition');
  });

  it('imports lines from CSV and from the XLSX template, appending or replacing', async () => {
    const id = await newDraft('2030-09-10');
    const csv =
      'Date;Donor type;Donor name;Amount (som);Channel;Bank reference\n2030-09-11;Individual;Бакыт Сыноов;1 000,00;Bank transfer;X-1\n12.09.2030;Физическое лицо;Айгүл;250;Банковский перевод;X-2\n';
    expect(
      must(await importLines(ctx, id, { bytes: Buffer.from(csv), section: 'receipts', mode: 'append' }, 'user:t'))
        .counts,
    ).toEqual({ receipts: 2, expenditures: 0, refunds: 0 });
    must(await importLines(ctx, id, { bytes: Buffer.from(csv), section: 'receipts', mode: 'append' }, 'user:t'));
    let view = await loadDraft(ctx, id);
    // Appended again, the row-number ids were taken, so the new lines got fresh ones.
    expect(view?.body.receipts.map((r) => r.lineId)).toEqual(['R-2', 'R-3', 'R-4', 'R-5']);
    must(await importLines(ctx, id, { bytes: Buffer.from(csv), section: 'receipts', mode: 'replace' }, 'user:t'));
    view = await loadDraft(ctx, id);
    expect(view?.body.receipts.map((r) => [r.lineId, r.amount, r.donorType])).toEqual([
      ['R-2', 100_000, 'individual'],
      ['R-3', 25_000, 'individual'],
    ]);
    const badCsv = await importLines(
      ctx,
      id,
      { bytes: Buffer.from('Date,Amount\nnot a date,x\n'), section: 'receipts', mode: 'append' },
      'user:t',
    );
    expect(badCsv.ok).toBe(false);
    const noSection = await importLines(ctx, id, { bytes: Buffer.from(csv), mode: 'append' }, 'user:t');
    expect(!noSection.ok && noSection.error[0]?.code).toBe('import.section_required');
    // The empty template imports as nothing, replacing every section.
    const template = await buildFilingTemplate('ru');
    expect(must(await importLines(ctx, id, { bytes: template, mode: 'replace' }, 'user:t')).counts).toEqual({
      receipts: 0,
      expenditures: 0,
      refunds: 0,
    });
    expect((await loadDraft(ctx, id))?.body.receipts).toEqual([]);
  });

  it('takes PDF, JPEG and PNG scans by their bytes, refuses an .exe named .pdf and files over the limit', async () => {
    const id = await newDraft('2030-09-11');
    const exe = await attachScan(ctx, id, Readable.from([FAKE_EXE]), 'invoice.pdf', 'user:t');
    expect(!exe.ok && exe.error[0]).toMatchObject({
      code: 'scan.type_refused',
      params: { detected: 'application/x-msdownload' },
    });
    const small: AppContext = { ...ctx, config: { ...ctx.config, uploadLimitBytes: 2000 } };
    const big = await attachScan(
      small,
      id,
      Readable.from([await pdfWithText(['x'.repeat(3000)]), Buffer.alloc(3000)]),
      'big.pdf',
      'user:t',
    );
    expect(!big.ok && big.error[0]?.code).toBe('scan.too_large');
    const none = await attachScan(ctx, id, Readable.from([]), 'empty.pdf', 'user:t');
    expect(!none.ok && none.error[0]?.code).toBe('scan.missing');
    expect((await loadDraft(ctx, id))?.attachments).toEqual([]);
    const pdf = must(
      await attachScan(
        ctx,
        id,
        Readable.from([await pdfWithText(['Invoice INV-9'])]),
        '../../etc/invoice "9".pdf',
        'user:t',
      ),
    );
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', fileName: 'invoice 9.pdf' });
    expect(await ctx.blobs.has(pdf.sha256)).toBe(true);
  });

  it('shows the public no PIN and no address, and no INN that could be a person', async () => {
    const f = validFiling(A);
    f.receipts[1]!.donorInn = SECRET_PIN;
    const pub = JSON.stringify(toPublicFiling(f));
    expect(pub).not.toContain(SECRET_PIN);
    expect(pub).not.toContain(SECRET_ADDRESS);
    expect(pub).toContain('01203201710055');
    expect(pub).toContain('Асанов Асан');
  });
});
