// The checks over a campaign as the platform stores it, on both databases: donations summed across
// reports, findings kept with stable ids, an amendment that removes the cause resolving the finding
// (never deleting it), and every change the analysis makes written to the finding's history.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  asInput,
  filingTestContext,
  PARTY_A,
  PARTY_B,
  SECRET_PIN,
  setupFilingElection,
  validFiling,
  FILING_ELECTION,
  type FilingTestContext,
} from '../filings/filing.test-support.ts';
import { buildFiling, submitFiling, type Filing } from '../filings/index.ts';
import { som } from '../domain/money.ts';
import { memoryRegistry } from './core/memory-registry.ts';
import { analyseParty } from './analysis.service.ts';
import { findingsOfCampaign } from './finding-store.repository.ts';

const registry = memoryRegistry({
  persons: {
    ref: { kind: 'persons', id: 'persons-2030-09-01', source: 'snapshot', asOf: '2030-09-01' },
    records: [
      {
        pin: SECRET_PIN,
        surname: 'Асанов',
        givenName: 'Асан',
        patronymic: null,
        birthDate: '1985-03-21',
        citizenship: 'KGZ',
        deathDate: null,
      },
    ],
  },
});

/** The final report: the same donor gives `somAmount` more on 1 October. */
function finalReport(somAmount: number): Filing {
  const first = validFiling();
  const donor = first.receipts[1];
  if (!donor) throw new Error('the fixture has a donor line');
  return buildFiling({
    header: { ...first.header, reportKind: 'final', periodFrom: '2030-09-26', periodTo: '2030-10-05' },
    receipts: [{ ...donor, lineId: 'R-9', date: '2030-10-01', amount: som(somAmount), bankReference: 'PP-0009' }],
  });
}

describeEachDatabase('analysis of a stored campaign', (getDb) => {
  let t: FilingTestContext;
  beforeAll(async () => {
    t = filingTestContext(getDb().db);
    await setupFilingElection(t.ctx);
  });
  afterAll(() => t.close());

  const file = async (f: Filing, key: string) => {
    key = `${f.header.partyRegistrationNumber}:${key}`;
    const r = await submitFiling(t.ctx, asInput(f), { actor: 'test', idempotencyKey: key });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  const analyse = (party = PARTY_A.registrationNumber) =>
    analyseParty(t.ctx, registry, FILING_ELECTION.id, party, {
      trigger: 'test',
      triggerRef: '',
      actor: 'test',
    });

  it('flags the cap once, on the line of the later report that crosses it, and resolves it after an amendment', async () => {
    await file(validFiling(), 'one');
    await file(finalReport(60_000), 'two');
    const first = await analyse();
    const caps = first?.findings.filter((f) => f.rule === 'cap.individual') ?? [];
    expect(caps).toHaveLength(1);
    expect(caps[0]).toMatchObject({ lineIds: ['R-9'], excess: 1_000_000, remedy: { kind: 'return_excess' } });

    const again = await analyse();
    expect(again?.newCount).toBe(0);
    expect(again?.findings.map((f) => f.id)).toEqual(first?.findings.map((f) => f.id));

    // The party amends its final report: 50,000 instead of 60,000 keeps the donor at the cap exactly.
    await file(finalReport(50_000), 'three');
    const after = await analyse();
    expect(after?.findings.some((f) => f.rule === 'cap.individual')).toBe(false);
    expect(after?.resolvedCount).toBeGreaterThanOrEqual(1);
    const stored = await findingsOfCampaign(getDb().db, FILING_ELECTION.id, PARTY_A.registrationNumber);
    const cap = stored.find((r) => r.id === caps[0]?.id);
    expect(cap?.status).toBe('resolved');
    const history = await getDb()
      .db.selectFrom('finding_review_events')
      .select(['action', 'actor'])
      .where('finding_id', '=', caps[0]?.id ?? '')
      .execute();
    expect(history).toEqual([{ action: 'resolve', actor: 'compliance-analysis' }]);
  });

  it('records each run with its counts and the snapshots it consulted', async () => {
    await file(validFiling(PARTY_B.registrationNumber), 'one');
    const r = await analyse(PARTY_B.registrationNumber);
    const run = await getDb()
      .db.selectFrom('compliance_runs')
      .selectAll()
      .where('id', '=', r?.runId ?? -1)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('complete');
    expect(run.finding_count).toBe(r?.findings.length);
    expect(JSON.parse(run.snapshot_ids_json)).toEqual(['persons-2030-09-01']);
  });
});
