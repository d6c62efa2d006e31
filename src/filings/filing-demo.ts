// Synthetic finance reports for the demo: for each party of the 2020 election, two or three reports
// (initial, first, final) of realistic lines — donors with synthetic, format-valid PINs and home addresses
// (private: the public pages must never show them), companies, the election deposit, advertising,
// materials, rent — each with a scanned bank statement rendered as a small PDF. Some first reports are
// returned by the commission with reasons and amended; one party files its final report late and one
// files none. A few mistakes are planted on purpose for the compliance checks to find later: a donation
// over the 200,000 som cap for individuals, a cash receipt, a donation from a state enterprise.
//
// Built by a pure function from the demo's fixed seed (src/demo/random.ts), so the same data every run,
// then filed through the same submission and review services as real reports, on the dates they bear.
// The people, companies and amounts are synthetic; only party names and election dates are real.
import { Readable } from 'node:stream';
import type { AppContext } from '../platform/app-context.ts';
import { som, toDecimalString, tyiyn } from '../domain/money.ts';
import { ELECTION_2020 } from '../demo/elections.ts';
import { PARTIES_2020 } from '../demo/parties-2020.ts';
import { rngFor } from '../demo/random.ts';
import type { Attachment, Expenditure, Filing, Receipt, Refund, ReportKind } from './core/filing.ts';
import { buildFiling } from './core/filing-build.ts';
import { storeScan } from './scan.service.ts';
import { submitFiling } from './submission.service.ts';
import { reviewFiling, type ReviewStatus } from './review.service.ts';
import {
  companyInn,
  companyReceipt,
  datesIn,
  expenditure,
  individualReceipt,
  lastDonationDay,
  money,
  newPartyPlan,
  nextRef,
  ownFundsReceipt,
  scanLines,
  type PartyPlan,
} from './demo-lines.ts';

const ACTOR = 'demo-loader';
const COMMISSION = 'demo-commission';

/** Report periods and the moments (Bishkek time) they are filed; the profile's deadlines are 9 Sep, 24 Sep and 14 Oct. */
const PERIODS: Record<'initial' | 'first' | 'final', { from: string; to: string; filedAt: string }> = {
  initial: { from: '2020-09-04', to: '2020-09-08', filedAt: '2020-09-09T11:00:00+06:00' },
  first: { from: '2020-09-09', to: '2020-09-23', filedAt: '2020-09-24T10:00:00+06:00' },
  final: { from: '2020-09-24', to: '2020-10-13', filedAt: '2020-10-14T12:00:00+06:00' },
};

/** Ballot numbers (2020) of the parties that carry the planted situations. */
export const PLANTED = {
  overCapDonation: 1,
  amended: [2, 6, 9, 14],
  cashReceipt: 3,
  stateEnterpriseDonor: 5,
  lateFinal: 6,
  refundOverCap: 8,
  noFinal: 10,
} as const;

export const OVER_CAP_SOM = 250_000;
export const STATE_ENTERPRISE = 'ГП «Синтетик-Транс» (синтетическое)';

export interface DemoReview {
  status: ReviewStatus;
  reason: string;
  at: string;
}

export interface DemoVersion {
  filing: Filing;
  submittedAt: string;
  /** Text of the scans to render as PDFs and attach. */
  scans: Array<{ fileName: string; lines: string[] }>;
  reviews: DemoReview[];
}

type DemoScan = DemoVersion['scans'][number];

export interface DemoReport {
  electionId: string;
  partyRegistrationNumber: string;
  ballotNumber: number;
  kind: ReportKind;
  versions: DemoVersion[];
}

