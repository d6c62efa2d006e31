// Lists and searches over finance reports: totals per party from the latest versions, open drafts and
// latest filed versions for the treasurer's and the commission's screens, and the public search in
// donors (by phonetic key, any script), and the text of scanned documents that the search holds.
import { maskPins } from '../domain/pin-masking.ts';
import { sql, type InferResult } from 'kysely';
import { searchKey } from '../domain/transliteration.ts';
import type { Party } from '../domain/election.ts';
import type { FilerKind } from '../domain/rules-profile.ts';
import { partyFromRow } from '../parties/index.ts';
import {
  chainFromRow,
  SUMMARY_COLUMNS,
  summaryFromRow,
  type Db,
  type FilingChain,
  type FilingStatus,
  type FilingSummary,
} from './filing.repository.ts';

export interface PartyTotals {
  partyRegistrationNumber: string;
  reports: number;
  receipts: number;
  expenditures: number;
  refunds: number;
}

/**
 * Money received and spent per party in an election, from the latest version of each chain only: an
 * amendment replaces its earlier versions, so they are never counted twice.
 */
export function totalsByParty(db: Db, electionId: string): Promise<PartyTotals[]> {
  return totalsByFiler(db, electionId, 'party');
}

/** The same per single-mandate candidate's fund, of the funds numbered `numbers`. */
export function totalsByCandidateFund(db: Db, electionId: string, numbers: readonly string[]): Promise<PartyTotals[]> {
  return numbers.length === 0 ? Promise.resolve([]) : totalsByFiler(db, electionId, 'candidate', numbers);
}

async function totalsByFiler(
  db: Db,
  electionId: string,
  kind: FilerKind,
  numbers?: readonly string[],
): Promise<PartyTotals[]> {
  let q = db
    .selectFrom('filings')
    .innerJoin('filing_chains', 'filing_chains.id', 'filings.chain_id')
    .select((eb) => [
      'filing_chains.party_registration_number as reg',
      eb.fn.countAll<number>().as('reports'),
      eb.fn.sum<number>('filings.total_receipts').as('receipts'),
      eb.fn.sum<number>('filings.total_expenditures').as('expenditures'),
      eb.fn.sum<number>('filings.total_refunds').as('refunds'),
    ])
    .where('filing_chains.election_id', '=', electionId)
    .where('filing_chains.filer_kind', '=', kind)
    .where('filings.is_latest', '=', 1);
  if (numbers) q = q.where('filing_chains.party_registration_number', 'in', [...numbers]);
  const rows = await q
    .groupBy('filing_chains.party_registration_number')
    .orderBy('filing_chains.party_registration_number')
    .execute();
  return rows.map((r) => ({
    partyRegistrationNumber: r.reg,
    reports: Number(r.reports),
    receipts: Number(r.receipts ?? 0),
    expenditures: Number(r.expenditures ?? 0),
    refunds: Number(r.refunds ?? 0),
  }));
}

// ---------------------------------------------------------------- lists for staff and treasurers

export interface DraftListing {
  draft: FilingSummary;
  chain: FilingChain;
}

/** Versions with the chain each belongs to, for the lists below to narrow and order. */
function versionsWithChains(db: Db) {
  return (
    db
      .selectFrom('filings')
      .innerJoin('filing_chains', 'filing_chains.id', 'filings.chain_id')
      // Named one by one: both tables have `id` and `created_at`.
      .select([
        'filing_chains.election_id',
        'filing_chains.party_registration_number',
        'filing_chains.report_kind',
        'filing_chains.period_from',
        'filing_chains.period_to',
        'filing_chains.created_at as chain_created_at',
      ])
      .select(SUMMARY_COLUMNS.map((c) => `filings.${c}` as const))
  );
}

type VersionWithChainRow = InferResult<ReturnType<typeof versionsWithChains>>[number];

function chainOfRow(r: VersionWithChainRow): FilingChain {
  return chainFromRow({
    id: r.chain_id,
    election_id: r.election_id,
    party_registration_number: r.party_registration_number,
    report_kind: r.report_kind,
    period_from: r.period_from,
    period_to: r.period_to,
    created_at: r.chain_created_at,
  });
}

/** Open drafts, newest first; of one party when given. */
export async function listDrafts(
  db: Db,
  opts: { partyRegistrationNumber?: string; limit?: number } = {},
): Promise<DraftListing[]> {
  let q = versionsWithChains(db).where('filings.status', '=', 'draft');
  if (opts.partyRegistrationNumber !== undefined)
    q = q.where('filing_chains.party_registration_number', '=', opts.partyRegistrationNumber);
  const rows = await q
    .orderBy('filings.updated_at', 'desc')
    .orderBy('filings.id', 'desc')
    .limit(opts.limit ?? 200)
    .execute();
  return rows.map((r) => ({ draft: summaryFromRow(r), chain: chainOfRow(r) }));
}

export interface LatestListing {
  filing: FilingSummary;
  chain: FilingChain;
}

