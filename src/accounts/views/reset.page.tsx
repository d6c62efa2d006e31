// Setting a new password through a reset link; a link that is no longer valid says so and offers a new one.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, renderPage, type FieldError } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import { AccountErrors, AccountFrame, NewPasswordInput } from './account-frame.tsx';

export function ResetPage(p: {
  locale: Locale;
  csrfToken: string;
  /** The link's own path, where the form posts; absent when the link is not valid. */
  action?: string;
  login?: string;
  errors?: FieldError[];
}) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.newPassword')} path="/account/password-reset" crumbs={false}>
      <h1>{t(l, 'accounts.title.newPassword')}</h1>
      <AccountErrors locale={l} errors={errors} />
      {p.action ? (
        <form method="post" action={p.action} class="stack" noValidate>
          <CsrfField token={p.csrfToken} />
          <input type="hidden" name="login" value={p.login} />
          <NewPasswordInput locale={l} errors={errors} />
          <button type="submit">{t(l, 'accounts.action.setPassword')}</button>
        </form>
      ) : (
        <p>
          {t(l, 'accounts.reset.invalid')} <a href={`/${l}/account/password-reset`}>{t(l, 'accounts.login.forgot')}</a>
        </p>
      )}
    </AccountFrame>,
  );
}
