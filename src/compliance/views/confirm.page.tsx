// The confirmation step of a change that cannot be taken back: what is about to happen, the same form
// again with `confirmed=yes`, and a way back. Nothing is written until the second post.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, Page, renderPage } from '../../platform/web/index.ts';
import { t } from '../compliance.messages.ts';

export interface ConfirmPageProps {
  locale: Locale;
  title: string;
  /** What is about to happen, in words. */
  text: string;
  action: string;
  /** The form's fields as first sent (without the CSRF token). */
  fields: Record<string, string>;
  csrfToken: string;
  backHref: string;
  path: string;
}

export function ConfirmPage(p: ConfirmPageProps) {
  const l = p.locale;
  return renderPage(
    <Page locale={l} title={t(l, 'compliance.confirm.title')} path={p.path}>
      <h1>{t(l, 'compliance.confirm.title')}</h1>
      <p>
        <strong>{p.title}</strong>
      </p>
      <p>{p.text}</p>
      {Object.entries(p.fields)
        .filter(([k, v]) => v && k !== 'action' && !k.startsWith('publish'))
        .map(([k, v]) => (
          <blockquote key={k}>{v}</blockquote>
        ))}
      <form method="post" action={p.action} class="stack">
        <CsrfField token={p.csrfToken} />
        {Object.entries(p.fields).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit">{t(l, 'compliance.action.yes')}</button>{' '}
        <a href={p.backHref}>{t(l, 'compliance.action.cancel')}</a>
      </form>
    </Page>,
  );
}
