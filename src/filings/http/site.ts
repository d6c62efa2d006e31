// The site routes of finance reports, registered by the web kit's defineRoutes from the route table:
// public pages and files (public.routes.tsx), the treasurer's drafts (treasurer.routes.ts,
// draft-files.routes.ts) and the commission's review (review.routes.ts). Each route takes its method,
// path and access rule from its entry in FILING_ROUTES; a route of the table without a handler, or a
// handler without an entry, stops the server from starting.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { defineRoutes, type RouteDef } from '../../platform/web/index.ts';
import type { Action, Resource } from '../../accounts/index.ts';
import { scanTooLarge } from '../core/scans.ts';
import { FILING_ROUTES } from './routes.ts';
import { siteAuth } from './access.ts';
import { publicRoutes } from './public.routes.tsx';
import { treasurerRoutes } from './treasurer.routes.ts';
import { draftFileRoutes } from './draft-files.routes.ts';
import { reviewRoutes } from './review.routes.ts';

/** Every site route of finance reports. */
export function filingSiteRoutes(): RouteDef<Action, Resource>[] {
  const table = [...publicRoutes(), ...treasurerRoutes(), ...draftFileRoutes(), ...reviewRoutes()];
  const site = FILING_ROUTES.filter((r) => r.scope === 'site').map((r) => r.id);
  const missing = site.filter((id) => !table.some((r) => r.id === id));
  if (missing.length > 0) throw new Error(`filing routes without a handler: ${missing.join(', ')}`);
  return table;
}

/**
 * The finance report pages, treasurer and commission routes, in a scope of their own (with the multipart
 * parser). Call it with `await` after authPlugin and before `app.ready()`.
 */
export async function filingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await defineRoutes(app, ctx, filingSiteRoutes(), {
    auth: siteAuth,
    tooLarge: () => scanTooLarge(ctx.config.uploadLimitBytes),
  });
}
