// The HTTP application factory. Importing it has no side effects; `buildServer` wires the
// capabilities' routes onto one Fastify instance, and only the CLI's `serve` calls listen().
import type { IncomingHttpHeaders } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import type { AppContext } from './platform/app-context.ts';
import { trustProxyOption } from './platform/config.ts';
import { siteCss, siteCssPath } from './platform/web/layout.tsx';
import { blobRoutes } from './platform/blobs/blob.routes.ts';
import { notFound } from './platform/web/errors.tsx';
import { readiness, withDatabaseOutages } from './platform/web/unavailable.tsx';
import { parseLocale } from './platform/web/http.ts';
import { registerApi } from './platform/api/register-api.ts';
import { frameworkErrorHandler } from './platform/api/api-http.ts';
import {
  ACTIONS,
  authPlugin,
  can,
  ownResource,
  SESSION_COOKIE,
  type Action,
  type Principal,
} from './accounts/index.ts';
import { staffNavigation } from './platform/web/staff-nav.ts';
import { requestScopes } from './platform/request-scope.ts';
import { pageSectionsOf, type Capability, type NavLink } from './platform/capability.ts';
import { LOCALES, type Locale } from './domain/election.ts';
import { pageCache } from './platform/web/page-cache.ts';
import { hasCookie, serverWithEarlyAnswers, type EarlyAnswers } from './platform/web/early-answers.ts';
import { CAPABILITIES } from './capabilities.ts';
import { faviconPath, faviconSvg, robotsTxt, SITE_FILE_CACHE, siteOrigin } from './platform/web/site-files.ts';

const isAction = (a: string): a is Action => (ACTIONS as readonly string[]).includes(a);

/** The links to the staff screens the principal may use, judged on their own party or bank. */
function staffLinksOf(capabilities: readonly Capability[], locale: Locale, principal: Principal): NavLink[] {
  const may = (action: string) => isAction(action) && can(principal, action, ownResource(principal));
  const links = capabilities.flatMap((c) => c.staffLinks?.(locale, may) ?? []);
  return links.filter((l, i) => links.findIndex((x) => x.href === l.href) === i);
}

export interface ServerOptions {
  /** Fastify's logger: off in tests, `{ level }` from the configuration when serving. */
  logger?: boolean | { level: string };
  /** The capabilities to serve; all of them unless a test narrows the application. */
  capabilities?: readonly Capability[];
}

function preferredLocale(acceptLanguage: string | undefined): 'ky' | 'ru' | 'en' {
  const al = (acceptLanguage ?? '').toLowerCase();
  const order = al.split(',').map((x) => x.trim().slice(0, 2));
  for (const l of order) if (l === 'ky' || l === 'ru' || l === 'en') return l;
  return 'ky';
}

/** HSTS on every response that went out over https (directly or through a trusted proxy). */
function strictTransportSecurity(app: FastifyInstance, maxAge: number): void {
  if (maxAge <= 0) return;
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', `max-age=${maxAge}; includeSubDomains`);
  });
}

/**
 * Whether a request may be a signed-in visitor's or a token holder's, from its headers alone: it names
 * the session cookie or sends Authorization. Anything else (other cookies included) is anonymous.
 */
function mayBeSignedIn(headers: IncomingHttpHeaders): boolean {
  if (headers.authorization !== undefined) return true;
  return hasCookie(headers.cookie, SESSION_COOKIE);
}

export async function buildServer(ctx: AppContext, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const capabilities = opts.capabilities ?? CAPABILITIES;
  const early: EarlyAnswers = {};
  const app = Fastify({
    serverFactory: serverWithEarlyAnswers(early),
    logger: opts.logger ?? false,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    bodyLimit: 5 * 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
  });
  app.setErrorHandler(withDatabaseOutages(app.errorHandler));
  // First, so that every later hook and handler runs inside the request's scope.
  requestScopes(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // The API docs page loads nothing from elsewhere; everything is served from here.
        connectSrc: ["'self'"],
      },
    },
    // Pages are public and cacheable; the default same-origin policy is kept for resources.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // Sent below, on https only: over plain http the header means nothing and misleads.
    strictTransportSecurity: false,
  });
  strictTransportSecurity(app, ctx.config.hstsMaxAge);
  await app.register(formbody);
  await app.register(authPlugin(ctx));
  // Signed in means a live session or a token: a made-up session cookie is just a cookie.
  pageCache(app, ctx, {
    isAnonymous: (req) => !req.principal && !req.accountSession && !req.bearer,
    mayBeSignedIn,
    early,
  });
  staffNavigation(app, (req) => {
    const principal = req.principal;
    if (!principal) return undefined;
    return staffLinksOf(capabilities, parseLocale(req.url.split('/')[1]) ?? 'en', principal);
  });

  app.get('/', async (req, reply) => reply.redirect(`/${preferredLocale(req.headers['accept-language'])}/`, 302));
  app.get(siteCssPath, async (_req, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(siteCss),
  );
  const icon = async (_req: unknown, reply: FastifyReply) =>
    reply.header('content-type', 'image/svg+xml').header('cache-control', SITE_FILE_CACHE).send(faviconSvg);
  app.get(faviconPath, icon);
  // Browsers ask for /favicon.ico whatever the page says: answer with the icon itself (browsers read the
  // SVG by its content type), not a redirect that a page's CSP may try to upgrade.
  app.get('/favicon.ico', icon);
  app.get('/robots.txt', async (req, reply) =>
    reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', SITE_FILE_CACHE)
      .send(robotsTxt(siteOrigin(ctx.config.publicUrl, req), LOCALES)),
  );
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', readiness(ctx.db));

  const sections = pageSectionsOf(capabilities);
  blobRoutes(app, ctx);
  for (const c of capabilities) await c.requestHooks?.(app, ctx);
  for (const c of capabilities) await c.routes?.(app, ctx, sections);
  for (const c of capabilities) c.subscribe?.(ctx.events, ctx);
  await registerApi(
    app,
    ctx,
    capabilities.flatMap((c) => (c.api ? [c.api] : [])),
  );

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
    }
    const first = req.url.split('/')[1];
    return notFound(reply, parseLocale(first) ?? 'en');
  });
  return app;
}
