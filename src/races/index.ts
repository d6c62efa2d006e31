// Races: the districts of an election as data (single-mandate constituencies and municipalities, each
// with its seats), the parties' lists in each municipality and the candidates standing in them on their
// own or for a party; the imports of both files (`talapker import districts|district-candidates`), their
// public pages, a section on the election's page once the election has districts, and the synthetic
// local council election day of `talapker demo local`.
import type { Capability } from '../platform/capability.ts';
import { racesMessages } from './races.messages.ts';
import { racesElectionSection, racesPublicRoutes } from './http/public.routes.tsx';

export const races: Capability = {
  name: 'races',
  messages: [racesMessages],
  routes: (app, ctx, sections) => racesPublicRoutes(app, ctx, sections),
  // After the lottery's draw and before the money: who stands where is read before how they are funded.
  sections: { election: racesElectionSection, order: 15 },
};

export { racesImportCommand } from './races-import.command.ts';
export { importDistrictCandidates, importDistricts, getDistrictRace, getDistrictsPage } from './races.service.ts';
export type { District, DistrictCandidate, DistrictKind, DistrictPartyList } from './core/district.ts';
export { candidateFullName, getCandidatesInDistricts } from './race-search.service.ts';
export type { CandidateInDistrict, CandidateFund } from './races.repository.ts';
export { listCandidateFunds } from './races.repository.ts';
export { candidateFundNumber, isFundNumber } from './core/candidate-fund.ts';
