// The page a signed-in person sees for a screen their role does not open.
import { renderPage } from '../../platform/web/layout.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import { AccountFrame } from './account-frame.tsx';

export function forbiddenPage(locale: Locale): string {
  return renderPage(
    <AccountFrame locale={locale} title={t(locale, 'accounts.title.forbidden')} path="/account" crumbs={false}>
      <h1>{t(locale, 'accounts.title.forbidden')}</h1>
      <p>{t(locale, 'accounts.forbidden.text')}</p>
      <p>
        <a href={`/${locale}/account`}>{t(locale, 'accounts.title.account')}</a>
      </p>
    </AccountFrame>,
  );
}
