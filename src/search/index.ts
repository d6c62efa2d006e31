// Finding things across scripts and spellings: the public search page (parties, candidates, donors,
// payees, report documents and programmes, grouped by kind) and the Search part of the API (candidates).
import type { Capability } from '../platform/capability.ts';
import { searchMessages } from './search.messages.ts';
import { searchPublicRoutes } from './http/public.routes.tsx';
import { searchApi, SEARCH_API_TAG } from './http/search.api.ts';

export const search: Capability = {
  name: 'search',
  messages: [searchMessages],
  routes: (app, ctx) => searchPublicRoutes(app, ctx),
  api: { tag: SEARCH_API_TAG, register: searchApi },
};

export { searchCandidates, type SearchHit } from './search.service.ts';
