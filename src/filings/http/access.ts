// Who may use a route of FILING_ROUTES: each kind of resource is found from the request (whose party
// it is about) and the policy decides. The site routes hand these to the web kit's defineRoutes; the API
// routes get a guard made the same way. Nobody → 401 or sign-in; no such resource → 404 before any
// permission is judged; not allowed → 403.
//
// Needs authPlugin (principal, CSRF) registered before it, as every guarded route does.
import { z } from 'zod';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { csrfCheck, formValues, type RouteAccess, type RouteAuth } from '../../platform/web/index.ts';
import type { Action, Principal, Resource } from '../../accounts/index.ts';
import { requirePermission } from '../../accounts/index.ts';
import { draftOwner } from '../draft.service.ts';
import { submissionOwner } from '../submission.service.ts';
import { filedVersionOwner } from '../public-report.service.ts';
import { specOf, type FilingRouteSpec, type ResourceKind } from './routes.ts';
import { idText } from './schemas.ts';

/**
 * The stored idempotency key of a submission from the draft page: the key made for each rendering of the
 * page (a double click sends it twice and files once), bound to the draft it was made for.
 */
export function webSubmissionKey(draftId: number, raw: string | undefined): string | null {
  return raw !== undefined && /^[0-9a-f-]{36}$/.test(raw) ? `web:${draftId}:${raw}` : null;
}

const ids = z
  .object({ draftId: idText.optional().catch(undefined), filingId: idText.optional().catch(undefined) })
  .catch({});

/** The party a request body names: a filing's header (API), or a form's `party` field. */
const namedParty = z
  .object({ header: z.object({ partyRegistrationNumber: z.string() }) })
  .transform((b) => b.header.partyRegistrationNumber);

const own = (principal: Principal | null): Resource => ({
  partyRegistrationNumber: principal?.partyRegistrationNumber ?? null,
});
const ofParty = (reg: string | undefined): Resource | null =>
  reg === undefined ? null : { partyRegistrationNumber: reg };

/** The resource of each kind of route; null when it does not exist. */
const RESOURCES: Record<ResourceKind, (ctx: AppContext, req: FastifyRequest) => Promise<Resource | null>> = {
  async draft(ctx, req) {
    const { draftId } = ids.parse(req.params);
    return ofParty(draftId === undefined ? undefined : (await draftOwner(ctx, draftId))?.partyRegistrationNumber);
  },
  async submission(ctx, req) {
    const id = ids.parse(req.params).draftId ?? 0;
    return ofParty(await submissionOwner(ctx, id, webSubmissionKey(id, formValues(req.body).idempotencyKey)));
  },
  async filing(ctx, req) {
    const { filingId } = ids.parse(req.params);
    return ofParty(filingId === undefined ? undefined : await filedVersionOwner(ctx, filingId));
  },
  async own(_ctx, req) {
    return own(req.principal);
  },
  async bodyParty(_ctx, req) {
    const header = namedParty.safeParse(req.body);
    const named = header.success ? header.data : (formValues(req.body).party ?? '');
    // A body that names no party is judged as the principal's own: its problems are for the validation to tell.
    return named !== '' ? { partyRegistrationNumber: named } : own(req.principal);
  },
  async none() {
    return {};
  },
};

/** The access rule of a site route of the table, for defineRoutes. */
export function siteAccess(spec: FilingRouteSpec): RouteAccess<Action, Resource> {
  const access = spec.access;
  if (access.kind === 'public') return { kind: 'public' };
  const [first, ...rest] = access.actions;
  if (first === undefined) throw new Error(`filing route ${spec.id} names no action`);
  const find = RESOURCES[access.resource];
  return {
    kind: 'permission',
    actions: [first, ...rest],
    resource: ({ ctx, req }) => find(ctx, req),
    ...(access.training ? { training: true } : {}),
  };
}

/** What the table says of a site route: its method, path and access, for `route({ ...siteRoute(id), … })`. */
export interface SiteRouteHead {
  id: string;
  method: 'GET' | 'POST';
  url: string;
  access: RouteAccess<Action, Resource>;
  multipart?: boolean;
}

export function siteRoute(id: string): SiteRouteHead {
  const spec = specOf(id);
  if (spec.scope !== 'site') throw new Error(`${id} is an API route`);
  return {
    id,
    method: spec.method,
    url: spec.url,
    access: siteAccess(spec),
    ...(spec.multipart ? { multipart: true } : {}),
  };
}

/** What defineRoutes needs of accounts: the permission guard, who is signed in, the CSRF check of uploads. */
export const siteAuth: RouteAuth<Action, Resource> = {
  // Called through, not captured: the accounts module may still be loading when this one is (they
  // import each other through the capability list).
  requirePermission: (action, resource) => requirePermission(action, resource),
  signedIn: (req) => req.principal !== null,
  csrf: csrfCheck({ exempt: (req) => req.bearer }),
};

/** The preHandler of an API route of the table (answers in JSON). */
export function apiGuard(ctx: AppContext, id: string): preHandlerAsyncHookHandler | undefined {
  const spec = specOf(id);
  const access = spec.access;
  if (access.kind === 'public') return undefined;
  const [first] = access.actions;
  if (first === undefined) throw new Error(`filing route ${spec.id} names no action`);
  const find = RESOURCES[access.resource];
  return async function filingGuard(this: FastifyInstance, req, reply) {
    if (!req.principal) return requirePermission(first).call(this, req, reply);
    const resource = await find(ctx, req);
    if (resource === null)
      return reply
        .status(404)
        .header('cache-control', 'no-store')
        .send({ error: { code: 'not_found', message: 'No such resource' } });
    for (const action of access.actions) {
      await requirePermission(action, () => resource).call(this, req, reply);
      if (reply.sent) return reply;
    }
  };
}

/** The principal a guarded route has let through. */
export function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('filing route reached without a principal: guard missing');
  return req.principal;
}
