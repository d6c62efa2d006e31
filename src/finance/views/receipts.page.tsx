// The itemised receipts of an election: filters (donor name in any script, party, kind of donor,
// channel, dates, amounts), sort links, keyset pages, and the filtered listing's downloads.
import type { Election, Locale } from '../../domain/election.ts';
import { Day, Filter, Money, type Column } from '../../platform/web/index.ts';
import { donorTypeLabels, donorTypeSchema, receiptChannelLabels, receiptChannelSchema } from '../../filings/index.ts';
import { t } from '../finance.messages.ts';
import type { LinePage, PublicReceipt } from '../core/lines.ts';
import type { PartyOption, ReceiptListState } from '../core/list-state.ts';
import { labelOf } from '../core/labels.ts';
import { receiptsPath } from '../core/paths.ts';
import { LineListingPage, partyColumn } from './listing.tsx';

function receiptColumns(l: Locale, election: Election, parties: readonly PartyOption[]): Column<PublicReceipt>[] {
  return [
    { key: 'date', label: t(l, 'col.date'), sortable: true, cell: (r) => <Day iso={r.date} locale={l} /> },
    partyColumn(l, election, parties),
    { key: 'donor', label: t(l, 'col.donor'), cell: (r) => r.donorName },
    { key: 'donorType', label: t(l, 'col.donorType'), cell: (r) => labelOf(donorTypeLabels, r.donorType, l) },
    { key: 'channel', label: t(l, 'col.channel'), cell: (r) => labelOf(receiptChannelLabels, r.channel, l) },
    {
      key: 'amount',
      label: t(l, 'col.amount'),
      sortable: true,
      numeric: true,
      cell: (r) => <Money amount={r.amount} locale={l} />,
    },
  ];
}

function ReceiptFilters(p: { state: ReceiptListState; locale: Locale }) {
  const l = p.locale;
  const s = p.state;
  return (
    <>
      <Filter label={t(l, 'filter.donorType')}>
        <select name="type">
          <option value="">{t(l, 'filter.all')}</option>
          {donorTypeSchema.options.map((x) => (
            <option value={x} selected={s.type === x} key={x}>
              {labelOf(donorTypeLabels, x, l)}
            </option>
          ))}
        </select>
      </Filter>
      <Filter label={t(l, 'filter.channel')}>
        <select name="channel">
          <option value="">{t(l, 'filter.all')}</option>
          {receiptChannelSchema.options.map((x) => (
            <option value={x} selected={s.channel === x} key={x}>
              {labelOf(receiptChannelLabels, x, l)}
            </option>
          ))}
        </select>
      </Filter>
    </>
  );
}

export function ReceiptsPage(p: {
  locale: Locale;
  election: Election;
  parties: readonly PartyOption[];
  state: ReceiptListState;
  page: LinePage<PublicReceipt>;
}) {
  const l = p.locale;
  const s = p.state;
  return (
    <LineListingPage
      locale={l}
      election={p.election}
      parties={p.parties}
      title={t(l, 'finance.receipts')}
      path={receiptsPath(p.election.id)}
      state={s}
      page={p.page}
      columns={receiptColumns(l, p.election, p.parties)}
      filtersBefore={
        <Filter label={t(l, 'filter.q')}>
          <input type="search" name="q" value={s.q} maxLength={200} aria-describedby="q-hint" />
          <span id="q-hint" class="muted">
            {t(l, 'filter.qHint')}
          </span>
        </Filter>
      }
      filtersAfter={<ReceiptFilters state={s} locale={l} />}
    />
  );
}
