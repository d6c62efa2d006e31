// The commission's register of electoral fund accounts, and the form that registers one.
import { renderPage } from '../../platform/web/layout.tsx';
import { pick } from '../../platform/web/format.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Election, Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { day } from '../../platform/web/numbers.ts';
import type { FundAccount } from '../account.repository.ts';
import { Csrf, Page } from './bank-page.tsx';
import { Problems, problemText } from './problems.tsx';
import '../bank-statement.messages.ts';

export interface AccountsPageProps {
  locale: Locale;
  csrfToken: string;
  accounts: FundAccount[];
  elections: Election[];
  canRegister: boolean;
  problems?: Problem[];
  values?: Record<string, string>;
  registered?: string;
}

const ACCOUNT_FIELDS = ['electionId', 'partyRegistrationNumber', 'bank', 'accountNumber', 'currency', 'openedOn'] as const;

export function AccountsPage(p: AccountsPageProps) {
  const l = p.locale;
  const title = t(l, 'bank.accounts.title');
  const errors = p.problems ?? [];
  const errorOf = (f: string) => errors.filter((e) => e.field === f || e.field?.startsWith(`${f}.`));
  return renderPage(
    <Page locale={l} title={title} path="/commission/accounts">
      <h1>{title}</h1>
      <p>{t(l, 'bank.accounts.intro')}</p>
      {p.registered ? (
        <p class="done" role="status">
          {t(l, 'bank.accounts.registered', { account: p.registered })}
        </p>
      ) : null}
      <Problems locale={l} problems={errors} title={t(l, 'accounts.errors.title')} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(l, 'bank.col.election')}</th>
              <th scope="col">{t(l, 'bank.col.party')}</th>
              <th scope="col">{t(l, 'bank.col.bank')}</th>
              <th scope="col">{t(l, 'bank.col.account')}</th>
              <th scope="col">{t(l, 'bank.col.openedOn')}</th>
              <th scope="col">{t(l, 'bank.col.registeredBy')}</th>
            </tr>
          </thead>
          <tbody>
            {p.accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={`/${l}/commission/elections/${a.electionId}/reconciliation`}>{a.electionId}</a>
                </td>
                <td>{a.partyRegistrationNumber}</td>
                <td>{a.bank}</td>
                <td>
                  {a.accountNumber} ({a.currency})
                </td>
                <td>{day(a.openedOn, l)}</td>
                <td>{a.registeredBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.canRegister ? (
        <>
          <h2 id="register">{t(l, 'bank.accounts.register')}</h2>
          <form method="post" action={`/${l}/commission/accounts`} class="stack" noValidate>
            <Csrf token={p.csrfToken} />
            {ACCOUNT_FIELDS.map((f) => {
              const mine = errorOf(f);
              const id = `f-${f}`;
              return (
                <div class="field" key={f}>
                  <label for={id}>{t(l, `bank.field.${f}`)}</label>
                  {mine.length ? (
                    <p class="field-error" id={`${id}-error`}>
                      {mine.map((e) => problemText(l, e)).join(' ')}
                    </p>
                  ) : null}
                  {f === 'electionId' ? (
                    <select id={id} name={f} aria-invalid={mine.length ? 'true' : undefined} aria-describedby={mine.length ? `${id}-error` : undefined}>
                      {p.elections.map((e) => (
                        <option value={e.id} key={e.id} selected={p.values?.[f] === e.id}>
                          {pick(e.name, l)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={id}
                      name={f}
                      type="text"
                      value={p.values?.[f] ?? (f === 'currency' ? 'KGS' : '')}
                      aria-invalid={mine.length ? 'true' : undefined}
                      aria-describedby={mine.length ? `${id}-error` : undefined}
                    />
                  )}
                </div>
              );
            })}
            <button type="submit">{t(l, 'bank.accounts.register')}</button>
          </form>
        </>
      ) : null}
    </Page>,
  );
}
