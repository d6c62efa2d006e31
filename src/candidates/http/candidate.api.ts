// API routes of candidates: a party's list and an election's candidates as keyset-paginated,
// filterable listings, and one candidate by id.
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { KeysetCursor } from '../../platform/keyset.ts';
import { notFound, type ApiInstance } from '../../platform/api/api-http.ts';
import { keysetCursor, nextLink } from '../../platform/api/keyset-list.ts';
import { ElectionPathParams, PartyPathParams, lookupResponses } from '../../platform/api/common.schemas.ts';
import { getElection } from '../../elections/index.ts';
import { getParticipation } from '../../parties/index.ts';
import type { CandidateQuery, CandidateSort } from '../candidate.repository.ts';
import { getCandidatePage, getCandidateRecord } from '../candidate.service.ts';
import {
  CandidateDetail,
  CandidatePage,
  CandidatePathParams,
  candidatePageJson,
  ElectionCandidatesQuery,
  ListCandidatesQuery,
  toCandidateResource,
} from './candidate.schemas.ts';

export const CANDIDATES_API_TAG = {
  name: 'Candidates',
  description: 'Candidates on party lists, paginated and filterable.',
};

/** Whether a cursor's value has the type of the sort's column. */
function fitsSort(sort: CandidateSort): (c: KeysetCursor) => boolean {
  switch (sort) {
    case 'position':
      return (c) => typeof c.v === 'number' && Number.isSafeInteger(c.v);
    case 'birthDate':
      return (c) => typeof c.v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.v);
    case 'name':
      return (c) => typeof c.v === 'string';
  }
}

/** One page of a listing, written as JSON (see `candidatePageJson`), and whether it holds nobody. */
async function page(ctx: AppContext, url: string, q: Omit<CandidateQuery, 'after'> & { cursor?: string }) {
  const { cursor, ...query } = q;
  const result = await getCandidatePage(ctx, { ...query, after: keysetCursor(cursor, fitsSort(q.sort)) });
  const pagination = { limit: q.limit, nextCursor: result.nextCursor, next: nextLink(url, result.nextCursor) };
  return { empty: result.items.length === 0, json: candidatePageJson(ctx.memo, result.items, pagination) };
}

/**
 * Sends JSON already written to the route's response schema: Fastify sends a string with a JSON type
 * as it is, so the serializer does not encode the page a second time.
 */
function sendWritten(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json);
}

const PAGINATION_NOTE =
  'Keyset pagination: follow `pagination.next` (or pass `pagination.nextCursor` as `cursor` with the same other parameters) until it is `null`.';

export function candidateApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections/:electionId/parties/:registrationNumber/candidates',
    {
      schema: {
        operationId: 'listPartyCandidates',
        tags: ['Candidates'],
        summary: "List a party's candidates",
        description: `The candidate list of one party in one election, filterable by sex and status. ${PAGINATION_NOTE}`,
        params: PartyPathParams,
        querystring: ListCandidatesQuery,
        response: lookupResponses('One page of the list.', CandidatePage),
      },
    },
    async (req, reply) => {
      const { electionId, registrationNumber } = req.params;
      const found = await page(ctx, req.url, { electionId, partyRegistrationNumber: registrationNumber, ...req.query });
      // A candidate row stands on its party's participation, and that on the election (foreign keys):
      // only an empty page needs to ask whether they exist.
      if (!found.empty) return sendWritten(reply, found.json);
      if (!(await getElection(ctx, electionId))) throw notFound(`There is no election "${electionId}".`);
      if (!(await getParticipation(ctx, electionId, registrationNumber))) {
        throw notFound(`Party "${registrationNumber}" does not stand in election "${electionId}".`);
      }
      return sendWritten(reply, found.json);
    },
  );

  api.get(
    '/v1/elections/:electionId/candidates',
    {
      schema: {
        operationId: 'listElectionCandidates',
        tags: ['Candidates'],
        summary: 'List the candidates of an election',
        description: `Candidates of every party in one election, filterable by party, sex and status. ${PAGINATION_NOTE}`,
        params: ElectionPathParams,
        querystring: ElectionCandidatesQuery,
        response: lookupResponses('One page of candidates.', CandidatePage),
      },
    },
    async (req, reply) => {
      const { electionId } = req.params;
      const { party, ...rest } = req.query;
      const found = await page(ctx, req.url, {
        electionId,
        ...(party ? { partyRegistrationNumber: party } : {}),
        ...rest,
      });
      // Candidates exist only in an existing election (foreign keys): only an empty page asks.
      if (found.empty && !(await getElection(ctx, electionId))) throw notFound(`There is no election "${electionId}".`);
      return sendWritten(reply, found.json);
    },
  );

  api.get(
    '/v1/candidates/:id',
    {
      schema: {
        operationId: 'getCandidate',
        tags: ['Candidates'],
        summary: 'Get one candidate',
        description: 'A candidate by id, with the party and the election they stand in.',
        params: CandidatePathParams,
        response: lookupResponses('The candidate.', CandidateDetail),
      },
    },
    async (req) => {
      const found = await getCandidateRecord(ctx, req.params.id);
      if (!found) throw notFound(`There is no candidate ${req.params.id}.`);
      const { candidate, party, election } = found;
      // A candidate row without its party or election would be a broken database, not a client error.
      if (!party || !election) throw new Error(`Candidate ${candidate.id} has no party or election`);
      return {
        candidate: toCandidateResource(candidate),
        party: { registrationNumber: party.registrationNumber, name: party.name, shortName: party.shortName },
        election: { id: election.id, name: election.name, synthetic: election.synthetic },
      };
    },
  );
}
