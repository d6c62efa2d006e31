// One donor across the parties' annual reports: every donation of theirs in the latest version of each
// year, found by the public identifier the explore capability makes from the identification number. The
// identifier, never the number, is in the address; names are shown as each report wrote them.
import type { Locale } from '../../domain/election.ts';
import { tyiyn } from '../../domain/money.ts';
import { DataTable, Day, Money, Page, pick } from '../../platform/web/index.ts';
import type { DonorGift } from '../annual-reports.service.ts';
import { t } from '../annual-reports.messages.ts';
import { annualPath, donorTypeText } from './parts.tsx';

export interface AnnualDonorPageProps {
  locale: Locale;
  donorId: string;
  gifts: DonorGift[];
}

export function AnnualDonorPage(p: AnnualDonorPageProps) {
  const l = p.locale;
  const names = [...new Set(p.gifts.map((g) => g.donorName))];
  return (
    <Page locale={l} title={t(l, 'annual.donor.title')} path={annualPath.donor(p.donorId)}>
      <h1>{t(l, 'annual.donor.title')}</h1>
      {names.length > 0 ? <p class="lead">{names.join(' · ')}</p> : null}
      <p>{t(l, 'annual.donor.lead')}</p>
      <DataTable
        locale={l}
        rows={p.gifts}
        rowKey={(g) => `${g.party.registrationNumber}/${g.year}/${g.lineId}`}
        empty={t(l, 'annual.donor.empty')}
        columns={[
          {
            key: 'year',
            label: t(l, 'annual.column.year'),
            rowHeader: true,
            cell: (g) => <a href={`/${l}${annualPath.year(g.party.registrationNumber, g.year)}`}>{g.year}</a>,
          },
          { key: 'party', label: t(l, 'annual.report.party'), cell: (g) => pick(g.party.name, l) },
          { key: 'date', label: t(l, 'annual.donation.date'), cell: (g) => <Day iso={g.date} locale={l} /> },
          { key: 'name', label: t(l, 'annual.donation.donor'), cell: (g) => g.donorName },
          { key: 'type', label: t(l, 'annual.donation.type'), cell: (g) => donorTypeText(l, g.donorType) },
          {
            key: 'amount',
            label: t(l, 'annual.donation.amount'),
            numeric: true,
            cell: (g) => <Money amount={tyiyn(g.amount)} locale={l} />,
          },
        ]}
      />
    </Page>
  );
}
