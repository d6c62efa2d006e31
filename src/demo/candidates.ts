// Synthetic candidate lists for the demo elections: every person is invented, but each list is built
// to the quota rules of the law (domain notes §5) so that the compliance pages have something real to
// check — except the lists that drift on purpose after registration, as happened in 2020.
//
// Lists are built in this order, each from its own random stream (see random.ts):
//   1. the order of sexes (no woman next to a woman, at most 2 men in a row),
//   2. who is under 35, of an ethnic minority, with a disability (each a little above its quota),
//   3. names, birth dates, PINs, occupations, places,
//   4. withdrawals after registration, if the plan has any.
// Occupations and places are in Russian: the CEC's published lists and most job titles in official
// records use Russian, and the schema holds one string per field, not one per locale.
import type { Candidate, Sex } from '../domain/election.ts';
import { toLatin } from '../domain/transliteration.ts';
import { generateName, composeKyrgyzName, type NameOrigin, type PersonName } from './names.ts';
import { daysToIso, isoToDays, rngFor, type Rng } from './random.ts';
import { ELECTION_2020, ELECTION_2021, ELECTION_LIVE_DRAW } from './elections.ts';
import {
  DRIFT_PARTY_2020,
  PARTICIPANTS_2021,
  PARTICIPANTS_LIVE_DRAW,
  PARTIES_2020,
  WITHDRAWALS_PARTY_2020,
} from './parties-2020.ts';

export interface WithdrawalPlan {
  /** How many women withdraw after registration (the demo only needs women to leave). */
  women: number;
  /** Withdrawal dates are drawn between these two ISO dates. */
  from: string;
  to: string;
  /**
   * 'keep-quotas': only women whose departure breaks no rule (the list stays valid);
   * 'drift': any women except the youth, minority and disabled ones, so that exactly the sex rules
   * break — like the real list that fell to 29% women.
   */
  mode: 'keep-quotas' | 'drift';
}

export interface CandidateListPlan {
  electionId: string;
  partyRegistrationNumber: string;
  electionDay: string;
  size: number;
  /** Number of women at registration. */
  women: number;
  withdrawals?: WithdrawalPlan;
  /** A fixed person to place at the first suitable female position at or after `fromPosition`. */
  fixedWoman?: { name: PersonName; fromPosition: number };
}

// The quota numbers the generator aims above. They mirror the rules profiles (§5); the generator
// adds a margin so that a list still passes when a checker rounds the other way.
const YOUTH_AGE = 35;
const QUOTA_SHARE = 0.15;
const FIRST_N_FOR_DISABLED = 50;
const MAX_RUN = 2;

/** ISO date `years` years before `iso` (29 February falls back to the 28th). */
function yearsBefore(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) - years;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/**
 * Sexes in list order with `women` women: women never adjacent and at most two men in a row. Men are
 * spread over the women+1 gaps, interior gaps holding 1–2 men and the two ends 0–2.
 */
export function sexPattern(rng: Rng, size: number, women: number): Sex[] {
  const men = size - women;
  if (women < 1 || men < women - 1 || men > 2 * (women + 1)) {
    throw new RangeError(`cannot order ${women} women and ${men} men with at most ${MAX_RUN} in a row`);
  }
  const gaps: number[] = Array.from({ length: women + 1 }, (_, i) => (i === 0 || i === women ? 0 : 1));
  let left = men - (women - 1);
  while (left > 0) {
    const i = rng.int(0, women);
    const g = gaps[i] ?? MAX_RUN;
    if (g < MAX_RUN) {
      gaps[i] = g + 1;
      left--;
    }
  }
  const out: Sex[] = [];
  gaps.forEach((g, i) => {
    for (let k = 0; k < g; k++) out.push('male');
    if (i < women) out.push('female');
  });
  return out;
}

export function longestRun(sexes: readonly Sex[]): number {
  let best = 0;
  let run = 0;
  let prev: Sex | undefined;
  for (const s of sexes) {
    run = s === prev ? run + 1 : 1;
    prev = s;
    best = Math.max(best, run);
  }
  return best;
}

