// Table types of finance reports (migration 0004-filings). A report is a chain of versions; a
// submitted version is never changed. Lines are copied out of the version's JSON into itemised
// tables so that public listings can be filtered, sorted and paged by keyset at any size; the
// `is_latest` flag marks the lines of the latest filed version of each chain, so totals never
// count an amended version twice.
import type { Generated } from 'kysely';

export interface FilingChainTable {
  id: Generated<number>;
  election_id: string;
  /** The filer: a party's registration number, or a single-mandate candidate's fund number (0026). */
  party_registration_number: string;
  /** party | candidate: whose fund the chain's reports are (0026). */
  filer_kind: Generated<string>;
  report_kind: string;
  period_from: string;
  period_to: string;
  created_at: string;
}

export interface FilingTable {
  id: Generated<number>;
  chain_id: number;
  /** 0 for a draft; 1, 2, … for filed versions (an amendment is the next number). */
  version: number;
  /** draft | filed | under_review | accepted | returned (history in filing_status_events). */
  status: string;
  is_latest: number;
  /** The whole "Talapker filing v1" document of this version. */
  body_json: string;
  opening_balance: number;
  closing_balance: number;
  total_receipts: number;
  total_expenditures: number;
  total_refunds: number;
  idempotency_key: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface FilingStatusEventTable {
  id: Generated<number>;
  filing_id: number;
  status: string;
  reason: string;
  actor: string;
  at: string;
}

/** The columns every itemised table (receipts, expenditures, refunds) has. */
export interface ItemisedLine {
  id: Generated<number>;
  filing_id: number;
  election_id: string;
  party_registration_number: string;
  line_id: string;
  date: string;
  amount: number;
  is_latest: number;
}

export interface ReceiptTable extends ItemisedLine {
  donor_type: string;
  donor_name: string;
  /** Phonetic key of the donor name for cross-script search. */
  donor_name_key: string;
  /** Private: never selected by public queries. */
  donor_pin: string | null;
  donor_inn: string | null;
  /** Private: never selected by public queries. */
  donor_address: string | null;
  channel: string;
  bank_reference: string | null;
}

export interface ExpenditureTable extends ItemisedLine {
  category: string;
  payee_name: string;
  payee_inn: string | null;
  document_number: string;
  description: string;
}

export interface RefundTable extends ItemisedLine {
  receipt_line_id: string;
  kind: string;
  reason: string;
}

export interface FilingAttachmentTable {
  filing_id: number;
  sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  /** Text layer of a PDF, for search; empty for images. */
  extracted_text: string;
}

/** A scan uploaded for a filing sent by software, and by whom (migration 0008). */
export interface ScanUploadTable {
  sha256: string;
  uploaded_by: string;
  /** The uploader's party; null for commission staff. */
  party_registration_number: string | null;
  uploaded_at: string;
}

/** Text machines read from a scan, by the file's hash (migration 0021). */
export interface ScanTextTable {
  sha256: string;
  source: 'ocr' | 'pdf-text';
  engine: string;
  text: string;
  read_at: string;
}

export interface FilingsTables {
  filing_chains: FilingChainTable;
  filings: FilingTable;
  filing_status_events: FilingStatusEventTable;
  receipts: ReceiptTable;
  expenditures: ExpenditureTable;
  refunds: RefundTable;
  filing_attachments: FilingAttachmentTable;
  scan_uploads: ScanUploadTable;
  scan_texts: ScanTextTable;
}
