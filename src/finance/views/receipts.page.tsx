// The itemised receipts of an election: a GET form of filters (donor name in any script, party, kind
// of donor, channel, dates, amounts), sort links, keyset pages, and the filtered listing's downloads.
import type { Election, Locale } from '../../domain/election.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { donorTypeLabels, receiptChannelLabels } from '../../filings/filing-labels.ts';
import { donorTypeSchema, receiptChannelSchema } from '../../filings/filing.ts';
import type { LinePage, PublicReceipt } from '../core/lines.ts';
import { DEFAULT_SORT, listQuery, type PartyOption, type ReceiptListState } from '../core/list-state.ts';
import { labelOf } from '../core/labels.ts';
import { partyFinancePath, receiptsPath } from '../core/paths.ts';
import { day, som } from '../core/format.ts';
import { Downloads } from './finance-parts.tsx';
import { CommonFilters, ListFrame, Pager, SortHeader } from './listing.tsx';
import '../finance.messages.ts';

export function ReceiptsPage(p: { locale: Locale; election: Election; parties: readonly PartyOption[]; state: ReceiptListState; page: LinePage<PublicReceipt> }) {
  const l = p.locale;
  const e = p.election;
  const path = receiptsPath(e.id);
  const base = `/${l}${path}`;
  const s = p.state;
  const names = new Map(p.parties.map((x) => [x.reg, x.name]));
  const filters = listQuery(s, { cursor: '' });
  return (
    <ListFrame locale={l} election={e} title={t(l, 'finance.receipts')} path={path} query={listQuery(s)}>
      <form class="filters" method="get" action={base} aria-label={t(l, 'filter.label')}>
        <label>
          {t(l, 'filter.q')}
          <input type="search" name="q" value={s.q} maxLength={200} aria-describedby="q-hint" />
          <span id="q-hint" class="muted">
            {t(l, 'filter.qHint')}
          </span>
        </label>
        <CommonFilters state={s} parties={p.parties} locale={l} />
        <label>
          {t(l, 'filter.donorType')}
          <select name="type">
            <option value="">{t(l, 'filter.all')}</option>
            {donorTypeSchema.options.map((x) => (
              <option value={x} selected={s.type === x} key={x}>
                {labelOf(donorTypeLabels, x, l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(l, 'filter.channel')}
          <select name="channel">
            <option value="">{t(l, 'filter.all')}</option>
            {receiptChannelSchema.options.map((x) => (
              <option value={x} selected={s.channel === x} key={x}>
                {labelOf(receiptChannelLabels, x, l)}
              </option>
            ))}
          </select>
        </label>
        {s.sort !== DEFAULT_SORT.sort ? <input type="hidden" name="sort" value={s.sort} /> : null}
        {s.order !== DEFAULT_SORT.order ? <input type="hidden" name="order" value={s.order} /> : null}
        <button type="submit">{t(l, 'filter.apply')}</button>
        {filters ? <a href={base}>{t(l, 'filter.reset')}</a> : null}
      </form>
      <Downloads href={base} locale={l} query={filters} what={t(l, 'finance.receipts')} />
      {p.page.items.length === 0 ? (
        <p>{t(l, 'list.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t(l, 'finance.receipts')}</caption>
            <thead>
              <tr>
                <SortHeader base={base} state={s} column="date" text={t(l, 'col.date')} locale={l} />
                <th scope="col">{t(l, 'col.party')}</th>
                <th scope="col">{t(l, 'col.donor')}</th>
                <th scope="col">{t(l, 'col.donorType')}</th>
                <th scope="col">{t(l, 'col.channel')}</th>
                <SortHeader base={base} state={s} column="amount" text={t(l, 'col.amount')} locale={l} numeric />
              </tr>
            </thead>
            <tbody>
              {p.page.items.map((r) => (
                <tr key={r.id}>
                  <td>{day(r.date, l)}</td>
                  <td>
                    <a href={`/${l}${partyFinancePath(e.id, r.partyRegistrationNumber)}`}>{names.get(r.partyRegistrationNumber) ?? r.partyRegistrationNumber}</a>
                  </td>
                  <td>{r.donorName}</td>
                  <td>{labelOf(donorTypeLabels, r.donorType, l)}</td>
                  <td>{labelOf(receiptChannelLabels, r.channel, l)}</td>
                  <td class="num">{som(r.amount, l)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager base={base} state={s} next={p.page.nextCursor} locale={l} shown={p.page.items.length} />
    </ListFrame>
  );
}
