// The HTTP conduct of the public API, in one place: the one error body for every failure, cache
// headers and ETags on public responses, and CORS so that journalists' notebooks may call it.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PUBLIC_CACHE } from '../web/http.ts';
import { isDatabaseUnavailable } from '../db/outage.ts';
import { sendDatabaseUnavailable } from '../web/unavailable.tsx';
import type { ErrorBodyT } from './common.schemas.ts';

export type { ApiInstance } from './api-instance.ts';

/** An expected failure of a request: thrown by handlers, turned into the error body by `apiErrorHandler`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (message: string): ApiError => new ApiError(404, 'not_found', message);

type ErrorDetails = NonNullable<ErrorBodyT['error']['details']>;

export function errorBody(code: string, message: string, details?: ErrorDetails): ErrorBodyT {
  return { error: details ? { code, message, details } : { code, message } };
}

interface ValidationFailure {
  validation: Array<{ instancePath?: string; keyword?: string; message?: string }>;
  validationContext?: string;
}

function isValidationFailure(e: unknown): e is ValidationFailure {
  return typeof e === 'object' && e !== null && Array.isArray((e as { validation?: unknown }).validation);
}

function statusOf(e: unknown): number | undefined {
  const s = typeof e === 'object' && e !== null ? (e as { statusCode?: unknown }).statusCode : undefined;
  return typeof s === 'number' ? s : undefined;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  // The same codes the accounts' guards answer with (a refused CSRF token is a 403 too).
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Scoped to /api: pages keep their HTML error pages, the API always answers with the error body. */
export function apiErrorHandler(this: FastifyInstance, error: unknown, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ApiError) {
    return reply.status(error.statusCode).send(errorBody(error.code, error.message));
  }
  if (isDatabaseUnavailable(error)) return sendDatabaseUnavailable(req, reply);
  if (hasZodFastifySchemaValidationErrors(error) || isValidationFailure(error)) {
    const where = (error as ValidationFailure).validationContext;
    const details: ErrorDetails = (error as ValidationFailure).validation.map((v) => ({
      ...(where ? { in: where } : {}),
      path: (v.instancePath ?? '').split('/').filter((x) => x !== ''),
      code: v.keyword ?? 'invalid',
      message: v.message ?? 'Invalid value.',
    }));
    const summary = details.map((d) => `${d.path.join('.') || where || 'request'}: ${d.message}`).join('; ');
    return reply
      .status(400)
      .send(errorBody('invalid_request', `The request does not match the API: ${summary}`, details));
  }
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    const message = error instanceof Error ? error.message : 'The request was refused.';
    return reply.status(status).send(errorBody(CODE_BY_STATUS[status] ?? 'bad_request', message));
  }
  // A bug or an outage: logged in full, answered without a stack or any internal detail.
  req.log.error({ err: error }, 'API request failed');
  return reply
    .status(500)
    .send(errorBody('internal_error', 'Something went wrong on our side; the error has been logged.'));
}

/**
 * preValidation hook of the /api scope: a request with no credentials at all (no session, no Bearer
 * token) to a route that documents 401 gets that 401 before anything else is judged. Otherwise the
 * site-wide CSRF check, which runs before the route's own guard, would refuse an anonymous POST as a
 * form without its token (403), and a client without a token would never learn that it needs one.
 */
export async function unauthenticatedFirst(req: FastifyRequest, reply: FastifyReply) {
  if (req.principal || req.bearer) return;
  const responses = (req.routeOptions.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!responses || !Object.keys(responses).includes('401')) return;
  return reply
    .status(401)
    .header('cache-control', 'no-store')
    .header('www-authenticate', 'Bearer')
    .send(errorBody('unauthorized', 'Sign in or send a valid API token'));
}

export function apiNotFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  const path = req.url.split('?')[0] ?? req.url;
  return reply
    .status(404)
    .send(
      errorBody(
        'not_found',
        `There is no API resource ${req.method} ${path}; see /api/openapi.json for what there is.`,
      ),
    );
}

