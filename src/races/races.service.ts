// The races' use cases: take in an election's district file and its file of single-mandate candidates
// (each whole in one transaction with its activity record, or nothing written), and read the districts
// back for the public pages.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, type Problem, type Result } from '../platform/result.ts';
import type { Party } from '../domain/election.ts';
import { getElection } from '../elections/index.ts';
import { countListsByDistrict, findListedParties, listDistrictPartyLists } from './district-lists.repository.ts';
import { readDistrictCsv } from './core/district-csv.ts';
import { readSingleMandateCsv, type FiledCandidate } from './core/single-mandate-csv.ts';
import { cellProblem, raceProblem } from './core/race-problem.ts';
import type { District, DistrictPartyList } from './core/district.ts';
import {
  countCandidatesByDistrict,
  countDistricts,
  findDistrict,
  listDistrictCandidates,
  listDistrictCodes,
  listDistrictRegions,
  listDistrictsPage,
  replaceDistrictCandidates,
  replaceDistricts,
  type Db,
  type DistrictFilter,
  type DistrictLine,
  type StandingCandidate,
} from './races.repository.ts';

/** The activity log's entity of an election's districts and of its single-mandate candidates. */
export const DISTRICTS_ENTITY = 'election_districts';
export const DISTRICT_CANDIDATES_ENTITY = 'election_district_candidates';

export interface RaceImport {
  electionId: string;
  /** The file's text, UTF-8 decoded. */
  text: string;
  actor: string;
}

async function electionProblem(ctx: AppContext, electionId: string): Promise<Problem[]> {
  return (await getElection(ctx, electionId)) ? [] : [raceProblem('import.no_election', { election: electionId })];
}

/**
 * Replaces the election's districts with those of the file. A district that the file leaves out while
 * candidates still stand in it is refused: their page would point at nothing.
 */
export async function importDistricts(
  ctx: AppContext,
  input: RaceImport,
): Promise<Result<{ districts: number; seats: number }>> {
  const missing = await electionProblem(ctx, input.electionId);
  if (missing.length > 0) return err(missing);
  const parsed = readDistrictCsv(input.text);
  if (!parsed.ok) return parsed;
  const districts = parsed.value;
  const after = { districts: districts.length, seats: districts.reduce((n, d) => n + d.seats, 0) };
  return ctx.db.transaction().execute(async (trx) => {
    const kept = new Set(districts.map((d) => d.code));
    const standing = await countCandidatesByDistrict(trx, input.electionId);
    const dropped = [...standing].filter(([code]) => !kept.has(code));
    if (dropped.length > 0)
      return err(dropped.map(([code, count]) => raceProblem('import.district_dropped', { code, count })));
    const before = await countDistricts(trx, input.electionId);
    await replaceDistricts(trx, input.electionId, districts);
    await recordActivity(
      trx,
      {
        actor: input.actor,
        action: 'districts.imported',
        entityType: DISTRICTS_ENTITY,
        entityId: input.electionId,
        before,
        after,
      },
      ctx.now(),
    );
    return ok(after);
  });
}

/** The rows whose district the election lacks, or whose party is not registered. */
async function referenceProblems(db: Db, electionId: string, filed: FiledCandidate[]): Promise<Problem[]> {
  const codes = await listDistrictCodes(db, electionId);
  const numbers = [...new Set(filed.flatMap((f) => f.candidate.partyRegistrationNumber ?? []))];
  const parties = new Set((await findListedParties(db, electionId, numbers)).keys());
  const problems: Problem[] = [];
  for (const { row, candidate: c } of filed) {
    if (!codes.has(c.districtCode))
      problems.push(cellProblem('import.unknown_district', row, 'district_code', { value: c.districtCode }));
    const reg = c.partyRegistrationNumber;
    if (reg !== null && !parties.has(reg))
      problems.push(cellProblem('import.unknown_party', row, 'party_registration_number', { value: reg }));
  }
  return problems;
}

