// The commission's register of electoral fund accounts, and the form that registers one.
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  Notice,
  Select,
  day,
  formErrors,
  pick,
  renderPage,
  type Column,
} from '../../platform/web/index.ts';
import type { Election, Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import type { FundAccount } from '../account.repository.ts';
import { t } from '../bank-statement.messages.ts';
import { BankPage } from './bank-page.tsx';
import { problemText } from './problems.tsx';

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

const ACCOUNT_FIELDS = [
  'electionId',
  'partyRegistrationNumber',
  'bank',
  'accountNumber',
  'currency',
  'openedOn',
] as const;
type AccountField = (typeof ACCOUNT_FIELDS)[number];

export function AccountsPage(p: AccountsPageProps) {
  const l = p.locale;
  const title = t(l, 'bank.accounts.title');
  const errors = formErrors(p.problems ?? [], { describe: (x) => problemText(l, x), fields: ACCOUNT_FIELDS });
  const label = (f: AccountField) => t(l, `bank.field.${f}`);
  const value = (f: AccountField) => p.values?.[f] ?? (f === 'currency' ? 'KGS' : '');
  return renderPage(
    <BankPage locale={l} title={title} path="/commission/accounts">
      <h1>{title}</h1>
      <p>{t(l, 'bank.accounts.intro')}</p>
      {p.registered ? <Notice kind="done" text={t(l, 'bank.accounts.registered', { account: p.registered })} /> : null}
      <ErrorSummary
        locale={l}
        errors={errors}
        labelOf={(f) => ((ACCOUNT_FIELDS as readonly string[]).includes(f) ? label(f as AccountField) : undefined)}
      />
      <DataTable locale={l} columns={accountColumns(l)} rows={p.accounts} rowKey={(a) => a.id} />
      {p.canRegister ? (
        <>
          <h2 id="register">{t(l, 'bank.accounts.register')}</h2>
          <form method="post" action={`/${l}/commission/accounts`} class="stack" noValidate>
            <CsrfField token={p.csrfToken} />
            <Select
              locale={l}
              name="electionId"
              label={label('electionId')}
              errors={errors}
              value={p.values?.electionId}
              options={p.elections.map((e) => ({ value: e.id, label: pick(e.name, l) }))}
            />
            {ACCOUNT_FIELDS.filter((f) => f !== 'electionId').map((f) => (
              <Input key={f} locale={l} name={f} label={label(f)} errors={errors} value={value(f)} />
            ))}
            <button type="submit">{t(l, 'bank.accounts.register')}</button>
          </form>
        </>
      ) : null}
    </BankPage>,
  );
}

function accountColumns(l: Locale): Column<FundAccount>[] {
  return [
    {
      key: 'election',
      label: t(l, 'bank.col.election'),
      cell: (a) => <a href={`/${l}/commission/elections/${a.electionId}/reconciliation`}>{a.electionId}</a>,
    },
    { key: 'party', label: t(l, 'bank.col.party'), cell: (a) => a.partyRegistrationNumber },
    { key: 'bank', label: t(l, 'bank.col.bank'), cell: (a) => a.bank },
    { key: 'account', label: t(l, 'bank.col.account'), cell: (a) => `${a.accountNumber} (${a.currency})` },
    { key: 'openedOn', label: t(l, 'bank.col.openedOn'), cell: (a) => day(a.openedOn, l) },
    { key: 'registeredBy', label: t(l, 'bank.col.registeredBy'), cell: (a) => a.registeredBy },
  ];
}
