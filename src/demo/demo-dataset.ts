// The whole synthetic demo dataset in one pure call: elections, parties, participations, candidate
// lists, programmes and logos. No database and no clock: the loader stores what this returns (and
// sets Party.logoBlobKey / Programme.pdfBlobKey once it has stored the blobs).
//
// Real: party names, ballot order of 2020, election dates. Synthetic: every person, number, address,
// amount, programme text and logo. SYNTHETIC_NOTICE is the banner every demo page shows.
import type { Candidate, Election, Localized, Participation, Party } from '../domain/election.ts';
import { buildDemoCandidates } from './candidates.ts';
import { DEMO_ELECTIONS, ELECTION_2020, ELECTION_2021, ELECTION_LIVE_DRAW } from './elections.ts';
import { syntheticLogoSvg } from './logos.ts';
import { PARTICIPANTS_2021, PARTICIPANTS_LIVE_DRAW, PARTIES_2020, PARTIES_2021_NEW } from './parties-2020.ts';
import { generateProgramme } from './programmes.ts';

export const SYNTHETIC_NOTICE: Localized = {
  ky: 'Бул демодогу талапкерлер, демөөрчүлөр жана суммалар ойдон чыгарылган (синтетикалык); партиялардын аттары жана даталар чыныгы.',
  ru: 'Кандидаты, жертвователи и суммы в этой демонстрации вымышлены (синтетические); названия партий и даты настоящие.',
  en: 'The candidates, donors and amounts in this demo are synthetic; party names and dates are real.',
};

export interface DemoProgrammeText {
  electionId: string;
  partyRegistrationNumber: string;
  text: Localized;
}

export interface DemoLogo {
  partyRegistrationNumber: string;
  svg: string;
}

export interface DemoDataset {
  elections: Election[];
  parties: Party[];
  participations: Participation[];
  candidates: Candidate[];
  programmes: DemoProgrammeText[];
  logos: DemoLogo[];
}

const registered = (
  electionId: string,
  partyRegistrationNumber: string,
  ballotNumber: number | null,
): Participation => ({
  electionId,
  partyRegistrationNumber,
  ballotNumber,
  status: 'registered',
  statusDate: null,
  statusReason: '',
});

/** Builds the dataset afresh; the same every run (fixed seed), so callers may build it as often as they like. */
export function buildDemoDataset(): DemoDataset {
  // Fresh copies: callers (and the loader) may mutate what they get without touching the constants.
  const elections = DEMO_ELECTIONS.map((e) => structuredClone(e));
  const parties = [...PARTIES_2020, ...PARTIES_2021_NEW].map((p) => structuredClone(p));
  const byReg = new Map(parties.map((p) => [p.registrationNumber, p]));

  const participations: Participation[] = [
    ...PARTIES_2020.map((p, i) => registered(ELECTION_2020.id, p.registrationNumber, i + 1)),
    ...PARTICIPANTS_2021.map((p) => registered(ELECTION_2021.id, p.registrationNumber, p.ballotNumber)),
    // Not drawn yet: the live lottery assigns these.
    ...PARTICIPANTS_LIVE_DRAW.map((reg) => registered(ELECTION_LIVE_DRAW.id, reg, null)),
  ];

  const programmes = participations.map((p) => {
    const party = byReg.get(p.partyRegistrationNumber);
    if (!party) throw new Error(`participation of unknown party ${p.partyRegistrationNumber}`);
    return generateProgramme(p.electionId, party);
  });

  return {
    elections,
    parties,
    participations,
    candidates: buildDemoCandidates(),
    programmes,
    logos: parties.map((p) => ({ partyRegistrationNumber: p.registrationNumber, svg: syntheticLogoSvg(p) })),
  };
}
