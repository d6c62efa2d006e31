// API routes of elections: the list of all elections and one election.
import type { AppContext } from '../../platform/app-context.ts';
import { notFound, type ApiInstance } from '../../platform/api/api-http.ts';
import {
  badRequestResponse,
  ElectionPathParams,
  jsonResponse,
  lookupResponses,
} from '../../platform/api/common.schemas.ts';
import { getElection, getElections } from '../election.service.ts';
import { ElectionList, ElectionResource, toElectionResource } from './election.schemas.ts';

export const ELECTIONS_API_TAG = {
  name: 'Elections',
  description: 'Elections called by the Central Election Commission.',
};

export function electionApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections',
    {
      schema: {
        operationId: 'listElections',
        tags: ['Elections'],
        summary: 'List elections',
        description: 'Every election on the platform, newest first. Demo elections say `synthetic: true`.',
        response: { 200: jsonResponse('All elections.', ElectionList), ...badRequestResponse },
      },
    },
    async () => ({ data: (await getElections(ctx)).map(toElectionResource) }),
  );

  api.get(
    '/v1/elections/:electionId',
    {
      schema: {
        operationId: 'getElection',
        tags: ['Elections'],
        summary: 'Get one election',
        description: 'Dates, seats, threshold, status and the rules profile of one election.',
        params: ElectionPathParams,
        response: lookupResponses('The election.', ElectionResource),
      },
    },
    async (req) => {
      const election = await getElection(ctx, req.params.electionId);
      if (!election) throw notFound(`There is no election "${req.params.electionId}".`);
      return toElectionResource(election);
    },
  );
}
