// Changing one's own password.
import { renderPage } from '../../platform/web/layout.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import { CsrfInput } from './csrf-field.tsx';
import { AccountFrame, ErrorSummary, Field, type FormError } from './account-frame.tsx';

export function PasswordPage(p: { locale: Locale; csrfToken: string; errors?: FormError[] }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.password')} path="/account/password">
      <h1>{t(l, 'accounts.title.password')}</h1>
      <ErrorSummary locale={l} errors={errors} />
      <form method="post" action={`/${l}/account/password`} class="stack" noValidate>
        <CsrfInput token={p.csrfToken} />
        <Field locale={l} name="currentPassword" type="password" errors={errors} autocomplete="current-password" required />
        <Field locale={l} name="newPassword" type="password" errors={errors} autocomplete="new-password" hint={t(l, 'accounts.hint.password')} required />
        <button type="submit">{t(l, 'accounts.action.save')}</button>
      </form>
    </AccountFrame>,
  );
}
