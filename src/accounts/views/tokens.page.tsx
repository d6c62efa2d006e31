// One's own API tokens: the list with their scopes and use, revocation, and the form for a new one.
import { renderPage } from '../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import { CsrfInput } from './csrf-field.tsx';
import type { ApiToken, Scope } from '../core/account.ts';
import { AccountFrame, Done, ErrorSummary, Field, fieldId, label, when, type FormError } from './account-frame.tsx';

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
    <AccountFrame locale={l} title={t(l, 'accounts.title.tokens')} path="/account/tokens">
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
    </AccountFrame>,
  );
}
