// Keyset paging: how many lines this page shows, a link back to the first page, a link to the next.
import type { Locale } from '../../domain/election.ts';
import { t } from '../i18n/portal.messages.ts';

export interface PagerProps {
  locale: Locale;
  /** Lines on this page. */
  shown: number;
  /** The first page, when this is not it. */
  firstHref?: string | null | undefined;
  /** The next page, when there is one. */
  nextHref?: string | null | undefined;
}

export function Pager(p: PagerProps) {
  const l = p.locale;
  return (
    <nav class="pager" aria-label={t(l, 'web.pager.label')}>
      <span class="muted">{t(l, 'web.pager.shown', { n: p.shown })}</span>
      {p.firstHref ? <a href={p.firstHref}>{t(l, 'web.pager.first')}</a> : null}
      {p.nextHref ? (
        <a href={p.nextHref} rel="next">
          {t(l, 'web.pager.next')} →
        </a>
      ) : null}
    </nav>
  );
}
