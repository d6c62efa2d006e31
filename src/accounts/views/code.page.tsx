// The second step of sign-in: the code from the authenticator app.
import { renderPage } from '../../platform/web/layout.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import { CsrfInput } from './csrf-field.tsx';
import { AccountFrame, ErrorSummary, Field, type FormError } from './account-frame.tsx';

export function CodePage(p: { locale: Locale; csrfToken: string; next: string; errors?: FormError[] }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.code')} path="/account/login/code" crumbs={false}>
      <h1>{t(l, 'accounts.title.code')}</h1>
      <ErrorSummary locale={l} errors={errors} />
      <form method="post" action={`/${l}/account/login/code`} class="stack" noValidate>
        <CsrfInput token={p.csrfToken} />
        <input type="hidden" name="next" value={p.next} />
        <Field locale={l} name="code" errors={errors} autocomplete="one-time-code" inputMode="numeric" hint={t(l, 'accounts.hint.code')} required />
        <button type="submit">{t(l, 'accounts.action.continue')}</button>
      </form>
    </AccountFrame>,
  );
}
