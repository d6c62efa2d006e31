// A forgotten password: the form that asks for a reset link, or, where the portal sends no mail,
// the advice to ask an administrator. After the form, the same answer whether or not anything was sent.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, Notice, renderPage } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import { AccountFrame, AccountInput } from './account-frame.tsx';

export function ForgotPage(p: { locale: Locale; csrfToken: string; mail: boolean; sent?: string | undefined }) {
  const l = p.locale;
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.forgot')} path="/account/password-reset" crumbs={false}>
      <h1>{t(l, 'accounts.title.forgot')}</h1>
      <Notice text={p.sent} />
      {p.mail ? (
        <>
          <p>{t(l, 'accounts.forgot.intro')}</p>
          <form method="post" action={`/${l}/account/password-reset`} class="stack" noValidate>
            <CsrfField token={p.csrfToken} />
            <AccountInput locale={l} name="loginOrEmail" errors={[]} autocomplete="username" required />
            <button type="submit">{t(l, 'accounts.action.sendLink')}</button>
          </form>
        </>
      ) : (
        <p>{t(l, 'accounts.forgot.noMail')}</p>
      )}
      <p>
        <a href={`/${l}/account/login`}>{t(l, 'accounts.title.login')}</a>
      </p>
    </AccountFrame>,
  );
}
