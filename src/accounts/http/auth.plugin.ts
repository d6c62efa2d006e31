// Authentication on every request and the preHandlers that authorise routes.
//
// - Who: `request.principal` comes from the `talapker_session` cookie (a server-side session row)
//   or from an `Authorization: Bearer` API token, never both: with a Bearer header the cookie is
//   ignored.
// - CSRF: every POST/PUT/PATCH/DELETE that is not Bearer-authenticated must carry a token (form
//   field `_csrf` or header `X-CSRF-Token`; never the query string, which lands in browser history and
//   server logs). Multipart uploads turn the hook off and check the field sent before the file (the web
//   kit's readMultipart). Tokens are made and checked by
//   @fastify/csrf-protection against a secret held in the session row, so a token is bound to the
//   session and dies with it. Before sign-in (the login form) the secret sits in a `talapker_csrf`
//   cookie instead. Bearer calls are exempt: browsers do not attach that header by themselves.
// - Authorisation: `requirePermission(action, resourceFn)` asks the pure policy in
//   authorization.ts; 401 when nobody is signed in (HTML: redirect to the sign-in page), 403 when
//   the signed-in principal may not.
//
// The plugin is not encapsulated: its hooks and decorators reach every route of the application.
// Usage: `await app.register(authPlugin(ctx, accountSettingsFromConfig(ctx.config.accounts)))`, then `accountRoutes(app, ctx)`.
import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
} from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { accountSettingsFromConfig, type AccountSettings } from '../core/account.ts';
import { can, type Action, type Principal, type Resource } from '../core/authorization.ts';
import { lookupSession, principalFromUser, type LiveSession } from '../session.service.ts';
import { verifyApiToken } from '../token.service.ts';
import { CSRF_FIELD, CSRF_HEADER, parseLocale, sendHtml } from '../../platform/web/index.ts';
import { forbiddenPage } from '../views/forbidden.page.tsx';

export const SESSION_COOKIE = 'talapker_session';
export const ANONYMOUS_CSRF_COOKIE = 'talapker_csrf';
export { CSRF_FIELD, CSRF_HEADER };

/** Where @fastify/csrf-protection (in its "session" mode) finds the secret tokens are made from. */
interface CsrfSecretHolder {
  csrfSecret?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The person or machine this request acts for; null when nobody is signed in. */
    principal: Principal | null;
    /** The session row behind the cookie, also while it still waits for the TOTP code. */
    accountSession: LiveSession | null;
    /** Set when the request carried `Authorization: Bearer`, valid or not. */
    bearer: boolean;
    /** Set when the session cookie named no live session (expired, signed out elsewhere). */
    staleSession: boolean;
    session: CsrfSecretHolder;
  }
  interface FastifyInstance {
    accountSettings: AccountSettings;
  }
  interface FastifyContextConfig {
    /** `false` exempts a route from the CSRF check (only for routes no browser form posts to). */
    csrf?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function cookieSecure(req: FastifyRequest, settings: AccountSettings): boolean {
  if (settings.secureCookies === 'always') return true;
  if (settings.secureCookies === 'never') return false;
  // `protocol` honours X-Forwarded-Proto when the server trusts its proxy.
  return req.protocol === 'https';
}

function cookieOptions(req: FastifyRequest, settings: AccountSettings) {
  // Lax, not Strict: a link from an e-mail to a page should arrive signed in; state changes are
  // POSTs, which Lax does not send cross-site, and which also need the CSRF token.
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cookieSecure(req, settings) };
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  const settings = req.server.accountSettings;
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, settings));
  // The pre-sign-in CSRF secret has done its job.
  if (req.cookies[ANONYMOUS_CSRF_COOKIE]) reply.clearCookie(ANONYMOUS_CSRF_COOKIE, cookieOptions(req, settings));
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(req, req.server.accountSettings));
}

function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  return /^Bearer\s+(.+)$/i.exec(h)?.[1]?.trim();
}

export function localeOfRequest(req: FastifyRequest): Locale {
  return parseLocale(req.url.split('/')[1]) ?? 'ky';
}

function wantsHtml(req: FastifyRequest): boolean {
  if (req.bearer || req.url.startsWith('/api/')) return false;
  return (req.headers.accept ?? '').includes('text/html');
}

/** Only same-site paths are followed after sign-in, so `next` cannot send anyone elsewhere. */
export function safeNext(next: unknown, locale: Locale): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')
    ? next
    : `/${locale}/account`;
}