function demoVersions(
  plan: PartyPlan,
  kind: 'initial' | 'first' | 'final',
  filing: Filing,
  statement: DemoScan,
  filedAt: string,
): DemoVersion[] {
  const { party, ballot, rng } = plan;
  const versions: DemoVersion[] = [];
  if (kind === 'first' && (PLANTED.amended as readonly number[]).includes(ballot) && filing.expenditures.length >= 2) {
    // Version 1 had one expenditure typed wrong and the payment order of another missing.
    const wrong = structuredClone(filing);
    const typo = wrong.expenditures[1];
    if (!typo) throw new Error('demo: an amended report needs two expenditures');
    typo.amount = tyiyn(typo.amount + som(rng.int(1, 9) * 1000));
    const dropped = wrong.expenditures.pop();
    const corrected = filing.expenditures[1];
    if (!dropped || !corrected) throw new Error('demo: an amended report needs two expenditures');
    const v1 = buildFiling({
      header: wrong.header,
      receipts: wrong.receipts,
      expenditures: wrong.expenditures,
      refunds: wrong.refunds,
    });
    versions.push({
      filing: v1,
      submittedAt: filedAt,
      scans: [{ fileName: 'first-bank-statement.pdf', lines: scanLines(party, kind, v1) }],
      reviews: [
        { status: 'under_review', reason: '', at: '2020-09-25T10:00:00+06:00' },
        {
          status: 'returned',
          reason: `Сумма расхода ${typo.lineId} не совпадает с банковской выпиской; расход ${dropped.documentNumber} из выписки не отражён в отчёте.`,
          at: '2020-09-26T15:00:00+06:00',
        },
      ],
    });
    versions.push({
      filing,
      submittedAt: '2020-09-29T11:00:00+06:00',
      scans: [
        statement,
        {
          fileName: 'corrected-payment-orders.pdf',
          lines: [
            'SYNTHETIC DEMO DOCUMENT',
            `Corrected payment orders: ${party.shortName.en}`,
            `${typo.documentNumber} ${toDecimalString(corrected.amount)} KGS`,
            `${dropped.documentNumber} ${toDecimalString(dropped.amount)} KGS`,
          ],
        },
      ],
      reviews: rng.chance(0.5)
        ? [{ status: 'accepted', reason: '', at: '2020-10-02T10:00:00+06:00' }]
        : [{ status: 'under_review', reason: '', at: '2020-10-01T10:00:00+06:00' }],
    });
  } else {
    const reviews: DemoReview[] =
      kind === 'final'
        ? rng.chance(0.5)
          ? [{ status: 'under_review', reason: '', at: '2020-10-20T10:00:00+06:00' }]
          : []
        : [
            {
              status: 'accepted',
              reason: '',
              at: kind === 'initial' ? '2020-09-12T10:00:00+06:00' : '2020-09-30T10:00:00+06:00',
            },
          ];
    // The late report is reviewed after it arrives, not before.
    versions.push({ filing, submittedAt: filedAt, scans: [statement], reviews: filedAt > '2020-10-20' ? [] : reviews });
  }
  return versions;
}

