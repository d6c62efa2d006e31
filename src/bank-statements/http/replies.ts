// What every bank-statement route needs besides the kit: the locale of the address, the signed-in
// principal, and the headers of public downloads.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_CACHE, parseParams } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { Principal } from '../../accounts/index.ts';
import { localeParamsSchema } from './schemas.ts';

/** The `:locale` of the route, if it is one of the portal's. */
export function localeOf(req: FastifyRequest): Locale | undefined {
  const params = parseParams(localeParamsSchema, req.params);
  return params.ok ? params.value.locale : undefined;
}

/** The signed-in principal of a route behind `requirePermission`. */
export function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('route reached without a principal: preHandler missing');
  return req.principal;
}

export function publicHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', PUBLIC_CACHE).header('access-control-allow-origin', '*');
}
