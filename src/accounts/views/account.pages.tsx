// Server-rendered pages of sign-in, one's own account and user management. Every form carries
// the CSRF token in a hidden field; errors are listed in a summary at the top whose links name and
// lead to the field, and each field repeats its own error next to its label.
import type { ComponentChildren } from 'preact';
import { Layout, renderPage } from '../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { ROLES, type ApiToken, type Role, type Scope, type User } from '../core/account.ts';
import type { Principal } from '../core/authorization.ts';
import '../accounts.messages.ts';

/** An error as a form shows it: which field, in words. */
export interface FormError {
  field: string;
  text: string;
}

export type FormValues = Record<string, string | undefined>;

/** The form field that carries the CSRF token (the X-CSRF-Token header is the alternative). */
export const CSRF_FIELD = '_csrf';

const fieldId = (name: string) => `f-${name}`;

function translated(locale: Locale, key: string, params?: Record<string, string | number>): string | undefined {
  const s = t(locale, key, params);
  return s === key ? undefined : s;
}

/** Problems from the services, in the reader's language, falling back to a message per kind. */
export function formErrors(locale: Locale, problems: Problem[]): FormError[] {
  return problems.map((p) => {
    const kind = p.code.split('.').pop() ?? 'invalid';
    const text = translated(locale, `accounts.problem.${p.code}`, p.params) ?? translated(locale, `accounts.problem.generic.${kind}`) ?? p.message;
    return { field: p.field ?? 'input', text };
  });
}

const label = (locale: Locale, field: string) => translated(locale, `accounts.field.${field}`) ?? field;

const STYLE = `.error-summary{border:3px solid var(--bad);padding:.5rem 1rem;margin:0 0 1rem}.error-summary h2{margin-top:0;color:var(--bad)}
.field-error{color:var(--bad);font-weight:600;margin:.1rem 0}.hint{color:var(--muted);margin:.1rem 0;font-size:.9rem}
form.stack .field{margin:0 0 1rem}form.stack label{display:block;font-weight:600}form.stack input[aria-invalid=true]{border:2px solid var(--bad)}
.done{border-left:4px solid var(--ok);padding:.3rem .8rem;background:var(--soft)}.once{font-size:1.1rem;word-break:break-all;background:var(--soft);padding:.5rem;display:block}
form.inline{display:inline}.account-nav{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}fieldset{border:1px solid var(--line);margin:0 0 1rem}`;

function Page(p: { locale: Locale; title: string; path: string; children: ComponentChildren; crumbs?: boolean }) {
  return (
    <Layout
      locale={p.locale}
      title={p.title}
      path={p.path}
      head={<style>{STYLE}</style>}
      crumbs={p.crumbs === false ? undefined : [{ href: `/${p.locale}/account`, label: t(p.locale, 'accounts.title.account') }, { label: p.title }]}
    >
      {p.children}
    </Layout>
  );
}

export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

