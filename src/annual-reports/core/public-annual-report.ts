// An annual report as the public sees it: everything but personal data. A donor's PIN and address are
// dropped; an INN is kept only for an organisation (an individual entrepreneur's INN is their PIN);
// every text the filer typed passes through `maskPins`, since a PIN can hide in a name or a note. The
// same form is what the page, the API, the downloads and the transparency log's leaf show.
import { maskPins, publicIdentifier } from '../../domain/pin-masking.ts';
import type { Tyiyn } from '../../domain/money.ts';
import type { ReceiptChannel } from '../../filings/index.ts';
import type {
  AnnualDonorType,
  AnnualExpenditureCategory,
  AnnualReport,
  AssetKind,
  LiabilityKind,
} from './annual-report.ts';

export interface PublicDonation {
  lineId: string;
  date: string;
  donorType: AnnualDonorType;
  donorName: string;
  /** An organisation's INN, public in the company register; null for a person. */
  donorInn: string | null;
  amount: Tyiyn;
  channel: ReceiptChannel;
}

interface Figure<K> {
  kind: K;
  amount: Tyiyn;
  description: string | null;
}

export interface PublicAnnualReport {
  format: AnnualReport['format'];
  party: string;
  year: number;
  signer: { name: string; position: string };
  cash: { opening: Tyiyn; closing: Tyiyn };
  receipts: {
    membershipDues: Tyiyn;
    donations: PublicDonation[];
    stateFunding: Tyiyn;
    other: Tyiyn;
    otherDescription: string | null;
  };
  expenditures: Array<Figure<AnnualExpenditureCategory>>;
  assets: Array<Figure<AssetKind>>;
  liabilities: Array<Figure<LiabilityKind>>;
  totals: AnnualReport['totals'];
}

const masked = (s: string | undefined): string | null => (s === undefined || s === '' ? null : maskPins(s));

export function toPublicAnnualReport(r: AnnualReport): PublicAnnualReport {
  return {
    format: r.format,
    party: r.header.partyRegistrationNumber,
    year: r.header.year,
    signer: { name: maskPins(r.header.signer.name), position: maskPins(r.header.signer.position) },
    cash: { opening: r.cash.opening, closing: r.cash.closing },
    receipts: {
      membershipDues: r.receipts.membershipDues,
      donations: r.receipts.donations.map((d) => ({
        lineId: maskPins(d.lineId),
        date: d.date,
        donorType: d.donorType,
        donorName: maskPins(d.donorName),
        donorInn: d.donorType === 'legal_entity' ? publicIdentifier(d.donorInn) : null,
        amount: d.amount,
        channel: d.channel,
      })),
      stateFunding: r.receipts.stateFunding,
      other: r.receipts.other,
      otherDescription: masked(r.receipts.otherDescription),
    },
    expenditures: r.expenditures.map((e) => ({
      kind: e.category,
      amount: e.amount,
      description: masked(e.description),
    })),
    assets: r.assets.map((a) => ({ kind: a.kind, amount: a.amount, description: masked(a.description) })),
    liabilities: r.liabilities.map((a) => ({ kind: a.kind, amount: a.amount, description: masked(a.description) })),
    totals: r.totals,
  };
}
