// What the portal answers while its database is unavailable (see platform/db/outage.ts): pages a plain
// 503 page in the visitor's language, the API its error body with the code `database_unavailable`,
// never the driver's message. The readiness check reports the database; /healthz stays a liveness check.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Locale } from '../../domain/election.ts';
import { databaseIsUp, isDatabaseUnavailable } from '../db/outage.ts';
import { Layout, renderPage } from './layout.tsx';
import { parseLocale, sendHtml } from './http.ts';

/** Seconds a client is asked to wait before trying again. */
const RETRY_AFTER = '10';

const TEXT: Record<Locale, { title: string; body: string }> = {
  ky: {
    title: 'Убактылуу жеткиликсиз',
    body: 'Портал азыр маалыматтар базасына туташа албай жатат. Бир нече мүнөттөн кийин кайра аракет кылыңыз.',
  },
  ru: {
    title: 'Временно недоступно',
    body: 'Портал сейчас не может связаться со своей базой данных. Попробуйте ещё раз через несколько минут.',
  },
  en: {
    title: 'Temporarily unavailable',
    body: 'The portal cannot reach its database just now. Please try again in a few minutes.',
  },
};

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is temporarily unavailable; try again in a few minutes.';

function localeOf(req: FastifyRequest): Locale {
  const fromPath = parseLocale(req.url.split('/')[1]);
  if (fromPath) return fromPath;
  for (const part of (req.headers['accept-language'] ?? '').toLowerCase().split(',')) {
    const l = parseLocale(part.trim().slice(0, 2));
    if (l) return l;
  }
  return 'en';
}

/** The 503 answer: the API's error body under /api, the plain page elsewhere. */
export function sendDatabaseUnavailable(req: FastifyRequest, reply: FastifyReply) {
  req.log.warn('database unavailable');
  void reply.header('retry-after', RETRY_AFTER);
  if (req.url.startsWith('/api/')) {
    return reply
      .status(503)
      .header('cache-control', 'no-store')
      .header('content-type', 'application/json; charset=utf-8')
      .send({
        error: {
          code: 'database_unavailable',
          message: DATABASE_UNAVAILABLE_MESSAGE,
        },
      });
  }
  const l = localeOf(req);
  const html = renderPage(
    <Layout locale={l} title={TEXT[l].title} path="/">
      <h1>{TEXT[l].title}</h1>
      <p>{TEXT[l].body}</p>
    </Layout>,
  );
  return sendHtml(reply, html, { status: 503, cache: 'no-store' });
}

type ErrorHandler = (this: FastifyInstance, error: FastifyError, req: FastifyRequest, reply: FastifyReply) => unknown;

/** Wraps an error handler: database outages answer 503, everything else goes to `fallback` as before. */
export function withDatabaseOutages(fallback: ErrorHandler): ErrorHandler {
  return function (this: FastifyInstance, error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
    if (isDatabaseUnavailable(error)) return sendDatabaseUnavailable(req, reply);
    return fallback.call(this, error, req, reply);
  };
}

/** GET /readyz: 200 when the database answers, 503 when it does not. */
export function readiness(db: Kysely<Database>) {
  return async (_req: FastifyRequest, reply: FastifyReply) => {
    const up = await databaseIsUp(db);
    return reply
      .status(up ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(up ? { ok: true, database: 'up' } : { ok: false, database: 'unavailable' });
  };
}
