// Site routes from a table. Each entry says who may use the route (public, or permission actions on a
// resource the capability resolves), how its params, query and body are read (zod), and what handles it.
// `defineRoutes` registers every entry with its guard and hands the handler typed values:
// - guard: nobody signed in → 401 / sign-in redirect (as requirePermission does); the resource does not
//   exist → 404; not allowed → 403;
// - `params` that do not parse → 404; `query` or `body` that do not parse → 400; a `form` schema instead
//   gives the handler `form: Result<T, Problem[]>`, for re-showing a refused form with its errors;
// - `multipart` routes skip the global CSRF hook and get `readMultipart`, which checks the token before
//   the first byte of the file.
// The table is a plain constant the capability exports, so the authorisation test can walk it.
//
// The platform knows nothing of accounts: the guard maker (requirePermission), the signed-in test and
// the CSRF check are passed in `auth` (see `RouteAuth`).
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import multipart from '@fastify/multipart';
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem, Result } from '../result.ts';
import { parseForm } from './form.ts';
import { parseLocale } from './http.ts';
import { badRequest, notFound } from './errors.tsx';
import { readMultipart, type CsrfCheck, type MultipartForm } from './multipart.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false` exempts a route from the CSRF check (only for routes no browser form posts to). */
    csrf?: boolean;
    /**
     * A sensitive screen: it opens only to those who meet their role's training requirements (two-step
     * sign-in, courses). Read by the requirement gate from the matched route, whatever its address.
     */
    needsTraining?: boolean;
  }
}

type ObjectSchema = z.ZodObject<Record<string, z.ZodType>>;
type Out<S> = S extends ObjectSchema ? z.output<S> : Record<string, never>;

/** Who may use a route. `resource` says what the actions are judged on; null = it does not exist (404). */
export type RouteAccess<A extends string = string, R = unknown, P = unknown> =
  | { kind: 'public' }
  | {
      kind: 'permission';
      actions: readonly [A, ...A[]];
      resource?: ResourceResolver<R, P>;
      /** A sensitive screen: also the role's training requirements must be met (`needsTraining`). */
      training?: boolean;
    };

export type ResourceResolver<R, P> = (input: {
  ctx: AppContext;
  req: FastifyRequest;
  params: P;
}) => R | null | Promise<R | null>;

export interface RouteInput<P, Q, B, F> {
  ctx: AppContext;
  req: FastifyRequest;
  reply: FastifyReply;
  /** The `:locale` parameter, or `en` for routes without one. */
  locale: Locale;
  params: P;
  query: Q;
  body: B;
  /** The body read by the `form` schema; problems name their fields. */
  form: F;
  /** Multipart routes: reads the form, CSRF first; `allowed: false` means return the reply. */
  readMultipart: (
    onFile: (file: Readable, filename: string, fields: Record<string, string>) => Promise<void>,
  ) => Promise<MultipartForm>;
}

export interface RouteSpec<A extends string, R, PS, QS, BS, FS> {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  access: RouteAccess<A, R, Out<PS>>;
  params?: PS;
  query?: QS;
  /** A body that must parse (400 otherwise). */
  body?: BS;
  /** A site form: the handler gets the Result, to show a refused form again. */
  form?: FS;
  multipart?: boolean;
  handler(
    input: RouteInput<Out<PS>, Out<QS>, Out<BS>, FS extends ObjectSchema ? Result<z.output<FS>, Problem[]> : undefined>,
  ): unknown;
}

/** An entry of a route table, its own types erased. */
export type RouteDef<A extends string = string, R = unknown> = RouteSpec<A, R, unknown, unknown, unknown, unknown>;

/** Declares one route of a table, inferring its parameter, query and body types from its schemas. */
export function route<
  A extends string,
  R,
  PS extends ObjectSchema | undefined = undefined,
  QS extends ObjectSchema | undefined = undefined,
  BS extends ObjectSchema | undefined = undefined,
  FS extends ObjectSchema | undefined = undefined,
>(spec: RouteSpec<A, R, PS, QS, BS, FS>): RouteDef<A, R> {
  return spec as unknown as RouteDef<A, R>;
}

/** A public GET route whose path parameters parse with `params`: a page or a download anyone may read. */
export function publicGet<A extends string, R, PS extends ObjectSchema>(
  id: string,
  url: string,
  params: PS,
  handler: RouteSpec<A, R, PS, undefined, undefined, undefined>['handler'],
): RouteDef<A, R> {
  return route<A, R, PS>({ id, method: 'GET', url, access: { kind: 'public' }, params, handler });
}

/** What the routes need of authentication; in the server: `{ requirePermission, signedIn: (req) => req.principal !== null, csrf: csrfCheck({ exempt: (req) => req.bearer }) }`. */
export interface RouteAuth<A extends string, R> {
  requirePermission(
    action: A,
    resource?: (req: FastifyRequest) => R | null | Promise<R | null>,
  ): preHandlerAsyncHookHandler;
  signedIn(req: FastifyRequest): boolean;
  /** The CSRF check of multipart routes. */
  csrf?: CsrfCheck;
}

export interface DefineRoutesOptions<A extends string, R> {
  auth?: RouteAuth<A, R>;
  /** API routes: errors as JSON, not pages. */
  api?: boolean;
  /** Limits of @fastify/multipart, registered for the table when a route is multipart and no parser is. */
  multipartLimits?: { fileSize?: number; files?: number; fields?: number; fieldSize?: number; parts?: number };
  /** The problem of a file over the limit. */
  tooLarge?: () => Problem;
}

