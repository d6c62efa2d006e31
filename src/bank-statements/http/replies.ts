// Small pieces every bank-statement route uses: HTML replies of staff pages (never cached), the redirect
// after a form, the signed-in principal, and the headers of public downloads.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_CACHE, sendHtml } from '../../platform/web/http.ts';
import type { Principal } from '../../accounts/index.ts';

export const page = (reply: FastifyReply, html: string, status = 200) => sendHtml(reply, html, { status, cache: 'no-store' });
export const seeOther = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);

/** The signed-in principal of a route behind `requirePermission`. */
export function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('route reached without a principal: preHandler missing');
  return req.principal;
}

export function publicHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', PUBLIC_CACHE).header('access-control-allow-origin', '*');
}