/** Latest filed versions, most recently submitted first; only those in the given statuses when asked. */
export async function listLatestFilings(
  db: Db,
  opts: { statuses?: FilingStatus[]; limit?: number } = {},
): Promise<LatestListing[]> {
  let q = versionsWithChains(db).where('filings.is_latest', '=', 1);
  if (opts.statuses && opts.statuses.length > 0) q = q.where('filings.status', 'in', opts.statuses);
  const rows = await q
    .orderBy('filings.submitted_at', 'desc')
    .orderBy('filings.id', 'desc')
    .limit(opts.limit ?? 500)
    .execute();
  return rows.map((r) => ({ filing: summaryFromRow(r), chain: chainOfRow(r) }));
}

// ---------------------------------------------------------------- search

/** `%` and `_` typed by a visitor are matched literally. */
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface DocumentHit {
  filingId: number;
  sha256: string;
  fileName: string;
  mediaType: string;
  /** The PDF's text layer, or else the text OCR read from the image (PINs masked). */
  extractedText: string;
  /** Whether that text was read by OCR, so the reader knows a letter may be wrong. */
  machineRead: boolean;
  chain: FilingChain;
  version: number;
}

/**
 * The scans of filed versions that have text, newest version first (a search shows the latest ones
 * before the amended): the PDF's text layer, or the text read from the image in the background
 * (scan_texts). Only public columns; PINs in the text masked.
 */
export async function listDocumentTexts(db: Db): Promise<DocumentHit[]> {
  const rows = await db
    .selectFrom('filing_attachments')
    .innerJoin('filings', 'filings.id', 'filing_attachments.filing_id')
    .innerJoin('filing_chains', 'filing_chains.id', 'filings.chain_id')
    .leftJoin('scan_texts', 'scan_texts.sha256', 'filing_attachments.sha256')
    .selectAll('filing_chains')
    .select([
      'filing_attachments.filing_id',
      'filing_attachments.sha256',
      'filing_attachments.file_name',
      'filing_attachments.media_type',
      'filing_attachments.extracted_text',
      'scan_texts.text as read_text',
      'scan_texts.source as read_source',
      'filings.version',
    ])
    .where('filings.status', '<>', 'draft')
    // The public report pages, where a hit links to, are parties' reports.
    .where('filing_chains.filer_kind', '=', 'party')
    .orderBy('filings.is_latest', 'desc')
    .orderBy('filings.id', 'desc')
    .orderBy('filing_attachments.sha256')
    .execute();
  return rows.flatMap((r) => {
    const fromLayer = r.extracted_text !== '';
    const text = fromLayer ? r.extracted_text : (r.read_text ?? '');
    if (text === '') return [];
    return [
      {
        filingId: Number(r.filing_id),
        sha256: r.sha256,
        fileName: r.file_name,
        mediaType: r.media_type,
        extractedText: maskPins(text),
        machineRead: !fromLayer && r.read_source === 'ocr',
        version: r.version,
        chain: chainFromRow(r),
      },
    ];
  });
}

export interface DonorHit {
  filingId: number;
  lineId: string;
  date: string;
  amount: number;
  donorType: string;
  donorName: string;
  electionId: string;
  partyRegistrationNumber: string;
}

/** Receipts of latest versions whose donor name has the words, in any script (by phonetic key). */
export async function searchDonors(db: Db, q: string, limit: number): Promise<DonorHit[]> {
  const key = searchKey(q);
  if (key === '') return [];
  // Public fields only: this query feeds public pages, so the PIN and address columns are not selected.
  const rows = await db
    .selectFrom('receipts')
    .select([
      'filing_id',
      'line_id',
      'date',
      'amount',
      'donor_type',
      'donor_name',
      'election_id',
      'party_registration_number',
    ])
    .where('is_latest', '=', 1)
    .where(sql<boolean>`donor_name_key like ${`%${likeEscape(key)}%`} escape '\\'`)
    .orderBy('amount', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    filingId: Number(r.filing_id),
    lineId: r.line_id,
    date: r.date,
    amount: Number(r.amount),
    donorType: r.donor_type,
    donorName: maskPins(r.donor_name),
    electionId: r.election_id,
    partyRegistrationNumber: r.party_registration_number,
  }));
}

// ---------------------------------------------------------------- parties

/** Every party by registration number, for naming them in lists. */
export async function listPartiesByNumber(db: Db): Promise<Map<string, Party>> {
  const rows = await db.selectFrom('parties').selectAll().execute();
  return new Map(rows.map((r) => [r.registration_number, partyFromRow(r)]));
}

/** Registered participations (election, party), of one party when given. */
export async function listRegisteredParticipations(
  db: Db,
  reg?: string,
): Promise<Array<{ electionId: string; partyRegistrationNumber: string }>> {
  let q = db
    .selectFrom('participations')
    .select(['election_id', 'party_registration_number'])
    .where('status', '=', 'registered');
  if (reg) q = q.where('party_registration_number', '=', reg);
  const rows = await q.execute();
  return rows.map((r) => ({ electionId: r.election_id, partyRegistrationNumber: r.party_registration_number }));
}
