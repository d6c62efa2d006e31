// What counts towards a donor's cap, and whether the donor is over it. Money given counts less what was
// refunded of it; a gift in kind counts at its estimated value; a loan counts only once it stops being a
// loan — forgiven, or unpaid at its term — and then by what is still owed. A loan still running or repaid
// is not a gift. The caps themselves come from the rules profile (`capsFor`), per kind of filer.
import { add, sub, ZERO, type Tyiyn } from '../../domain/money.ts';
import type { FilerCaps } from '../../domain/rules-profile.ts';
import { normalisedName } from '../../domain/transliteration.ts';
import type { DonorType } from './filing.ts';
import { loanBalance, type FilingV2, type Loan } from './filing-v2.ts';

/** The lines of one report that can count towards a cap; a v2 filing is one. */
export type DonorCapLines = Pick<FilingV2, 'receipts' | 'refunds' | 'inKind' | 'loans'>;

/** How a donor was recognised: by a PIN, by an INN, or by a folded name when the lines give neither. */
export type DonorIdentityBasis = 'pin' | 'inn' | 'name';

export interface DonorCapCount {
  /** Groups a donor's lines; holds the PIN of a person, so it stays inside the checks and is never shown. */
  key: string;
  basis: DonorIdentityBasis;
  donorType: DonorType;
  /** The name as the donor's first line spells it. */
  donorName: string;
  /** What counts towards the cap: money + inKind + loansAsDonations. */
  counted: Tyiyn;
  breakdown: {
    /** Money received less what was refunded of it. */
    money: Tyiyn;
    /** Gifts in kind at their estimated value. */
    inKind: Tyiyn;
    /** What is still owed on loans forgiven or unpaid at their term. */
    loansAsDonations: Tyiyn;
  };
  /** The cap of the donor's type for this kind of filer; undefined when none applies. */
  cap: Tyiyn | undefined;
  overCap: boolean;
  /** How much is over the cap, the amount the law says goes back; zero when within it. */
  excess: Tyiyn;
}

/**
 * The cap of a donor of `donorType` in a fund with `caps`. A party giving to its own fund is the fund's
 * own money; a party giving to a candidate's fund is the nominating party's gift. "Other" sources have no
 * cap of their own.
 */
export function capOfDonorType(donorType: DonorType, caps: FilerCaps): Tyiyn | undefined {
  switch (donorType) {
    case 'individual':
      return caps.individualDonor;
    case 'legal_entity':
      return caps.legalEntityDonor;
    case 'party_own_funds':
      return caps.filerKind === 'party' ? caps.ownFunds : caps.nominatingParty;
    case 'candidate_own_funds':
      return caps.filerKind === 'candidate' ? caps.ownFunds : undefined;
    case 'other':
      return undefined;
  }
}

/** The part of a loan that counts as a donation: what is still owed once it is forgiven or unpaid at term. */
export function loanAsDonation(loan: Pick<Loan, 'amount' | 'repayments' | 'status'>): Tyiyn {
  switch (loan.status) {
    case 'forgiven':
    case 'unpaid_at_term': {
      const owed = loanBalance(loan);
      return owed > 0 ? owed : ZERO;
    }
    case 'outstanding':
    case 'repaid':
      return ZERO;
  }
}

interface DonorFacts {
  donorType: DonorType;
  donorName: string;
  donorPin?: string | undefined;
  donorInn?: string | undefined;
}

/**
 * Who a line's donor is. A cap belongs to a donor type (a candidate's own money and the same person's
 * donation to another fund are different things), so the type is part of who counts.
 */
function identify(d: DonorFacts): { key: string; basis: DonorIdentityBasis } {
  if (d.donorPin !== undefined) return { key: `${d.donorType}|pin:${d.donorPin}`, basis: 'pin' };
  if (d.donorInn !== undefined) return { key: `${d.donorType}|inn:${d.donorInn}`, basis: 'inn' };
  return { key: `${d.donorType}|name:${normalisedName(d.donorName)}`, basis: 'name' };
}

type Part = keyof DonorCapCount['breakdown'];

/**
 * Each donor's count towards the cap over the given reports (all reports of a campaign, each amended line
 * once), in the order donors first appear. A refund is matched to its receipt within its own report, as
 * the format says; a refund of more than the receipt takes it to zero, not below (validation says the rest).
 */
export function donorCapCounts(reports: readonly DonorCapLines[], caps: FilerCaps): DonorCapCount[] {
  const donors = new Map<string, DonorCapCount>();
  const count = (facts: DonorFacts, part: Part, amount: Tyiyn): void => {
    const { key, basis } = identify(facts);
    let donor = donors.get(key);
    if (!donor) {
      const breakdown = { money: ZERO, inKind: ZERO, loansAsDonations: ZERO };
      const cap = capOfDonorType(facts.donorType, caps);
      donor = {
        key,
        basis,
        donorType: facts.donorType,
        donorName: facts.donorName,
        counted: ZERO,
        breakdown,
        cap,
        overCap: false,
        excess: ZERO,
      };
      donors.set(key, donor);
    }
    donor.breakdown[part] = add(donor.breakdown[part], amount);
  };

  for (const report of reports) {
    const refunded = new Map<string, Tyiyn>();
    for (const f of report.refunds) refunded.set(f.receiptLineId, add(refunded.get(f.receiptLineId) ?? ZERO, f.amount));
    for (const r of report.receipts) {
      const kept = sub(r.amount, refunded.get(r.lineId) ?? ZERO);
      count(r, 'money', kept > 0 ? kept : ZERO);
    }
    for (const g of report.inKind) count(g, 'inKind', g.estimatedValue);
    for (const loan of report.loans) {
      const lender = {
        donorType: loan.lenderType,
        donorName: loan.lenderName,
        donorPin: loan.lenderPin,
        donorInn: loan.lenderInn,
      };
      // A running loan is not a gift, but its lender is still a donor to list (with nothing counted).
      count(lender, 'loansAsDonations', loanAsDonation(loan));
    }
  }

  return [...donors.values()].map((d) => {
    const counted = add(d.breakdown.money, d.breakdown.inKind, d.breakdown.loansAsDonations);
    const overCap = d.cap !== undefined && counted > d.cap;
    return { ...d, counted, overCap, excess: overCap && d.cap !== undefined ? sub(counted, d.cap) : ZERO };
  });
}
