// One's own account: who is signed in, in which role, and the links to what they may change.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, Notice, renderPage, type FieldError } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import type { Principal } from '../core/authorization.ts';
import { AccountErrors, AccountFrame, AccountInput, fieldLabel as label } from './account-frame.tsx';

function SignOut({ locale, csrfToken }: { locale: Locale; csrfToken: string }) {
  return (
    <form method="post" action={`/${locale}/account/logout`} class="inline">
      <CsrfField token={csrfToken} />
      <button type="submit">{t(locale, 'accounts.action.signOut')}</button>
    </form>
  );
}

function binding(locale: Locale, u: { partyRegistrationNumber: string | null; bank: string | null }): string {
  if (u.partyRegistrationNumber) return `${label(locale, 'partyRegistrationNumber')}: ${u.partyRegistrationNumber}`;
  if (u.bank) return `${label(locale, 'bank')}: ${u.bank}`;
  return '';
}

/** The address reset links and sign-in notices go to; only its owner and administrators see it. */
function EmailForm(p: { locale: Locale; csrfToken: string; email: string | null; errors: FieldError[] }) {
  const l = p.locale;
  return (
    <form method="post" action={`/${l}/account/email`} class="stack" noValidate>
      <CsrfField token={p.csrfToken} />
      <AccountInput locale={l} name="email" type="email" errors={p.errors} value={p.email ?? ''} autocomplete="email" />
      <button type="submit">{t(l, 'accounts.action.save')}</button>
    </form>
  );
}

export function AccountPage(p: {
  locale: Locale;
  csrfToken: string;
  principal: Principal;
  canReadUsers: boolean;
  email: string | null;
  errors?: FieldError[];
  done?: string | undefined;
}) {
  const l = p.locale;
  const who = p.principal;
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.account')} path="/account" crumbs={false}>
      <h1>{t(l, 'accounts.title.account')}</h1>
      <Notice text={p.done} />
      <AccountErrors locale={l} errors={p.errors ?? []} />
      <p>{t(l, 'accounts.account.signedInAs', { name: who.displayName || who.login })}</p>
      <dl class="facts">
        <dt>{label(l, 'login')}</dt>
        <dd>{who.login}</dd>
        <dt>{label(l, 'role')}</dt>
        <dd>{t(l, `accounts.role.${who.role}`)}</dd>
        {binding(l, who) ? (
          <>
            <dt>{who.partyRegistrationNumber ? label(l, 'partyRegistrationNumber') : label(l, 'bank')}</dt>
            <dd>{who.partyRegistrationNumber ?? who.bank}</dd>
          </>
        ) : null}
      </dl>
      {who.mustEnrolTotp ? (
        <p class="notice" role="note">
          {t(l, 'accounts.account.mustEnrol')}
        </p>
      ) : null}
      <ul class="account-nav">
        <li>
          <a href={`/${l}/account/password`}>{t(l, 'accounts.nav.password')}</a>
        </li>
        <li>
          <a href={`/${l}/account/totp`}>{t(l, 'accounts.nav.totp')}</a>
        </li>
        {who.mustEnrolTotp ? null : (
          <li>
            <a href={`/${l}/account/tokens`}>{t(l, 'accounts.nav.tokens')}</a>
          </li>
        )}
        {p.canReadUsers ? (
          <li>
            <a href={`/${l}/account/users`}>{t(l, 'accounts.nav.users')}</a>
          </li>
        ) : null}
      </ul>
      <EmailForm locale={l} csrfToken={p.csrfToken} email={p.email} errors={p.errors ?? []} />
      <SignOut locale={l} csrfToken={p.csrfToken} />
    </AccountFrame>,
  );
}
