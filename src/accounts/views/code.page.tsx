// The second step of sign-in: the code from the authenticator app.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, renderPage, type FieldError } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import { AccountErrors, AccountFrame, AccountInput } from './account-frame.tsx';

export function CodePage(p: { locale: Locale; csrfToken: string; next: string; errors?: FieldError[] }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.code')} path="/account/login/code" crumbs={false}>
      <h1>{t(l, 'accounts.title.code')}</h1>
      <AccountErrors locale={l} errors={errors} />
      <form method="post" action={`/${l}/account/login/code`} class="stack" noValidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="next" value={p.next} />
        <AccountInput
          locale={l}
          name="code"
          errors={errors}
          autocomplete="one-time-code"
          inputMode="numeric"
          hint={t(l, 'accounts.hint.code')}
          required
        />
        <button type="submit">{t(l, 'accounts.action.continue')}</button>
      </form>
    </AccountFrame>,
  );
}
