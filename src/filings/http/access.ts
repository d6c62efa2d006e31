// Who may use a route of FILING_ROUTES: the guard made from its entry finds the resource the request is
// about (whose party) and asks the policy. Nobody → 401 or sign-in; no such resource → 404 before any
// permission is judged; not allowed → 403.
//
// Needs authPlugin (principal, CSRF) registered before it, as every guarded route does.
import { z } from 'zod';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { notFound } from '../../platform/web/errors.tsx';
import type { Principal, Resource } from '../../accounts/index.ts';
import { requirePermission } from '../../accounts/index.ts';
import { draftOwner } from '../draft.service.ts';
import { submissionOwner } from '../submission.service.ts';
import { filedVersionOwner } from '../public-report.service.ts';
import type { FilingRouteSpec, ResourceKind } from './routes.ts';
import { formFields, idText, localeSchema, parsed } from './schemas.ts';

const resourceParams = z.object({ locale: localeSchema.optional().catch(undefined), draftId: idText.optional().catch(undefined), filingId: idText.optional().catch(undefined) });

/** The locale of a request's path, English when it has none. */
export const localeOf = (req: FastifyRequest): Locale => parsed(resourceParams, req.params)?.locale ?? 'en';

/**
 * The stored idempotency key of a submission from the draft page: the key made for each rendering of the
 * page (a double click sends it twice and files once), bound to the draft it was made for.
 */
export function webSubmissionKey(draftId: number, raw: string | undefined): string | null {
  return raw !== undefined && /^[0-9a-f-]{36}$/.test(raw) ? `web:${draftId}:${raw}` : null;
}

/** The party a request body names: a filing's header (API), or a form's `party` field. */
const namedPartySchema = z
  .object({ header: z.object({ partyRegistrationNumber: z.string() }).optional().catch(undefined) })
  .catch({ header: undefined });

function partyNamedBy(body: unknown): string {
  const fromHeader = parsed(namedPartySchema, body ?? {})?.header?.partyRegistrationNumber;
  return fromHeader ?? formFields(body).party ?? '';
}

const own = (principal: Principal | null): Resource => ({ partyRegistrationNumber: principal?.partyRegistrationNumber ?? null });
const ofParty = (reg: string | undefined): Resource | null => (reg === undefined ? null : { partyRegistrationNumber: reg });

/** The resource a route acts on; null when it does not exist (404 before any permission is judged). */
async function resourceOf(ctx: AppContext, kind: ResourceKind, req: FastifyRequest): Promise<Resource | null> {
  const params = parsed(resourceParams, req.params) ?? {};
  switch (kind) {
    case 'draft': {
      const chain = params.draftId === undefined ? undefined : await draftOwner(ctx, params.draftId);
      return ofParty(chain?.partyRegistrationNumber);
    }
    case 'submission': {
      const id = params.draftId ?? 0;
      return ofParty(await submissionOwner(ctx, id, webSubmissionKey(id, formFields(req.body).idempotencyKey)));
    }
    case 'filing':
      return ofParty(params.filingId === undefined ? undefined : await filedVersionOwner(ctx, params.filingId));
    case 'own':
      return own(req.principal);
    case 'bodyParty': {
      const named = partyNamedBy(req.body);
      // A body that names no party is judged as the principal's own: its problems are for the validation to tell.
      return named !== '' ? { partyRegistrationNumber: named } : own(req.principal);
    }
    case 'none':
      return {};
  }
}

/** The preHandler of a route: nobody → 401 / sign-in; missing resource → 404; not allowed → 403. */
export function guardOf(ctx: AppContext, spec: FilingRouteSpec): preHandlerAsyncHookHandler | undefined {
  const access = spec.access;
  if (access.kind === 'public') return undefined;
  const [first] = access.actions;
  if (first === undefined) throw new Error(`filing route ${spec.id} names no action`);
  return async function filingGuard(this: FastifyInstance, req, reply) {
    if (!req.principal) return requirePermission(first).call(this, req, reply);
    const resource = await resourceOf(ctx, access.resource, req);
    if (resource === null) {
      if (spec.scope === 'api') return reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'not_found', message: 'No such resource' } });
      return notFound(reply, localeOf(req));
    }
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