const OCCUPATIONS: ReadonlyArray<readonly [string, number]> = [
  ['предприниматель', 14],
  ['учитель средней школы', 7],
  ['врач', 5],
  ['юрист', 6],
  ['экономист', 5],
  ['преподаватель вуза', 4],
  ['фермер', 5],
  ['инженер-строитель', 3],
  ['директор частной компании', 6],
  ['депутат местного кенеша', 4],
  ['главный бухгалтер', 3],
  ['журналист', 2],
  ['агроном', 2],
  ['ветеринарный врач', 1],
  ['медицинская сестра', 2],
  ['программист', 2],
  ['менеджер', 3],
  ['государственный служащий', 4],
  ['глава айыл окмоту', 2],
  ['адвокат', 2],
  ['банковский служащий', 2],
  ['общественный деятель', 3],
  ['руководитель общественного объединения', 2],
  ['архитектор', 1],
  ['спортсмен', 1],
  ['временно не работает', 3],
];

// Settlements and districts (never a street address). Weights follow population only roughly.
const PLACES_ALL: ReadonlyArray<readonly [string, number]> = [
  ['г. Бишкек', 30],
  ['г. Ош', 8],
  ['г. Джалал-Абад', 4],
  ['г. Каракол', 2],
  ['г. Нарын', 2],
  ['г. Талас', 2],
  ['г. Баткен', 1],
  ['г. Токмок', 2],
  ['г. Кара-Балта', 2],
  ['г. Балыкчы', 1],
  ['г. Узген', 1],
  ['г. Кызыл-Кия', 1],
  ['Аламудунский район', 3],
  ['Сокулукский район', 2],
  ['Ысык-Атинский район', 2],
  ['Московский район', 1],
  ['Жайылский район', 1],
  ['Кеминский район', 1],
  ['Тюпский район', 1],
  ['Ак-Суйский район', 1],
  ['Джети-Огузский район', 1],
  ['Тонский район', 1],
  ['Ат-Башинский район', 1],
  ['Кочкорский район', 1],
  ['Жумгальский район', 1],
  ['Таласский район', 1],
  ['Бакай-Атинский район', 1],
  ['Аксыйский район', 1],
  ['Базар-Коргонский район', 1],
  ['Ноокенский район', 1],
  ['Сузакский район', 2],
  ['Токтогульский район', 1],
  ['Алайский район', 1],
  ['Араванский район', 1],
  ['Кара-Сууский район', 2],
  ['Ноокатский район', 1],
  ['Узгенский район', 1],
  ['Баткенский район', 1],
  ['Кадамжайский район', 1],
  ['Лейлекский район', 1],
];
// Where most Russian-speaking and Uzbek minority candidates live, so that the map looks plausible.
const PLACES_RUSSIAN: ReadonlyArray<readonly [string, number]> = [
  ['г. Бишкек', 12],
  ['г. Токмок', 2],
  ['г. Кара-Балта', 2],
  ['г. Каракол', 2],
  ['Аламудунский район', 2],
  ['Сокулукский район', 1],
  ['Московский район', 1],
];
const PLACES_UZBEK: ReadonlyArray<readonly [string, number]> = [
  ['г. Ош', 8],
  ['г. Джалал-Абад', 4],
  ['г. Узген', 2],
  ['Араванский район', 2],
  ['Кара-Сууский район', 3],
  ['Сузакский район', 2],
  ['Базар-Коргонский район', 1],
  ['Кадамжайский район', 1],
  ['г. Бишкек', 2],
];

function place(rng: Rng, origin: NameOrigin): string {
  return rng.weighted(origin === 'russian' ? PLACES_RUSSIAN : origin === 'uzbek' ? PLACES_UZBEK : PLACES_ALL);
}

function birthDate(rng: Rng, electionDay: string, youth: boolean): string {
  // Margins of one year on each side of 35 keep the flag stable whatever age convention a checker uses.
  if (youth) return rng.dateBetween(yearsBefore(electionDay, YOUTH_AGE - 1), yearsBefore(electionDay, 22));
  const [oldest, youngest] = rng.weighted<readonly [number, number]>([
    [[45, YOUTH_AGE + 1], 30],
    [[55, 46], 35],
    [[65, 56], 25],
    [[75, 66], 10],
  ]);
  // Oldest bound: the day after the (oldest+1)th birthday, so the person is at most `oldest`.
  const from = daysToIso(isoToDays(yearsBefore(electionDay, oldest + 1)) + 1);
  return rng.dateBetween(from, yearsBefore(electionDay, youngest));
}

function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** 14 digits: 1 (female) or 2 (male), DDMMYYYY, then 5 random digits; redrawn until unused. */
function pin(rng: Rng, sex: Sex, birth: string, used: Set<string>): string {
  const dmy = `${birth.slice(8, 10)}${birth.slice(5, 7)}${birth.slice(0, 4)}`;
  for (;;) {
    const p = `${sex === 'female' ? 1 : 2}${dmy}${String(rng.int(0, 99_999)).padStart(5, '0')}`;
    if (!used.has(p)) {
      used.add(p);
      return p;
    }
  }
}

