// The signed-in navigation, without threading it through every view: each request runs inside an
// AsyncLocalStorage scope, a pre-handler fills in the visitor's staff links once the principal is
// known, and the page frame reads them. Anonymous requests leave it empty, so public pages (and the
// page cache, which serves only anonymous visitors) are unaffected.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { NavLink } from '../capability.ts';

interface RequestScope {
  staff?: readonly NavLink[];
}

const scope = new AsyncLocalStorage<RequestScope>();

/** The current request's staff links; undefined outside a request or for anonymous visitors. */
export function currentStaffNav(): readonly NavLink[] | undefined {
  return scope.getStore()?.staff;
}

/**
 * Runs every request in its own scope and, before each handler, asks `linksOf` for the visitor's links
 * (undefined when there are none: an anonymous visitor).
 */
export function staffNavigation(
  app: FastifyInstance,
  linksOf: (req: FastifyRequest) => readonly NavLink[] | undefined,
): void {
  app.addHook('onRequest', (_req, _reply, done) => {
    scope.run({}, done);
  });
  app.addHook('preHandler', (req, _reply, done) => {
    const store = scope.getStore();
    if (store) {
      const links = linksOf(req);
      if (links && links.length > 0) store.staff = links;
    }
    done();
  });
}
