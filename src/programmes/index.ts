// Party programmes: the text per language and the original PDF. The commission attaches them on a
// party's page (this capability's section of it); the public party page and the API show them.
import type { Capability } from '../platform/capability.ts';
import { programmeMessages } from './programme.messages.ts';
import { programmeCommissionRoutes } from './http/commission.routes.tsx';

export const programmes: Capability = {
  name: 'programmes',
  messages: [programmeMessages],
  routes: (app, ctx) => programmeCommissionRoutes(app, ctx),
};

// ---- for other capabilities
export { attachProgramme, getPartiesWithProgramme, getProgramme } from './programme.service.ts';
export { findProgramme } from './programme.repository.ts';
export { ProgrammeSection, type ProgrammeSectionProps } from './views/programme.section.tsx';
