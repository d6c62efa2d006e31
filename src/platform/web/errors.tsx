// Error pages in the visitor's language.
import type { FastifyReply } from 'fastify';
import type { Locale } from '../../domain/election.ts';
import { Layout, renderPage } from './layout.tsx';
import { sendHtml } from './http.ts';
import { t } from '../i18n/i18n.ts';

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
