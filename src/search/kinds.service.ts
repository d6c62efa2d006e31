// What the site's search box finds besides candidates, grouped by kind: parties, donors, payees, report
// documents and programmes. A search with a new query reads no table for them: the parties' names, the
// donors and payees (the explore capability's identities, so a hit has the same name, total and page as
// the donor lists) and the district candidates are keyed into pools once per data version and matched in
// memory; documents and programmes are searched in the texts their capabilities hold per data version.
import type { AppContext } from '../platform/app-context.ts';
import { heldWhileDataStays } from '../platform/data-version.ts';
import type { Locale, Localized } from '../domain/election.ts';
import { snippetAround, type Snippet } from '../domain/text-snippet.ts';
import type { PartyNamesAndPage } from '../parties/index.ts';
import { counterpartsOfElections, type Counterpart, type Role } from '../explore/index.ts';
import { reportKindLabels, searchDocuments } from '../filings/index.ts';
import { findProgrammeTexts } from '../programmes/index.ts';
import { candidateFullName, getCandidatesInDistricts, type CandidateInDistrict } from '../races/index.ts';
import { findInPool, namePool, poolQuery, type NamePool, type PoolHit, type PoolQuery } from './core/name-pool.ts';
import { searchLabels } from './search-labels.ts';

/** Hits of one kind: the first few to show, and how many were found (at most `cap` for kinds counted by the database). */
export interface Found<T> {
  hits: T[];
  total: number;
  /** Whether more than `total` may exist: the database was asked for no more. */
  capped: boolean;
}

export interface PartyFound {
  party: PartyNamesAndPage;
  electionName: Localized;
}

export interface CounterpartFound {
  electionId: string;
  electionName: Localized;
  counterpart: Counterpart;
  /** The names of the parties involved, most money first. */
  partyNames: Localized[];
}

export interface DocumentFound {
  filingId: number;
  fileName: string;
  machineRead: boolean;
  version: number;
  reportKind: Localized;
  partyName: Localized;
  electionName: Localized;
  snippet: Snippet;
}

export interface ProgrammeFound {
  electionId: string;
  partyRegistrationNumber: string;
  /** The language of the text that holds the phrase: the programme is linked in it. */
  language: Locale;
  partyName: Localized;
  electionName: Localized;
  snippet: Snippet;
}

/** A candidate standing in a district (single-mandate constituency or municipality). */
export interface DistrictCandidateFound {
  candidate: CandidateInDistrict;
  fullName: string;
  electionName: Localized;
  /** The nominating party's name; undefined for a self-nominated candidate. */
  partyName: Localized | undefined;
}

export interface KindResults {
  parties: Found<PartyFound>;
  districtCandidates: Found<DistrictCandidateFound>;
  donors: Found<CounterpartFound>;
  payees: Found<CounterpartFound>;
  documents: Found<DocumentFound>;
  programmes: Found<ProgrammeFound>;
}

/** Hits each kind shows on the page. */
export const SHOWN_PER_KIND = 20;
/** Documents and programmes the database is asked for: enough to count most searches exactly. */
const TEXT_CAP = 100;
/** Fewest characters a phrase needs before texts are searched for it: fewer are in nearly every text. */
const MIN_PHRASE = 3;

const NO_NAME: Localized = { ky: '', ru: '', en: '' };

function found<T>(all: readonly T[], capped = false): Found<T> {
  return { hits: all.slice(0, SHOWN_PER_KIND), total: all.length, capped };
}

/** The names a search matches besides candidates and parties, keyed into pools once per data version. */
interface KindPools {
  counterparts: { electionId: string; role: Role; pool: NamePool<Counterpart> }[];
  districtCandidates: NamePool<CandidateInDistrict>;
}

/**
 * The explore capability's donors and payees of every election and the races capability's district
 * candidates (each held there per data version), in pools held here for as long: a search then looks
 * them up once, not per election and role.
 */
function kindPools(ctx: AppContext, electionIds: readonly string[]): Promise<KindPools> {
  return heldWhileDataStays(ctx, 'search.kind-pools', 'all', async () => {
    const [counterparts, districtCandidates] = await Promise.all([
      counterpartsOfElections(ctx, electionIds),
      getCandidatesInDistricts(ctx),
    ]);
    return {
      counterparts: counterparts.map(({ electionId, role, counterparts: c }) => ({
        electionId,
        role,
        pool: namePool(c, (x) => x.names),
      })),
      districtCandidates: namePool(districtCandidates, (c) => [candidateFullName(c)]),
    };
  });
}