function ErrorSummary({ locale, errors }: { locale: Locale; errors: FormError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t(locale, 'accounts.errors.title')}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <a href={`#${fieldId(e.field)}`}>
              {label(locale, e.field)}: {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  locale: Locale;
  name: string;
  errors: FormError[];
  type?: string;
  value?: string | undefined;
  autocomplete?: string;
  hint?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text';
}

function Field(p: FieldProps) {
  const id = fieldId(p.name);
  const mine = p.errors.filter((e) => e.field === p.name);
  const describedBy = [p.hint ? `${id}-hint` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label(p.locale, p.name)}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {mine.length ? (
        <p class="field-error" id={`${id}-error`}>
          {mine.map((e) => e.text).join(' ')}
        </p>
      ) : null}
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? undefined : p.value}
        autoComplete={p.autocomplete}
        required={p.required}
        inputMode={p.inputMode}
        aria-invalid={mine.length ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

function Done({ text }: { text: string | undefined }) {
  return text ? (
    <p class="done" role="status">
      {text}
    </p>
  ) : null;
}

const when = (locale: Locale, iso: string | null) => (iso ? formatDateTime(locale, iso) : t(locale, 'accounts.tokens.never'));

// ---------------------------------------------------------------- sign-in

export function LoginPage(p: { locale: Locale; csrfToken: string; next: string; login?: string; errors?: FormError[] }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <Page locale={l} title={t(l, 'accounts.title.login')} path="/account/login" crumbs={false}>
      <h1>{t(l, 'accounts.title.login')}</h1>
      <ErrorSummary locale={l} errors={errors} />
      <form method="post" action={`/${l}/account/login`} class="stack" noValidate>
        <CsrfInput token={p.csrfToken} />
        <input type="hidden" name="next" value={p.next} />
        <Field locale={l} name="login" errors={errors} value={p.login} autocomplete="username" required />
        <Field locale={l} name="password" type="password" errors={errors} autocomplete="current-password" required />
        <button type="submit">{t(l, 'accounts.action.signIn')}</button>
      </form>
    </Page>,
  );
}

export function CodePage(p: { locale: Locale; csrfToken: string; next: string; errors?: FormError[] }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <Page locale={l} title={t(l, 'accounts.title.code')} path="/account/login/code" crumbs={false}>
      <h1>{t(l, 'accounts.title.code')}</h1>
      <ErrorSummary locale={l} errors={errors} />
      <form method="post" action={`/${l}/account/login/code`} class="stack" noValidate>
        <CsrfInput token={p.csrfToken} />
        <input type="hidden" name="next" value={p.next} />
        <Field locale={l} name="code" errors={errors} autocomplete="one-time-code" inputMode="numeric" hint={t(l, 'accounts.hint.code')} required />
        <button type="submit">{t(l, 'accounts.action.continue')}</button>
      </form>
    </Page>,
  );
}

// ---------------------------------------------------------------- one's own account

function SignOut({ locale, csrfToken }: { locale: Locale; csrfToken: string }) {
  return (
    <form method="post" action={`/${locale}/account/logout`} class="inline">
      <CsrfInput token={csrfToken} />
      <button type="submit">{t(locale, 'accounts.action.signOut')}</button>
    </form>
  );
}

function binding(locale: Locale, u: { partyRegistrationNumber: string | null; bank: string | null }): string {
  if (u.partyRegistrationNumber) return `${label(locale, 'partyRegistrationNumber')}: ${u.partyRegistrationNumber}`;
  if (u.bank) return `${label(locale, 'bank')}: ${u.bank}`;
  return '';
}

export function AccountPage(p: { locale: Locale; csrfToken: string; principal: Principal; canReadUsers: boolean; done?: string }) {
  const l = p.locale;
  const who = p.principal;
  return renderPage(
    <Page locale={l} title={t(l, 'accounts.title.account')} path="/account" crumbs={false}>
      <h1>{t(l, 'accounts.title.account')}</h1>
      <Done text={p.done} />
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
      <SignOut locale={l} csrfToken={p.csrfToken} />
    </Page>,
  );
}

export function PasswordPage(p: { locale: Locale; csrfToken: string; errors?: FormError[] }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <Page locale={l} title={t(l, 'accounts.title.password')} path="/account/password">
      <h1>{t(l, 'accounts.title.password')}</h1>
      <ErrorSummary locale={l} errors={errors} />
      <form method="post" action={`/${l}/account/password`} class="stack" noValidate>
        <CsrfInput token={p.csrfToken} />
        <Field locale={l} name="currentPassword" type="password" errors={errors} autocomplete="current-password" required />
        <Field locale={l} name="newPassword" type="password" errors={errors} autocomplete="new-password" hint={t(l, 'accounts.hint.password')} required />
        <button type="submit">{t(l, 'accounts.action.save')}</button>
      </form>
    </Page>,
  );
}

export type TotpState = { kind: 'on' } | { kind: 'off' } | { kind: 'enrolling'; secret: string; uri: string };

export function TotpPage(p: { locale: Locale; csrfToken: string; state: TotpState; mustEnrol: boolean; errors?: FormError[]; done?: string }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  const s = p.state;
  return renderPage(
    <Page locale={l} title={t(l, 'accounts.title.totp')} path="/account/totp">
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
    </Page>,
  );
}

// ---------------------------------------------------------------- user management

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
    <Page locale={l} title={t(l, 'accounts.title.users')} path="/account/users">
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
    </Page>,
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

// ---------------------------------------------------------------- API tokens

