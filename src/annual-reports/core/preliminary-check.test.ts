// The preliminary check of an annual report runs the compliance capability's donation rules that hold
// outside campaigns: an anonymous donation and a state body's are found, the campaign-only rules (caps,
// cash) are not run, a finding keeps its id across amendments, and the public form of a report and of a
// finding carries no PIN and no address.
import { describe, expect, it } from 'vitest';
import { memoryRegistry } from '../../compliance/index.ts';
import { annualDocument, donation, DONOR_ADDRESS, DONOR_PIN, STATE_BODY_INN } from '../annual-reports.test-support.ts';
import { annualReportSchema } from './annual-report.ts';
import { ANNUAL_RULES, checkAnnualReport, publicAnnualFinding, registryQueryOf } from './preliminary-check.ts';
import { toPublicAnnualReport } from './public-annual-report.ts';

const today = '2024-02-10';
const stateBodies = memoryRegistry({
  stateBodies: {
    ref: { kind: 'state-bodies', id: 's-1', source: 'snapshot', asOf: '2024-01-01' },
    records: [{ inn: STATE_BODY_INN, name: 'Министерство культуры', kind: 'state_body' }],
  },
});

describe('the preliminary check of an annual report', () => {
  it('runs the prohibited-donor and donor rules only', () => {
    const ids = ANNUAL_RULES.map((r) => r.id);
    expect(ids).toContain('prohibited.anonymous');
    expect(ids).toContain('prohibited.state_body');
    expect(ids.some((id) => id.startsWith('cap.') || id.startsWith('timing.') || id.startsWith('channel.'))).toBe(
      false,
    );
  });

  it('finds an anonymous donation and a state body’s, with a stable id across versions', async () => {
    const report = annualReportSchema.parse(
      annualDocument({
        donations: [
          donation('D-1', '2023-03-15', { donorName: 'Аноним', donorPin: undefined }),
          donation('D-2', '2023-04-01', {
            donorType: 'legal_entity',
            donorName: 'Министерство культуры',
            donorPin: undefined,
            donorInn: STATE_BODY_INN,
          }),
          // Large: a campaign's cap would flag it, an annual report's check does not.
          donation('D-3', '2023-05-01', { amount: 90_000_000_000 }),
        ],
      }),
    );
    const answers = await stateBodies.lookup(registryQueryOf(report, today));
    const findings = checkAnnualReport(report, answers, today);
    expect(findings.map((f) => [f.rule, f.lineIds])).toEqual([
      ['prohibited.state_body', ['R-D-2']],
      ['prohibited.anonymous', ['R-D-1']],
    ]);
    const again = checkAnnualReport(report, answers, '2024-03-01');
    expect(again.map((f) => f.id)).toEqual(findings.map((f) => f.id));
  });

  it('publishes no PIN or address, in the report or in a finding', async () => {
    const report = annualReportSchema.parse(
      annualDocument({ donations: [donation('D-1', '2023-03-15', { donorName: `Аноним ${DONOR_PIN}` })] }),
    );
    const findings = checkAnnualReport(report, await stateBodies.lookup(registryQueryOf(report, today)), today);
    const text = JSON.stringify([toPublicAnnualReport(report), findings.map(publicAnnualFinding)]);
    expect(findings.length).toBeGreaterThan(0);
    expect(text).not.toContain(DONOR_PIN);
    expect(text).not.toContain(DONOR_ADDRESS);
  });
});
