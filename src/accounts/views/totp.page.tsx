// Two-step sign-in (TOTP): enrol with a secret and a code, or turn it off with a code.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, Notice, renderPage, type FieldError } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import type { TotpState } from '../totp.service.ts';
import { AccountErrors, AccountFrame, AccountInput } from './account-frame.tsx';

export function TotpPage(p: {
  locale: Locale;
  csrfToken: string;
  state: TotpState;
  mustEnrol: boolean;
  errors?: FieldError[];
  done?: string;
}) {
  const l = p.locale;
  const errors = p.errors ?? [];
  const s = p.state;
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.totp')} path="/account/totp">
      <h1>{t(l, 'accounts.title.totp')}</h1>
      <Notice text={p.done} />
      <AccountErrors locale={l} errors={errors} />
      {p.mustEnrol ? (
        <p class="notice" role="note">
          {t(l, 'accounts.account.mustEnrol')}
        </p>
      ) : null}
      {s.kind === 'off' ? (
        <>
          <p>{t(l, 'accounts.totp.isOff')}</p>
          <form method="post" action={`/${l}/account/totp/start`}>
            <CsrfField token={p.csrfToken} />
            <button type="submit">{t(l, 'accounts.action.startTotp')}</button>
          </form>
        </>
      ) : s.kind === 'enrolling' ? (
        <>
          <p>{t(l, 'accounts.totp.secret')}</p>
          <code class="once">{s.secret}</code>
          <p>
            {t(l, 'accounts.totp.uri')}: <code class="once">{s.uri}</code>
          </p>
          <p>{t(l, 'accounts.totp.then')}</p>
          <form method="post" action={`/${l}/account/totp/confirm`} class="stack" noValidate>
            <CsrfField token={p.csrfToken} />
            <AccountInput
              locale={l}
              name="code"
              errors={errors}
              autocomplete="one-time-code"
              inputMode="numeric"
              required
            />
            <button type="submit">{t(l, 'accounts.action.confirmTotp')}</button>
          </form>
        </>
      ) : (
        <>
          <p>{t(l, 'accounts.totp.isOn')}</p>
          <form method="post" action={`/${l}/account/totp/disable`} class="stack" noValidate>
            <CsrfField token={p.csrfToken} />
            <AccountInput
              locale={l}
              name="code"
              errors={errors}
              autocomplete="one-time-code"
              inputMode="numeric"
              required
            />
            <button type="submit">{t(l, 'accounts.action.disableTotp')}</button>
          </form>
        </>
      )}
    </AccountFrame>,
  );
}
