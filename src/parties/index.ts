// Parties and their participation in elections (ballot number, status): the public page of a party in
// an election, the commission's screens that register a party and end its participation (with the
// party's page, where the candidates' and programmes' forms sit too), and the Parties part of the API.
import { partyMessages } from './party.messages.ts';
import type { Capability } from '../platform/capability.ts';
import { publicAndCommissionRoutes } from '../elections/index.ts';
import { partyPublicRoutes } from './http/public.routes.tsx';
import { partyCommissionRoutes } from './http/commission.routes.tsx';
import { partyApi, PARTIES_API_TAG } from './http/party.api.ts';

export const parties: Capability = {
  name: 'parties',
  messages: [partyMessages],
  // Called per registration, not at load: the elections capability may not be loaded yet (import cycle).
  routes: (app, ctx, sections) =>
    publicAndCommissionRoutes(partyCommissionRoutes, partyPublicRoutes)(app, ctx, sections),
  api: { tag: PARTIES_API_TAG, register: partyApi },
};

export { partyCommissionRoutes };

// ---- for other capabilities
export {
  getBallot,
  getCheckedBallot,
  getParticipation,
  getPartiesOutside,
  getParty,
  getPartiesWithLatestElection,
  getPartyNames,
  getPartyRecord,
  registerParty,
  setParticipationStatus,
  type BallotLine,
  type CheckedBallot,
  type PartyRecord,
} from './party.service.ts';
export {
  findParticipation,
  findParty,
  insertParty,
  listBallot,
  participationFromRow,
  partyFromRow,
  PARTY_NAME_COLUMNS,
  updateParty,
  upsertParticipation,
  type BallotEntry,
  type PartyNamesAndPage,
} from './party.repository.ts';
export {
  commissionPartyAt,
  partyRoute,
  renderCommissionParty,
  type CommissionPartyAt,
  type CommissionPartyView,
} from './http/commission.routes.tsx';
