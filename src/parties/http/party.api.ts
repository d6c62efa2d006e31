// API routes of parties in an election: the ballot (every party with its counts and whether its
// list satisfies the rules) and one party with its programme and each list-rule result.
import type { AppContext } from '../platform/app-context.ts';
import { findElection, findRulesProfileById } from '../elections/election.repository.ts';
import { findParticipation, findParty, listBallot } from '../parties/party.repository.ts';
import { listCandidatesByParty, listAllCandidatesOfList } from '../candidates/candidate.repository.ts';
import { listRulesOf } from '../candidates/candidate.service.ts';
import { findProgramme } from '../programmes/programme.repository.ts';
import { checkCandidateList } from '../domain/list-rules.ts';
import { notFound, type ApiInstance } from './api-http.ts';
import { ElectionPathParams, PartyPathParams, badRequestResponse, jsonResponse, notFoundResponse } from './common.schemas.ts';
import {
  BallotList,
  PartyDetail,
  partyLinks,
  toListRuleResource,
  toParticipationResource,
  toPartyResource,
  toProgrammeResource,
} from './party.schemas.ts';

export function partyApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections/:electionId/parties',
    {
      schema: {
        operationId: 'listParties',
        tags: ['Parties'],
        summary: 'List the parties of an election in ballot order',
        description:
          'Each party with its ballot number, status, number of registered candidates and women, and whether its list satisfies every list rule.',
        params: ElectionPathParams,
        response: { 200: jsonResponse('The ballot.', BallotList), ...badRequestResponse, ...notFoundResponse },
      },
    },
    async (req) => {
      const election = await findElection(ctx.db, req.params.electionId);
      if (!election) throw notFound(`There is no election "${req.params.electionId}".`);
      const [ballot, lists, profile] = await Promise.all([
        listBallot(ctx.db, election.id),
        // All lists in one query rather than one per party.
        listCandidatesByParty(ctx.db, election.id),
        findRulesProfileById(ctx.db, election.rulesProfileId),
      ]);
      return {
        data: ballot.map((entry) => {
          const reg = entry.party.registrationNumber;
          const rules = profile ? checkCandidateList(lists.get(reg) ?? [], election.electionDay, profile.candidateList) : [];
          return {
            party: toPartyResource(entry.party),
            participation: toParticipationResource(entry.participation),
            candidateCount: entry.candidateCount,
            womenCount: entry.womenCount,
            // Without a rules profile nothing can be said to pass.
            listRulesPassed: profile !== undefined && rules.every((r) => r.passed),
            links: partyLinks(election.id, reg),
          };
        }),
      };
    },
  );

  api.get(
    '/v1/elections/:electionId/parties/:registrationNumber',
    {
      schema: {
        operationId: 'getParty',
        tags: ['Parties'],
        summary: 'Get one party in an election',
        description: 'The party, its participation, its programme (text and PDF) and its list measured against each list rule.',
        params: PartyPathParams,
        response: { 200: jsonResponse('The party in this election.', PartyDetail), ...badRequestResponse, ...notFoundResponse },
      },
    },
    async (req) => {
      const { electionId, registrationNumber } = req.params;
      const [election, party, participation] = await Promise.all([
        findElection(ctx.db, electionId),
        findParty(ctx.db, registrationNumber),
        findParticipation(ctx.db, electionId, registrationNumber),
      ]);
      if (!election) throw notFound(`There is no election "${electionId}".`);
      if (!party || !participation) throw notFound(`Party "${registrationNumber}" does not stand in election "${electionId}".`);
      const [list, rules, programme] = await Promise.all([
        listAllCandidatesOfList(ctx.db, electionId, registrationNumber),
        listRulesOf(ctx, electionId, registrationNumber),
        findProgramme(ctx.db, electionId, registrationNumber),
      ]);
      const registered = list.filter((c) => c.status === 'registered');
      return {
        electionId,
        party: toPartyResource(party),
        participation: toParticipationResource(participation),
        candidateCount: registered.length,
        womenCount: registered.filter((c) => c.sex === 'female').length,
        programme: toProgrammeResource(programme),
        listRules: (rules ?? []).map(toListRuleResource),
        links: partyLinks(electionId, registrationNumber),
      };
    },
  );
}
