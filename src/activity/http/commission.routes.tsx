// The commission's activity log of an election: who changed what and when, in pages. Reading it needs
// 'audit.read' (commission staff and auditors).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { notFound } from '../../platform/web/errors.tsx';
import { requirePermission } from '../../accounts/index.ts';
import { ElectionParams, getElection, pageQuery, positiveId, sendCommissionPage } from '../../elections/index.ts';
import { getElectionActivity } from '../activity.service.ts';
import { ActivityLogPage } from '../views/activity-log.page.tsx';

export function activityCommissionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/commission/elections/:id/activity', { preHandler: requirePermission('audit.read') }, async (req, reply) => {
    const params = ElectionParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const { locale, id } = params.data;
    const election = await getElection(ctx, id);
    if (!election) return notFound(reply, locale);
    const before = positiveId(pageQuery(req.query).before);
    const log = await getElectionActivity(ctx, election.id, before);
    return sendCommissionPage(reply, ActivityLogPage({ locale, election, entries: log.entries, olderThan: log.olderThan, paged: before !== undefined }));
  });
}