/** A weak validator: equal for semantically equal representations, as RFC 9110 defines `W/`. */
export function weakEtag(...parts: Array<string | Buffer>): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return `W/"${h.digest('base64url')}"`;
}

/** If-None-Match may list several tags or `*`; weak comparison, as RFC 9110 prescribes for GET. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => opaque(t) === opaque(etag));
}

/**
 * onSend hook of the /api scope. Successful GETs are public and cacheable (browsers briefly, a CDN
 * longer, serving stale while it revalidates); errors are not cached, so a fix shows at once.
 */
export async function publicApiHeaders(req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-expose-headers', 'ETag, Content-Disposition');
  if (req.method !== 'GET' && req.method !== 'HEAD') return payload;
  if (reply.statusCode < 200 || reply.statusCode >= 300) {
    reply.header('cache-control', 'no-store');
    return payload;
  }
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', PUBLIC_CACHE);
  // A route may set its own ETag when its bytes vary for the same content (zip timestamps in XLSX).
  const own = reply.getHeader('etag');
  if (typeof own === 'string' || typeof payload === 'string' || Buffer.isBuffer(payload)) {
    const etag = typeof own === 'string' ? own : weakEtag(payload as string | Buffer);
    reply.header('etag', etag);
    if (matches(req.headers['if-none-match'], etag)) {
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      reply.removeHeader('content-disposition');
      reply.status(304);
      return null;
    }
  }
  return payload;
}

/** Preflight for cross-origin calls that send headers such as If-None-Match. */
export function corsPreflight(_req: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(204)
    .header('access-control-allow-origin', '*')
    .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
    .header('access-control-allow-headers', 'If-None-Match, Accept, Content-Type')
    .header('access-control-max-age', '86400')
    .send();
}

/**
 * Errors the router raises before any route or scope is chosen (a malformed %-escape, a path
 * parameter over the router's length limit) bypass scoped handlers. Passed to Fastify's
 * `frameworkErrors` option, this gives them the API's error body under /api and plain text elsewhere.
 */
export function frameworkErrorHandler(
  error: Error & { statusCode?: number },
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const status = error.statusCode ?? 400;
  if (req.url.startsWith('/api/')) {
    return reply
      .status(status)
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'no-store')
      .send(
        errorBody(
          status === 414 ? 'uri_too_long' : 'invalid_request',
          'The URL is malformed or a path segment is too long.',
        ),
      );
  }
  return reply
    .status(status)
    .header('content-type', 'text/plain; charset=utf-8')
    .send('Bad request: the URL is malformed.');
}

/** The names a route's query schema knows: an object's keys, through pipes and wrappers; none without one. */
export function queryNames(schema: unknown): string[] | undefined {
  if (schema === undefined) return [];
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return queryNames(schema.in);
  // A schema of another kind (JSON Schema, a union): its names are not known here; it judges alone.
  return undefined;
}

/**
 * preValidation hook of the /api scope: a query parameter the route does not know is a 400 naming the
 * ones it does, never a silently unfiltered answer (a misspelt `amountFrom` would otherwise return
 * everything). Applies to every operation, those without filters too.
 */
export async function unknownFilters(req: FastifyRequest, reply: FastifyReply) {
  const known = queryNames(req.routeOptions.schema?.querystring);
  if (!known || typeof req.query !== 'object' || req.query === null) return;
  const unknown = Object.keys(req.query).filter((k) => !known.includes(k));
  if (unknown.length === 0) return;
  const names = unknown.map((k) => `"${k}"`).join(', ');
  const allowed =
    known.length > 0 ? `the filters are: ${known.join(', ')}` : 'this operation takes no query parameters';
  return reply.status(400).send(
    errorBody(
      'invalid_request',
      `Unknown filter ${names}; ${allowed}.`,
      unknown.map((k) => ({
        in: 'querystring',
        path: [k],
        code: 'unrecognized_keys',
        message: `Unknown filter "${k}".`,
      })),
    ),
  );
}
