// `talapker analyze --election …` over the database: runs the checks, stores them, prints the stored
// findings in the public shape (no PIN), keeps the PIN only when told; refuses misuse and an unknown
// election with their exit codes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import {
  asInput,
  filingTestContext,
  FILING_ELECTION,
  PARTY_A,
  SECRET_PIN,
  setupFilingElection,
  validFiling,
  type FilingTestContext,
} from '../filings/filing.test-support.ts';
import { submitFiling } from '../filings/index.ts';
import { analyzeCommand } from './analyze.command.ts';

function captured() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) },
  };
}

describeEachDatabase('talapker analyze --election', (getDb) => {
  let t: FilingTestContext;
  beforeAll(async () => {
    t = filingTestContext(getDb().db);
    await setupFilingElection(t.ctx);
    // Cash where the profile allows none: a finding that needs no registry.
    const f = validFiling();
    const donor = f.receipts[1];
    if (!donor) throw new Error('the fixture has a donor line');
    f.receipts[1] = { ...donor, channel: 'cash' };
    delete f.receipts[1].bankReference;
    const r = await submitFiling(t.ctx, asInput(f), { actor: 'treasurer', idempotencyKey: 'cli-one' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  });
  afterAll(() => t.close());

  it('runs the checks, stores them, and prints the findings without the PIN', async () => {
    const { out, io } = captured();
    expect(await analyzeCommand(['--election', FILING_ELECTION.id, '--json'], io, t.ctx)).toBe(0);
    const printed = JSON.parse(out.stdout) as { findings: Array<{ rule: string; party: string; status: string }> };
    expect(printed.findings.length).toBeGreaterThan(0);
    expect(printed.findings.every((f) => f.party === PARTY_A.registrationNumber && f.status === 'open')).toBe(true);
    expect(out.stdout).not.toContain(SECRET_PIN);
    expect(out.stderr).toContain(`${PARTY_A.registrationNumber}: ${printed.findings.length} finding(s)`);
    const stored = await getDb().db.selectFrom('compliance_findings').select('id').execute();
    expect(stored).toHaveLength(printed.findings.length);

    // The same data again: the same findings, none new.
    const again = captured();
    expect(await analyzeCommand(['--election', FILING_ELECTION.id, '--json'], again.io, t.ctx)).toBe(0);
    expect(again.out.stdout).toBe(out.stdout);
    expect(again.out.stderr).toContain('0 new');
  });

  it('keeps identifiers only when asked, and refuses misuse and unknown elections', async () => {
    const withIds = captured();
    const args = ['--election', FILING_ELECTION.id, '--party', PARTY_A.registrationNumber, '--json'];
    expect(await analyzeCommand([...args, '--with-identifiers'], withIds.io, t.ctx)).toBe(0);
    expect(withIds.out.stdout).toContain(SECRET_PIN);
    const unknown = captured();
    expect(await analyzeCommand(['--election', 'no-such-election'], unknown.io, t.ctx)).toBe(1);
    expect(unknown.out.stderr).toContain('no-such-election');
    expect(await analyzeCommand(['--party', 'X'], captured().io, t.ctx)).toBe(2);
  });
});
