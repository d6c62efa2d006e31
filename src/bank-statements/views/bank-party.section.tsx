// The bank section of a party's public page: what the banks' statements say (received, spent, balance)
// beside what the party reported for the same days, the balance over time as a chart with its table,
// the unreported transactions once the commission has published them, and the downloads.
import { DataTable, day, som, type Column } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import type { PublicBankView } from '../bank-public.service.ts';
import { t } from '../bank-statement.messages.ts';
import { balanceChart, type BalanceChart } from './balance-chart.ts';

export function BankPartySection(p: { view: PublicBankView; locale: Locale }) {
  const l = p.locale;
  const v = p.view;
  const base = `/api/v1/elections/${encodeURIComponent(v.electionId)}/parties/${encodeURIComponent(v.partyRegistrationNumber)}`;
  if (v.bank.asOf === null) {
    return (
      <section aria-labelledby="bank-figures">
        <h2 id="bank-figures">{t(l, 'bank.section.title')}</h2>
        <p class="muted">{t(l, 'bank.section.none')}</p>
      </section>
    );
  }
  const chart = balanceChart(v.series, l);
  const row = (
    key: 'bank.col.received' | 'bank.col.spent' | 'bank.col.balance',
    bank: Tyiyn,
    reported: Tyiyn,
    difference: Tyiyn,
  ) => (
    <tr>
      <th scope="row">{t(l, key)}</th>
      <td class="num">{som(bank, l)}</td>
      <td class="num">{som(reported, l)}</td>
      <td class={difference === 0 ? 'num' : 'num neg'}>{som(difference, l)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="bank-figures" class="bank-figures">
      <h2 id="bank-figures">{t(l, 'bank.section.title')}</h2>
      <p>{t(l, 'bank.section.asOf', { date: day(v.bank.asOf, l) })}</p>
      <div class="table-wrap">
        <table>
          <caption class="muted">{t(l, 'bank.section.reportedAsOf', { date: day(v.bank.asOf, l) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(l, 'bank.section.figure')}</th>
              <th scope="col" class="num">
                {t(l, 'bank.section.bank')}
              </th>
              <th scope="col" class="num">
                {t(l, 'bank.section.reported')}
              </th>
              <th scope="col" class="num">
                {t(l, 'bank.section.difference')}
              </th>
            </tr>
          </thead>
          <tbody>
            {row('bank.col.received', v.bank.received, v.reported.received, v.difference.received)}
            {row('bank.col.spent', v.bank.spent, v.reported.spent, v.difference.spent)}
            {row('bank.col.balance', v.bank.balance, v.reported.balance, v.difference.balance)}
          </tbody>
        </table>
      </div>
      <BalanceChartSection chart={chart} locale={l} />
      <UnreportedSection unreported={v.unreported} locale={l} />
      <p>
        {t(l, 'bank.section.downloads')}: <a href={`${base}/bank`}>JSON</a> · <a href={`${base}/bank.csv`}>CSV</a>
        {v.unreported !== null ? (
          <>
            {' '}
            · <a href={`${base}/bank-unreported.csv`}>CSV ({t(l, 'bank.section.unreported')})</a>
          </>
        ) : null}
      </p>
    </section>
  );
}

/** The balance over time: the chart, and its figures as a table for screen readers and anyone who wants them. */
function BalanceChartSection({ chart, locale }: { chart: BalanceChart; locale: Locale }) {
  const columns: Column<BalanceChart['rows'][number]>[] = chart.head.map((label, i) => ({
    key: String(i),
    label,
    cell: (r) => r[i],
    ...(i === 0 ? { rowHeader: true } : { numeric: true }),
  }));
  return (
    <section aria-labelledby="bank-balance-chart">
      <h3 id="bank-balance-chart">{chart.title}</h3>
      {chart.svg ? <div class="chart" dangerouslySetInnerHTML={{ __html: chart.svg }} /> : null}
      <details>
        <summary>{chart.title}</summary>
        <DataTable locale={locale} columns={columns} rows={chart.rows} caption={chart.title} captionClass="muted" />
      </details>
    </section>
  );
}

/** The bank transactions that no report accounts for, once the commission has published them. */
function UnreportedSection(p: { unreported: PublicBankView['unreported']; locale: Locale }) {
  const l = p.locale;
  const unreported = p.unreported;
  return (
    <section aria-labelledby="bank-unreported">
      <h3 id="bank-unreported">{t(l, 'bank.section.unreported')}</h3>
      {unreported === null ? (
        <p class="muted" data-unreported="hidden">
          {t(l, 'bank.section.unreportedHidden')}
        </p>
      ) : unreported.length === 0 ? (
        <p data-unreported="none">{t(l, 'bank.section.unreportedNone')}</p>
      ) : (
        <div class="table-wrap">
          <table data-unreported="list">
            <caption class="muted">{t(l, 'bank.section.unreported')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(l, 'bank.col.date')}</th>
                <th scope="col" class="num">
                  {t(l, 'bank.col.amount')}
                </th>
                <th scope="col">{t(l, 'bank.col.counterparty')}</th>
                <th scope="col">{t(l, 'bank.col.purpose')}</th>
              </tr>
            </thead>
            <tbody>
              {unreported.map((u, i) => (
                <tr key={i}>
                  <th scope="row">{day(u.date, l)}</th>
                  <td class="num">{som(u.amount, l)}</td>
                  <td>
                    {u.counterpartyName ?? '—'}
                    {u.counterpartyId ? ` (${u.counterpartyId})` : ''}
                  </td>
                  <td>{u.purpose ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
