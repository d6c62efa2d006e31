// The activity log as the commission reads it: per election, every change to the public record with
// who made it, when, and the record before and after. The log itself is written by each capability's
// services through src/platform/activity-log.ts; this capability only reads it, across elections,
// parties, candidates, programmes and lottery draws, which is why it stands apart from all of them
// (the elections capability, which the lottery needs, could not read lottery draws without a cycle).
import { activityMessages } from './activity.messages.ts';
import type { Capability } from '../platform/capability.ts';
import { publicAndCommissionRoutes } from '../elections/index.ts';
import { activityCommissionRoutes } from './http/commission.routes.tsx';

export const activity: Capability = {
  name: 'activity',
  messages: [activityMessages],
  // Called per registration, not at load: the elections capability may not be loaded yet (import cycle).
  routes: (app, ctx, sections) => publicAndCommissionRoutes(activityCommissionRoutes)(app, ctx, sections),
};

export { activityCommissionRoutes };
