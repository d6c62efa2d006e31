// The requirement gate: before a sensitive screen of any capability (review, reconciliation, lottery
// console, user management) a signed-in person whose role has requirements they do not meet gets the
// page that lists what is missing instead. A screen says it is sensitive on its own route (`training` in
// its route table's access, or `needsTraining` in the route's config); the gate reads that flag of the
// matched route, so moving a screen to another address keeps it gated. API tokens are not stopped here:
// machines do not take courses.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { sendHtml } from '../../platform/web/index.ts';
import { localeOfRequest, ROLES } from '../../accounts/index.ts';
import { coursesOf } from '../course-content.ts';
import { missingFor, requirementsOf } from '../training.service.ts';
import { GatePage } from '../views/gate.page.tsx';
import { learnerOf } from './training-http.ts';

/** Whether the matched route is a sensitive screen. */
export function needsTraining(req: FastifyRequest): boolean {
  return req.routeOptions.config.needsTraining === true;
}

/** Refuses to start with requirements that name a role or a course nobody has. */
function checkRequirements(ctx: AppContext): void {
  const courses = coursesOf(ctx);
  for (const r of requirementsOf(ctx)) {
    if (!(ROLES as readonly string[]).includes(r.role))
      throw new Error(`TALAPKER_TRAINING_REQUIREMENTS names the unknown role ${r.role}`);
    for (const c of r.courses)
      if (!courses.has(c.id)) throw new Error(`TALAPKER_TRAINING_REQUIREMENTS names the unknown course ${c.id}`);
  }
}

export function installGate(app: FastifyInstance, ctx: AppContext): void {
  checkRequirements(ctx);
  const roles = new Set(requirementsOf(ctx).map((r) => r.role));
  if (roles.size === 0) return;
  app.addHook('preHandler', async (req, reply) => {
    const p = req.principal;
    if (!p || p.via !== 'session' || !roles.has(p.role)) return;
    if (!needsTraining(req)) return;
    const missing = await missingFor(ctx, learnerOf(p));
    if (missing.length === 0) return;
    const locale = localeOfRequest(req);
    const retry = req.method === 'GET' ? req.url : `/${locale}/training`;
    const page = GatePage({ locale, missing, courses: coursesOf(ctx), retry });
    return sendHtml(reply, page, { status: 403, cache: 'no-store' });
  });
}
