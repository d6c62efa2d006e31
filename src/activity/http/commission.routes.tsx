// The commission's activity log of an election: who changed what and when, in pages. Reading it needs
// 'audit.read' (commission staff and auditors).
import { sendPrivateHtml, type RouteDef } from '../../platform/web/index.ts';
import type { Action, Resource } from '../../accounts/index.ts';
import { electionRoute, may, PageQuery, positiveId } from '../../elections/index.ts';
import { getElectionActivity } from '../activity.service.ts';
import { ActivityLogPage } from '../views/activity-log.page.tsx';

/**
 * The route table (built when the routes are registered, since it uses what other capabilities export).
 */
export function activityCommissionRoutes(): readonly RouteDef<Action, Resource>[] {
  return [
    electionRoute({
      id: 'commission.activity',
      method: 'GET',
      path: '/activity',
      access: may('audit.read'),
      query: PageQuery,
      handle: async ({ ctx, reply, locale, query }, election) => {
        const before = positiveId(query.before);
        const log = await getElectionActivity(ctx, election.id, before);
        return sendPrivateHtml(
          reply,
          ActivityLogPage({
            locale,
            election,
            entries: log.entries,
            olderThan: log.olderThan,
            paged: before !== undefined,
          }),
        );
      },
    }),
  ];
}
