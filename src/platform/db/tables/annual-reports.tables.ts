// The tables of annual party reports (migration 0027): a chain per party and reporting year, and its
// immutable versions.
import type { Generated } from 'kysely';

export interface AnnualReportChainTable {
  id: Generated<number>;
  party_registration_number: string;
  year: number;
  created_at: string;
}

export interface AnnualReportTable {
  id: Generated<number>;
  chain_id: number;
  version: number;
  /** 1 for the chain's newest version, the one public figures show; 0 for the earlier ones. */
  is_latest: number;
  body_json: string;
  /** SHA-256 of `body_json`: a retried submission with the same key must carry the same document. */
  body_sha256: string;
  findings_json: string;
  total_receipts: number;
  total_expenditures: number;
  closing_cash: number;
  idempotency_key: string | null;
  created_by: string;
  submitted_at: string;
}

export interface AnnualReportsTables {
  annual_report_chains: AnnualReportChainTable;
  annual_reports: AnnualReportTable;
}
