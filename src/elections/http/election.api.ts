// API routes of elections: the list of all elections and one election.
import type { AppContext } from '../platform/app-context.ts';
import { findElection, listElections } from '../elections/election.repository.ts';
import { notFound, type ApiInstance } from './api-http.ts';
import { ElectionPathParams, jsonResponse, notFoundResponse, badRequestResponse } from './common.schemas.ts';
import { ElectionList, ElectionResource, toElectionResource } from './election.schemas.ts';

export function electionApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections',
    {
      schema: {
        operationId: 'listElections',
        tags: ['Elections'],
        summary: 'List elections',
        description: 'Every election on the platform, newest first. Demo elections say `synthetic: true`.',
        response: { 200: jsonResponse('All elections.', ElectionList) },
      },
    },
    async () => ({ data: (await listElections(ctx.db)).map(toElectionResource) }),
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
        response: { 200: jsonResponse('The election.', ElectionResource), ...badRequestResponse, ...notFoundResponse },
      },
    },
    async (req) => {
      const election = await findElection(ctx.db, req.params.electionId);
      if (!election) throw notFound(`There is no election "${req.params.electionId}".`);
      return toElectionResource(election);
    },
  );
}
