// The rules profile: every number the law sets for one election, kept as versioned data and shown to
// users, never as constants in code (`../shared` domain notes, "[?]" facts become settings here).
import { z } from 'zod';
import { tyiyn, type Tyiyn } from './money.ts';

export const reportKindSchema = z.enum(['initial', 'interim', 'first', 'final', 'annual']);
export type ReportKind = z.infer<typeof reportKindSchema>;

export const rulesProfileSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  title: z.object({ ky: z.string(), ru: z.string(), en: z.string() }),
  /** Why each unconfirmed number has the value it has. */
  notes: z.string().default(''),
  candidateList: z.object({
    minSize: z.number().int().nonnegative(),
    maxSize: z.number().int().positive(),
    /** Largest share of one sex, in percent. */
    maxShareOneSexPercent: z.number().min(0).max(100),
    /** Longest run of consecutive candidates of the same sex. */
    maxRunOneSex: z.number().int().positive(),
    youthAgeLimit: z.number().int().positive(),
    minShareYouthPercent: z.number().min(0).max(100),
    minShareMinorityPercent: z.number().min(0).max(100),
    minDisabled: z.number().int().nonnegative(),
    /** At least one person with a disability among the first N positions. */
    disabledWithinFirst: z.number().int().positive(),
  }),
  finance: z.object({
    /** Calculation index (РП) in tyiyn. */
    calculationIndexTyiyn: z.number().int().positive(),
    individualDonorCapTyiyn: z.number().int().positive(),
    legalEntityDonorCapTyiyn: z.number().int().positive(),
    fundCapTyiyn: z.number().int().positive(),
    depositTyiyn: z.number().int().nonnegative(),
    cashAllowed: z.boolean(),
    refundDeadlineDays: z.number().int().positive(),
    /** Cap on the party's (or candidate's) own funds in the fund, when the law sets one. */
    ownFundsCapTyiyn: z.number().int().positive().optional(),
    /** Days to transfer an anonymous or debtor's donation to the budget; the refund deadline when unset. */
    budgetTransferDeadlineDays: z.number().int().positive().optional(),
    /** Bank vs report matching tolerance. */
    reconciliationDateToleranceDays: z.number().int().nonnegative(),
  }),
  /**
   * The caps on the fund of a single-mandate candidate (domain notes §1); optional so that profiles stored
   * before it existed still read, and absent for elections without single-mandate seats.
   */
  candidateFinance: z
    .object({
      ownFundsCapTyiyn: z.number().int().positive(),
      /** Cap on what the party that nominated the candidate gives. */
      nominatingPartyCapTyiyn: z.number().int().positive(),
      individualDonorCapTyiyn: z.number().int().positive(),
      legalEntityDonorCapTyiyn: z.number().int().positive(),
      fundCapTyiyn: z.number().int().positive(),
    })
    .optional(),
  reports: z.array(
    z.object({
      kind: reportKindSchema,
      /** Deadline relative to election day, in days (negative = before). */
      dueDaysFromElectionDay: z.number().int(),
    }),
  ),
  /** The voter list; optional so that profiles stored before it existed still read. */
  voters: z
    .object({
      /** Age a voter must have reached on election day. */
      minimumAge: z.number().int().positive(),
      /** Requests to change the voting address are taken until this many days before election day. */
      addressChangeClosesDaysBefore: z.number().int().nonnegative(),
    })
    .optional(),
  ballot: z.object({
    /** Lines fixed by law, such as "Against all", and where they stand. */
    fixedLines: z.array(
      z.object({
        key: z.string(),
        label: z.object({ ky: z.string(), ru: z.string(), en: z.string() }),
        position: z.union([z.literal('after-parties'), z.number().int().positive()]),
      }),
    ),
  }),
});
export type RulesProfile = z.infer<typeof rulesProfileSchema>;

const SOM = 100;
const AGAINST_ALL = {
  key: 'against-all',
  label: { ky: 'Баарына каршы', ru: 'Против всех', en: 'Against all' },
  position: 'after-parties' as const,
};