export function TokensPage(p: {
  locale: Locale;
  csrfToken: string;
  tokens: ApiToken[];
  grantable: Scope[];
  now: Date;
  errors?: FormError[];
  values?: { label?: string; scopes?: string[] };
  createdToken?: string;
  done?: string;
}) {
  const l = p.locale;
  const errors = p.errors ?? [];
  const scopeErrors = errors.filter((e) => e.field === 'scopes');
  return renderPage(
    <Page locale={l} title={t(l, 'accounts.title.tokens')} path="/account/tokens">
      <h1>{t(l, 'accounts.title.tokens')}</h1>
      <Done text={p.done} />
      {p.createdToken ? (
        <div class="done" role="status">
          <p>{t(l, 'accounts.tokens.created')}</p>
          <code class="once">{p.createdToken}</code>
        </div>
      ) : null}
      <ErrorSummary locale={l} errors={errors} />
      <p>{t(l, 'accounts.tokens.intro')}</p>
      {p.tokens.length === 0 ? (
        <p>{t(l, 'accounts.tokens.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{label(l, 'label')}</th>
                <th scope="col">{label(l, 'scopes')}</th>
                <th scope="col">{t(l, 'accounts.tokens.created_at')}</th>
                <th scope="col">{t(l, 'accounts.tokens.expires')}</th>
                <th scope="col">{t(l, 'accounts.tokens.lastUsed')}</th>
                <th scope="col">{t(l, 'accounts.users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {p.tokens.map((tok) => (
                <tr key={tok.id}>
                  <td>{tok.label}</td>
                  <td>{tok.scopes.map((s) => t(l, `accounts.scope.${s}`)).join(', ')}</td>
                  <td>{when(l, tok.createdAt)}</td>
                  <td>{when(l, tok.expiresAt)}</td>
                  <td>{when(l, tok.lastUsedAt)}</td>
                  <td>
                    {tok.revokedAt ? (
                      `${t(l, 'accounts.tokens.revoked')} ${formatDateTime(l, tok.revokedAt)}`
                    ) : (
                      <form method="post" action={`/${l}/account/tokens/${tok.id}/revoke`} class="inline">
                        <CsrfInput token={p.csrfToken} />
                        <button type="submit" aria-label={`${t(l, 'accounts.action.revoke')}: ${tok.label}`}>
                          {t(l, 'accounts.action.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t(l, 'accounts.tokens.new')}</h2>
      <form method="post" action={`/${l}/account/tokens`} class="stack" noValidate>
        <CsrfInput token={p.csrfToken} />
        <Field locale={l} name="label" errors={errors} value={p.values?.label} autocomplete="off" required />
        <fieldset id={fieldId('scopes')} aria-describedby={scopeErrors.length ? `${fieldId('scopes')}-error` : undefined}>
          <legend>{label(l, 'scopes')}</legend>
          {scopeErrors.length ? (
            <p class="field-error" id={`${fieldId('scopes')}-error`}>
              {scopeErrors.map((e) => e.text).join(' ')}
            </p>
          ) : null}
          {p.grantable.map((s) => (
            <div key={s}>
              <label style="font-weight:normal">
                <input type="checkbox" name="scopes" value={s} checked={p.values?.scopes?.includes(s)} /> {t(l, `accounts.scope.${s}`)} (<code>{s}</code>)
              </label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for={fieldId('expiresInDays')}>{label(l, 'expiresInDays')}</label>
          <select id={fieldId('expiresInDays')} name="expiresInDays">
            {[30, 90, 365].map((n) => (
              <option value={String(n)} selected={n === 90} key={n}>
                {t(l, 'accounts.tokens.days', { n })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t(l, 'accounts.action.createToken')}</button>
      </form>
    </Page>,
  );
}

export function forbiddenPage(locale: Locale): string {
  return renderPage(
    <Page locale={locale} title={t(locale, 'accounts.title.forbidden')} path="/account" crumbs={false}>
      <h1>{t(locale, 'accounts.title.forbidden')}</h1>
      <p>{t(locale, 'accounts.forbidden.text')}</p>
      <p>
        <a href={`/${locale}/account`}>{t(locale, 'accounts.title.account')}</a>
      </p>
    </Page>,
  );
}
