// Elections: the elections the commission calls and the rules profile each follows; their public pages
// (every election, one election with its ballot), the commission's home and election screens, and the
// Elections part of the API.
//
// The commission's home is the list of elections, so this capability also holds what every commission
// screen shares (its addresses, page frame, form conventions, problems in words, multipart reading),
// for the parties, candidates, programmes and activity screens to use.
import type { Capability } from '../platform/capability.ts';
import { t } from '../platform/i18n/i18n.ts';
import { electionMessages } from './election.messages.ts';
import { electionPublicRoutes } from './http/public.routes.tsx';
import { electionCommissionRoutes } from './http/commission.routes.tsx';
import { electionApi, ELECTIONS_API_TAG } from './http/election.api.ts';
import { commissionHomePath } from './views/commission-frame.tsx';

export const elections: Capability = {
  name: 'elections',
  messages: [electionMessages],
  routes(app, ctx, sections) {
    electionPublicRoutes(app, ctx, sections);
    electionCommissionRoutes(app, ctx);
  },
  api: { tag: ELECTIONS_API_TAG, register: electionApi },
  staffLinks: (locale, may) => (may('audit.read') ? [{ href: commissionHomePath(locale), label: t(locale, 'commission.title.home') }] : []),
};

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
export { electionFromRow, findElection, findRulesProfileById, listElections } from './election.repository.ts';
export { recordProblems } from './core/record-problems.ts';
export { toElectionResource, ElectionResource } from './http/election.schemas.ts';

// ---- what every commission screen shares
export {
  activityPath,
  commissionElectionPath,
  commissionHomePath,
  commissionPartyPath,
  CommissionPage,
  DateInput,
  Done,
  electionsPath,
  enc,
  ErrorSummary,
  FileInput,
  formErrors,
  Input,
  newElectionPath,
  newPartyPath,
  partiesPath,
  problemText,
  Select,
  TextArea,
  when,
  type FormError,
} from './views/commission-frame.tsx';
export { badDate, checkDate, checkText, formValues, isRealDate, MAX_SHORT, onForm, required, tooLong, type FormValues } from './http/form-checks.ts';
export {
  doneText,
  ElectionParams,
  LocaleParams,
  me,
  MULTIPART_FORM,
  pageQuery,
  PartyParams,
  positiveId,
  readUpload,
  seeOther,
  sendCommissionPage,
  withMultipart,
  type PageQuery,
  type UploadForm,
} from './http/commission-http.ts';