function refuseUnauthenticated(req: FastifyRequest, reply: FastifyReply) {
  if (wantsHtml(req)) {
    const locale = localeOfRequest(req);
    const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.url)}` : '';
    return reply.header('cache-control', 'no-store').redirect(`/${locale}/account/login${next}`, 303);
  }
  return reply
    .status(401)
    .header('cache-control', 'no-store')
    .header('www-authenticate', 'Bearer')
    .send({ error: { code: 'unauthorized', message: 'Sign in or send a valid API token' } });
}

function refuseForbidden(req: FastifyRequest, reply: FastifyReply) {
  if (wantsHtml(req)) {
    const locale = localeOfRequest(req);
    if (req.principal?.mustEnrolTotp)
      return reply.header('cache-control', 'no-store').redirect(`/${locale}/account/totp`, 303);
    return sendHtml(reply, forbiddenPage(locale), { status: 403, cache: 'no-store' });
  }
  return reply
    .status(403)
    .header('cache-control', 'no-store')
    .send({ error: { code: 'forbidden', message: 'Not allowed for this account or token' } });
}

/** What a resource-aware route checks; `null` means the resource does not exist (404). */
export type ResourceOf = (req: FastifyRequest) => Resource | null | Promise<Resource | null>;

/**
 * A preHandler that lets the request through only when the principal may do `action` to the
 * resource `resourceFn` names (by default none: role and scope alone decide).
 */
export function requirePermission(action: Action, resourceFn?: ResourceOf): preHandlerAsyncHookHandler {
  return async function permission(req, reply) {
    if (!req.principal) return refuseUnauthenticated(req, reply);
    const resource = resourceFn ? await resourceFn(req) : {};
    if (resource === null) {
      return reply
        .status(404)
        .header('cache-control', 'no-store')
        .send({ error: { code: 'not_found', message: 'No such resource' } });
    }
    if (!can(req.principal, action, resource)) return refuseForbidden(req, reply);
  };
}

/**
 * For one's own account pages: any signed-in person, browser sessions only (a token cannot change
 * a password), and open also to staff who still have to enrol TOTP.
 */
export function requireSignedIn(): preHandlerAsyncHookHandler {
  return async function signedIn(req, reply) {
    if (!req.principal) return refuseUnauthenticated(req, reply);
    if (req.principal.via !== 'session') return refuseForbidden(req, reply);
  };
}

/**
 * Where a request carries its CSRF token: the `_csrf` form field or the X-CSRF-Token header. Never the
 * query string: a token in an address is kept in browser history and proxy logs.
 */
const csrfInBody = z.object({
  // @fastify/multipart with attachFieldsToBody wraps each field as { value }.
  [CSRF_FIELD]: z.union([z.string(), z.object({ value: z.string() }).transform((f) => f.value)]),
});

function csrfTokenOf(req: FastifyRequest): string | undefined {
  const body = csrfInBody.safeParse(req.body);
  if (body.success) return body.data[CSRF_FIELD];
  const header = req.headers[CSRF_HEADER];
  return typeof header === 'string' ? header : undefined;
}

export function authPlugin(
  ctx: AppContext,
  settings: AccountSettings = accountSettingsFromConfig(ctx.config.accounts),
): FastifyPluginAsync {
  const plugin: FastifyPluginAsync = async (app: FastifyInstance) => {
    if (!app.hasReplyDecorator('setCookie')) await app.register(cookie);
    await app.register(csrf, {
      sessionPlugin: '@fastify/session',
      sessionKey: 'csrfSecret',
      getToken: csrfTokenOf,
    });
    app.decorate('accountSettings', settings);
    app.decorateRequest('principal', null);
    app.decorateRequest('accountSession', null);
    app.decorateRequest('bearer', false);
    app.decorateRequest('staleSession', false);
    app.decorateRequest('session', null as unknown as CsrfSecretHolder);

    app.addHook('onRequest', async (req, reply) => {
      req.principal = null;
      req.accountSession = null;
      req.staleSession = false;
      req.session = {
        get csrfSecret() {
          return req.accountSession?.session.csrf_secret ?? req.cookies[ANONYMOUS_CSRF_COOKIE];
        },
        set csrfSecret(secret: string | undefined) {
          // Only reached before sign-in: a session row is born with its secret.
          if (secret && !req.accountSession) {
            reply.setCookie(ANONYMOUS_CSRF_COOKIE, secret, cookieOptions(req, settings));
            req.cookies[ANONYMOUS_CSRF_COOKIE] = secret;
          }
        },
      };

      const bearer = bearerToken(req);
      if (bearer !== undefined) {
        req.bearer = true;
        const found = await verifyApiToken(ctx, bearer);
        if (found)
          req.principal = principalFromUser(found.user, settings, {
            kind: 'token',
            tokenId: found.apiToken.id,
            scopes: found.apiToken.scopes,
          });
        return;
      }
      const token = req.cookies[SESSION_COOKIE];
      if (!token) return;
      const live = await lookupSession(ctx, token, settings);
      if (!live) {
        req.staleSession = true;
        clearSessionCookie(req, reply);
        return;
      }
      req.accountSession = live;
      if (live.session.second_factor_done === 1)
        req.principal = principalFromUser(live.user, settings, { kind: 'session' });
    });

    app.addHook('preHandler', (req, reply, done) => {
      if (!UNSAFE_METHODS.has(req.method) || req.bearer || req.routeOptions.config?.csrf === false) {
        done();
        return;
      }
      if (req.staleSession && wantsHtml(req)) {
        // A form posted after the session ended: its token cannot match any more. Nothing is done;
        // the person is asked to sign in again rather than shown a bare 403.
        const locale = localeOfRequest(req);
        reply.header('cache-control', 'no-store').redirect(`/${locale}/account/login`, 303);
        return;
      }
      app.csrfProtection(req, reply, done);
    });

    // Lets script clients and tests that hold a session cookie fetch a token for X-CSRF-Token.
    // Same-origin policy keeps other sites from reading the answer.
    app.get('/account/csrf-token', async (_req, reply) => {
      return reply.header('cache-control', 'no-store').send({ csrfToken: reply.generateCsrf() });
    });
  };
  // Not encapsulated: the hooks and decorators must reach every route of the application.
  Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'talapker-auth' });
  return plugin;
}
