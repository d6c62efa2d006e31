// The gifts in kind and loans of filed v2 versions: copied out of the version's body when it is filed, in
// the same transaction and with the same `is_latest` flag as its receipts (itemised-lines.repository.ts),
// so that registers and cap checks query rows. A loan's repaid sum and balance are derived once, here.
import { sum } from '../domain/money.ts';
import { searchKey } from '../domain/transliteration.ts';
import { loanBalance, type FilingV2 } from './core/filing-v2.ts';
import type { Db } from './filing.repository.ts';
import { insertBatches, lineBase } from './itemised-lines.repository.ts';

/** A rate in percent with at most two decimals (the schema's rule) as an integer of hundredths. */
export const rateToBasisPoints = (percent: number): number => Math.round(percent * 100);

/** Copies the gifts in kind and loans of a filed version, flagged as the latest of their chain. */
export async function insertInKindAndLoans(
  db: Db,
  filingId: number,
  where: { electionId: string; partyRegistrationNumber: string },
  filing: Pick<FilingV2, 'inKind' | 'loans'>,
  isLatest: boolean,
): Promise<void> {
  const base = lineBase(filingId, where, isLatest);
  await insertBatches(filing.inKind, (batch) =>
    db
      .insertInto('in_kind_receipts')
      .values(
        batch.map((g) => ({
          ...base,
          line_id: g.lineId,
          date: g.date,
          donor_type: g.donorType,
          donor_name: g.donorName,
          donor_name_key: searchKey(g.donorName),
          donor_pin: g.donorPin ?? null,
          donor_inn: g.donorInn ?? null,
          donor_address: g.donorAddress ?? null,
          estimated_value: g.estimatedValue,
          valuation: g.valuation,
          description: g.description,
        })),
      )
      .execute(),
  );
  await insertBatches(filing.loans, (batch) =>
    db
      .insertInto('loans')
      .values(
        batch.map((loan) => ({
          ...base,
          line_id: loan.lineId,
          date: loan.date,
          lender_type: loan.lenderType,
          lender_name: loan.lenderName,
          lender_name_key: searchKey(loan.lenderName),
          lender_pin: loan.lenderPin ?? null,
          lender_inn: loan.lenderInn ?? null,
          amount: loan.amount,
          annual_rate_bp: rateToBasisPoints(loan.annualRatePercent),
          term_months: loan.termMonths,
          repayments_json: JSON.stringify(loan.repayments),
          repaid: sum(loan.repayments.map((r) => r.amount)),
          balance: loanBalance(loan),
          status: loan.status,
        })),
      )
      .execute(),
  );
}
