// Finding candidates by name across scripts and spellings: the public search page and the Search part
// of the API.
import type { Capability } from '../platform/capability.ts';
import { searchPublicRoutes } from './http/public.routes.tsx';
import { searchApi, SEARCH_API_TAG } from './http/search.api.ts';

export const search: Capability = {
  name: 'search',
  routes: (app, ctx) => searchPublicRoutes(app, ctx),
  api: { tag: SEARCH_API_TAG, register: searchApi },
};

export { searchCandidates, type SearchHit } from './search.service.ts';
