// API routes of parties in an election: the ballot (every party with its counts and whether its
// list satisfies the rules) and one party with its programme and each list-rule result.
import type { AppContext } from '../../platform/app-context.ts';
import { notFound, type ApiInstance } from '../../platform/api/api-http.ts';
import { ElectionPathParams, PartyPathParams, lookupResponses } from '../../platform/api/common.schemas.ts';
import { getCheckedBallot, getPartyRecord } from '../party.service.ts';
import {
  BallotList,
  PartyDetail,
  partyLinks,
  toListRuleResource,
  toParticipationResource,
  toPartyResource,
  toProgrammeResource,
} from './party.schemas.ts';

export const PARTIES_API_TAG = { name: 'Parties', description: 'Parties standing in an election, in ballot order.' };

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
        response: lookupResponses('The ballot.', BallotList),
      },
    },
    async (req) => {
      const ballot = await getCheckedBallot(ctx, req.params.electionId);
      if (!ballot) throw notFound(`There is no election "${req.params.electionId}".`);
      const { election, profile } = ballot;
      return {
        data: ballot.lines.map(({ entry, rules }) => ({
          party: toPartyResource(entry.party),
          participation: toParticipationResource(entry.participation),
          candidateCount: entry.candidateCount,
          womenCount: entry.womenCount,
          // Without a rules profile nothing can be said to pass.
          listRulesPassed: profile !== undefined && rules.every((r) => r.passed),
          links: partyLinks(election.id, entry.party.registrationNumber),
        })),
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
        description:
          'The party, its participation, its programme (text and PDF) and its list measured against each list rule.',
        params: PartyPathParams,
        response: lookupResponses('The party in this election.', PartyDetail),
      },
    },
    async (req) => {
      const { electionId, registrationNumber } = req.params;
      const { election, record } = await getPartyRecord(ctx, electionId, registrationNumber);
      if (!election) throw notFound(`There is no election "${electionId}".`);
      if (!record) throw notFound(`Party "${registrationNumber}" does not stand in election "${electionId}".`);
      const registered = record.candidates.filter((c) => c.status === 'registered');
      return {
        electionId,
        party: toPartyResource(record.party),
        participation: toParticipationResource(record.participation),
        candidateCount: registered.length,
        womenCount: registered.filter((c) => c.sex === 'female').length,
        programme: toProgrammeResource(record.programme),
        listRules: record.rules.map(toListRuleResource),
        links: partyLinks(electionId, registrationNumber),
      };
    },
  );
}
