// Voter services: "where do I vote?" by PIN and the surname's first letters (page and API, limited per
// client), the polling stations at home and abroad with their map, the mobile groups abroad with their
// calendars, the change of voting address from the voter's request to the commission's decision, the
// imports of the stations and of the voter list (`talapker import stations|voters`), and the demo's
// synthetic stations and voters.
import type { Capability } from '../platform/capability.ts';
import { votersMessages, t } from './voters.messages.ts';
import { votersPublicRoutes } from './http/public.routes.tsx';
import { votersCommissionRoutes } from './http/commission.routes.tsx';
import { VOTERS_API_TAG, votersApi } from './http/api.routes.ts';
import { startDemoListWorker, votersDemo } from './voters-demo.ts';
import { votersPath } from './views/parts.tsx';

export const voters: Capability = {
  name: 'voters',
  messages: [votersMessages],
  async routes(app, ctx) {
    await votersPublicRoutes(app, ctx);
    await votersCommissionRoutes(app, ctx);
  },
  api: { tag: VOTERS_API_TAG, register: votersApi },
  demo: votersDemo,
  work: startDemoListWorker,
  staffLinks: (locale, may) =>
    may('voter-requests.decide')
      ? [{ href: votersPath.commission(locale), label: t(locale, 'voters.commission.title') }]
      : [],
};

export { votersImportCommand } from './voters-import.command.ts';
export { KNOWN_DEMO_VOTERS } from './core/synthetic.ts';
export { importStations, importVoters } from './voter-list.service.ts';