/** Every report of the demo, built from the fixed seed: the same every time. */
export function buildFilingDemo(): DemoReport[] {
  const reports: DemoReport[] = [];
  for (const [i, party] of PARTIES_2020.entries()) {
    const ballot = i + 1;
    const rng = rngFor(`filings:${ELECTION_2020.id}:${party.registrationNumber}`);
    const plan = newPartyPlan(party, ballot, '2020', rng);
    // Half the parties file an initial report; the one that files no final report files an initial one,
    // so that every party has at least two reports.
    const initial = rng.chance(0.5) || ballot === PLANTED.noFinal;
    const kinds: Array<'initial' | 'first' | 'final'> = [
      ...(initial ? (['initial'] as const) : []),
      'first',
      ...(ballot === PLANTED.noFinal ? [] : (['final'] as const)),
    ];
    let opening = tyiyn(0);
    let paidDeposit = false;
    for (const kind of kinds) {
      const period = PERIODS[kind];
      // The first report of a party that filed no initial one covers the campaign from its start.
      const from = kind === 'first' && !kinds.includes('initial') ? PERIODS.initial.from : period.from;
      const receipts: Receipt[] = [];
      const expenditures: Expenditure[] = [];
      const refunds: Refund[] = [];
      let r = 0;
      let e = 0;
      const letter = kind.charAt(0).toUpperCase();
      const rid = () => `R-${letter}${++r}`;
      const eid = () => `E-${letter}${++e}`;
      if (!paidDeposit) {
        // The party puts its own money in first: the 5,000,000 som deposit of 2020 comes out of it.
        receipts.push(ownFundsReceipt(plan, rid(), from, money(5_500_000, 8_000_000, rng)));
      } else if (rng.chance(0.6)) {
        receipts.push(ownFundsReceipt(plan, rid(), from, money(500_000, 3_000_000, rng)));
      }
      // Donations stop with the campaign: a report after election day has spending, not donors.
      const donorsTo = lastDonationDay(period.to, ELECTION_2020.electionDay);
      const nIndividuals = rng.int(3, 9);
      for (const date of datesIn(rng, from, donorsTo, nIndividuals))
        receipts.push(individualReceipt(plan, rid(), date, money(1_000, 150_000, rng)));
      for (const date of datesIn(rng, from, donorsTo, rng.int(0, 3)))
        receipts.push(companyReceipt(plan, rid(), date, 50_000, 1_500_000));
      if (kind === 'first') {
        const mid = rng.dateBetween(from, period.to);
        if (ballot === PLANTED.overCapDonation) receipts.push(individualReceipt(plan, rid(), mid, som(OVER_CAP_SOM)));
        if (ballot === PLANTED.cashReceipt) receipts.push(individualReceipt(plan, rid(), mid, som(20_000), 'cash'));
        if (ballot === PLANTED.stateEnterpriseDonor) {
          receipts.push({
            lineId: rid(),
            date: mid,
            donorType: 'legal_entity',
            donorName: STATE_ENTERPRISE,
            donorInn: companyInn(rng),
            amount: som(300_000),
            channel: 'bank_transfer',
            bankReference: nextRef(plan),
          });
        }
        if (ballot === PLANTED.refundOverCap) {
          const over = individualReceipt(plan, rid(), mid, som(210_000));
          receipts.push(over);
          // Handled as the law says: the excess over the cap goes back to the donor.
          refunds.push({
            lineId: `F-${letter}1`,
            date: period.to,
            receiptLineId: over.lineId,
            kind: 'returned_to_donor',
            reason: 'over_cap',
            amount: som(10_000),
          });
        }
      }
      // In date order, numbered in that order (a refund follows its receipt to the new number).
      receipts.sort((a, b) => a.date.localeCompare(b.date));
      const renumbered = new Map<string, string>();
      receipts.forEach((x, j) => {
        const id = `R-${letter}${j + 1}`;
        renumbered.set(x.lineId, id);
        x.lineId = id;
      });
      for (const f of refunds) f.receiptLineId = renumbered.get(f.receiptLineId) ?? f.receiptLineId;
      let available = tyiyn(
        opening + receipts.reduce((s, x) => s + x.amount, 0) - refunds.reduce((s, x) => s + x.amount, 0),
      );
      if (!paidDeposit) {
        expenditures.push({
          lineId: eid(),
          date: from,
          category: 'election_deposit',
          payeeName: 'Центральная комиссия по выборам и проведению референдумов',
          amount: som(5_000_000),
          documentNumber: `ПП-${ballot}-ЗАЛОГ`,
          description: 'Избирательный залог',
        });
        available = tyiyn(available - som(5_000_000));
        paidDeposit = true;
      }
      for (const date of datesIn(rng, from, period.to, rng.int(4, 10))) {
        const x = expenditure(plan, eid(), date, available);
        if (!x) continue;
        expenditures.push(x);
        available = tyiyn(available - x.amount);
      }
      const filing = buildFiling({
        header: {
          partyRegistrationNumber: party.registrationNumber,
          electionId: ELECTION_2020.id,
          reportKind: kind,
          periodFrom: from,
          periodTo: period.to,
          account: { bank: plan.bank, number: plan.account },
          openingBalance: opening,
          signer: { name: plan.signer, position: 'Казначей избирательного фонда' },
        },
        receipts,
        expenditures,
        refunds,
      });
      const filedAt = kind === 'final' && ballot === PLANTED.lateFinal ? '2020-10-21T16:30:00+06:00' : period.filedAt;
      const statement = { fileName: `${kind}-bank-statement.pdf`, lines: scanLines(party, kind, filing) };
      const versions = demoVersions(plan, kind, filing, statement, filedAt);
      reports.push({
        electionId: ELECTION_2020.id,
        partyRegistrationNumber: party.registrationNumber,
        ballotNumber: ballot,
        kind,
        versions,
      });
      opening = filing.header.closingBalance;
    }
  }
  return reports;
}

