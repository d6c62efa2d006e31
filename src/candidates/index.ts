// Candidate lists: the public page of a candidate; the commission's import of a party's whole list
// (CSV or XLSX, all or nothing) and withdrawal of a candidate, each re-checking the list rules; the
// Candidates part of the API with keyset pagination; and the list-rule table other pages show.
import { candidateMessages } from './candidate.messages.ts';
import type { Capability } from '../platform/capability.ts';
import { defineRoutes } from '../platform/web/index.ts';
import { COMMISSION_AUTH, COMMISSION_UPLOAD_LIMITS } from '../elections/index.ts';
import { candidatePublicRoutes } from './http/public.routes.tsx';
import { candidateCommissionRoutes } from './http/commission.routes.tsx';
import { candidateApi, CANDIDATES_API_TAG } from './http/candidate.api.ts';
import { candidatesLogged } from './candidate-log.ts';

export const candidates: Capability = {
  name: 'candidates',
  messages: [candidateMessages],
  async routes(app, ctx) {
    candidatePublicRoutes(app, ctx);
    await defineRoutes(app, ctx, candidateCommissionRoutes(), {
      auth: COMMISSION_AUTH,
      multipartLimits: COMMISSION_UPLOAD_LIMITS,
    });
  },
  api: { tag: CANDIDATES_API_TAG, register: candidateApi },
  logged: candidatesLogged,
};

export { candidateCommissionRoutes };

// ---- for other capabilities
export {
  getCandidate,
  getCandidateNames,
  getCandidateList,
  getCandidatePage,
  getCandidateRecord,
  getListsByParty,
  getPublicCandidates,
  importCandidateList,
  insertCheckedCandidates,
  listRulesOf,
  withdrawCandidate,
} from './candidate.service.ts';
export { findCandidate, listAllCandidatesOfList, listCandidatesByParty } from './candidate.repository.ts';
export { candidateListRef } from './candidate-log.ts';
export { CandidateResource, toCandidateResource } from './http/candidate.schemas.ts';
export { RulesTable } from './views/rules-table.tsx';
export {
  CandidateListSection,
  importedNotice,
  WithdrawnNotice,
  type CandidateListSectionProps,
} from './views/candidate-list.section.tsx';
