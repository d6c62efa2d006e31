// The local demo as data, in one pure call: a synthetic local council election day with its 400
// municipalities, the parties registered in it, their 2,000 lists spread over the municipalities and 500
// single-mandate candidates in some of them. No database and no clock; the same seed gives the same
// demo byte for byte, so loading it twice (or on two machines) agrees.
//
// Each part draws from its own stream (`municipalities`, `lists`, `candidates`…), so that changing how
// the candidates are made leaves the municipalities and lists as they were.
import type { Election, Party, Sex } from '../../domain/election.ts';
import { generateName, type NameOrigin } from '../../demo/names.ts';
import { createRng, hashLabel, type Rng } from '../../demo/random.ts';
import type { District, DistrictCandidate, DistrictCandidateStatus, DistrictPartyList } from './district.ts';
import { CITY_COUNCILS, LOCAL_DEMO_REGIONS, municipalityName, partyNames } from './local-demo-names.ts';

/** The one fixed seed of the local demo: the election day it imagines. */
export const LOCAL_DEMO_SEED = 20260412;

export const LOCAL_DEMO_SIZE = { municipalities: 400, parties: 40, lists: 2000, candidates: 500 } as const;

export interface LocalDemoPlan {
  election: Election;
  parties: Party[];
  districts: District[];
  lists: DistrictPartyList[];
  candidates: DistrictCandidate[];
}

const ELECTION_DAY = '2026-04-12';
const CALLED_ON = '2026-01-12';
const CAMPAIGN_START = '2026-03-13';

const stream = (seed: number, label: string): Rng => createRng(hashLabel(`${seed}:local-demo:${label}`));

function planDistricts(rng: Rng): District[] {
  const taken = new Set<string>();
  return LOCAL_DEMO_REGIONS.flatMap(({ region, prefix, municipalities }) =>
    Array.from({ length: municipalities }, (_, i): District => {
      const city = CITY_COUNCILS[prefix];
      if (city) return { code: `${prefix}-001`, name: city, kind: 'municipality', parentRegion: region, seats: 45 };
      const { name, town } = municipalityName(rng, taken);
      // Councils have an odd number of seats: 7 to 21 in a village, 15 to 31 in a town.
      const seats = town ? 15 + 2 * rng.int(0, 8) : 7 + 2 * rng.int(0, 7);
      return {
        code: `${prefix}-${String(i + 1).padStart(3, '0')}`,
        name,
        kind: 'municipality',
        parentRegion: region,
        seats,
      };
    }),
  );
}

function planParties(rng: Rng): Party[] {
  return partyNames(rng, LOCAL_DEMO_SIZE.parties).map(({ name, shortName }, i) => ({
    registrationNumber: `SYN-LOCAL-${String(i + 1).padStart(2, '0')}`,
    name,
    shortName,
    leader: '',
    foundedOn: rng.dateBetween('1995-01-01', '2024-12-31'),
    address: '',
    phone: '',
    website: '',
    logoBlobKey: null,
  }));
}

/**
 * How many lists stand in each district: the cities many, villages three to seven, then nudged one at a
 * time until they add up to the demo's total exactly.
 */
function listCounts(rng: Rng, districts: readonly District[]): number[] {
  const counts = districts.map((d) => (CITY_COUNCILS[d.code.slice(0, 2)] ? rng.int(24, 34) : rng.int(3, 7)));
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== LOCAL_DEMO_SIZE.lists) {
    const i = rng.int(0, counts.length - 1);
    const n = counts[i] ?? 0;
    const step = sum < LOCAL_DEMO_SIZE.lists ? 1 : -1;
    if (n + step < 2 || n + step > 12) continue;
    counts[i] = n + step;
    sum += step;
  }
  return counts;
}

function planLists(rng: Rng, districts: readonly District[], parties: readonly Party[]): DistrictPartyList[] {
  // Some parties are big and stand nearly everywhere, most stand here and there.
  const weights = parties.map(() => rng.int(1, 12));
  const counts = listCounts(rng, districts);
  return districts.flatMap((d, i) => {
    // A weighted sample without replacement (Efraimidis–Spirakis): the largest keys win.
    const keyed = parties.map((p, j) => ({ p, key: rng.next() ** (1 / (weights[j] ?? 1)) }));
    const standing = keyed.sort((a, b) => b.key - a.key).slice(0, counts[i] ?? 0);
    return standing.map(({ p }) => ({
      districtCode: d.code,
      partyRegistrationNumber: p.registrationNumber,
      listSize: rng.int(Math.ceil(d.seats / 2), d.seats + 5),
      registeredOn: rng.dateBetween('2026-02-01', CAMPAIGN_START),
    }));
  });
}

