// API routes of candidates: a party's list and an election's candidates as keyset-paginated,
// filterable listings, and one candidate by id.
import type { AppContext } from '../platform/app-context.ts';
import { findElection } from '../elections/election.repository.ts';
import { findParticipation, findParty } from '../parties/party.repository.ts';
import { findCandidate, listCandidates, type CandidateQuery, type CandidateSort } from '../candidates/candidate.repository.ts';
import { decodeCursor, type KeysetCursor } from '../platform/keyset.ts';
import { ApiError, notFound, type ApiInstance } from './api-http.ts';
import { ElectionPathParams, PartyPathParams, badRequestResponse, jsonResponse, notFoundResponse } from './common.schemas.ts';
import {
  CandidateDetail,
  CandidatePage,
  CandidatePathParams,
  ElectionCandidatesQuery,
  ListCandidatesQuery,
  toCandidateResource,
} from './candidate.schemas.ts';

/**
 * A cursor is only meaningful for the sort it came from: a name compared with a list position would
 * silently skip or repeat rows, so a cursor whose value has the wrong type is refused.
 */
function cursorFor(token: string | undefined, sort: CandidateSort): KeysetCursor | undefined {
  if (token === undefined) return undefined;
  const c = decodeCursor(token);
  const fits =
    c !== undefined &&
    (sort === 'position'
      ? typeof c.v === 'number' && Number.isSafeInteger(c.v)
      : sort === 'birthDate'
        ? typeof c.v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.v)
        : typeof c.v === 'string');
  if (!fits) {
    throw new ApiError(
      400,
      'invalid_cursor',
      'The cursor is not one this API gave out for this sort; start again without `cursor` and follow `pagination.next`.',
    );
  }
  return c;
}

/** The same request with the next cursor, so clients follow links instead of rebuilding queries. */
function nextLink(url: string, cursor: string | null): string | null {
  if (cursor === null) return null;
  const u = new URL(url, 'http://api.invalid');
  u.searchParams.set('cursor', cursor);
  return `${u.pathname}${u.search}`;
}

async function page(ctx: AppContext, url: string, q: Omit<CandidateQuery, 'after'> & { cursor?: string }) {
  const { cursor, ...query } = q;
  const result = await listCandidates(ctx.db, { ...query, after: cursorFor(cursor, q.sort) });
  return {
    data: result.items.map(toCandidateResource),
    pagination: { limit: q.limit, nextCursor: result.nextCursor, next: nextLink(url, result.nextCursor) },
  };
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
        response: { 200: jsonResponse('One page of the list.', CandidatePage), ...badRequestResponse, ...notFoundResponse },
      },
    },
    async (req) => {
      const { electionId, registrationNumber } = req.params;
      if (!(await findElection(ctx.db, electionId))) throw notFound(`There is no election "${electionId}".`);
      if (!(await findParticipation(ctx.db, electionId, registrationNumber))) {
        throw notFound(`Party "${registrationNumber}" does not stand in election "${electionId}".`);
      }
      return page(ctx, req.url, { electionId, partyRegistrationNumber: registrationNumber, ...req.query });
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
        response: { 200: jsonResponse('One page of candidates.', CandidatePage), ...badRequestResponse, ...notFoundResponse },
      },
    },
    async (req) => {
      const { electionId } = req.params;
      if (!(await findElection(ctx.db, electionId))) throw notFound(`There is no election "${electionId}".`);
      const { party, ...rest } = req.query;
      return page(ctx, req.url, { electionId, ...(party ? { partyRegistrationNumber: party } : {}), ...rest });
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
        response: { 200: jsonResponse('The candidate.', CandidateDetail), ...badRequestResponse, ...notFoundResponse },
      },
    },
    async (req) => {
      const candidate = await findCandidate(ctx.db, req.params.id);
      if (!candidate) throw notFound(`There is no candidate ${req.params.id}.`);
      const [party, election] = await Promise.all([
        findParty(ctx.db, candidate.partyRegistrationNumber),
        findElection(ctx.db, candidate.electionId),
      ]);
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
