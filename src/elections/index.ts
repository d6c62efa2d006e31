// Elections: the elections the commission calls and the rules profile each follows; their public pages
// (every election, one election with its ballot), the commission's home and election screens, and the
// Elections part of the API.
//
// The commission's home is the list of elections, so this capability also holds what every commission
// screen shares (its addresses, page frame, form conventions, problems in words, access rule), for the
// parties, candidates, programmes and activity screens to use.
//
// The catalogue comes first: the other capabilities' catalogues are built from it when their modules
// load, whichever capability is imported first.
export { electionMessages } from './election.messages.ts';
import { electionMessages, t } from './election.messages.ts';
import type { Capability } from '../platform/capability.ts';
import { electionPublicRoutes } from './http/public.routes.tsx';
import { electionCommissionRoutes } from './http/commission.routes.tsx';
import { publicAndCommissionRoutes } from './http/commission-http.ts';
import { electionApi, ELECTIONS_API_TAG } from './http/election.api.ts';
import { commissionHomePath } from './views/commission-frame.tsx';

export const elections: Capability = {
  name: 'elections',
  messages: [electionMessages],
  routes: publicAndCommissionRoutes(electionCommissionRoutes, electionPublicRoutes),
  api: { tag: ELECTIONS_API_TAG, register: electionApi },
  staffLinks: (locale, may) =>
    may('audit.read') ? [{ href: commissionHomePath(locale), label: t(locale, 'commission.title.home') }] : [],
};

export { electionCommissionRoutes };

// ---- for other capabilities
export {
  anySyntheticElection,
  createElection,
  ensureBuiltInRulesProfiles,
  getElection,
  getElections,
  getRulesProfile,
  getRulesProfiles,
} from './election.service.ts';
export {
  electionFromRow,
  findElection,
  findRulesProfileById,
  insertElection,
  listElections,
} from './election.repository.ts';
export { recordProblems } from './core/record-problems.ts';
export { toElectionResource, ElectionResource } from './http/election.schemas.ts';

// ---- what every commission screen shares
export {
  activityPath,
  commissionElectionPath,
  CommissionErrors,
  commissionErrors,
  commissionHomePath,
  commissionPartyPath,
  CommissionPage,
  electionsPath,
  enc,
  fieldLabel,
  newElectionPath,
  newPartyPath,
  partiesPath,
  problemText,
  type CommissionForm,
  type Lookup,
} from './views/commission-frame.tsx';
export {
  badDate,
  checkDate,
  checkText,
  formValues,
  isRealDate,
  MAX_SHORT,
  onForm,
  required,
  tooLong,
  type FormValues,
} from './http/form-checks.ts';
export {
  COMMISSION_AUTH,
  COMMISSION_UPLOAD_LIMITS,
  doneText,
  ElectionParams,
  electionRoute,
  LocaleParams,
  may,
  me,
  PageQuery,
  PartyParams,
  positiveId,
  publicAndCommissionRoutes,
  readCommissionUpload,
  type ElectionRouteInput,
  type ReadMultipart,
} from './http/commission-http.ts';
