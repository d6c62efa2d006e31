// The finance sections of the election page (money by party) and of a party's page (its totals and a
// link to its reports), latest versions only.
import type { Locale, Party } from '../../domain/election.ts';
import { formatNumber } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';
import type { PartyTotals } from '../filing-search.repository.ts';
import { money, partyName, partyReportsPath, PartyTotalsFacts } from './common.tsx';

/** On the election page: money received and spent by each party, latest versions only. */
export function FinanceElectionSection(p: {
  locale: Locale;
  electionId: string;
  rows: Array<{ party: Party | undefined; totals: PartyTotals }>;
}) {
  const l = p.locale;
  return (
    <section aria-labelledby="finance">
      <h2 id="finance">{t(l, 'filings.section.title')}</h2>
      {p.rows.length === 0 ? (
        <p>{t(l, 'filings.reports.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="muted" style="text-align:left">
              {t(l, 'filings.section.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(l, 'ballot.party')}</th>
                <th scope="col" class="num">
                  {t(l, 'filings.field.reports')}
                </th>
                <th scope="col" class="num">
                  {t(l, 'filings.totals.received')}
                </th>
                <th scope="col" class="num">
                  {t(l, 'filings.totals.spent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.totals.partyRegistrationNumber}>
                  <th scope="row">
                    <a href={partyReportsPath(l, p.electionId, r.totals.partyRegistrationNumber)}>
                      {partyName(l, r.party, r.totals.partyRegistrationNumber)}
                    </a>
                  </th>
                  <td class="num">{formatNumber(l, r.totals.reports)}</td>
                  <td class="num">{money(l, r.totals.receipts)}</td>
                  <td class="num">{money(l, r.totals.expenditures)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/${l}/reports/search`}>{t(l, 'filings.search.title')}</a>
      </p>
    </section>
  );
}

/** On the party page: the party's totals and a link to its reports. */
export function FinancePartySection(p: {
  locale: Locale;
  electionId: string;
  reg: string;
  totals: PartyTotals | undefined;
  reports: number;
}) {
  const l = p.locale;
  return (
    <section aria-labelledby="finance">
      <h2 id="finance">{t(l, 'filings.section.title')}</h2>
      {p.totals ? <PartyTotalsFacts locale={l} totals={p.totals} /> : <p>{t(l, 'filings.reports.none')}</p>}
      <p>
        <a href={partyReportsPath(l, p.electionId, p.reg)}>{t(l, 'filings.section.allReports', { n: p.reports })}</a>
      </p>
    </section>
  );
}
