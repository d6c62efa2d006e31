// Who may file annual reports: the same people and tokens as finance reports, judged by the same
// policy. A treasurer files for their own party only; an API token needs the filing scopes
// (`filings:write` and `filings:submit`); the commission's administrators may file for any party.
// The party judged is the one the document names, so a treasurer cannot file for another party by
// sending its number.
import { z } from 'zod';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { csrfCheck, type RouteAuth } from '../../platform/web/index.ts';
import { requirePermission, type Action, type Principal, type Resource } from '../../accounts/index.ts';

/** What filing needs, on the site (a browser session: the role decides) and by token (scopes too). */
export const SITE_FILE_ACTIONS = ['filing.submit'] as const satisfies readonly Action[];
export const API_FILE_ACTIONS = ['filing.draft.write', 'filing.submit'] as const satisfies readonly Action[];
/** Reading one's own screen: what the finance reports' treasurer screen needs. */
export const READ_ACTION: Action = 'filing.draft.read';

/** The party a document's header names; empty when the body names none. */
const namedParty = z
  .object({ header: z.object({ partyRegistrationNumber: z.string() }) })
  .transform((b) => b.header.partyRegistrationNumber);

export const partyOfDocument = (body: unknown): string | undefined => {
  const r = namedParty.safeParse(body);
  return r.success ? r.data : undefined;
};

export const ownParty = (principal: Principal | null): Resource => ({
  partyRegistrationNumber: principal?.partyRegistrationNumber ?? null,
});

export const siteAuth: RouteAuth<Action, Resource> = {
  // Called through: accounts may still be loading when this module is (they meet in the capability list).
  requirePermission: (action, resource) => requirePermission(action, resource),
  signedIn: (req) => req.principal !== null,
  csrf: csrfCheck({ exempt: (req) => req.bearer }),
};

/** The API's guard of a submission: nobody → 401; the document's party (or one's own) decides → 403. */
export function apiSubmitGuard(): preHandlerAsyncHookHandler {
  return async function annualGuard(this: FastifyInstance, req: FastifyRequest, reply) {
    if (!req.principal) return requirePermission(API_FILE_ACTIONS[0]).call(this, req, reply);
    const named = partyOfDocument(req.body);
    // A body that names no party is judged as the principal's own: its problems are the validation's to tell.
    const resource = named !== undefined ? { partyRegistrationNumber: named } : ownParty(req.principal);
    for (const action of API_FILE_ACTIONS) {
      await requirePermission(action, () => resource).call(this, req, reply);
      if (reply.sent) return reply;
    }
  };
}

/** The principal a guarded route has let through. */
export function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('annual report route reached without a principal: guard missing');
  return req.principal;
}
