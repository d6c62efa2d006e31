// A party's reports in an election: every chain, its status and its versions, how late the first
// version came, and the reports still missing.
import type { Locale } from '../../domain/election.ts';
import { formatDate } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';
import type { ChainRow, PartyReports } from '../public-report.service.ts';
import {
  electionCrumbs,
  FinancePage,
  LateNote,
  money,
  partyName,
  partyReportsPath,
  PartyTotalsFacts,
  reportKindLabel,
  reportPath,
  StatusBadge,
} from './common.tsx';

export function PartyReportsPage(p: PartyReports & { locale: Locale }) {
  const l = p.locale;
  const name = partyName(l, p.party, p.reg);
  return (
    <FinancePage
      locale={l}
      title={`${t(l, 'filings.reports.title')}: ${name}`}
      path={partyReportsPath(l, p.election.id, p.reg).slice(3)}
      synthetic={p.election.synthetic}
      crumbs={[...electionCrumbs(l, p.election, p.party, p.reg).slice(0, 3), { label: t(l, 'filings.reports.title') }]}
    >
      <h1>
        {t(l, 'filings.reports.title')}: {name}
      </h1>
      <p class="muted">{t(l, 'filings.reports.intro')}</p>
      {p.totals ? <PartyTotalsFacts locale={l} totals={p.totals} /> : null}
      {p.chains.length === 0 ? <p>{t(l, 'filings.reports.none')}</p> : null}
      {p.chains.length > 0 ? <ReportsTable locale={l} chains={p.chains} /> : null}
      {p.missing.length > 0 ? (
        <>
          <h2>{t(l, 'filings.missing.title')}</h2>
          <ul>
            {p.missing.map((m) => (
              <li key={m.kind} class="late">
                {t(l, 'filings.missing.item', { kind: reportKindLabel(l, m.kind), due: formatDate(l, m.due) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={`/api/v1/elections/${encodeURIComponent(p.election.id)}/parties/${encodeURIComponent(p.reg)}/filings`}>
          {t(l, 'filings.reports.json')}
        </a>
      </p>
    </FinancePage>
  );
}

function ReportsTable(p: { locale: Locale; chains: ChainRow[] }) {
  const l = p.locale;
  return (
    <div class="table-wrap">
      <table>
        <caption class="muted" style="text-align:left">
          {t(l, 'filings.reports.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(l, 'filings.field.reportKind')}</th>
            <th scope="col">{t(l, 'filings.field.period')}</th>
            <th scope="col">{t(l, 'filings.field.status')}</th>
            <th scope="col">{t(l, 'filings.field.filedOn')}</th>
            <th scope="col" class="num">
              {t(l, 'filings.field.receipts')}
            </th>
            <th scope="col" class="num">
              {t(l, 'filings.field.expenditures')}
            </th>
            <th scope="col">{t(l, 'filings.versions.title')}</th>
          </tr>
        </thead>
        <tbody>
          {p.chains.map(({ entry, deadline }) => {
            const latest = entry.versions.find((v) => v.isLatest) ?? entry.versions.at(-1);
            if (!latest) return null;
            return (
              <tr key={entry.chain.id}>
                <th scope="row">
                  <a href={reportPath(l, latest.id)}>{reportKindLabel(l, entry.chain.reportKind)}</a>
                </th>
                <td>
                  {formatDate(l, entry.chain.periodFrom)} – {formatDate(l, entry.chain.periodTo)}
                </td>
                <td>
                  <StatusBadge locale={l} status={latest.status} />
                </td>
                <td>
                  {entry.versions[0]?.submittedAt ? formatDate(l, entry.versions[0].submittedAt.slice(0, 10)) : '—'}
                  {deadline && deadline.daysLate > 0 ? (
                    <>
                      <br />
                      <LateNote locale={l} deadline={deadline} />
                    </>
                  ) : null}
                </td>
                <td class="num">{money(l, latest.totalReceipts)}</td>
                <td class="num">{money(l, latest.totalExpenditures)}</td>
                <td>
                  {entry.versions.map((v, i) => (
                    <span key={v.id}>
                      {i > 0 ? ', ' : ''}
                      <a href={reportPath(l, v.id)}>{t(l, 'filings.versions.short', { n: v.version })}</a>
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
