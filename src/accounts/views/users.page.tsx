// User management: the list of users with their state, and for administrators the forms that
// create, disable, enable and reset them. A new or reset password is shown once, on this page.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, DataTable, renderPage, Select, type Column, type FieldError } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import { ROLES, type User } from '../core/account.ts';
import { AccountFrame, AccountHead, AccountInput, fieldLabel as label, type FormValues } from './account-frame.tsx';

export interface OneTimeSecret {
  login: string;
  password: string;
  kind: 'created' | 'reset';
}

export interface UsersPageProps {
  locale: Locale;
  csrfToken: string;
  users: User[];
  canManage: boolean;
  selfId: number;
  now: Date;
  errors?: FieldError[];
  values?: FormValues;
  secret?: OneTimeSecret;
  done?: string | undefined;
}

const status = (l: Locale, u: User): string => t(l, u.disabled ? 'accounts.users.disabled' : 'accounts.users.active');

function UserActions(p: { locale: Locale; csrfToken: string; user: User; selfId: number }) {
  const { locale: l, user: u } = p;
  const toggle = u.disabled ? 'accounts.action.enable' : 'accounts.action.disable';
  return (
    <>
      {u.id === p.selfId ? null : (
        <form method="post" action={`/${l}/account/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`} class="inline">
          <CsrfField token={p.csrfToken} />
          <button type="submit" aria-label={`${t(l, toggle)}: ${u.login}`}>
            {t(l, toggle)}
          </button>
        </form>
      )}{' '}
      <form method="post" action={`/${l}/account/users/${u.id}/reset`} class="inline">
        <CsrfField token={p.csrfToken} />
        <label>
          <input type="checkbox" name="clearTotp" value="1" /> {label(l, 'clearTotp')}
        </label>{' '}
        <button type="submit" aria-label={`${t(l, 'accounts.action.reset')}: ${u.login}`}>
          {t(l, 'accounts.action.reset')}
        </button>
      </form>
    </>
  );
}

function usersColumns(p: UsersPageProps): Column<User>[] {
  const l = p.locale;
  const columns: Column<User>[] = [
    { key: 'login', label: label(l, 'login'), cell: (u) => u.login },
    { key: 'displayName', label: label(l, 'displayName'), cell: (u) => u.displayName },
    { key: 'role', label: label(l, 'role'), cell: (u) => t(l, `accounts.role.${u.role}`) },
    { key: 'binding', label: t(l, 'accounts.users.binding'), cell: (u) => u.partyRegistrationNumber ?? u.bank ?? '' },
    {
      key: 'totp',
      label: t(l, 'accounts.users.totp'),
      cell: (u) => t(l, u.totpEnabled ? 'accounts.users.yes' : 'accounts.users.no'),
    },
    { key: 'status', label: t(l, 'accounts.users.status'), cell: (u) => status(l, u) },
  ];
  if (!p.canManage) return columns;
  return [
    ...columns,
    {
      key: 'actions',
      label: t(l, 'accounts.users.actions'),
      cell: (u) => <UserActions locale={l} csrfToken={p.csrfToken} user={u} selfId={p.selfId} />,
    },
  ];
}

function NewUserForm(p: { locale: Locale; csrfToken: string; errors: FieldError[]; values: FormValues }) {
  const { locale: l, errors, values: v } = p;
  return (
    <>
      <h2>{t(l, 'accounts.users.new')}</h2>
      <form method="post" action={`/${l}/account/users`} class="stack" noValidate>
        <CsrfField token={p.csrfToken} />
        <AccountInput locale={l} name="login" errors={errors} value={v.login} autocomplete="off" required />
        <AccountInput locale={l} name="displayName" errors={errors} value={v.displayName} autocomplete="off" />
        <AccountInput locale={l} name="email" type="email" errors={errors} value={v.email} autocomplete="off" />
        <Select
          locale={l}
          name="role"
          label={label(l, 'role')}
          errors={errors}
          value={v.role}
          required
          options={ROLES.map((r) => ({ value: r, label: t(l, `accounts.role.${r}`) }))}
        />
        <AccountInput
          locale={l}
          name="partyRegistrationNumber"
          errors={errors}
          value={v.partyRegistrationNumber}
          hint={t(l, 'accounts.hint.party')}
        />
        <AccountInput locale={l} name="bank" errors={errors} value={v.bank} hint={t(l, 'accounts.hint.bank')} />
        <button type="submit">{t(l, 'accounts.action.createUser')}</button>
      </form>
    </>
  );
}

export function UsersPage(p: UsersPageProps) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.users')} path="/account/users">
      <AccountHead
        locale={l}
        title={t(l, 'accounts.title.users')}
        done={p.done}
        once={
          p.secret
            ? {
                text: t(l, p.secret.kind === 'created' ? 'accounts.users.created' : 'accounts.users.resetDone', {
                  login: p.secret.login,
                }),
                secret: p.secret.password,
              }
            : undefined
        }
        errors={errors}
      />
      <DataTable
        locale={l}
        columns={usersColumns(p)}
        rows={p.users}
        rowKey={(u) => u.id}
        empty={t(l, 'accounts.users.none')}
      />
      {p.canManage ? <NewUserForm locale={l} csrfToken={p.csrfToken} errors={errors} values={p.values ?? {}} /> : null}
    </AccountFrame>,
  );
}