/** Replaces the election's single-mandate candidates with those of the file. */
export async function importDistrictCandidates(
  ctx: AppContext,
  input: RaceImport,
): Promise<Result<{ candidates: number }>> {
  const missing = await electionProblem(ctx, input.electionId);
  if (missing.length > 0) return err(missing);
  const parsed = readSingleMandateCsv(input.text);
  if (!parsed.ok) return parsed;
  const filed = parsed.value;
  return ctx.db.transaction().execute(async (trx) => {
    const problems = await referenceProblems(trx, input.electionId, filed);
    if (problems.length > 0) return err(problems);
    const before = await countCandidatesByDistrict(trx, input.electionId);
    const now = ctx.now();
    await replaceDistrictCandidates(
      trx,
      input.electionId,
      filed.map((f) => f.candidate),
      now.toISOString(),
    );
    await recordActivity(
      trx,
      {
        actor: input.actor,
        action: 'district_candidates.imported',
        entityType: DISTRICT_CANDIDATES_ENTITY,
        entityId: input.electionId,
        before: { candidates: [...before.values()].reduce((a, b) => a + b, 0) },
        after: { candidates: filed.length },
      },
      now,
    );
    return ok({ candidates: filed.length });
  });
}

/** Districts per page of the public list. */
export const DISTRICTS_PER_PAGE = 50;

/** A district in the public list, with how many party lists stand in it. */
export interface DistrictSummary extends DistrictLine {
  partyLists: number;
}

export interface DistrictsPage {
  districts: DistrictSummary[];
  regions: string[];
  next: string | undefined;
}

export async function getDistrictsPage(
  ctx: AppContext,
  electionId: string,
  filter: DistrictFilter,
  after: string | undefined,
): Promise<DistrictsPage> {
  const [page, regions] = await Promise.all([
    listDistrictsPage(ctx.db, electionId, filter, after, DISTRICTS_PER_PAGE),
    listDistrictRegions(ctx.db, electionId),
  ]);
  // Counted apart from the candidates: joining both tables to the districts would multiply their rows.
  const lists = await countListsByDistrict(
    ctx.db,
    electionId,
    page.districts.map((d) => d.code),
  );
  const districts = page.districts.map((d) => ({ ...d, partyLists: lists.get(d.code) ?? 0 }));
  return { districts, next: page.next, regions };
}

/** How many districts and seats an election has, for its page's section. */
export function getDistrictTotals(ctx: AppContext, electionId: string) {
  return countDistricts(ctx.db, electionId);
}

export interface DistrictRace {
  district: District;
  candidates: StandingCandidate[];
  /** The parties' lists standing in the district. */
  lists: DistrictPartyList[];
  /** The parties of the lists and of the candidates, by registration number. */
  parties: Map<string, Party>;
  /** Those of them that take part in the election, so that their page in it exists. */
  partiesInElection: Set<string>;
}

/**
 * One district with its candidates, its party lists and the parties of both. One statement per table
 * however many lists and candidates the district has.
 */
export async function getDistrictRace(
  ctx: AppContext,
  electionId: string,
  code: string,
): Promise<DistrictRace | undefined> {
  const [district, candidates, lists] = await Promise.all([
    findDistrict(ctx.db, electionId, code),
    listDistrictCandidates(ctx.db, electionId, code),
    listDistrictPartyLists(ctx.db, electionId, code),
  ]);
  if (!district) return undefined;
  const numbers = new Set([
    ...lists.map((l) => l.partyRegistrationNumber),
    ...candidates.flatMap((c) => c.partyRegistrationNumber ?? []),
  ]);
  const found = await findListedParties(ctx.db, electionId, [...numbers]);
  return {
    district,
    candidates,
    lists,
    parties: new Map([...found].map(([n, p]) => [n, p.party])),
    partiesInElection: new Set([...found].flatMap(([n, p]) => (p.inElection ? [n] : []))),
  };
}
