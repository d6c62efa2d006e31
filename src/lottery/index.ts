// The ballot-order lottery capability: the ceremony (freeze, rolls, draw, redo) with its public,
// verifiable record, the hall screen, the ballot proof, its section on the election page, its part
// of the demo, and the commission's list of lotteries in the staff navigation.
// Other capabilities import from here only.
import type { Capability } from '../platform/capability.ts';
import { t } from './lottery.messages.ts';
import { lotteryMessages } from './lottery.messages.ts';
import { lotteryElectionSection, lotteryRoutes } from './http/lottery.routes.tsx';
import { lotteryDemo } from './lottery-demo.ts';
import { lotteryLogged } from './lottery-log.ts';

export const lottery: Capability = {
  name: 'lottery',
  messages: [lotteryMessages],
  routes: (app, ctx) => lotteryRoutes(app, ctx),
  sections: { election: lotteryElectionSection, order: 10 },
  demo: lotteryDemo,
  logged: lotteryLogged,
  staffLinks: (locale, may) =>
    may('election.manage') ? [{ href: `/${locale}/lottery`, label: t(locale, 'lottery.consoles.title') }] : [],
};

export { DRAW_ENTITY } from './ceremony.service.ts';
export { lotteryRoutes, lotteryElectionSection } from './http/lottery.routes.tsx';
export { lotteryDemo, DEMO_2020_ELECTION } from './lottery-demo.ts';
