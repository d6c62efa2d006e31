// The frame of the itemised listings, shared by receipts and expenditures: the page with its basis
// and privacy note, the GET form of filters (the filters both listings have, and the listing's own),
// the filtered listing's downloads, the table with sort links, and the keyset pager.
import type { ComponentChildren } from 'preact';
import type { Election, Locale } from '../../domain/election.ts';
import { DataTable, Filter, FilterForm, Pager, pick, type Column, type SortState } from '../../platform/web/index.ts';
import { t } from '../finance.messages.ts';
import type { LinePage } from '../core/lines.ts';
import { DEFAULT_SORT, listQuery, type AnyListState, type ListState, type PartyOption } from '../core/list-state.ts';
import { electionFinancePath, partyFinancePath } from '../core/paths.ts';
import { Downloads, FinanceFrame } from './finance-parts.tsx';

const withQuery = (base: string, q: string) => (q ? `${base}?${q}` : base);

/** Sort links that keep the filters and start again from the first page. */
function sortState(base: string, s: AnyListState): SortState {
  return {
    column: s.sort,
    order: s.order,
    href: (column, order) => withQuery(base, listQuery(s, { sort: column, order, cursor: '' })),
  };
}

/** The filters both listings have: party, dates and amounts. */
function CommonFilters(p: { state: ListState; parties: readonly PartyOption[]; locale: Locale }) {
  const l = p.locale;
  return (
    <>
      <Filter label={t(l, 'filter.party')}>
        <select name="party">
          <option value="">{t(l, 'filter.all')}</option>
          {p.parties.map((x) => (
            <option value={x.reg} selected={p.state.party === x.reg} key={x.reg}>
              {x.name}
            </option>
          ))}
        </select>
      </Filter>
      <Filter label={t(l, 'filter.from')}>
        <input type="date" name="from" value={p.state.from} />
      </Filter>
      <Filter label={t(l, 'filter.to')}>
        <input type="date" name="to" value={p.state.to} />
      </Filter>
      <Filter label={t(l, 'filter.min')}>
        <input type="number" name="min" min="0" step="0.01" inputMode="decimal" value={p.state.min} size={10} />
      </Filter>
      <Filter label={t(l, 'filter.max')}>
        <input type="number" name="max" min="0" step="0.01" inputMode="decimal" value={p.state.max} size={10} />
      </Filter>
    </>
  );
}

/** The party column of a listing: the party's finance page, by the name readers know it by. */
export function partyColumn<T extends { partyRegistrationNumber: string }>(
  l: Locale,
  election: Election,
  parties: readonly PartyOption[],
): Column<T> {
  const names = new Map(parties.map((x) => [x.reg, x.name]));
  return {
    key: 'party',
    label: t(l, 'col.party'),
    cell: (r) => (
      <a href={`/${l}${partyFinancePath(election.id, r.partyRegistrationNumber)}`}>
        {names.get(r.partyRegistrationNumber) ?? r.partyRegistrationNumber}
      </a>
    ),
  };
}

export interface LineListingProps<T> {
  locale: Locale;
  election: Election;
  parties: readonly PartyOption[];
  /** `finance.receipts` or `finance.expenditures`, in the page's language. */
  title: string;
  /** The listing's path without the locale. */
  path: string;
  state: AnyListState;
  page: LinePage<T>;
  columns: readonly Column<T>[];
  /** The listing's own filters, after the common ones (receipts: the donor name comes first). */
  filtersBefore?: ComponentChildren;
  filtersAfter?: ComponentChildren;
}

export function LineListingPage<T extends { id: number }>(p: LineListingProps<T>) {
  const l = p.locale;
  const e = p.election;
  const base = `/${l}${p.path}`;
  const s = p.state;
  const query = listQuery(s);
  const filters = listQuery(s, { cursor: '' });
  const next = p.page.nextCursor;
  return (
    <FinanceFrame
      locale={l}
      election={e}
      title={`${p.title}: ${pick(e.name, l)}`}
      path={withQuery(p.path, query)}
      crumbs={[{ href: `/${l}${electionFinancePath(e.id)}`, label: t(l, 'finance.title') }, { label: p.title }]}
    >
      <FilterForm
        locale={l}
        action={base}
        hidden={{
          sort: s.sort !== DEFAULT_SORT.sort ? s.sort : undefined,
          order: s.order !== DEFAULT_SORT.order ? s.order : undefined,
        }}
        resetHref={filters ? base : null}
      >
        {p.filtersBefore}
        <CommonFilters state={s} parties={p.parties} locale={l} />
        {p.filtersAfter}
      </FilterForm>
      <Downloads href={base} locale={l} query={filters} what={p.title} />
      <DataTable
        locale={l}
        columns={p.columns}
        rows={p.page.items}
        rowKey={(r) => r.id}
        caption={p.title}
        captionClass="sr-only"
        // Only a filter can hide lines; without one, there are none yet.
        empty={t(l, filters ? 'list.none' : 'register.none')}
        sort={sortState(base, s)}
      />
      <Pager
        locale={l}
        shown={p.page.items.length}
        firstHref={s.cursor ? withQuery(base, listQuery(s, { cursor: '' })) : null}
        nextHref={next ? `${base}?${listQuery(s, { cursor: next })}` : null}
      />
    </FinanceFrame>
  );
}