function districtCandidatesFound(pools: KindPools, q: PoolQuery, names: Names): Found<DistrictCandidateFound> {
  return found(
    findInPool(pools.districtCandidates, q).map(({ item }) => ({
      candidate: item,
      fullName: candidateFullName(item),
      electionName: names.election(item.electionId),
      partyName: item.partyRegistrationNumber === null ? undefined : names.party(item.partyRegistrationNumber),
    })),
  );
}

interface Names {
  election: (id: string) => Localized;
  party: (reg: string) => Localized;
}

/** Donors or payees of every election whose names match, best match first, then the largest total. */
function counterpartsFound(pools: KindPools, query: PoolQuery, names: Names): Record<Role, Found<CounterpartFound>> {
  type Hit = PoolHit<Counterpart> & { electionId: string };
  const byRole: Record<Role, Hit[]> = { donor: [], payee: [] };
  for (const { electionId, role, pool } of pools.counterparts)
    for (const hit of findInPool(pool, query)) byRole[role].push({ ...hit, electionId });
  // A common name may match thousands: only the hits shown are dressed with their names.
  const ranked = (hits: Hit[]): Found<CounterpartFound> => ({
    hits: hits
      .sort((a, b) => b.score - a.score || b.item.total - a.item.total)
      .slice(0, SHOWN_PER_KIND)
      .map(({ item, electionId }) => ({
        electionId,
        electionName: names.election(electionId),
        counterpart: item,
        partyNames: item.parties.map((p) => names.party(p.party)),
      })),
    total: hits.length,
    capped: false,
  });
  return { donor: ranked(byRole.donor), payee: ranked(byRole.payee) };
}

/** Scanned documents of filed reports whose text holds the phrase (PINs already masked). */
async function documentsFound(ctx: AppContext, q: string, names: Names): Promise<Found<DocumentFound>> {
  const docs = await searchDocuments(ctx, q, TEXT_CAP);
  return found(
    docs.map((d) => ({
      filingId: d.filingId,
      fileName: d.fileName,
      machineRead: d.machineRead,
      version: d.version,
      reportKind: reportKindLabels[d.chain.reportKind],
      partyName: names.party(d.chain.partyRegistrationNumber),
      electionName: names.election(d.chain.electionId),
      snippet: snippetAround(d.extractedText, q),
    })),
    docs.length === TEXT_CAP,
  );
}

/**
 * Programmes whose text holds the phrase, one hit per programme, in the first language that holds it of
 * the page's own, Russian, Kyrgyz and English (the order the party page picks its text in).
 */
async function programmesFound(ctx: AppContext, q: string, l: Locale, names: Names): Promise<Found<ProgrammeFound>> {
  const rows = await findProgrammeTexts(ctx, q, TEXT_CAP * 3);
  const preference = [l, 'ru', 'ky', 'en'];
  const rank = (language: Locale) => preference.indexOf(language);
  const chosen = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.electionId}\u0000${r.partyRegistrationNumber}`;
    const before = chosen.get(key);
    if (!before || rank(r.language) < rank(before.language)) chosen.set(key, r);
  }
  return found(
    [...chosen.values()].map((r) => ({
      ...r,
      partyName: names.party(r.partyRegistrationNumber),
      electionName: names.election(r.electionId),
    })),
    rows.length === TEXT_CAP * 3,
  );
}

const NONE: Found<never> = { hits: [], total: 0, capped: false };

/** Everything but candidates that `q` finds, by kind, in the page's language `l`. */
export async function searchKinds(ctx: AppContext, q: string, l: Locale): Promise<KindResults> {
  const labels = await searchLabels(ctx);
  const pools = await kindPools(ctx, labels.electionIds);
  const partyLabels = labels.partyLabels[l];
  const names: Names = {
    election: (id) => labels.electionNames.get(id) ?? NO_NAME,
    party: (reg) => partyLabels.get(reg) ?? { ky: reg, ru: reg, en: reg },
  };
  // Keyed once for every pool below.
  const query = poolQuery(q);
  const phrase = q.length >= MIN_PHRASE;
  const [documents, programmes] = await Promise.all([
    phrase ? documentsFound(ctx, q, names) : NONE,
    phrase ? programmesFound(ctx, q, l, names) : NONE,
  ]);
  const counterparts = counterpartsFound(pools, query, names);
  return {
    parties: found(
      findInPool(labels.partyPool, query).map(({ item }) => ({
        party: item,
        electionName: names.election(item.latestElectionId),
      })),
    ),
    districtCandidates: districtCandidatesFound(pools, query, names),
    donors: counterparts.donor,
    payees: counterparts.payee,
    documents,
    programmes,
  };
}
