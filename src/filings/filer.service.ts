// Who files a report: a party standing in the election (by its registration number) or a single-mandate
// candidate's electoral fund (by the fund's number, races/core/candidate-fund.ts). Chains, drafts,
// treasurers and permissions are keyed by that one number, so both kinds of filer go through the same
// forms and the same submission; what differs is said here: the caps that apply and how the filer is named.
import type { Db } from './filing.repository.ts';
import type { Locale, Localized } from '../domain/election.ts';
import type { FilerKind } from '../domain/rules-profile.ts';
import { findParticipation, findParty } from '../parties/index.ts';
import { candidateFullName, isFundNumber, listCandidateFunds, type CandidateFund } from '../races/index.ts';
import { t } from './filing.messages.ts';

export interface Filer {
  kind: FilerKind;
  /** A party's registration number, or a candidate fund's number. */
  registrationNumber: string;
  /** How lists and headings name the filer. */
  name: Localized;
  /** The candidate and their district, for a candidate's fund. */
  fund?: CandidateFund;
}

/** What is shown of a filer in lists: its name. A party is one too. */
export interface NamedFiler {
  name: Localized;
}

const LOCALES: readonly Locale[] = ['ky', 'ru', 'en'];

/** "Electoral fund of <candidate>, <district>" in the three languages. */
export function fundName(fund: CandidateFund): Localized {
  const named = (l: Locale) =>
    t(l, 'filings.fund.candidate', { candidate: candidateFullName(fund), district: fund.district.name[l] });
  return Object.fromEntries(LOCALES.map((l) => [l, named(l)])) as Localized;
}

/** The filer under `reg` in the election, or undefined when no party stands and no candidate fund is there. */
export async function findFiler(db: Db, electionId: string, reg: string): Promise<Filer | undefined> {
  if (isFundNumber(reg)) {
    const [fund] = await listCandidateFunds(db, { fundNumber: reg, electionId });
    return fund && { kind: 'candidate', registrationNumber: reg, name: fundName(fund), fund };
  }
  if (!(await findParticipation(db, electionId, reg))) return undefined;
  const party = await findParty(db, reg);
  return party && { kind: 'party', registrationNumber: reg, name: party.name };
}

/** The name of the filer under `reg` whatever the election: a party, or a candidate's fund. */
export async function findFilerName(db: Db, reg: string): Promise<NamedFiler | undefined> {
  if (!isFundNumber(reg)) return findParty(db, reg);
  const [fund] = await listCandidateFunds(db, { fundNumber: reg });
  return fund && { name: fundName(fund) };
}

/** The elections a candidate fund's treasurer may report in: the fund's own. */
export async function listFundParticipations(
  db: Db,
  reg: string,
): Promise<Array<{ electionId: string; partyRegistrationNumber: string; name: Localized }>> {
  if (!isFundNumber(reg)) return [];
  const funds = await listCandidateFunds(db, { fundNumber: reg });
  return funds.map((f) => ({ electionId: f.electionId, partyRegistrationNumber: reg, name: fundName(f) }));
}
