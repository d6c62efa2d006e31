// The commission's queue of reports to review: latest versions filed or under review, and those decided.
import type { Locale, Party } from '../../domain/election.ts';
import { DataTable, Page, renderPage, type Column } from '../../platform/web/index.ts';
import { formatDate, formatDateTime } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';
import { fieldLabel } from '../core/filing-labels.ts';
import type { LatestListing } from '../filing-search.repository.ts';
import { partyName as partyLabel, reportKindLabel, StatusBadge } from './common.tsx';

export function ReviewQueuePage(p: {
  locale: Locale;
  pending: LatestListing[];
  decided: LatestListing[];
  parties: Map<string, Party>;
}) {
  const l = p.locale;
  const columns: Column<LatestListing>[] = [
    {
      key: 'party',
      label: t(l, 'ballot.party'),
      rowHeader: true,
      cell: ({ chain }) => partyLabel(l, p.parties.get(chain.partyRegistrationNumber), chain.partyRegistrationNumber),
    },
    {
      key: 'report',
      label: fieldLabel('reportKind', l),
      cell: ({ filing, chain }) => (
        <a href={`/${l}/commission/reports/${filing.id}`}>
          {reportKindLabel(l, chain.reportKind)} {formatDate(l, chain.periodFrom)} – {formatDate(l, chain.periodTo)}
        </a>
      ),
    },
    { key: 'version', label: t(l, 'filings.versions.version'), cell: ({ filing }) => filing.version },
    {
      key: 'filedAt',
      label: t(l, 'filings.field.filedAt'),
      cell: ({ filing }) => (filing.submittedAt ? formatDateTime(l, filing.submittedAt) : '—'),
    },
    {
      key: 'status',
      label: t(l, 'filings.field.status'),
      cell: ({ filing }) => <StatusBadge locale={l} status={filing.status} />,
    },
  ];
  const table = (rows: LatestListing[]) => (
    <DataTable
      locale={l}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.filing.id}
      empty={t(l, 'filings.review.empty')}
    />
  );
  return renderPage(
    <Page
      locale={l}
      title={t(l, 'filings.review.title')}
      path="/commission/reports"
      crumbs={[{ label: t(l, 'filings.review.title') }]}
    >
      <h1>{t(l, 'filings.review.title')}</h1>
      <h2>{t(l, 'filings.review.pending')}</h2>
      {table(p.pending)}
      <h2>{t(l, 'filings.review.decided')}</h2>
      {table(p.decided)}
    </Page>,
  );
}
