// On a district's page: the money of each single-mandate candidate's fund beside the others', from the
// latest version of each report the fund filed. Totals only: the lines of a candidate's reports are kept
// in the reports as filed.
import type { Locale } from '../../domain/election.ts';
import { DataTable, Money } from '../../platform/web/index.ts';
import { t } from '../filing.messages.ts';
import type { CandidateFundMoney } from '../fund-totals.service.ts';
import { partyReportsPath } from './common.tsx';

export function DistrictFundsSection(p: { locale: Locale; electionId: string; rows: CandidateFundMoney[] }) {
  const l = p.locale;
  return (
    <section aria-labelledby="candidate-funds">
      <h2 id="candidate-funds">{t(l, 'filings.funds.title')}</h2>
      <p class="muted">{t(l, 'filings.funds.lead')}</p>
      <DataTable
        locale={l}
        rows={p.rows}
        rowKey={(r) => r.fund.fundNumber}
        empty={t(l, 'filings.funds.none')}
        columns={[
          {
            key: 'candidate',
            label: t(l, 'filings.funds.candidate'),
            rowHeader: true,
            // A fund that has filed has its reports' page, as a party has; its number is what it files under.
            cell: (r) => (
              <>
                {r.reports === 0 ? r.name : <a href={partyReportsPath(l, p.electionId, r.fund.fundNumber)}>{r.name}</a>}
                <br />
                <small class="muted">
                  {t(l, 'filings.funds.number')}: {r.fund.fundNumber}
                </small>
              </>
            ),
          },
          {
            key: 'received',
            label: t(l, 'filings.totals.received'),
            numeric: true,
            cell: (r) => (r.reports === 0 ? t(l, 'filings.funds.notFiled') : <Money amount={r.receipts} locale={l} />),
          },
          {
            key: 'spent',
            label: t(l, 'filings.totals.spent'),
            numeric: true,
            cell: (r) => (r.reports === 0 ? '—' : <Money amount={r.expenditures} locale={l} />),
          },
        ]}
      />
    </section>
  );
}
