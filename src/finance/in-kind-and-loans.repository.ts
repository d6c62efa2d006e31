// Read-side queries of an election's gifts in kind and loans for their public registers and downloads.
// As for the receipts (lines.repository.ts): only the latest filed version of each report counts
// (`is_latest = 1`), and the private columns (`donor_pin`, `donor_address`, `lender_pin` and the INNs) are
// never selected; the column lists below are the only ones used.
import { maskPins } from '../domain/pin-masking.ts';
import { tyiyn } from '../domain/money.ts';
import type { DonorType, LoanStatus, Valuation } from '../filings/index.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { PublicInKindReceipt, PublicLoan } from './core/in-kind-and-loans.ts';

type Db = Kysely<Database> | Transaction<Database>;

const FILED_LINE_COLUMNS = ['id', 'filing_id', 'election_id', 'party_registration_number', 'line_id', 'date'] as const;

export const IN_KIND_PUBLIC_COLUMNS = [
  ...FILED_LINE_COLUMNS,
  'donor_type',
  'donor_name',
  'description',
  'estimated_value',
  'valuation',
] as const;

export const LOAN_PUBLIC_COLUMNS = [
  ...FILED_LINE_COLUMNS,
  'lender_type',
  'lender_name',
  'amount',
  'annual_rate_bp',
  'term_months',
  'repaid',
  'balance',
  'status',
] as const;

const filedLine = (r: {
  id: number;
  filing_id: number;
  election_id: string;
  party_registration_number: string;
  line_id: string;
  date: string;
}) => ({
  id: Number(r.id),
  filingId: Number(r.filing_id),
  electionId: r.election_id,
  partyRegistrationNumber: r.party_registration_number,
  lineId: r.line_id,
  date: r.date,
});

/** The election's gifts in kind, oldest first; optionally one party's. */
export async function listInKindReceipts(db: Db, electionId: string, party?: string): Promise<PublicInKindReceipt[]> {
  let q = db
    .selectFrom('in_kind_receipts')
    .select(IN_KIND_PUBLIC_COLUMNS)
    .where('is_latest', '=', 1)
    .where('election_id', '=', electionId);
  if (party !== undefined) q = q.where('party_registration_number', '=', party);
  const rows = await q.orderBy('date').orderBy('id').execute();
  // Enum values were checked by the filing schema when the report was filed.
  return rows.map((r) => ({
    ...filedLine(r),
    donorType: r.donor_type as DonorType,
    donorName: maskPins(r.donor_name),
    description: maskPins(r.description),
    estimatedValue: tyiyn(Number(r.estimated_value)),
    valuation: r.valuation as Valuation,
  }));
}

/** The election's loans, oldest first; optionally one party's. */
export async function listLoans(db: Db, electionId: string, party?: string): Promise<PublicLoan[]> {
  let q = db
    .selectFrom('loans')
    .select(LOAN_PUBLIC_COLUMNS)
    .where('is_latest', '=', 1)
    .where('election_id', '=', electionId);
  if (party !== undefined) q = q.where('party_registration_number', '=', party);
  const rows = await q.orderBy('date').orderBy('id').execute();
  return rows.map((r) => ({
    ...filedLine(r),
    lenderType: r.lender_type as DonorType,
    lenderName: maskPins(r.lender_name),
    amount: tyiyn(Number(r.amount)),
    annualRateBp: Number(r.annual_rate_bp),
    termMonths: Number(r.term_months),
    repaid: tyiyn(Number(r.repaid)),
    balance: tyiyn(Number(r.balance)),
    status: r.status as LoanStatus,
  }));
}
