// The election's registers of gifts in kind and of loans: what each party filed in its latest reports,
// with the register's downloads. Neither shows a PIN or an address: the rows have no such field.
import type { Election, Locale } from '../../domain/election.ts';
import { DataTable, Day, Money, pick, type Column } from '../../platform/web/index.ts';
import { donorTypeLabels } from '../../filings/index.ts';
import { t } from '../finance.messages.ts';
import type { PartyOption } from '../core/list-state.ts';
import { labelOf } from '../core/labels.ts';
import { electionFinancePath, inKindPath, loansPath } from '../core/paths.ts';
import { ratePercentText, type PublicInKindReceipt, type PublicLoan } from '../core/in-kind-and-loans.ts';
import { loanStatusLabel, valuationLabel } from '../core/register-tables.ts';
import { partyColumn } from './listing.tsx';
import { Downloads, FinanceFrame } from './finance-parts.tsx';

interface RegisterProps<T> {
  locale: Locale;
  election: Election;
  parties: readonly PartyOption[];
  rows: readonly T[];
}

function RegisterPage<T extends { id: number }>(
  p: RegisterProps<T> & { title: string; basis: string; path: string; columns: readonly Column<T>[] },
) {
  const l = p.locale;
  const e = p.election;
  return (
    <FinanceFrame
      locale={l}
      election={e}
      title={`${p.title}: ${pick(e.name, l)}`}
      path={p.path}
      crumbs={[{ href: `/${l}${electionFinancePath(e.id)}`, label: t(l, 'finance.title') }, { label: p.title }]}
    >
      <p>{p.basis}</p>
      <Downloads href={`/${l}${p.path}`} locale={l} what={p.title} />
      <DataTable
        locale={l}
        columns={p.columns}
        rows={p.rows}
        rowKey={(r) => r.id}
        caption={p.title}
        captionClass="sr-only"
        empty={t(l, 'register.none')}
      />
    </FinanceFrame>
  );
}

function inKindColumns(l: Locale, p: RegisterProps<PublicInKindReceipt>): Column<PublicInKindReceipt>[] {
  return [
    { key: 'date', label: t(l, 'col.date'), cell: (r) => <Day iso={r.date} locale={l} /> },
    partyColumn(l, p.election, p.parties),
    { key: 'donor', label: t(l, 'col.donor'), cell: (r) => r.donorName },
    { key: 'donorType', label: t(l, 'col.donorType'), cell: (r) => labelOf(donorTypeLabels, r.donorType, l) },
    { key: 'given', label: t(l, 'col.given'), cell: (r) => r.description },
    {
      key: 'value',
      label: t(l, 'col.estimatedValue'),
      numeric: true,
      cell: (r) => <Money amount={r.estimatedValue} locale={l} />,
    },
    { key: 'valuation', label: t(l, 'col.valuation'), cell: (r) => valuationLabel(r.valuation, l) },
  ];
}

export function InKindPage(p: RegisterProps<PublicInKindReceipt>) {
  const l = p.locale;
  return (
    <RegisterPage
      {...p}
      title={t(l, 'finance.inKind')}
      basis={t(l, 'finance.inKindBasis')}
      path={inKindPath(p.election.id)}
      columns={inKindColumns(l, p)}
    />
  );
}

function loanColumns(l: Locale, p: RegisterProps<PublicLoan>): Column<PublicLoan>[] {
  const money = (key: string, label: string, value: (r: PublicLoan) => PublicLoan['amount']): Column<PublicLoan> => ({
    key,
    label,
    numeric: true,
    cell: (r) => <Money amount={value(r)} locale={l} />,
  });
  return [
    { key: 'date', label: t(l, 'col.date'), cell: (r) => <Day iso={r.date} locale={l} /> },
    partyColumn(l, p.election, p.parties),
    { key: 'lender', label: t(l, 'col.lender'), cell: (r) => r.lenderName },
    money('amount', t(l, 'col.amount'), (r) => r.amount),
    {
      key: 'rate',
      label: t(l, 'col.rate'),
      numeric: true,
      cell: (r) => t(l, 'loan.rate', { rate: ratePercentText(r.annualRateBp) }),
    },
    { key: 'term', label: t(l, 'col.term'), numeric: true, cell: (r) => t(l, 'loan.term', { n: r.termMonths }) },
    money('repaid', t(l, 'col.repaid'), (r) => r.repaid),
    money('balance', t(l, 'col.balance'), (r) => r.balance),
    { key: 'status', label: t(l, 'col.status'), cell: (r) => loanStatusLabel(r.status, l) },
  ];
}

export function LoansPage(p: RegisterProps<PublicLoan>) {
  const l = p.locale;
  return (
    <RegisterPage
      {...p}
      title={t(l, 'finance.loans')}
      basis={t(l, 'finance.loansBasis')}
      path={loansPath(p.election.id)}
      columns={loanColumns(l, p)}
    />
  );
}
