// Changing one's own password.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, renderPage, type FieldError } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import { AccountErrors, AccountFrame, AccountInput, NewPasswordInput } from './account-frame.tsx';

export function PasswordPage(p: { locale: Locale; csrfToken: string; errors?: FieldError[] }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.password')} path="/account/password">
      <h1>{t(l, 'accounts.title.password')}</h1>
      <AccountErrors locale={l} errors={errors} />
      <form method="post" action={`/${l}/account/password`} class="stack" noValidate>
        <CsrfField token={p.csrfToken} />
        <AccountInput
          locale={l}
          name="currentPassword"
          type="password"
          errors={errors}
          autocomplete="current-password"
          required
        />
        <NewPasswordInput locale={l} errors={errors} />
        <button type="submit">{t(l, 'accounts.action.save')}</button>
      </form>
    </AccountFrame>,
  );
}
