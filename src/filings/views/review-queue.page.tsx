// The commission's queue of reports to review: latest versions filed or under review, and those decided.
import type { Locale, Party } from '../../domain/election.ts';
import { renderPage } from '../../platform/web/layout.tsx';
import { formatDate, formatDateTime, t } from '../../platform/i18n/i18n.ts';
import { fieldLabel } from '../core/filing-labels.ts';
import type { LatestListing } from '../filing-search.repository.ts';
import { partyName as partyLabel, reportKindLabel, StatusBadge } from './common.tsx';
import { Page } from './form.tsx';

export function ReviewQueuePage(p: { locale: Locale; pending: LatestListing[]; decided: LatestListing[]; parties: Map<string, Party> }) {
  const l = p.locale;
  const table = (rows: LatestListing[]) =>
    rows.length === 0 ? (
      <p>{t(l, 'filings.review.empty')}</p>
    ) : (
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(l, 'ballot.party')}</th>
              <th scope="col">{fieldLabel('reportKind', l)}</th>
              <th scope="col">{t(l, 'filings.versions.version')}</th>
              <th scope="col">{t(l, 'filings.field.filedAt')}</th>
              <th scope="col">{t(l, 'filings.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ filing, chain }) => (
              <tr key={filing.id}>
                <th scope="row">{partyLabel(l, p.parties.get(chain.partyRegistrationNumber), chain.partyRegistrationNumber)}</th>
                <td>
                  <a href={`/${l}/commission/reports/${filing.id}`}>
                    {reportKindLabel(l, chain.reportKind)} {formatDate(l, chain.periodFrom)} – {formatDate(l, chain.periodTo)}
                  </a>
                </td>
                <td>{filing.version}</td>
                <td>{filing.submittedAt ? formatDateTime(l, filing.submittedAt) : '—'}</td>
                <td>
                  <StatusBadge locale={l} status={filing.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  return renderPage(
    <Page locale={l} title={t(l, 'filings.review.title')} path="/commission/reports" crumbs={[{ label: t(l, 'filings.review.title') }]}>
      <h1>{t(l, 'filings.review.title')}</h1>
      <h2>{t(l, 'filings.review.pending')}</h2>
      {table(p.pending)}
      <h2>{t(l, 'filings.review.decided')}</h2>
      {table(p.decided)}
    </Page>,
  );
}
