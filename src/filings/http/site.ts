// The site routes of finance reports, registered from the route table: public pages and files
// (public.routes.tsx), the treasurer's drafts (treasurer.routes.ts, draft-files.routes.ts) and the
// commission's review (review.routes.ts). Each route gets the guard its entry in FILING_ROUTES asks for;
// a route of the table without a handler stops the server from starting.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { AppContext } from '../../platform/app-context.ts';
import { FILING_ROUTES, specOf } from './routes.ts';
import { guardOf } from './access.ts';
import { publicRoutes } from './public.routes.tsx';
import { treasurerRoutes } from './treasurer.routes.ts';
import { draftFileRoutes } from './draft-files.routes.ts';
import { reviewRoutes } from './review.routes.ts';

export type SiteHandler = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
/** Registers the handler of the route `id` of FILING_ROUTES, with its guard. */
export type RouteOf = (id: string, handler: SiteHandler) => void;

export interface FilingRouteOptions {
  /** Registers @fastify/multipart in the routes' own scope unless the app has it already (default true). */
  registerMultipart?: boolean;
}

/**
 * The finance report pages, treasurer and commission routes. Async because it registers its own scope
 * (with the multipart parser); call it with `await` after authPlugin and before `app.ready()`.
 */
export async function filingRoutes(app: FastifyInstance, ctx: AppContext, opts: FilingRouteOptions = {}): Promise<void> {
  await app.register(async (scope) => {
    if (opts.registerMultipart !== false && !scope.hasContentTypeParser('multipart/form-data')) {
      // One byte over the limit is let through so that the blob store, which counts, says "too large"
      // instead of storing a silently truncated file.
      await scope.register(multipart, { limits: { fileSize: ctx.config.uploadLimitBytes + 1, files: 1, fields: 20, fieldSize: 10_000, parts: 25 } });
    }
    siteRoutes(scope, ctx);
  });
}

function siteRoutes(app: FastifyInstance, ctx: AppContext): void {
  const registered = new Set<string>();
  const route: RouteOf = (id, handler) => {
    const spec = specOf(id);
    if (spec.scope !== 'site') throw new Error(`${id} is an API route`);
    const guard = guardOf(ctx, spec);
    app.route({
      method: spec.method,
      url: spec.url,
      ...(guard ? { preHandler: guard } : {}),
      ...(spec.multipart ? { config: { csrf: false } } : {}),
      handler,
    });
    registered.add(id);
  };
  publicRoutes(route, ctx);
  treasurerRoutes(route, ctx);
  draftFileRoutes(route, ctx, app);
  reviewRoutes(route, ctx);
  const missing = FILING_ROUTES.filter((r) => r.scope === 'site' && !registered.has(r.id));
  if (missing.length > 0) throw new Error(`filing routes without a handler: ${missing.map((r) => r.id).join(', ')}`);
}
