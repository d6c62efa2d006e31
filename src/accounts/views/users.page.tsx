// User management: the list of users with their state, and for administrators the forms that create, disable, enable and reset them.
import { renderPage } from '../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import { CsrfInput } from './csrf-field.tsx';
import { ROLES, type Role, type User } from '../core/account.ts';
import { AccountFrame, Done, ErrorSummary, Field, fieldId, label, type FormError, type FormValues } from './account-frame.tsx';

export interface OneTimeSecret {
  login: string;
  password: string;
  kind: 'created' | 'reset';
}

export function UsersPage(p: {
  locale: Locale;
  csrfToken: string;
  users: User[];
  canManage: boolean;
  selfId: number;
  now: Date;
  errors?: FormError[];
  values?: FormValues;
  secret?: OneTimeSecret;
  done?: string;
}) {
  const l = p.locale;
  const errors = p.errors ?? [];
  const v = p.values ?? {};
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.users')} path="/account/users">
      <h1>{t(l, 'accounts.title.users')}</h1>
      <Done text={p.done} />
      {p.secret ? (
        <div class="done" role="status">
          <p>{t(l, p.secret.kind === 'created' ? 'accounts.users.created' : 'accounts.users.resetDone', { login: p.secret.login })}</p>
          <code class="once">{p.secret.password}</code>
        </div>
      ) : null}
      <ErrorSummary locale={l} errors={errors} />
      {p.users.length === 0 ? (
        <p>{t(l, 'accounts.users.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{label(l, 'login')}</th>
                <th scope="col">{label(l, 'displayName')}</th>
                <th scope="col">{label(l, 'role')}</th>
                <th scope="col">{t(l, 'accounts.users.binding')}</th>
                <th scope="col">{t(l, 'accounts.users.totp')}</th>
                <th scope="col">{t(l, 'accounts.users.status')}</th>
                {p.canManage ? <th scope="col">{t(l, 'accounts.users.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.users.map((u) => (
                <tr key={u.id}>
                  <td>{u.login}</td>
                  <td>{u.displayName}</td>
                  <td>{t(l, `accounts.role.${u.role}`)}</td>
                  <td>{u.partyRegistrationNumber ?? u.bank ?? ''}</td>
                  <td>{t(l, u.totpEnabled ? 'accounts.users.yes' : 'accounts.users.no')}</td>
                  <td>
                    {u.disabled
                      ? t(l, 'accounts.users.disabled')
                      : u.lockedUntil && new Date(u.lockedUntil) > p.now
                        ? t(l, 'accounts.users.lockedUntil', { time: formatDateTime(l, u.lockedUntil) })
                        : t(l, 'accounts.users.active')}
                  </td>
                  {p.canManage ? (
                    <td>
                      {u.id === p.selfId ? null : (
                        <form method="post" action={`/${l}/account/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`} class="inline">
                          <CsrfInput token={p.csrfToken} />
                          <button type="submit" aria-label={`${t(l, u.disabled ? 'accounts.action.enable' : 'accounts.action.disable')}: ${u.login}`}>
                            {t(l, u.disabled ? 'accounts.action.enable' : 'accounts.action.disable')}
                          </button>
                        </form>
                      )}{' '}
                      <form method="post" action={`/${l}/account/users/${u.id}/reset`} class="inline">
                        <CsrfInput token={p.csrfToken} />
                        <label>
                          <input type="checkbox" name="clearTotp" value="1" /> {label(l, 'clearTotp')}
                        </label>{' '}
                        <button type="submit" aria-label={`${t(l, 'accounts.action.reset')}: ${u.login}`}>
                          {t(l, 'accounts.action.reset')}
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.canManage ? (
        <>
          <h2>{t(l, 'accounts.users.new')}</h2>
          <form method="post" action={`/${l}/account/users`} class="stack" noValidate>
            <CsrfInput token={p.csrfToken} />
            <Field locale={l} name="login" errors={errors} value={v.login} autocomplete="off" required />
            <Field locale={l} name="displayName" errors={errors} value={v.displayName} autocomplete="off" />
            <RoleSelect locale={l} errors={errors} value={v.role} />
            <Field locale={l} name="partyRegistrationNumber" errors={errors} value={v.partyRegistrationNumber} hint={t(l, 'accounts.hint.party')} autocomplete="off" />
            <Field locale={l} name="bank" errors={errors} value={v.bank} hint={t(l, 'accounts.hint.bank')} autocomplete="off" />
            <button type="submit">{t(l, 'accounts.action.createUser')}</button>
          </form>
        </>
      ) : null}
    </AccountFrame>,
  );
}

function RoleSelect({ locale, errors, value }: { locale: Locale; errors: FormError[]; value: string | undefined }) {
  const id = fieldId('role');
  const mine = errors.filter((e) => e.field === 'role');
  return (
    <div class="field">
      <label for={id}>{label(locale, 'role')}</label>
      {mine.length ? (
        <p class="field-error" id={`${id}-error`}>
          {mine.map((e) => e.text).join(' ')}
        </p>
      ) : null}
      <select id={id} name="role" required aria-invalid={mine.length ? 'true' : undefined} aria-describedby={mine.length ? `${id}-error` : undefined}>
        {ROLES.map((r: Role) => (
          <option value={r} selected={value === r} key={r}>
            {t(locale, `accounts.role.${r}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
