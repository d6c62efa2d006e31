// Filing and reading annual reports on every database: a year with no election is filed with its
// activity record and transparency-log leaf; one donor giving in two years is recognised as the same by
// the explore capability's public identifier, however the name was spelled; an amendment is a new
// version whose figures replace the public ones while the first stays readable; a retried key files once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { activityFor } from '../platform/activity-log.ts';
import type { AppContext } from '../platform/app-context.ts';
import { memoryRegistry } from '../compliance/index.ts';
import { verifyLocalLog } from '../transparency-log/index.ts';
import {
  ANNUAL_PARTY,
  annualDocument,
  annualTestContext,
  donation,
  DONOR_ADDRESS,
  DONOR_PIN,
  setupAnnualParty,
  STATE_BODY_INN,
} from './annual-reports.test-support.ts';
import {
  ANNUAL_REPORT_ENTITY,
  getAnnualReport,
  getDonorAcrossYears,
  getPartyAnnualReports,
  submitAnnualReport,
} from './annual-reports.service.ts';
import { annualReportsLogged } from './annual-report-log.ts';

const noRegistry = memoryRegistry({});

describeEachDatabase('annual reports', (get) => {
  let ctx: AppContext;
  let close: () => void;
  const file = (doc: unknown, key: string | null = null, registry = noRegistry) =>
    submitAnnualReport(ctx, doc, { actor: 'user:treasurer', idempotencyKey: key, registry });

  beforeAll(async () => {
    const t = annualTestContext(get().db);
    ctx = t.ctx;
    close = t.close;
    await setupAnnualParty(ctx);
  });
  afterAll(() => close());

  it('refuses a report with errors and stores nothing', async () => {
    const doc = annualDocument();
    doc.totals.expenditures += 1;
    const r = await file(doc);
    expect(r.ok || r.error.map((p) => p.code)).toEqual(['annual.total_mismatch']);
    expect(await getPartyAnnualReports(ctx, ANNUAL_PARTY)).toMatchObject({ years: [] });
  });

  it('refuses a report of a party that is not registered', async () => {
    const r = await file(annualDocument({ party: 'NO-SUCH' }));
    expect(r.ok || r.error.map((p) => p.code)).toEqual(['annual.unknown_party']);
  });

  it('files a year with no election, with its activity record, log leaf and findings', async () => {
    const registry = memoryRegistry({
      stateBodies: {
        ref: { kind: 'state-bodies', id: 's-1', source: 'snapshot', asOf: '2024-01-01' },
        records: [{ inn: STATE_BODY_INN, name: 'Министерство культуры', kind: 'state_body' }],
      },
    });
    const doc = annualDocument({
      donations: [
        donation('D-1', '2023-03-15'),
        donation('D-2', '2023-06-01', {
          donorType: 'legal_entity',
          donorName: 'Министерство культуры',
          donorPin: undefined,
          donorAddress: undefined,
          donorInn: STATE_BODY_INN,
        }),
      ],
    });
    const r = await file(doc, 'k-2023', registry);
    expect(r.ok && r.value).toMatchObject({
      party: ANNUAL_PARTY,
      year: 2023,
      version: 1,
      replayed: false,
      findings: 1,
    });
    const view = await getAnnualReport(ctx, ANNUAL_PARTY, 2023);
    expect(view?.electionsInYear).toEqual([]);
    expect(view?.late).toBe(false);
    expect(view?.findings.map((f) => f.rule)).toEqual(['prohibited.state_body']);
    const log = await activityFor(ctx.db, ANNUAL_REPORT_ENTITY, `${ANNUAL_PARTY}/2023`);
    expect(log.map((a) => a.action)).toEqual(['annual-report.filed']);
    const refs = await annualReportsLogged.existing(ctx.db);
    expect(refs).toHaveLength(1);
    const record = JSON.stringify(await annualReportsLogged.recordOf(ctx.db, refs[0]!.kind, refs[0]!.ref));
    expect(record).toContain('Министерство культуры');
    expect(record).not.toContain(DONOR_PIN);
    expect(record).not.toContain(DONOR_ADDRESS);
  });

  it('answers a retried key with the first answer, and refuses the key for another document', async () => {
    const doc = annualDocument({
      donations: [
        donation('D-1', '2023-03-15'),
        donation('D-2', '2023-06-01', {
          donorType: 'legal_entity',
          donorName: 'Министерство культуры',
          donorPin: undefined,
          donorAddress: undefined,
          donorInn: STATE_BODY_INN,
        }),
      ],
    });
    const again = await file(doc, 'k-2023');
    expect(again.ok && again.value).toMatchObject({ version: 1, replayed: true });
    const other = await file(annualDocument({ dues: 1 }), 'k-2023');
    expect(other.ok || other.error.map((p) => p.code)).toEqual(['annual.idempotency_conflict']);
    expect((await getAnnualReport(ctx, ANNUAL_PARTY, 2023))?.versions).toHaveLength(1);
  });

  it('recognises one donor in two years as the same, however the name was written', async () => {
    const r = await file(
      annualDocument({ year: 2022, donations: [donation('D-9', '2022-11-20', { donorName: 'Asanov Bakyt' })] }),
    );
    expect(r.ok).toBe(true);
    const y2022 = await getAnnualReport(ctx, ANNUAL_PARTY, 2022);
    const y2023 = await getAnnualReport(ctx, ANNUAL_PARTY, 2023);
    const id2022 = y2022?.donations[0]?.donorId;
    const id2023 = y2023?.donations.find((d) => d.donorType === 'individual')?.donorId;
    expect(id2022).toMatch(/^[0-9a-f]{24}$/);
    expect(id2022).toBe(id2023);
    expect(id2022).not.toBe(y2023?.donations.find((d) => d.donorType === 'legal_entity')?.donorId);
    const gifts = await getDonorAcrossYears(ctx, id2022!);
    expect(gifts.map((g) => [g.year, g.donorName])).toEqual([
      [2022, 'Asanov Bakyt'],
      [2023, 'Асанов Бакыт Маратович'],
    ]);
    // 2022's report came after 1 April 2023.
    expect(y2022?.late).toBe(true);
    const years = await getPartyAnnualReports(ctx, ANNUAL_PARTY);
    expect(years?.years.map((y) => [y.year, y.late])).toEqual([
      [2023, false],
      [2022, true],
    ]);
  });

  it('keeps the first version when a year is amended, and shows the amendment’s figures', async () => {
    const amended = annualDocument({ dues: 20_000_000, donations: [donation('D-1', '2023-03-15')] });
    const r = await file(amended);
    expect(r.ok && r.value).toMatchObject({ year: 2023, version: 2, findings: 0 });
    const latest = await getAnnualReport(ctx, ANNUAL_PARTY, 2023);
    expect(latest?.shown.version).toBe(2);
    expect(latest?.report.receipts.membershipDues).toBe(20_000_000);
    expect(latest?.findings).toEqual([]);
    const first = await getAnnualReport(ctx, ANNUAL_PARTY, 2023, 1);
    expect(first?.report.receipts.membershipDues).toBe(12_000_000);
    expect(first?.findings.map((f) => f.rule)).toEqual(['prohibited.state_body']);
    expect(latest?.versions.map((v) => [v.version, v.isLatest])).toEqual([
      [1, false],
      [2, true],
    ]);
    const log = await activityFor(ctx.db, ANNUAL_REPORT_ENTITY, `${ANNUAL_PARTY}/2023`);
    expect(log.map((a) => a.action)).toEqual(['annual-report.filed', 'annual-report.amended']);
    const years = await getPartyAnnualReports(ctx, ANNUAL_PARTY);
    expect(years?.years.find((y) => y.year === 2023)?.totalReceipts).toBe(amended.totals.receipts);
  });

  it('leaves the transparency log verifiable', async () => {
    const { CAPABILITIES } = await import('../capabilities.ts');
    const result = await verifyLocalLog(ctx, CAPABILITIES);
    expect(result).toMatchObject({ ok: true });
  });
});