/** How many single-mandate candidates stand in each district that has any: the cities more. */
function candidateCounts(rng: Rng, districts: readonly District[]): Map<string, number> {
  const counts = new Map<string, number>([
    ['BI-001', 20],
    ['OC-001', 12],
  ]);
  const villages = rng.sample(
    districts.filter((d) => !counts.has(d.code)),
    150,
  );
  for (const d of villages) counts.set(d.code, 1);
  let sum = [...counts.values()].reduce((a, b) => a + b, 0);
  for (; sum < LOCAL_DEMO_SIZE.candidates; sum++) {
    const d = rng.pick(villages);
    counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  }
  return counts;
}

const ORIGINS: ReadonlyArray<readonly [NameOrigin, number]> = [
  ['kyrgyz', 75],
  ['uzbek', 15],
  ['russian', 10],
];
const STATUSES: ReadonlyArray<readonly [DistrictCandidateStatus, number]> = [
  ['registered', 92],
  ['withdrawn', 5],
  ['refused', 3],
];

/** Surname, given name and patronymic out of the Russian order "Surname Given Patronymic" (or "Father уулу Given"). */
function nameParts(nameRu: string): Pick<DistrictCandidate, 'lastName' | 'firstName' | 'patronymic'> {
  const [a = '', b = '', c = ''] = nameRu.split(' ');
  if (b === 'уулу' || b === 'кызы') return { lastName: `${a} ${b}`, firstName: c, patronymic: '' };
  return { lastName: a, firstName: b, patronymic: c };
}

function planCandidates(
  rng: Rng,
  districts: readonly District[],
  lists: readonly DistrictPartyList[],
  parties: readonly Party[],
): DistrictCandidate[] {
  const listed = new Map<string, string[]>();
  for (const l of lists) listed.set(l.districtCode, [...(listed.get(l.districtCode) ?? []), l.partyRegistrationNumber]);
  const counts = candidateCounts(rng, districts);
  // In the districts' order, so that the candidates come out in the same order every run.
  return districts.flatMap((d) =>
    Array.from({ length: counts.get(d.code) ?? 0 }, (): DistrictCandidate => {
      const sex: Sex = rng.chance(0.4) ? 'female' : 'male';
      const person = nameParts(generateName(rng, sex, rng.weighted(ORIGINS)).nameRu);
      // A party mostly puts forward someone where it also has a list.
      const here = listed.get(d.code) ?? [];
      const party = rng.chance(0.65)
        ? here.length > 0 && rng.chance(0.9)
          ? rng.pick(here)
          : rng.pick(parties).registrationNumber
        : null;
      return {
        districtCode: d.code,
        ...person,
        nomination: party === null ? 'self' : 'party',
        partyRegistrationNumber: party,
        status: rng.weighted(STATUSES),
      };
    }),
  );
}

/** The whole local demo for a seed. */
export function planLocalDemo(seed: number = LOCAL_DEMO_SEED): LocalDemoPlan {
  const districts = planDistricts(stream(seed, 'municipalities'));
  const parties = planParties(stream(seed, 'parties'));
  const lists = planLists(stream(seed, 'lists'), districts, parties);
  const candidates = planCandidates(stream(seed, 'candidates'), districts, lists, parties);
  const election: Election = {
    id: 'demo-local-2026',
    kind: 'local',
    name: {
      ky: 'Демо: жергиликтүү кеңештердин шайлоо күнү, 2026-жылдын 12-апрели (синтетикалык)',
      ru: 'Демо: выборы депутатов местных кенешей, 12 апреля 2026 года (синтетические)',
      en: 'Demo: local council election day, 12 April 2026 (synthetic)',
    },
    electionDay: ELECTION_DAY,
    calledOn: CALLED_ON,
    campaignStart: CAMPAIGN_START,
    campaignEnd: '2026-04-11',
    seats: districts.reduce((n, d) => n + d.seats, 0),
    thresholdBasisPoints: 500,
    status: 'results',
    // No profile of the local councils' law is built in yet; the newest one supplies the shared rules.
    rulesProfileId: 'kg-2021-parliament',
    synthetic: true,
  };
  return { election, parties, districts, lists, candidates };
}