/** A small PDF with a text layer (standard font: the scan text is Latin on purpose, fast to typeset). */
export async function renderDemoScan(lines: string[], at: string): Promise<Buffer> {
  // pdfkit only when a demo is built: the serving process never needs it.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A5',
    margin: 36,
    info: { Title: 'Synthetic bank statement', Producer: 'Talapker demo', CreationDate: new Date(at) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(lines[0] ?? '');
  doc.font('Helvetica').fontSize(8.5);
  for (const l of lines.slice(1)) doc.text(l);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Files the demo reports (by default those of 2020) through the real services, each on its own date. */
export async function loadFilingDemo(
  ctx: AppContext,
  reports: readonly DemoReport[] = buildFilingDemo(),
): Promise<string> {
  const at = (iso: string): AppContext => ({ ...ctx, now: () => new Date(iso) });
  type Step = { at: string; run: () => Promise<void> };
  const steps: Step[] = [];
  const ids = new Map<DemoVersion, number>();
  let versions = 0;
  for (const report of reports) {
    for (const [n, v] of report.versions.entries()) {
      versions++;
      steps.push({
        at: v.submittedAt,
        run: async () => {
          const attachments: Attachment[] = [];
          for (const s of v.scans) {
            // The text is known: it was typeset here. Reading it back would only cost time at every demo load.
            const stored = await storeScan(
              at(v.submittedAt),
              Readable.from([await renderDemoScan(s.lines, v.submittedAt)]),
              s.fileName,
              { knownText: s.lines.join('\n'), owner: { party: report.partyRegistrationNumber, actor: ACTOR } },
            );
            if (!stored.ok) throw new Error(`demo scan refused: ${JSON.stringify(stored.error)}`);
            attachments.push({
              sha256: stored.value.sha256,
              fileName: stored.value.fileName,
              mediaType: stored.value.mediaType,
              size: stored.value.size,
            });
          }
          // 2020 keys predate the other elections' reports and stay as they were.
          const election = report.electionId === ELECTION_2020.id ? '' : `${report.electionId}:`;
          const key = `demo:${election}${report.partyRegistrationNumber}:${report.kind}:v${n + 1}`;
          const r = await submitFiling(
            at(v.submittedAt),
            { ...v.filing, attachments },
            { actor: ACTOR, idempotencyKey: key },
          );
          if (!r.ok) throw new Error(`demo report refused (${key}): ${r.error.map((p) => p.message).join('; ')}`);
          ids.set(v, r.value.filingId);
        },
      });
      for (const review of v.reviews) {
        steps.push({
          at: review.at,
          run: async () => {
            const id = ids.get(v);
            if (id === undefined) throw new Error('demo review before its report');
            const r = await reviewFiling(
              at(review.at),
              id,
              { status: review.status, reason: review.reason },
              COMMISSION,
            );
            if (!r.ok) throw new Error(`demo review refused: ${r.error.map((p) => p.message).join('; ')}`);
          },
        });
      }
    }
  }
  // In the order of the dates, as the commission would have received them.
  steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const s of steps) await s.run();
  return `${versions} synthetic finance report versions`;
}
