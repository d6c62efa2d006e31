// The ranked donors (or payees) of an election: who gave most, to how many parties, from when to
// when; filtered by party or to those involved with more than one, with the list's download.
import type { Locale } from '../../domain/election.ts';
import { DataTable, Day, Filter, FilterForm, Money, type Column } from '../../platform/web/index.ts';
import { t } from '../explore.messages.ts';
import type { Role, TopRow } from '../core/aggregates.ts';
import { counterpartPath, topPath, topQuery } from '../core/paths.ts';
import type { TopList } from '../explore.service.ts';
import { ExploreFrame, kindLabel, roleTitle, Who } from './frame.tsx';

/** Rows a page shows; the download has them all. */
export const TOP_ON_PAGE = 100;

export interface TopState {
  party: string;
  multi: boolean;
}

function columns(l: Locale, role: Role, list: TopList): Column<TopRow>[] {
  const e = list.election;
  return [
    { key: 'rank', label: t(l, 'explore.col.rank'), numeric: true, cell: (r) => r.rank },
    {
      key: 'name',
      label: t(l, 'explore.col.name'),
      rowHeader: true,
      cell: (r) => (
        <a href={`/${l}${counterpartPath(e.id, role, r.counterpart.id)}`}>
          <Who c={r.counterpart} locale={l} />
        </a>
      ),
    },
    {
      key: 'kind',
      label: t(l, role === 'donor' ? 'explore.col.kind' : 'explore.col.category'),
      cell: (r) => r.counterpart.kinds.map((k) => kindLabel(role, k, l)).join(', '),
    },
    {
      key: 'parties',
      label: t(l, 'explore.col.parties'),
      numeric: true,
      cell: (r) => (
        <span title={r.counterpart.parties.map((x) => list.partyName(x.party)).join(', ')}>
          {r.counterpart.parties.length}
        </span>
      ),
    },
    { key: 'count', label: t(l, 'explore.col.count'), numeric: true, cell: (r) => r.count },
    { key: 'first', label: t(l, 'explore.col.first'), cell: (r) => <Day iso={r.counterpart.first} locale={l} /> },
    { key: 'last', label: t(l, 'explore.col.last'), cell: (r) => <Day iso={r.counterpart.last} locale={l} /> },
    {
      key: 'amount',
      label: t(l, 'explore.col.amount'),
      numeric: true,
      cell: (r) => <Money amount={r.amount} locale={l} />,
    },
  ];
}

export function TopPage(p: { locale: Locale; role: Role; list: TopList; state: TopState }) {
  const l = p.locale;
  const e = p.list.election;
  const s = p.state;
  const base = `/${l}${topPath(e.id, p.role)}`;
  const query = topQuery(s);
  const title = roleTitle(p.role, l);
  const shown = p.list.rows.slice(0, TOP_ON_PAGE);
  return (
    <ExploreFrame
      locale={l}
      election={e}
      title={title}
      path={`${topPath(e.id, p.role)}${query ? `?${query}` : ''}`}
      crumbs={[{ label: title }]}
    >
      <FilterForm locale={l} action={base} resetHref={query ? base : null}>
        <Filter label={t(l, 'explore.filter.party')}>
          <select name="party">
            <option value="">{t(l, 'explore.filter.all')}</option>
            {p.list.parties.map((x) => (
              <option value={x.reg} selected={s.party === x.reg} key={x.reg}>
                {x.name}
              </option>
            ))}
          </select>
        </Filter>
        <label>
          <input type="checkbox" name="multi" value="1" checked={s.multi} /> {t(l, 'explore.filter.multi')}
        </label>
      </FilterForm>
      <p class="muted">
        <a href={`${base}.csv${query ? `?${query}` : ''}`}>{t(l, 'explore.download')}</a>
      </p>
      <DataTable
        locale={l}
        columns={columns(l, p.role, p.list)}
        rows={shown}
        rowKey={(r) => r.counterpart.id}
        caption={title}
        captionClass="sr-only"
        empty={t(l, 'explore.none')}
      />
      {p.list.rows.length > shown.length ? (
        <p class="muted">{t(l, 'explore.shown', { shown: shown.length, n: p.list.rows.length })}</p>
      ) : null}
    </ExploreFrame>
  );
}
