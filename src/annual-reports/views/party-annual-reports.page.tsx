// A party's annual reports: one row per year with the latest version's figures, whether it came in
// after its deadline, and how many findings the preliminary check made on it.
import type { Locale, Party } from '../../domain/election.ts';
import { tyiyn } from '../../domain/money.ts';
import { DataTable, Day, Money, Page, pick } from '../../platform/web/index.ts';
import type { AnnualYearSummary } from '../annual-reports.service.ts';
import { t } from '../annual-reports.messages.ts';
import { annualPath } from './parts.tsx';

export interface PartyAnnualReportsPageProps {
  locale: Locale;
  party: Party;
  years: AnnualYearSummary[];
}

export function PartyAnnualReportsPage(p: PartyAnnualReportsPageProps) {
  const l = p.locale;
  const reg = p.party.registrationNumber;
  const name = pick(p.party.name, l);
  return (
    <Page
      locale={l}
      title={`${t(l, 'annual.title')}: ${name}`}
      path={annualPath.party(reg)}
      crumbs={[{ label: name }, { label: t(l, 'annual.title') }]}
    >
      <h1>{t(l, 'annual.title')}</h1>
      <p class="lead">{name}</p>
      <p>{t(l, 'annual.lead')}</p>
      <DataTable
        locale={l}
        rows={p.years}
        rowKey={(y) => y.year}
        empty={t(l, 'annual.empty')}
        columns={[
          {
            key: 'year',
            label: t(l, 'annual.column.year'),
            rowHeader: true,
            cell: (y) => <a href={`/${l}${annualPath.year(reg, y.year)}`}>{y.year}</a>,
          },
          { key: 'version', label: t(l, 'annual.column.version'), numeric: true, cell: (y) => y.version },
          {
            key: 'filed',
            label: t(l, 'annual.column.filed'),
            cell: (y) => (
              <>
                <Day iso={y.submittedAt.slice(0, 10)} locale={l} />
                {' · '}
                {y.late ? <strong>{t(l, 'annual.late')}</strong> : t(l, 'annual.onTime')}
              </>
            ),
          },
          {
            key: 'receipts',
            label: t(l, 'annual.column.receipts'),
            numeric: true,
            cell: (y) => <Money amount={tyiyn(y.totalReceipts)} locale={l} />,
          },
          {
            key: 'expenditures',
            label: t(l, 'annual.column.expenditures'),
            numeric: true,
            cell: (y) => <Money amount={tyiyn(y.totalExpenditures)} locale={l} />,
          },
          {
            key: 'cash',
            label: t(l, 'annual.column.closingCash'),
            numeric: true,
            cell: (y) => <Money amount={tyiyn(y.closingCash)} locale={l} />,
          },
          { key: 'findings', label: t(l, 'annual.column.findings'), numeric: true, cell: (y) => y.findings },
        ]}
      />
    </Page>
  );
}