const kg2021: RulesProfile = {
  id: 'kg-2021-parliament',
  version: 1,
  title: {
    ky: 'Жогорку Кеңеш шайлоосу, 2021',
    ru: 'Выборы в Жогорку Кенеш, 2021',
    en: 'Jogorku Kenesh election, 2021',
  },
  notes:
    'Caps from the 2021 constitutional law (Art. 41). Quotas from Art. 60(3), 2011 text; "difference of three positions" read as at most 2 consecutive of one sex. Refund deadline: default 10 days (not in the law).',
  candidateList: {
    minSize: 120,
    maxSize: 200,
    maxShareOneSexPercent: 70,
    maxRunOneSex: 2,
    youthAgeLimit: 35,
    minShareYouthPercent: 15,
    minShareMinorityPercent: 15,
    minDisabled: 2,
    disabledWithinFirst: 50,
  },
  finance: {
    calculationIndexTyiyn: 100 * SOM,
    individualDonorCapTyiyn: 200_000 * SOM,
    legalEntityDonorCapTyiyn: 3_000_000 * SOM,
    fundCapTyiyn: 300_000_000 * SOM,
    depositTyiyn: 1_000_000 * SOM,
    cashAllowed: false,
    refundDeadlineDays: 10,
    reconciliationDateToleranceDays: 3,
  },
  // Single-mandate candidates, 2021 (domain notes §1).
  candidateFinance: {
    ownFundsCapTyiyn: 150_000 * SOM,
    nominatingPartyCapTyiyn: 1_000_000 * SOM,
    individualDonorCapTyiyn: 200_000 * SOM,
    legalEntityDonorCapTyiyn: 500_000 * SOM,
    fundCapTyiyn: 10_000_000 * SOM,
  },
  reports: [
    { kind: 'initial', dueDaysFromElectionDay: -25 },
    { kind: 'first', dueDaysFromElectionDay: -10 },
    { kind: 'final', dueDaysFromElectionDay: 10 },
  ],
  // The closing day of address changes is a setting, not confirmed in the law.
  voters: { minimumAge: 18, addressChangeClosesDaysBefore: 5 },
  ballot: { fixedLines: [AGAINST_ALL] },
};

// 2020 had no single-mandate seats (one nationwide list), so its profile has no candidate caps.
const { candidateFinance: _noCandidatesIn2020, ...kg2021PartyRules } = kg2021;
const kg2020: RulesProfile = {
  ...kg2021PartyRules,
  id: 'kg-2020-parliament',
  title: {
    ky: 'Жогорку Кеңеш шайлоосу, 2020',
    ru: 'Выборы в Жогорку Кенеш, 2020',
    en: 'Jogorku Kenesh election, 2020',
  },
  notes:
    'The 2020 caps on own funds, per donor and in total were not found in public sources; this profile uses the 2021 numbers and says so. Deposit 5,000,000 som (2020). ' +
    kg2021.notes,
  finance: { ...kg2021.finance, depositTyiyn: 5_000_000 * SOM },
};

/** The profiles that ship with the platform; elections refer to them by id. */
export const builtInRulesProfiles: readonly RulesProfile[] = [kg2020, kg2021];

export function findRulesProfile(id: string): RulesProfile | undefined {
  return builtInRulesProfiles.find((p) => p.id === id);
}

/** Who keeps an electoral fund: a party, or a single-mandate candidate. */
export type FilerKind = 'party' | 'candidate';

/**
 * The caps that apply to one kind of filer's fund, named for where the money comes from. A cap that is
 * absent is one the law (or this profile) does not set.
 */
export interface FilerCaps {
  filerKind: FilerKind;
  individualDonor: Tyiyn;
  legalEntityDonor: Tyiyn;
  /** The filer's own funds: the party's own, or the candidate's. */
  ownFunds?: Tyiyn;
  /** What the nominating party gives its candidate; only for candidates. */
  nominatingParty?: Tyiyn;
  fund: Tyiyn;
}

/**
 * The caps of `profile` for a party's or a candidate's fund; undefined when the profile sets none for
 * candidates (an election without single-mandate seats, or a profile stored before candidate caps).
 */
export function capsFor(profile: RulesProfile, filerKind: FilerKind): FilerCaps | undefined {
  if (filerKind === 'party') {
    const f = profile.finance;
    return {
      filerKind,
      individualDonor: tyiyn(f.individualDonorCapTyiyn),
      legalEntityDonor: tyiyn(f.legalEntityDonorCapTyiyn),
      ...(f.ownFundsCapTyiyn !== undefined ? { ownFunds: tyiyn(f.ownFundsCapTyiyn) } : {}),
      fund: tyiyn(f.fundCapTyiyn),
    };
  }
  const c = profile.candidateFinance;
  if (!c) return undefined;
  return {
    filerKind,
    individualDonor: tyiyn(c.individualDonorCapTyiyn),
    legalEntityDonor: tyiyn(c.legalEntityDonorCapTyiyn),
    ownFunds: tyiyn(c.ownFundsCapTyiyn),
    nominatingParty: tyiyn(c.nominatingPartyCapTyiyn),
    fund: tyiyn(c.fundCapTyiyn),
  };
}
