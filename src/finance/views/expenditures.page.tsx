// The itemised expenditures of an election: filters (party, category or CEC heading, dates, amounts),
// sort links, keyset pages, and the filtered listing's downloads.
import type { Election, Locale } from '../../domain/election.ts';
import { Day, Filter, Money, type Column } from '../../platform/web/index.ts';
import {
  EXPENDITURE_GROUPS,
  expenditureCategoryGroups,
  expenditureCategoryLabels,
  expenditureGroupLabels,
} from '../../filings/index.ts';
import { t } from '../finance.messages.ts';
import type { LinePage, PublicExpenditure } from '../core/lines.ts';
import type { ExpenditureListState, PartyOption } from '../core/list-state.ts';
import { labelOf } from '../core/labels.ts';
import { expendituresPath } from '../core/paths.ts';
import { LineListingPage, partyColumn } from './listing.tsx';

function expenditureColumns(
  l: Locale,
  election: Election,
  parties: readonly PartyOption[],
): Column<PublicExpenditure>[] {
  return [
    { key: 'date', label: t(l, 'col.date'), sortable: true, cell: (x) => <Day iso={x.date} locale={l} /> },
    partyColumn(l, election, parties),
    { key: 'payee', label: t(l, 'col.payee'), cell: (x) => x.payeeName },
    { key: 'category', label: t(l, 'col.category'), cell: (x) => labelOf(expenditureCategoryLabels, x.category, l) },
    { key: 'description', label: t(l, 'col.description'), cell: (x) => x.description },
    { key: 'document', label: t(l, 'col.document'), cell: (x) => x.documentNumber },
    {
      key: 'amount',
      label: t(l, 'col.amount'),
      sortable: true,
      numeric: true,
      cell: (x) => <Money amount={x.amount} locale={l} />,
    },
  ];
}

/** A category, or a whole CEC heading (`group:<heading>`) where the heading has more than one. */
function CategoryFilter(p: { state: ExpenditureListState; locale: Locale }) {
  const l = p.locale;
  const s = p.state;
  return (
    <Filter label={t(l, 'filter.category')}>
      <select name="category">
        <option value="">{t(l, 'filter.all')}</option>
        {EXPENDITURE_GROUPS.map((g) => (
          <optgroup label={labelOf(expenditureGroupLabels, g, l)} key={g}>
            {expenditureCategoryGroups[g].length > 1 ? (
              <option value={`group:${g}`} selected={s.category === `group:${g}`}>
                {labelOf(expenditureGroupLabels, g, l)} — {t(l, 'filter.all')}
              </option>
            ) : null}
            {expenditureCategoryGroups[g].map((c) => (
              <option value={c} selected={s.category === c} key={c}>
                {labelOf(expenditureCategoryLabels, c, l)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Filter>
  );
}

export function ExpendituresPage(p: {
  locale: Locale;
  election: Election;
  parties: readonly PartyOption[];
  state: ExpenditureListState;
  page: LinePage<PublicExpenditure>;
}) {
  const l = p.locale;
  return (
    <LineListingPage
      locale={l}
      election={p.election}
      parties={p.parties}
      title={t(l, 'finance.expenditures')}
      path={expendituresPath(p.election.id)}
      state={p.state}
      page={p.page}
      columns={expenditureColumns(l, p.election, p.parties)}
      filtersAfter={<CategoryFilter state={p.state} locale={l} />}
    />
  );
}
