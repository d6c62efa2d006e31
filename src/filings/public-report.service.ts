// Filed reports as the public reads them: a party's reports in an election with their deadlines and the
// reports still missing, one filed version with everything private taken out (and a diff with another
// version of the same report), the search in donors and scanned documents, and the money per party
// that the election and party pages show. Drafts are never public.
import type { AppContext } from '../platform/app-context.ts';
import type { Election, Party } from '../domain/election.ts';
import type { RulesProfile } from '../domain/rules-profile.ts';
import { findElection, listElections } from '../elections/index.ts';
import { findParty } from '../parties/index.ts';
import { findFiler, findFilerName, type NamedFiler } from './filer.service.ts';
import { filingSchema, type Filing } from './core/filing.ts';
import { FILING_FORMAT_V2, filingV2Schema, type FilingV2 } from './core/filing-v2.ts';
import { diffFilings, type FilingDiff } from './core/filing-diff.ts';
import { deadlineOf, missingReports, type Deadline } from './core/deadlines.ts';
import { publicV1Part, toPublicDocument, type PublicDocument } from './core/public-filing.ts';
import {
  findChain,
  findFiling,
  listAttachments,
  listChainsOfParty,
  listStatusEvents,
  listVersions,
  type ChainWithVersions,
  type FilingAttachment,
  type FilingChain,
  type FilingStatusEvent,
  type FilingSummary,
} from './filing.repository.ts';
import {
  listPartiesByNumber,
  searchDonors,
  totalsByCandidateFund,
  totalsByParty,
  type DocumentHit,
  type DonorHit,
  type PartyTotals,
} from './filing-search.repository.ts';
import { rulesOf } from './filing-rules.service.ts';
import { searchDocuments } from './document-search.service.ts';
import { findScanTexts, type ScanText } from './scan-text.repository.ts';
import { maskPins } from '../domain/pin-masking.ts';

export interface PublicReport {
  election: Election;
  /** The party, or the candidate's fund. */
  party: NamedFiler | undefined;
  chain: FilingChain;
  filing: FilingSummary;
  /** A v1 version's public document as it always was; a v2 version's with its gifts in kind and loans. */
  doc: PublicDocument;
  versions: FilingSummary[];
  latest: FilingSummary;
  events: FilingStatusEvent[];
  attachments: FilingAttachment[];
  /** Text read from the scans in the background, by file hash, PINs masked (none for a scan not read yet). */
  scanTexts: Map<string, ScanText>;
  deadline: Deadline | undefined;
  rules: RulesProfile;
}

/** The body of a filed version in the format it was filed in (a v1 body is not upgraded: its JSON stays v1). */
function parseFiledAsFiled(json: string): Filing | FilingV2 {
  const body: unknown = JSON.parse(json);
  const v2 = typeof body === 'object' && body !== null && (body as { format?: unknown }).format === FILING_FORMAT_V2;
  return v2 ? filingV2Schema.parse(body) : filingSchema.parse(body);
}

/** The public document of a filed version's body: everything private taken out. */
const publicDocumentOf = (json: string): PublicDocument => toPublicDocument(parseFiledAsFiled(json));

/** A filed version as the public sees it, with its chain's versions and history; undefined for drafts. */
export async function loadPublicReport(ctx: AppContext, filingId: number): Promise<PublicReport | undefined> {
  const record = await findFiling(ctx.db, filingId);
  if (!record || record.version === 0) return undefined;
  const chain = await findChain(ctx.db, record.chainId);
  const election = chain && (await findElection(ctx.db, chain.electionId));
  if (!chain || !election) return undefined;
  const [party, versions, attachments, rules] = await Promise.all([
    findFilerName(ctx.db, chain.partyRegistrationNumber),
    listVersions(ctx.db, chain.id),
    listAttachments(ctx.db, filingId),
    rulesOf(ctx, election),
  ]);
  const [events, read] = await Promise.all([
    listStatusEvents(
      ctx.db,
      versions.map((v) => v.id),
    ),
    findScanTexts(
      ctx.db,
      attachments.map((a) => a.sha256),
    ),
  ]);
  // The same rule as for every free text that reaches the public: no PIN, whoever forgot to black it out.
  const scanTexts = new Map([...read].map(([sha, r]) => [sha, { ...r, text: maskPins(r.text) }]));
  const { bodyJson: _body, idempotencyKey: _key, ...filing } = record;
  const latest = versions.find((v) => v.isLatest) ?? versions.at(-1) ?? filing;
  return {
    election,
    party,
    chain,
    filing,
    doc: publicDocumentOf(record.bodyJson),
    versions,
    latest,
    events,
    attachments,
    scanTexts,
    deadline: deadlineOf(rules, election, chain, versions),
    rules,
  };
}

/** The public document of another version of the same chain, for a diff; undefined if it is not one. */
export async function loadPublicVersion(
  ctx: AppContext,
  chainId: number,
  filingId: number,
): Promise<{ filing: FilingSummary; doc: PublicDocument } | undefined> {
  const record = await findFiling(ctx.db, filingId);
  if (!record || record.version === 0 || record.chainId !== chainId) return undefined;
  const { bodyJson, idempotencyKey: _key, ...filing } = record;
  return { filing, doc: publicDocumentOf(bodyJson) };
}

export interface DiffView {
  from: FilingSummary;
  to: FilingSummary;
  diff: FilingDiff;
}

/**
 * A filed version and, when `diffWith` names another version of the same report, the changes between
 * the two; `diffRefused` when it names something else. Undefined when there is no such filed version.
 */
