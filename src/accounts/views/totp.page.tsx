// Two-step sign-in (TOTP): enrol with a secret and a code, or turn it off with a code.
import { renderPage } from '../../platform/web/layout.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import { CsrfInput } from './csrf-field.tsx';
import type { TotpState } from '../totp.service.ts';
import { AccountFrame, Done, ErrorSummary, Field, type FormError } from './account-frame.tsx';

export function TotpPage(p: { locale: Locale; csrfToken: string; state: TotpState; mustEnrol: boolean; errors?: FormError[]; done?: string }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  const s = p.state;
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.totp')} path="/account/totp">
      <h1>{t(l, 'accounts.title.totp')}</h1>
      <Done text={p.done} />
      <ErrorSummary locale={l} errors={errors} />
      {p.mustEnrol ? (
        <p class="notice" role="note">
          {t(l, 'accounts.account.mustEnrol')}
        </p>
      ) : null}
      {s.kind === 'off' ? (
        <>
          <p>{t(l, 'accounts.totp.isOff')}</p>
          <form method="post" action={`/${l}/account/totp/start`}>
            <CsrfInput token={p.csrfToken} />
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
            <CsrfInput token={p.csrfToken} />
            <Field locale={l} name="code" errors={errors} autocomplete="one-time-code" inputMode="numeric" required />
            <button type="submit">{t(l, 'accounts.action.confirmTotp')}</button>
          </form>
        </>
      ) : (
        <>
          <p>{t(l, 'accounts.totp.isOn')}</p>
          <form method="post" action={`/${l}/account/totp/disable`} class="stack" noValidate>
            <CsrfInput token={p.csrfToken} />
            <Field locale={l} name="code" errors={errors} autocomplete="one-time-code" inputMode="numeric" required />
            <button type="submit">{t(l, 'accounts.action.disableTotp')}</button>
          </form>
        </>
      )}
    </AccountFrame>,
  );
}