function occupation(rng: Rng, age: number): string {
  if (age >= 63 && rng.chance(0.5)) return 'пенсионер';
  if (age <= 24 && rng.chance(0.4)) return 'студент';
  return rng.weighted(OCCUPATIONS);
}

/** State shared across all lists of the dataset, so that PINs and names are unique everywhere. */
export interface GenerationState {
  pins: Set<string>;
  namesKy: Set<string>;
}

export function newGenerationState(): GenerationState {
  return { pins: new Set(), namesKy: new Set() };
}

/** Indices, in random order, of `count` distinct positions out of `size`. */
const positions = (rng: Rng, size: number, count: number): Set<number> =>
  new Set(
    rng.sample(
      Array.from({ length: size }, (_, i) => i),
      count,
    ),
  );

export function generateCandidateList(plan: CandidateListPlan, state: GenerationState): Candidate[] {
  const rng = rngFor(`candidates:${plan.electionId}:${plan.partyRegistrationNumber}`);
  const n = plan.size;
  const sexes = sexPattern(rng, n, plan.women);

  const quota = Math.ceil(n * QUOTA_SHARE);
  const youth = positions(rng, n, quota + rng.int(2, 8));
  const minority = positions(rng, n, quota + rng.int(1, 5));
  const disabledFirst = rng.int(0, FIRST_N_FOR_DISABLED - 1);
  const disabled = new Set([disabledFirst]);
  const extraDisabled = rng.int(1, 2);
  while (disabled.size < 1 + extraDisabled) disabled.add(rng.int(0, n - 1));

  let fixedAt = -1;
  if (plan.fixedWoman) {
    const from = plan.fixedWoman.fromPosition - 1;
    fixedAt = sexes.findIndex((s, i) => i >= from && s === 'female' && !minority.has(i));
    if (fixedAt < 0) throw new Error('no place for the fixed candidate');
  }

  const list: Candidate[] = sexes.map((sex, i) => {
    const isMinority = minority.has(i);
    // Most minority candidates in Kyrgyzstan are Russian-speaking (Russians, Ukrainians, Koreans,
    // Tatars…) or Uzbek; everyone else gets a Kyrgyz name.
    const origin: NameOrigin = isMinority ? (rng.chance(0.62) ? 'russian' : 'uzbek') : 'kyrgyz';
    let name: PersonName;
    if (i === fixedAt && plan.fixedWoman) {
      name = plan.fixedWoman.name;
    } else {
      // Redraw on a clash so that a search by name finds one person; reserved names are pre-seeded.
      do name = generateName(rng, sex, origin);
      while (state.namesKy.has(name.nameKy));
    }
    state.namesKy.add(name.nameKy);
    const birth = birthDate(rng, plan.electionDay, youth.has(i));
    return {
      electionId: plan.electionId,
      partyRegistrationNumber: plan.partyRegistrationNumber,
      listPosition: i + 1,
      nameKy: name.nameKy,
      nameRu: name.nameRu,
      nameLatin: toLatin(name.nameKy),
      birthDate: birth,
      sex,
      occupation: occupation(rng, ageOn(birth, plan.electionDay)),
      placeOfResidence: place(rng, origin),
      ethnicMinority: isMinority,
      disability: disabled.has(i),
      status: 'registered',
      withdrawnOn: null,
      pin: pin(rng, sex, birth, state.pins),
    };
  });

  if (plan.withdrawals)
    applyWithdrawals(rng, list, plan.withdrawals, new Set([...youth, ...minority, ...disabled, fixedAt]));
  return list;
}

/**
 * Marks women as withdrawn. `protectedIdx` are never chosen, so the youth, minority and disability
 * quotas only get easier (their counts stay while the list shrinks).
 */
