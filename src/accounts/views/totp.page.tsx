// Two-step sign-in (TOTP): enrol with a secret and a code, or turn it off with a code.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, renderPage, type FieldError } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import type { TotpState } from '../totp.service.ts';
import { AccountFrame, AccountHead, CodeForm } from './account-frame.tsx';

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
      <AccountHead locale={l} title={t(l, 'accounts.title.totp')} done={p.done} errors={errors} />
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
          <CodeForm
            locale={l}
            action={`/${l}/account/totp/confirm`}
            csrfToken={p.csrfToken}
            errors={errors}
            button={t(l, 'accounts.action.confirmTotp')}
          />
        </>
      ) : (
        <>
          <p>{t(l, 'accounts.totp.isOn')}</p>
          <CodeForm
            locale={l}
            action={`/${l}/account/totp/disable`}
            csrfToken={p.csrfToken}
            errors={errors}
            button={t(l, 'accounts.action.disableTotp')}
          />
        </>
      )}
    </AccountFrame>,
  );
}