export async function loadReportPage(
  ctx: AppContext,
  filingId: number,
  diffWith: number | 'invalid' | undefined,
): Promise<{ report: PublicReport; diff: DiffView | undefined; diffRefused: boolean } | undefined> {
  const report = await loadPublicReport(ctx, filingId);
  if (!report) return undefined;
  if (diffWith === undefined) return { report, diff: undefined, diffRefused: false };
  const other = diffWith === 'invalid' ? undefined : await loadPublicVersion(ctx, report.chain.id, diffWith);
  if (!other) return { report, diff: undefined, diffRefused: true };
  const self = { filing: report.filing, doc: report.doc };
  // Always from the earlier version to the later, whichever page the reader is on.
  const [from, to] = other.filing.version <= report.filing.version ? [other, self] : [self, other];
  // The public documents, so that the diff cannot show what the pages do not: diffFilings reads
  // whatever fields the lines have, and these lack the private ones. The v1 part only, as the diff has
  // always compared: it knows no gifts in kind or loans, and the header's filer is not a v1 field.
  const diff = diffFilings(publicV1Part(from.doc) as unknown as Filing, publicV1Part(to.doc) as unknown as Filing);
  return { report, diff: { from: from.filing, to: to.filing, diff }, diffRefused: false };
}

/** The party a filed version belongs to, for authorisation; undefined for drafts and unknown ids. */
export async function filedVersionOwner(ctx: AppContext, filingId: number): Promise<string | undefined> {
  const filing = await findFiling(ctx.db, filingId);
  const chain = filing && filing.version > 0 ? await findChain(ctx.db, filing.chainId) : undefined;
  return chain?.partyRegistrationNumber;
}

// ---------------------------------------------------------------- a party's reports

export interface ChainRow {
  entry: ChainWithVersions;
  deadline: Deadline | undefined;
}

export interface MissingReport {
  kind: FilingChain['reportKind'];
  due: string;
}

export interface PartyReports {
  election: Election;
  /** The party, or the candidate's fund. */
  party: NamedFiler | undefined;
  reg: string;
  chains: ChainRow[];
  missing: MissingReport[];
  totals: PartyTotals | undefined;
}

/** Every report of a party (or a candidate's fund) in an election; undefined when it does not stand in it. */
export async function loadPartyReports(
  ctx: AppContext,
  electionId: string,
  reg: string,
): Promise<PartyReports | undefined> {
  const election = await findElection(ctx.db, electionId);
  const filer = election && (await findFiler(ctx.db, election.id, reg));
  if (!election || !filer) return undefined;
  const [chains, rules, totals] = await Promise.all([
    listChainsOfParty(ctx.db, election.id, reg),
    rulesOf(ctx, election),
    filer.kind === 'party' ? totalsByParty(ctx.db, election.id) : totalsByCandidateFund(ctx.db, election.id, [reg]),
  ]);
  const party = { name: filer.name };
  const rows: ChainRow[] = chains.map((entry) => ({
    entry,
    deadline: deadlineOf(rules, election, entry.chain, entry.versions),
  }));
  const missing = missingReports(
    rules,
    election,
    chains.map((c) => ({
      reportKind: c.chain.reportKind,
      periodFrom: c.chain.periodFrom,
      firstSubmittedAt: c.versions[0]?.submittedAt ?? null,
    })),
    ctx.now(),
  );
  return { election, party, reg, chains: rows, missing, totals: totals.find((x) => x.partyRegistrationNumber === reg) };
}

/** The reports of a party in an election for the API; undefined when the party does not stand in it. */
export async function listPartyFilings(
  ctx: AppContext,
  electionId: string,
  reg: string,
): Promise<ChainWithVersions[] | undefined> {
  if (!(await findFiler(ctx.db, electionId, reg))) return undefined;
  return listChainsOfParty(ctx.db, electionId, reg);
}

// ---------------------------------------------------------------- search

export interface ReportSearch {
  documents: DocumentHit[];
  donors: DonorHit[];
  partyNames: Map<string, Party>;
  /** Whether any election is synthetic (the pages then say so). */
  synthetic: boolean;
}

/** Donors and scanned documents matching `q`; nothing is searched for fewer than two characters. */
export async function searchReports(ctx: AppContext, q: string): Promise<ReportSearch> {
  const searching = q.length >= 2;
  const [documents, donors, partyNames, elections] = await Promise.all([
    searching ? searchDocuments(ctx, q, 50) : [],
    searching ? searchDonors(ctx.db, q, 100) : [],
    listPartiesByNumber(ctx.db),
    listElections(ctx.db),
  ]);
  return { documents, donors, partyNames, synthetic: elections.some((e) => e.synthetic) };
}

// ---------------------------------------------------------------- sections of the election and party pages

/** Money received and spent by each party in an election, latest versions only, most received first. */
export async function loadElectionFinance(
  ctx: AppContext,
  electionId: string,
): Promise<Array<{ party: Party | undefined; totals: PartyTotals }>> {
  const totals = await totalsByParty(ctx.db, electionId);
  const rows = await Promise.all(
    totals.map(async (tt) => ({ party: await findParty(ctx.db, tt.partyRegistrationNumber), totals: tt })),
  );
  rows.sort((a, b) => b.totals.receipts - a.totals.receipts);
  return rows;
}

/** A party's totals in an election; undefined when it filed nothing. */
export async function loadPartyFinance(
  ctx: AppContext,
  electionId: string,
  reg: string,
): Promise<PartyTotals | undefined> {
  return (await totalsByParty(ctx.db, electionId)).find((x) => x.partyRegistrationNumber === reg);
}
