// Donors and payees for journalists: one stable public identifier per donor and per payee (a keyed
// hash of the PIN or INN, never the number of a person), ranked lists per election and party, each
// one's page with every line, their downloads and API. It reads the lines the filings capability
// stores; it has no demo content of its own.
import type { Capability } from '../platform/capability.ts';
import { exploreMessages } from './explore.messages.ts';
import { exploreRoutes } from './http/public.routes.tsx';
import { EXPLORE_API_TAG, exploreApi } from './http/api.routes.ts';
import { exploreElectionSection } from './http/sections.tsx';
import { exploreDataFiles } from './http/data-files.ts';

export const explore: Capability = {
  name: 'explore',
  messages: [exploreMessages],
  routes: (app, ctx) => exploreRoutes(app, ctx),
  api: { tag: EXPLORE_API_TAG, register: exploreApi },
  // After the finance section (20), before the list of reports (30).
  sections: { election: exploreElectionSection, order: 21 },
  dataFiles: exploreDataFiles,
};

export { donorIdentity, payeeIdentity, type Identity } from './core/identity.ts';
export { identityKey } from './identity-key.ts';
export {
  counterpartPage,
  counterpartsOfElections,
  type CounterpartPage,
  type ElectionCounterparts,
} from './explore.service.ts';
export type { Counterpart, Role } from './core/aggregates.ts';
export { counterpartPath } from './core/paths.ts';
