// The itemised expenditures of an election: a GET form of filters (party, category or CEC heading,
// dates, amounts), sort links, keyset pages, and the filtered listing's downloads.
import type { Election, Locale } from '../../domain/election.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { EXPENDITURE_GROUPS, expenditureCategoryGroups, expenditureCategoryLabels, expenditureGroupLabels } from '../../filings/filing-labels.ts';
import { expenditureCategorySchema, type ExpenditureCategory } from '../../filings/filing.ts';
import type { LinePage, PublicExpenditure } from '../core/lines.ts';
import { DEFAULT_SORT, listQuery, type ExpenditureListState, type PartyOption } from '../core/list-state.ts';
import { labelOf } from '../core/labels.ts';
import { expendituresPath, partyFinancePath } from '../core/paths.ts';
import { day, som } from '../core/format.ts';
import { Downloads } from './finance-parts.tsx';
import { CommonFilters, ListFrame, Pager, SortHeader } from './listing.tsx';
import '../finance.messages.ts';

export function ExpendituresPage(p: {
  locale: Locale;
  election: Election;
  parties: readonly PartyOption[];
  state: ExpenditureListState;
  page: LinePage<PublicExpenditure>;
}) {
  const l = p.locale;
  const e = p.election;
  const path = expendituresPath(e.id);
  const base = `/${l}${path}`;
  const s = p.state;
  const names = new Map(p.parties.map((x) => [x.reg, x.name]));
  const filters = listQuery(s, { cursor: '' });
  const categories = new Set<string>(expenditureCategorySchema.options);
  return (
    <ListFrame locale={l} election={e} title={t(l, 'finance.expenditures')} path={path} query={listQuery(s)}>
      <form class="filters" method="get" action={base} aria-label={t(l, 'filter.label')}>
        <CommonFilters state={s} parties={p.parties} locale={l} />
        <label>
          {t(l, 'filter.category')}
          <select name="category">
            <option value="">{t(l, 'filter.all')}</option>
            {EXPENDITURE_GROUPS.map((g) => (
              <optgroup label={labelOf(expenditureGroupLabels, g, l)} key={g}>
                {expenditureCategoryGroups[g].length > 1 ? (
                  <option value={`group:${g}`} selected={s.category === `group:${g}`}>
                    {labelOf(expenditureGroupLabels, g, l)} — {t(l, 'filter.all')}
                  </option>
                ) : null}
                {expenditureCategoryGroups[g].map((c: ExpenditureCategory) => (
                  <option value={c} selected={s.category === c} key={c}>
                    {labelOf(expenditureCategoryLabels, c, l)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        {s.sort !== DEFAULT_SORT.sort ? <input type="hidden" name="sort" value={s.sort} /> : null}
        {s.order !== DEFAULT_SORT.order ? <input type="hidden" name="order" value={s.order} /> : null}
        <button type="submit">{t(l, 'filter.apply')}</button>
        {filters ? <a href={base}>{t(l, 'filter.reset')}</a> : null}
      </form>
      <Downloads href={base} locale={l} query={filters} what={t(l, 'finance.expenditures')} />
      {p.page.items.length === 0 ? (
        <p>{t(l, 'list.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">{t(l, 'finance.expenditures')}</caption>
            <thead>
              <tr>
                <SortHeader base={base} state={s} column="date" text={t(l, 'col.date')} locale={l} />
                <th scope="col">{t(l, 'col.party')}</th>
                <th scope="col">{t(l, 'col.payee')}</th>
                <th scope="col">{t(l, 'col.category')}</th>
                <th scope="col">{t(l, 'col.description')}</th>
                <th scope="col">{t(l, 'col.document')}</th>
                <SortHeader base={base} state={s} column="amount" text={t(l, 'col.amount')} locale={l} numeric />
              </tr>
            </thead>
            <tbody>
              {p.page.items.map((x) => (
                <tr key={x.id}>
                  <td>{day(x.date, l)}</td>
                  <td>
                    <a href={`/${l}${partyFinancePath(e.id, x.partyRegistrationNumber)}`}>{names.get(x.partyRegistrationNumber) ?? x.partyRegistrationNumber}</a>
                  </td>
                  <td>{x.payeeName}</td>
                  <td>{categories.has(x.category) ? labelOf(expenditureCategoryLabels, x.category, l) : x.category}</td>
                  <td>{x.description}</td>
                  <td>{x.documentNumber}</td>
                  <td class="num">{som(x.amount, l)}</td>
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
