// API route of the cross-script candidate search.
import type { AppContext } from '../../platform/app-context.ts';
import type { ApiInstance } from '../../platform/api/api-http.ts';
import { badRequestResponse, jsonResponse } from '../../platform/api/common.schemas.ts';
import { toCandidateResource } from '../../candidates/index.ts';
import { searchCandidates } from '../search.service.ts';
import { SearchQuery, SearchResults } from './search.schemas.ts';

export const SEARCH_API_TAG = { name: 'Search', description: 'Finding people by name across scripts.' };

export function searchApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/search',
    {
      schema: {
        operationId: 'searchCandidates',
        tags: ['Search'],
        summary: 'Find candidates by name',
        description:
          'Matches names across Kyrgyz and Russian Cyrillic and Latin spellings, tolerating typos. An unknown `election` gives no hits rather than an error, like any filter.',
        querystring: SearchQuery,
        response: { 200: jsonResponse('Hits, best first.', SearchResults), ...badRequestResponse },
      },
    },
    async (req) => {
      const { q, election, limit } = req.query;
      const hits = await searchCandidates(ctx, q, { ...(election ? { electionId: election } : {}), limit });
      return {
        query: q,
        data: hits.map((h) => ({
          candidate: toCandidateResource(h.candidate),
          partyName: h.partyName,
          electionName: h.electionName,
        })),
      };
    },
  );
}
