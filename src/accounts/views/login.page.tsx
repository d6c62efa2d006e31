// The sign-in form: login and password, and the way to a forgotten password.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, Notice, renderPage, type FieldError } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import { AccountErrors, AccountFrame, AccountInput } from './account-frame.tsx';

export function LoginPage(p: {
  locale: Locale;
  csrfToken: string;
  next: string;
  login?: string;
  errors?: FieldError[];
  done?: string | undefined;
}) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.login')} path="/account/login" crumbs={false}>
      <h1>{t(l, 'accounts.title.login')}</h1>
      <Notice text={p.done} />
      <AccountErrors locale={l} errors={errors} />
      <form method="post" action={`/${l}/account/login`} class="stack" noValidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="next" value={p.next} />
        <AccountInput locale={l} name="login" errors={errors} value={p.login} autocomplete="username" required />
        <AccountInput
          locale={l}
          name="password"
          type="password"
          errors={errors}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t(l, 'accounts.action.signIn')}</button>
      </form>
      <p>
        <a href={`/${l}/account/password-reset`}>{t(l, 'accounts.login.forgot')}</a>
      </p>
    </AccountFrame>,
  );
}
