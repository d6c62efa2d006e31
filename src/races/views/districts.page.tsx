// The districts of an election: each with its kind, region, seats, registered candidates and party lists, filtered
// by kind and region, a page at a time. The table scrolls sideways on a narrow phone rather than squeeze.
import type { Locale } from '../../domain/election.ts';
import { DataTable, Filter, FilterForm, Pager, pick, type Column } from '../../platform/web/index.ts';
import { DISTRICT_KINDS } from '../core/district.ts';
import type { DistrictFilter } from '../races.repository.ts';
import type { DistrictSummary } from '../races.service.ts';
import { t } from '../races.messages.ts';
import { kindText, RacesFrame, racesPath, type RacesFrameProps } from './parts.tsx';

export interface DistrictsPageProps {
  locale: Locale;
  election: RacesFrameProps['election'];
  filter: DistrictFilter;
  districts: DistrictSummary[];
  regions: string[];
  /** The query of this page's address, for the language switcher. */
  query: string;
  firstHref: string | null;
  nextHref: string | null;
}

function columns(l: Locale, electionId: string): Column<DistrictSummary>[] {
  return [
    {
      key: 'name',
      label: t(l, 'races.column.name'),
      rowHeader: true,
      cell: (d) => (
        <>
          <a href={`/${l}${racesPath.district(electionId, d.code)}`}>{pick(d.name, l)}</a>{' '}
          <span class="muted">({d.code})</span>
        </>
      ),
    },
    { key: 'kind', label: t(l, 'races.column.kind'), cell: (d) => kindText(l, d.kind) },
    { key: 'region', label: t(l, 'races.column.region'), cell: (d) => d.parentRegion },
    { key: 'seats', label: t(l, 'races.column.seats'), numeric: true, cell: (d) => d.seats },
    {
      key: 'candidates',
      label: t(l, 'races.column.candidates'),
      numeric: true,
      cell: (d) => d.registeredCandidates,
    },
    { key: 'lists', label: t(l, 'races.column.lists'), numeric: true, cell: (d) => d.partyLists },
  ];
}

export function DistrictsPage(p: DistrictsPageProps) {
  const l = p.locale;
  const e = p.election;
  const title = t(l, 'races.title');
  const base = `/${l}${racesPath.list(e.id)}`;
  const filtered = Boolean(p.filter.kind || p.filter.region);
  return (
    <RacesFrame
      locale={l}
      election={e}
      title={title}
      path={`${racesPath.list(e.id)}${p.query ? `?${p.query}` : ''}`}
      crumbs={[{ label: title }]}
    >
      <p>{t(l, 'races.lead')}</p>
      <FilterForm locale={l} action={base} resetHref={filtered ? base : null}>
        <Filter label={t(l, 'races.column.kind')}>
          <select name="kind">
            <option value="">{t(l, 'races.kind.any')}</option>
            {DISTRICT_KINDS.map((k) => (
              <option key={k} value={k} selected={p.filter.kind === k}>
                {kindText(l, k)}
              </option>
            ))}
          </select>
        </Filter>
        <Filter label={t(l, 'races.column.region')}>
          <select name="region">
            <option value="">{t(l, 'races.region.any')}</option>
            {p.regions.map((r) => (
              <option key={r} value={r} selected={p.filter.region === r}>
                {r}
              </option>
            ))}
          </select>
        </Filter>
      </FilterForm>
      <DataTable
        locale={l}
        caption={t(l, 'races.list.caption', { election: pick(e.name, l) })}
        captionClass="sr-only"
        rows={p.districts}
        columns={columns(l, e.id)}
        rowKey={(d) => d.code}
        empty={t(l, 'races.empty')}
      />
      <Pager locale={l} shown={p.districts.length} firstHref={p.firstHref} nextHref={p.nextHref} />
    </RacesFrame>
  );
}
