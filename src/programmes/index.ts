// Party programmes: the text per language and the original PDF. The commission attaches them on a
// party's page (this capability's section of it); the public party page and the API show them.
import { programmeMessages } from './programme.messages.ts';
import type { Capability } from '../platform/capability.ts';
import { defineRoutes } from '../platform/web/index.ts';
import { COMMISSION_AUTH, COMMISSION_UPLOAD_LIMITS } from '../elections/index.ts';
import { programmeCommissionRoutes } from './http/commission.routes.tsx';
import { programmesLogged } from './programme-log.ts';

export const programmes: Capability = {
  name: 'programmes',
  messages: [programmeMessages],
  async routes(app, ctx) {
    await defineRoutes(app, ctx, programmeCommissionRoutes(), {
      auth: COMMISSION_AUTH,
      multipartLimits: COMMISSION_UPLOAD_LIMITS,
    });
  },
  logged: programmesLogged,
};

export { programmeCommissionRoutes };

// ---- for other capabilities
export { attachProgramme, findProgrammeTexts, getPartiesWithProgramme, getProgramme } from './programme.service.ts';
export { findProgramme } from './programme.repository.ts';
export type { ProgrammeTextHit } from './core/programme-search.ts';
export { ProgrammeSection, programmeNotice, type ProgrammeSectionProps } from './views/programme.section.tsx';
export { ProgrammeLanguageNote, programmeLanguage } from './views/programme-language.tsx';
