// The checks run when a report is filed: filing enqueues one analysis per campaign (a second report
// before it starts is the same job), the job runs the analysis and stores its findings, and a failing
// registry leaves the job to be retried with the failure recorded on the run.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  asInput,
  filingTestContext,
  FILING_ELECTION,
  PARTY_A,
  PARTY_B,
  validFiling,
  type FilingTestContext,
} from '../filings/filing.test-support.ts';
import { submitFiling, type Filing } from '../filings/index.ts';
import { memoryRegistry } from './core/memory-registry.ts';
import type { RegistryPort } from './core/registry.ts';
import { ANALYSIS_QUEUE, drainAnalyses } from './analysis-jobs.ts';
import { compliance } from './index.ts';
import { setupFilingElection } from '../filings/filing.test-support.ts';

/** A persons registry that knows nobody. */
const emptyRegistry = memoryRegistry({
  persons: { ref: { kind: 'persons', id: 'persons-empty', source: 'snapshot', asOf: '2030-09-01' }, records: [] },
});

describeEachDatabase('analysis when a report is filed', (getDb) => {
  let t: FilingTestContext;
  beforeAll(async () => {
    t = filingTestContext(getDb().db);
    await setupFilingElection(t.ctx);
    compliance.subscribe?.(t.ctx.events, t.ctx);
  });
  afterAll(() => t.close());

  const file = async (f: Filing, key: string) => {
    const r = await submitFiling(t.ctx, asInput(f), { actor: 'treasurer', idempotencyKey: key });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value.filingId;
  };
  const jobs = () =>
    getDb()
      .db.selectFrom('jobs')
      .select(['status', 'attempts', 'dedupe_key', 'last_error', 'payload_json'])
      .where('queue', '=', ANALYSIS_QUEUE)
      .orderBy('id')
      .execute();

  it('enqueues one analysis per campaign, runs it, and stores what it found', async () => {
    const filingId = await file(validFiling(), 'a-one');
    const pending = await jobs();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      status: 'pending',
      dedupe_key: `${FILING_ELECTION.id}/${PARTY_A.registrationNumber}`,
    });
    expect(JSON.parse(pending[0]?.payload_json ?? '{}')).toMatchObject({
      trigger: 'filing',
      triggerRef: String(filingId),
    });

    const ran = await drainAnalyses(t.ctx, emptyRegistry);
    expect(ran).toHaveLength(1);
    // Nobody is in an empty registry: each individual donor is "not found", which is a finding.
    expect(ran[0]?.findings.some((f) => f.rule === 'donor.not_found')).toBe(true);
    const stored = await getDb()
      .db.selectFrom('compliance_findings')
      .select('rule')
      .where('party_registration_number', '=', PARTY_A.registrationNumber)
      .execute();
    expect(stored.length).toBe(ran[0]?.findings.length);
    expect((await jobs()).map((j) => j.status)).toEqual(['done']);
    expect(await drainAnalyses(t.ctx, emptyRegistry)).toEqual([]);
  });

  it('retries a job whose registry failed, and records the failed run', async () => {
    await file(validFiling(PARTY_B.registrationNumber), 'b-one');
    const down: RegistryPort = {
      lookup: () => Promise.reject(new Error('registry unreachable')),
    };
    expect(await drainAnalyses(t.ctx, down)).toEqual([]);
    const job = (await jobs()).at(-1);
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job?.last_error).toContain('registry unreachable');
    const run = await getDb()
      .db.selectFrom('compliance_runs')
      .select(['status', 'error'])
      .where('party_registration_number', '=', PARTY_B.registrationNumber)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');
    expect(run.error).toContain('registry unreachable');
  });
});
