// The sign-in form: login and password.
import { renderPage } from '../../platform/web/layout.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import { CsrfInput } from './csrf-field.tsx';
import { AccountFrame, ErrorSummary, Field, type FormError } from './account-frame.tsx';

export function LoginPage(p: { locale: Locale; csrfToken: string; next: string; login?: string; errors?: FormError[] }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.login')} path="/account/login" crumbs={false}>
      <h1>{t(l, 'accounts.title.login')}</h1>
      <ErrorSummary locale={l} errors={errors} />
      <form method="post" action={`/${l}/account/login`} class="stack" noValidate>
        <CsrfInput token={p.csrfToken} />
        <input type="hidden" name="next" value={p.next} />
        <Field locale={l} name="login" errors={errors} value={p.login} autocomplete="username" required />
        <Field locale={l} name="password" type="password" errors={errors} autocomplete="current-password" required />
        <button type="submit">{t(l, 'accounts.action.signIn')}</button>
      </form>
    </AccountFrame>,
  );
}
