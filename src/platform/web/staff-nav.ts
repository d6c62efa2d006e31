// The signed-in navigation, without threading it through every view: a pre-handler puts the visitor's
// staff links in the request's scope once the principal is known, and the page frame reads them. Anonymous requests leave it empty, so public pages (and the
// page cache, which serves only anonymous visitors) are unaffected.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { NavLink } from '../capability.ts';
import { currentRequestScope } from '../request-scope.ts';

/** The current request's staff links; undefined outside a request or for anonymous visitors. */
export function currentStaffNav(): readonly NavLink[] | undefined {
  return currentRequestScope()?.staff;
}

/**
 * Before each handler, asks `linksOf` for the visitor's links (undefined when there are none: an
 * anonymous visitor) and keeps them in the request's scope (`requestScopes`, registered first).
 */
export function staffNavigation(
  app: FastifyInstance,
  linksOf: (req: FastifyRequest) => readonly NavLink[] | undefined,
): void {
  app.addHook('preHandler', (req, _reply, done) => {
    const store = currentRequestScope();
    if (store) {
      const links = linksOf(req);
      if (links && links.length > 0) store.staff = links;
    }
    done();
  });
}
