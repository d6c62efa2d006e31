// One's own API tokens: the list with their scopes and use, revocation, and the form for a new one
// (the token itself is shown once, on the page that answers the form).
import type { Locale } from '../../domain/election.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import {
  CsrfField,
  DataTable,
  Field,
  renderPage,
  Select,
  type Column,
  type FieldError,
} from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import type { ApiToken, Scope } from '../core/account.ts';
import { AccountFrame, AccountHead, AccountInput, fieldLabel as label, when } from './account-frame.tsx';

export interface TokensPageProps {
  locale: Locale;
  csrfToken: string;
  tokens: ApiToken[];
  grantable: Scope[];
  now: Date;
  errors?: FieldError[];
  values?: { label?: string; scopes?: string[] };
  createdToken?: string;
  done?: string | undefined;
}

function tokenColumns(l: Locale, csrfToken: string): Column<ApiToken>[] {
  return [
    { key: 'label', label: label(l, 'label'), cell: (tok) => tok.label },
    {
      key: 'scopes',
      label: label(l, 'scopes'),
      cell: (tok) => tok.scopes.map((s) => t(l, `accounts.scope.${s}`)).join(', '),
    },
    { key: 'created', label: t(l, 'accounts.tokens.created_at'), cell: (tok) => when(l, tok.createdAt) },
    { key: 'expires', label: t(l, 'accounts.tokens.expires'), cell: (tok) => when(l, tok.expiresAt) },
    { key: 'lastUsed', label: t(l, 'accounts.tokens.lastUsed'), cell: (tok) => when(l, tok.lastUsedAt) },
    {
      key: 'actions',
      label: t(l, 'accounts.users.actions'),
      cell: (tok) =>
        tok.revokedAt ? (
          `${t(l, 'accounts.tokens.revoked')} ${formatDateTime(l, tok.revokedAt)}`
        ) : (
          <form method="post" action={`/${l}/account/tokens/${tok.id}/revoke`} class="inline">
            <CsrfField token={csrfToken} />
            <button type="submit" aria-label={`${t(l, 'accounts.action.revoke')}: ${tok.label}`}>
              {t(l, 'accounts.action.revoke')}
            </button>
          </form>
        ),
    },
  ];
}

/**
 * The scopes a new token may carry, as checkboxes: only those the role can ever use. The kit's field
 * gives the label and the errors; the group of checkboxes is the control they describe.
 */
function ScopesField(p: { locale: Locale; grantable: Scope[]; chosen: string[]; errors: FieldError[] }) {
  const l = p.locale;
  return (
    <Field locale={l} name="scopes" label={label(l, 'scopes')} errors={p.errors}>
      {(a) => (
        <div
          role="group"
          id={a.id}
          aria-label={label(l, 'scopes')}
          aria-describedby={a.describedBy}
          aria-invalid={a.invalid}
        >
          {p.grantable.map((s) => (
            <div key={s}>
              <label class="choice">
                <input type="checkbox" name="scopes" value={s} checked={p.chosen.includes(s)} />{' '}
                {t(l, `accounts.scope.${s}`)} (<code>{s}</code>)
              </label>
            </div>
          ))}
        </div>
      )}
    </Field>
  );
}

function NewTokenForm(p: {
  locale: Locale;
  csrfToken: string;
  grantable: Scope[];
  errors: FieldError[];
  values: { label?: string; scopes?: string[] };
}) {
  const l = p.locale;
  return (
    <>
      <h2>{t(l, 'accounts.tokens.new')}</h2>
      <form method="post" action={`/${l}/account/tokens`} class="stack" noValidate>
        <CsrfField token={p.csrfToken} />
        <AccountInput locale={l} name="label" errors={p.errors} value={p.values.label} autocomplete="off" required />
        <ScopesField locale={l} grantable={p.grantable} chosen={p.values.scopes ?? []} errors={p.errors} />
        <Select
          locale={l}
          name="expiresInDays"
          label={label(l, 'expiresInDays')}
          value="90"
          options={[30, 90, 365].map((n) => ({ value: String(n), label: t(l, 'accounts.tokens.days', { n }) }))}
        />
        <button type="submit">{t(l, 'accounts.action.createToken')}</button>
      </form>
    </>
  );
}

export function TokensPage(p: TokensPageProps) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.tokens')} path="/account/tokens">
      <AccountHead
        locale={l}
        title={t(l, 'accounts.title.tokens')}
        done={p.done}
        once={p.createdToken ? { text: t(l, 'accounts.tokens.created'), secret: p.createdToken } : undefined}
        errors={errors}
      />
      <p>{t(l, 'accounts.tokens.intro')}</p>
      <DataTable
        locale={l}
        columns={tokenColumns(l, p.csrfToken)}
        rows={p.tokens}
        rowKey={(tok) => tok.id}
        empty={t(l, 'accounts.tokens.none')}
      />
      <NewTokenForm
        locale={l}
        csrfToken={p.csrfToken}
        grantable={p.grantable}
        errors={errors}
        values={p.values ?? {}}
      />
    </AccountFrame>,
  );
}
