// Synthetic finance reports of the 2021 demo election: each of its parties files the initial, first
// and final reports on time, and the commission accepts them. One party files no separate initial
// report: its first report covers the campaign from the start, which the deadlines count for both.
// Same generator pieces (demo-lines.ts) and the same fixed seed as the 2020 reports (filing-demo.ts), so
// the same data every run; the deposit is the 2021 profile's. People, companies and amounts are synthetic.
import type { AppContext } from '../platform/app-context.ts';
import type { Party } from '../domain/election.ts';
import { som, tyiyn, type Tyiyn } from '../domain/money.ts';
import { ELECTION_2021 } from '../demo/elections.ts';
import { PARTICIPANTS_2021, PARTIES_2020, PARTIES_2021_NEW } from '../demo/parties-2020.ts';
import { rngFor } from '../demo/random.ts';
import { findRulesProfile } from '../domain/rules-profile.ts';
import type { Expenditure, Receipt, ReportKind } from './core/filing.ts';
import { buildFiling } from './core/filing-build.ts';
import { buildFilingDemo, loadFilingDemo, type DemoReport } from './filing-demo.ts';
import * as demo from './demo-lines.ts';

type Kind2021 = 'initial' | 'first' | 'final';

/** Report periods and when they are filed (Bishkek time); the deadlines are 3 Nov, 18 Nov and 8 Dec 2021. */
const PERIODS_2021: Record<Kind2021, { from: string; to: string; filedAt: string; acceptedAt: string }> = {
  initial: {
    from: ELECTION_2021.campaignStart,
    to: '2021-11-02',
    filedAt: '2021-11-03T11:00:00+06:00',
    acceptedAt: '2021-11-05T10:00:00+06:00',
  },
  first: {
    from: '2021-11-03',
    to: '2021-11-17',
    filedAt: '2021-11-18T10:00:00+06:00',
    acceptedAt: '2021-11-22T10:00:00+06:00',
  },
  final: {
    from: '2021-11-18',
    to: '2021-12-07',
    filedAt: '2021-12-08T12:00:00+06:00',
    acceptedAt: '2021-12-15T10:00:00+06:00',
  },
};

/** The ballot number (2021) of the party whose first report also stands for its initial one. */
export const FIRST_COVERS_INITIAL_2021 = 8;

const DEPOSIT_2021: Tyiyn = tyiyn(
  findRulesProfile(ELECTION_2021.rulesProfileId)?.finance.depositTyiyn ?? som(1_000_000),
);

function partyOf(reg: string): Party {
  const party = [...PARTIES_2020, ...PARTIES_2021_NEW].find((p) => p.registrationNumber === reg);
  if (!party) throw new Error(`demo: no party ${reg}`);
  return party;
}

/** The lines of one report: own funds (with the deposit in the first report), donors, then spending. */
function linesOf(plan: demo.PartyPlan, kind: Kind2021, from: string, to: string, opening: Tyiyn, first: boolean) {
  const { rng } = plan;
  const letter = kind.charAt(0).toUpperCase();
  const receipts: Receipt[] = [];
  const expenditures: Expenditure[] = [];
  receipts.push(
    demo.ownFundsReceipt(
      plan,
      '',
      from,
      first ? demo.money(1_500_000, 3_000_000, rng) : demo.money(300_000, 1_500_000, rng),
    ),
  );
  // Donations stop with the campaign: a report after election day has spending, not donors.
  const donorsTo = demo.lastDonationDay(to, ELECTION_2021.electionDay);
  for (const date of demo.datesIn(rng, from, donorsTo, rng.int(3, 8)))
    receipts.push(demo.individualReceipt(plan, '', date, demo.money(1_000, 150_000, rng)));
  for (const date of demo.datesIn(rng, from, donorsTo, rng.int(0, 2)))
    receipts.push(demo.companyReceipt(plan, '', date, 50_000, 800_000));
  receipts.sort((a, b) => a.date.localeCompare(b.date));
  receipts.forEach((x, j) => (x.lineId = `R-${letter}${j + 1}`));
  let available = tyiyn(opening + receipts.reduce((s, x) => s + x.amount, 0));
  let e = 0;
  if (first) {
    expenditures.push({
      lineId: `E-${letter}${++e}`,
      date: from,
      category: 'election_deposit',
      payeeName: 'Центральная комиссия по выборам и проведению референдумов',
      amount: DEPOSIT_2021,
      documentNumber: `ПП-${plan.ballot}-ЗАЛОГ-2021`,
      description: 'Избирательный залог',
    });
    available = tyiyn(available - DEPOSIT_2021);
  }
  for (const date of demo.datesIn(rng, from, to, rng.int(3, 8))) {
    const x = demo.expenditure(plan, `E-${letter}${e + 1}`, date, available);
    if (!x) continue;
    e++;
    expenditures.push(x);
    available = tyiyn(available - x.amount);
  }
  return { receipts, expenditures };
}

/** Every 2021 report of the demo, built from the fixed seed: the same every time. */
export function buildFilingDemo2021(): DemoReport[] {
  const reports: DemoReport[] = [];
  for (const { registrationNumber: reg, ballotNumber: ballot } of PARTICIPANTS_2021) {
    const party = partyOf(reg);
    const rng = rngFor(`filings:${ELECTION_2021.id}:${reg}`);
    const plan = demo.newPartyPlan(party, ballot, '2021', rng);
    const kinds: Kind2021[] = ballot === FIRST_COVERS_INITIAL_2021 ? ['first', 'final'] : ['initial', 'first', 'final'];
    let opening = tyiyn(0);
    for (const [i, kind] of kinds.entries()) {
      const period = PERIODS_2021[kind];
      // A first report without an initial one before it covers the campaign from its start.
      const from = i === 0 ? PERIODS_2021.initial.from : period.from;
      const lines = linesOf(plan, kind, from, period.to, opening, i === 0);
      const filing = buildFiling({
        header: {
          partyRegistrationNumber: reg,
          electionId: ELECTION_2021.id,
          reportKind: kind as ReportKind,
          periodFrom: from,
          periodTo: period.to,
          account: { bank: plan.bank, number: plan.account },
          openingBalance: opening,
          signer: { name: plan.signer, position: 'Казначей избирательного фонда' },
        },
        ...lines,
        refunds: [],
      });
      reports.push({
        electionId: ELECTION_2021.id,
        partyRegistrationNumber: reg,
        ballotNumber: ballot,
        kind,
        versions: [
          {
            filing,
            submittedAt: period.filedAt,
            scans: [{ fileName: `${kind}-bank-statement-2021.pdf`, lines: demo.scanLines(party, kind, filing) }],
            reviews: [{ status: 'accepted', reason: '', at: period.acceptedAt }],
          },
        ],
      });
      opening = filing.header.closingBalance;
    }
  }
  return reports;
}

/** The demo's finance reports of every election: 2020, then 2021. */
export function loadAllFilingDemos(ctx: AppContext): Promise<string> {
  return loadFilingDemo(ctx, [...buildFilingDemo(), ...buildFilingDemo2021()]);
}