const schemaOf = (s: unknown): ObjectSchema | undefined => (s === undefined ? undefined : (s as ObjectSchema));

function localeOf(params: unknown): Locale {
  const raw = params !== null && typeof params === 'object' ? (params as Record<string, unknown>).locale : undefined;
  return parseLocale(raw) ?? 'en';
}

function refuse(reply: FastifyReply, api: boolean, locale: Locale, status: 400 | 404, problems: Problem[] = []) {
  if (!api) return status === 404 ? notFound(reply, locale) : badRequest(reply, locale);
  const error =
    status === 404
      ? { code: 'not_found', message: 'No such resource' }
      : { code: 'bad_request', message: 'The request could not be read', problems };
  return reply.status(status).header('cache-control', 'no-store').send({ error });
}

/** The preHandler of a guarded route: nobody → 401 / sign-in; bad params or no resource → 404; not allowed → 403. */
function guardOf<A extends string, R>(
  ctx: AppContext,
  spec: RouteDef<A, R>,
  opts: DefineRoutesOptions<A, R>,
): preHandlerAsyncHookHandler | undefined {
  const access = spec.access;
  if (access.kind === 'public') return undefined;
  const auth = opts.auth;
  if (!auth) throw new Error(`route ${spec.id} needs a permission, but defineRoutes was given no auth`);
  const paramsSchema = schemaOf(spec.params);
  return async function guard(this: FastifyInstance, req, reply) {
    if (!auth.signedIn(req)) return auth.requirePermission(access.actions[0]).call(this, req, reply);
    const params = paramsSchema ? parseForm(paramsSchema, req.params) : { ok: true as const, value: req.params };
    if (!params.ok) return refuse(reply, opts.api ?? false, localeOf(req.params), 404);
    const resource = access.resource ? await access.resource({ ctx, req, params: params.value as never }) : ({} as R);
    if (resource === null) return refuse(reply, opts.api ?? false, localeOf(req.params), 404);
    for (const action of access.actions) {
      await auth.requirePermission(action, () => resource).call(this, req, reply);
      if (reply.sent) return reply;
    }
  };
}

function handlerOf<A extends string, R>(ctx: AppContext, spec: RouteDef<A, R>, opts: DefineRoutesOptions<A, R>) {
  const api = opts.api ?? false;
  return async function handler(req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const locale = localeOf(req.params);
    const ps = schemaOf(spec.params);
    const params = ps ? parseForm(ps, req.params) : { ok: true as const, value: req.params };
    if (!params.ok) return refuse(reply, api, locale, 404);
    const qs = schemaOf(spec.query);
    const query = qs ? parseForm(qs, req.query) : { ok: true as const, value: {} };
    if (!query.ok) return refuse(reply, api, locale, 400, query.error);
    const bs = schemaOf(spec.body);
    const body = bs ? parseForm(bs, req.body) : { ok: true as const, value: {} };
    if (!body.ok) return refuse(reply, api, locale, 400, body.error);
    const fs = schemaOf(spec.form);
    const csrf = opts.auth?.csrf;
    return spec.handler({
      ctx,
      req,
      reply,
      locale,
      params: params.value,
      query: query.value,
      body: body.value,
      form: fs ? parseForm(fs, req.body) : undefined,
      readMultipart: (onFile) => {
        if (!spec.multipart || !csrf) throw new Error(`route ${spec.id} is not multipart or has no CSRF check`);
        return readMultipart(req, reply, onFile, { csrf, ...(opts.tooLarge ? { tooLarge: opts.tooLarge } : {}) });
      },
    } as Parameters<RouteDef<A, R>['handler']>[0]);
  };
}

/**
 * Registers the routes of `table` (in a scope of their own, with the multipart parser when a route
 * needs it). Returns the table, for the authorisation test.
 */
export async function defineRoutes<A extends string, R>(
  app: FastifyInstance,
  ctx: AppContext,
  table: readonly RouteDef<A, R>[],
  opts: DefineRoutesOptions<A, R> = {},
): Promise<readonly RouteDef<A, R>[]> {
  const ids = new Set<string>();
  for (const spec of table) {
    if (ids.has(spec.id)) throw new Error(`route ${spec.id} is in the table twice`);
    ids.add(spec.id);
    if (spec.multipart && !opts.auth?.csrf) throw new Error(`multipart route ${spec.id} needs auth.csrf`);
  }
  await app.register(async (scope) => {
    if (table.some((r) => r.multipart) && !scope.hasContentTypeParser('multipart/form-data')) {
      // One byte over the limit is let through so that a store that counts says "too large" instead of
      // storing a silently truncated file.
      await scope.register(multipart, {
        limits: {
          fileSize: ctx.config.uploadLimitBytes + 1,
          files: 1,
          fields: 20,
          fieldSize: 10_000,
          parts: 25,
          ...opts.multipartLimits,
        },
      });
    }
    for (const spec of table) {
      const guard = guardOf(ctx, spec, opts);
      scope.route({
        method: spec.method,
        url: spec.url,
        ...(guard ? { preHandler: guard } : {}),
        config: {
          ...(spec.multipart ? { csrf: false } : {}),
          ...(spec.access.kind === 'permission' && spec.access.training ? { needsTraining: true } : {}),
          ...(spec.query ? { pageQuery: schemaOf(spec.query) } : {}),
        },
        handler: handlerOf(ctx, spec, opts),
      });
    }
  });
  return table;
}
