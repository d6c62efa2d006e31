// Error pages in the visitor's language.
import type { FastifyReply } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import { Layout, renderPage } from './layout.tsx';
import { sendHtml } from './http.ts';
import { t } from '../i18n/portal.messages.ts';

export function notFound(reply: FastifyReply, locale: Locale) {
  const html = renderPage(
    <Layout locale={locale} title={t(locale, 'error.notFound')} path="/">
      <h1>{t(locale, 'error.notFound')}</h1>
      <p>{t(locale, 'error.notFoundText')}</p>
      <p>
        <a href={`/${locale}/`}>{t(locale, 'nav.elections')}</a>
      </p>
    </Layout>,
  );
  return sendHtml(reply, html, { status: 404, cache: 'no-store' });
}

/** A request whose address or query could not be read (a parse failure of a route's query schema). */
export function badRequest(reply: FastifyReply, locale: Locale) {
  const html = renderPage(
    <Layout locale={locale} title={t(locale, 'web.error.badRequest')} path="/">
      <h1>{t(locale, 'web.error.badRequest')}</h1>
      <p>{t(locale, 'web.error.badRequestText')}</p>
      <p>
        <a href={`/${locale}/`}>{t(locale, 'nav.elections')}</a>
      </p>
    </Layout>,
  );
  return sendHtml(reply, html, { status: 400, cache: 'no-store' });
}
