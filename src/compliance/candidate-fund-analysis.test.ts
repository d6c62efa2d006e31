// A single-mandate candidate's fund is checked like a party's campaign, against the caps the law sets for
// candidates: a company's gift of 600,000 som is over a candidate's cap (500,000) and under a party's
// (3,000,000); filing the fund's report queues its analysis by itself.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { AppContext } from '../platform/app-context.ts';
import { som, tyiyn } from '../domain/money.ts';
import {
  RACE_ELECTION,
  RACE_PARTY,
  raceTestContext,
  setupRaceWithCandidates,
  type RaceTestContext,
} from '../races/races.test-support.ts';
import { listCandidateFunds } from '../races/index.ts';
import { buildFiling, submitFiling } from '../filings/index.ts';
import { analyseParty } from './analysis.service.ts';
import { memoryRegistry } from './core/memory-registry.ts';
import { compliance } from './index.ts';

const E = RACE_ELECTION.id;
const trigger = { trigger: 'command', triggerRef: 'test', actor: 'test' };

const reportOf = (reg: string) =>
  buildFiling({
    header: {
      partyRegistrationNumber: reg,
      electionId: E,
      reportKind: 'first',
      periodFrom: '2031-10-28',
      periodTo: '2031-10-31',
      account: { bank: 'Synthetic Bank', number: '1240000000000011' },
      openingBalance: tyiyn(0),
      signer: { name: 'Synthetic Treasurer', position: 'Treasurer' },
    },
    receipts: [
      {
        lineId: 'R-1',
        date: '2031-10-29',
        donorType: 'legal_entity',
        donorName: 'Synthetic Trading LLC',
        donorInn: '02504200910123',
        amount: som(600_000),
        channel: 'bank_transfer',
        bankReference: 'PP-C-1',
      },
    ],
    expenditures: [],
    refunds: [],
    attachments: [],
  });

describeEachDatabase('the checks of a candidate’s fund', (get) => {
  let t: RaceTestContext;
  let ctx: AppContext;
  let fund = '';
  beforeAll(async () => {
    t = raceTestContext(get().db);
    ctx = t.ctx;
    await setupRaceWithCandidates(ctx);
    fund = (await listCandidateFunds(ctx.db, { electionId: E }))[0]?.fundNumber ?? '';
    const queued: string[] = [];
    ctx.events.on('candidate-fund.filed', 'test', async (f) => {
      queued.push(f.fundNumber);
    });
    compliance.subscribe?.(ctx.events, ctx);
    for (const reg of [fund, RACE_PARTY.registrationNumber]) {
      const r = await submitFiling(ctx, reportOf(reg), { actor: 'treasurer', idempotencyKey: null });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
    expect(queued).toEqual([fund]);
  });
  afterAll(() => t.close());

  it('queues the fund’s analysis when its report is filed', async () => {
    const jobs = await ctx.db.selectFrom('jobs').select(['payload_json']).execute();
    expect(jobs.some((j) => j.payload_json.includes(fund))).toBe(true);
  });

  it('holds the fund to a candidate’s cap, and the party to its own', async () => {
    const ofFund = await analyseParty(ctx, memoryRegistry({}), E, fund, trigger);
    const capHit = ofFund?.findings.find((f) => f.rule === 'cap.legal_entity');
    expect(capHit?.excess).toBe(som(100_000));
    expect(capHit?.evidence).toMatchObject({ cap: som(500_000) });
    const ofParty = await analyseParty(ctx, memoryRegistry({}), E, RACE_PARTY.registrationNumber, trigger);
    expect(ofParty?.findings.map((f) => f.rule)).not.toContain('cap.legal_entity');
  });
});
