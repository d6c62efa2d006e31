// Table types of the gifts in kind and loans of filing v2 (migration 0024-in-kind-and-loans), copied out of
// a filed version's body like the receipts, flagged `is_latest` like them.
import type { Generated } from 'kysely';

interface FiledLine {
  id: Generated<number>;
  filing_id: number;
  election_id: string;
  party_registration_number: string;
  line_id: string;
  date: string;
  is_latest: number;
}

export interface InKindReceiptTable extends FiledLine {
  donor_type: string;
  donor_name: string;
  /** Phonetic key of the donor name for cross-script search. */
  donor_name_key: string;
  /** Private: never selected by public queries. */
  donor_pin: string | null;
  donor_inn: string | null;
  /** Private: never selected by public queries. */
  donor_address: string | null;
  estimated_value: number;
  valuation: string;
  description: string;
}

export interface LoanTable extends FiledLine {
  lender_type: string;
  lender_name: string;
  lender_name_key: string;
  /** Private: never selected by public queries. */
  lender_pin: string | null;
  lender_inn: string | null;
  amount: number;
  /** Annual rate in hundredths of a percent. */
  annual_rate_bp: number;
  term_months: number;
  repayments_json: string;
  repaid: number;
  balance: number;
  status: string;
}

export interface InKindAndLoansTables {
  in_kind_receipts: InKindReceiptTable;
  loans: LoanTable;
}