function applyWithdrawals(rng: Rng, list: Candidate[], plan: WithdrawalPlan, protectedIdx: ReadonlySet<number>): void {
  const active = new Set(list.map((_, i) => i));
  const sexesOfActive = (): Sex[] => list.filter((_, i) => active.has(i)).map((c) => c.sex);
  const order = rng.shuffle(list.map((_, i) => i)).filter((i) => list[i]?.sex === 'female' && !protectedIdx.has(i));
  const chosen: number[] = [];
  for (const i of order) {
    if (chosen.length === plan.women) break;
    active.delete(i);
    if (plan.mode === 'keep-quotas' && longestRun(sexesOfActive()) > MAX_RUN) {
      active.add(i);
      continue;
    }
    chosen.push(i);
  }
  if (chosen.length < plan.women) throw new Error(`only ${chosen.length} of ${plan.women} withdrawals possible`);
  for (const i of chosen) {
    const c = list[i] as Candidate;
    c.status = 'withdrawn';
    c.withdrawnOn = rng.dateBetween(plan.from, plan.to);
  }
}

/** Reserves the names of fixed people before generation, so no generated person takes them. */
export function reserveName(state: GenerationState, name: PersonName): void {
  state.namesKy.add(name.nameKy);
}

/** The candidate the search tests look for across scripts (Ky "Айгүл Шайлдабекова", Ru "Шайлдабекова Айгуль …"). */
export const SHAILDABEKOVA: PersonName = composeKyrgyzName('female', 'Айгүл', 'Шайлдабек', 'Таалайбек');

// --- The demo's lists --------------------------------------------------------------------------

/** Women for a list that passes: 34.5–41% (below about a third, "at most 2 men in a row" cannot hold). */
function passingWomen(rng: Rng, size: number): number {
  const women = Math.round(size * (0.345 + rng.next() * 0.065));
  return Math.max(women, Math.ceil((size - 2) / 3) + 1);
}

const AFGHAN_VETERANS_2020 = PARTIES_2020[10]?.registrationNumber;

/**
 * One plan per list. 2020 mirrors what 24.kg reported: Chon Kazat fell to 29% women after candidates
 * withdrew (here 9 women, so 39 of 131 remain: the 70% one-sex rule and the order rule break);
 * seven women left Mekenim Kyrgyzstan on 23 September (here the list stays valid); the Afghan
 * veterans had the largest share of women, 42%. Birimdik gets the longest list, 200, for benchmarks.
 * List sizes and the other shares are synthetic.
 */
export function demoCandidateListPlans(): CandidateListPlan[] {
  const rng = rngFor('plans');
  const plans: CandidateListPlan[] = [];
  PARTIES_2020.forEach((party, index) => {
    const reg = party.registrationNumber;
    const base = { electionId: ELECTION_2020.id, partyRegistrationNumber: reg, electionDay: ELECTION_2020.electionDay };
    if (index === 0) {
      plans.push({ ...base, size: 200, women: passingWomen(rng, 200) });
    } else if (reg === DRIFT_PARTY_2020) {
      plans.push({
        ...base,
        size: 140,
        women: 48,
        withdrawals: { women: 9, from: '2020-09-10', to: '2020-09-30', mode: 'drift' },
      });
    } else if (reg === WITHDRAWALS_PARTY_2020) {
      plans.push({
        ...base,
        size: 165,
        women: 67,
        withdrawals: { women: 7, from: '2020-09-23', to: '2020-09-23', mode: 'keep-quotas' },
      });
    } else if (reg === AFGHAN_VETERANS_2020) {
      plans.push({ ...base, size: 124, women: Math.floor(124 * 0.42) });
    } else {
      const size = rng.int(120, 185);
      plans.push({ ...base, size, women: passingWomen(rng, size) });
    }
  });
  // Ata Meken's list carries the fixed candidate of the search tests.
  const ataMeken = plans[5];
  if (ataMeken) ataMeken.fixedWoman = { name: SHAILDABEKOVA, fromPosition: 12 };

  for (const p of PARTICIPANTS_2021) {
    const size = rng.int(120, 160);
    plans.push({
      electionId: ELECTION_2021.id,
      partyRegistrationNumber: p.registrationNumber,
      electionDay: ELECTION_2021.electionDay,
      size,
      women: passingWomen(rng, size),
    });
  }
  for (const reg of PARTICIPANTS_LIVE_DRAW) {
    const size = rng.int(120, 150);
    plans.push({
      electionId: ELECTION_LIVE_DRAW.id,
      partyRegistrationNumber: reg,
      electionDay: ELECTION_LIVE_DRAW.electionDay,
      size,
      women: passingWomen(rng, size),
    });
  }
  return plans;
}

/** Every demo candidate, list by list in plan order, positions ascending. */
export function buildDemoCandidates(): Candidate[] {
  const state = newGenerationState();
  reserveName(state, SHAILDABEKOVA);
  return demoCandidateListPlans().flatMap((plan) => generateCandidateList(plan, state));
}
