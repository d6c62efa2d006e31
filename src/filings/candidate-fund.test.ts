// A single-mandate candidate's fund files its own reports under the fund's number, on every database:
// through the API's document (v1, or v2 saying whose fund it is) and through the web form's draft; the
// district's page shows each candidate's totals beside the others'; a party's totals, its campaigns for
// the compliance analysis and the election's lists never take in a candidate's money.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { AppContext } from '../platform/app-context.ts';
import { som, tyiyn } from '../domain/money.ts';
import {
  CANDIDATES_CSV,
  RACE_ELECTION,
  RACE_PARTY,
  raceTestContext,
  setupRaceWithCandidates,
  type RaceTestContext,
} from '../races/races.test-support.ts';
import { importDistrictCandidates } from '../races/races.service.ts';
import { listCandidateFunds, type CandidateFund } from '../races/index.ts';
import { buildFiling } from './core/filing-build.ts';
import { FILING_FORMAT_V2 } from './core/filing-v2.ts';
import { submitFiling } from './submission.service.ts';
import { createDraft } from './draft-create.service.ts';
import { districtFundMoney } from './fund-totals.service.ts';
import { totalsByParty } from './filing-search.repository.ts';
import { filedCampaigns } from './campaign.service.ts';
import { findFiler } from './filer.service.ts';
import { loadPartyReports } from './public-report.service.ts';

const E = RACE_ELECTION.id;

function fundReport(reg: string, receivedSom: number, spentSom: number) {
  return buildFiling({
    header: {
      partyRegistrationNumber: reg,
      electionId: E,
      reportKind: 'first',
      periodFrom: '2031-10-28',
      periodTo: '2031-10-31',
      account: { bank: 'Synthetic Bank', number: '1240000000000009' },
      openingBalance: tyiyn(0),
      signer: { name: 'Synthetic Treasurer', position: 'Treasurer' },
    },
    receipts: [
      {
        lineId: 'R-1',
        date: '2031-10-28',
        donorType: 'candidate_own_funds',
        donorName: 'The candidate (synthetic)',
        amount: som(receivedSom),
        channel: 'bank_transfer',
        bankReference: 'PP-1',
      },
    ],
    expenditures: [
      {
        lineId: 'E-1',
        date: '2031-10-30',
        category: 'advertising_online',
        payeeName: 'Synthetic Media LLC',
        amount: som(spentSom),
        documentNumber: 'INV-1',
        description: 'Online advertising',
      },
    ],
    refunds: [],
    attachments: [],
  });
}

describeEachDatabase('candidate funds', (get) => {
  let t: RaceTestContext;
  let ctx: AppContext;
  let funds: CandidateFund[];
  const fundOf = (lastName: string) => {
    const f = funds.find((x) => x.lastName === lastName);
    if (!f) throw new Error(`no fund for ${lastName}`);
    return f;
  };
  beforeAll(async () => {
    t = raceTestContext(get().db);
    ctx = t.ctx;
    await setupRaceWithCandidates(ctx);
    funds = await listCandidateFunds(ctx.db, { electionId: E });
  });
  afterAll(() => t.close());

  it('gives every candidate a fund number that a new import of the same file keeps', async () => {
    expect(funds.map((f) => f.fundNumber)).toEqual(funds.map(() => expect.stringMatching(/^FUND-[0-9A-F]{12}$/)));
    expect(new Set(funds.map((f) => f.fundNumber)).size).toBe(funds.length);
    const again = await importDistrictCandidates(ctx, { electionId: E, text: CANDIDATES_CSV, actor: 'test' });
    expect(again.ok).toBe(true);
    const after = await listCandidateFunds(ctx.db, { electionId: E });
    expect(after.map((f) => f.fundNumber).sort()).toEqual(funds.map((f) => f.fundNumber).sort());
    funds = after;
    expect((await findFiler(ctx.db, E, fundOf('Асанов').fundNumber))?.kind).toBe('candidate');
    expect((await findFiler(ctx.db, E, RACE_PARTY.registrationNumber))?.kind).toBe('party');
    expect(await findFiler(ctx.db, E, 'FUND-000000000000')).toBeUndefined();
  });

  it('files a candidate fund’s report, counted for the candidate and never for a party', async () => {
    const asanov = fundOf('Асанов');
    const filed = await submitFiling(ctx, fundReport(asanov.fundNumber, 120_000, 45_000), {
      actor: 'treasurer',
      idempotencyKey: null,
    });
    expect(filed.ok || filed.error).toBe(true);

    // A v2 document says whose fund it is; saying "party" for a fund's number is refused, naming the field.
    const wrong = await submitFiling(
      ctx,
      {
        ...fundReport(fundOf('Токтогулова').fundNumber, 10_000, 1_000),
        format: FILING_FORMAT_V2,
        header: { ...fundReport(fundOf('Токтогулова').fundNumber, 10_000, 1_000).header, filer: { kind: 'party' } },
        inKind: [],
        loans: [],
      },
      { actor: 'treasurer', idempotencyKey: null },
    );
    expect(wrong.ok || wrong.error.map((p) => [p.code, p.field])).toEqual([['submit.filer_kind', 'header.filer.kind']]);
    const right = await submitFiling(
      ctx,
      {
        ...fundReport(fundOf('Токтогулова').fundNumber, 10_000, 2_000),
        format: FILING_FORMAT_V2,
        header: { ...fundReport(fundOf('Токтогулова').fundNumber, 10_000, 2_000).header, filer: { kind: 'candidate' } },
        inKind: [],
        loans: [],
      },
      { actor: 'treasurer', idempotencyKey: null },
    );
    expect(right.ok || right.error).toBe(true);

    const money = await districtFundMoney(ctx, E, '01');
    expect(money.map((m) => [m.name, m.reports, m.receipts, m.expenditures])).toEqual([
      ['Асанов Бакыт Маратович', 1, som(120_000), som(45_000)],
      ['Токтогулова Айгүл', 1, som(10_000), som(2_000)],
      ['Беков Нурлан', 0, 0, 0],
    ]);
    // The nominating party's money is the party's only; each fund is a campaign of its own for the checks.
    expect(await totalsByParty(ctx.db, E)).toEqual([]);
    expect((await filedCampaigns(ctx, E)).map((c) => c.partyRegistrationNumber).sort()).toEqual(
      [asanov.fundNumber, fundOf('Токтогулова').fundNumber].sort(),
    );
    // The fund's reports have their public list, as a party's have.
    const reports = await loadPartyReports(ctx, E, asanov.fundNumber);
    expect(reports?.chains.map((c) => c.entry.versions.length)).toEqual([1]);
    expect(reports?.party?.name.en).toBe('Electoral fund of Асанов Бакыт Маратович, First constituency');
    expect(reports?.totals?.receipts).toBe(som(120_000));
  });

  it('opens a draft for a candidate fund in its own election only', async () => {
    const base = { reportKind: 'initial', periodFrom: '2031-10-28', periodTo: '2031-10-30' };
    const own = await createDraft(
      ctx,
      { ...base, electionId: E, partyRegistrationNumber: fundOf('Беков').fundNumber },
      'treasurer',
    );
    expect(own.ok || own.error).toBe(true);
    const unknown = await createDraft(
      ctx,
      { ...base, electionId: E, partyRegistrationNumber: 'FUND-000000000000' },
      'treasurer',
    );
    expect(unknown.ok || unknown.error.map((p) => p.code)).toEqual(['draft.party_not_in_election']);
  });
});
