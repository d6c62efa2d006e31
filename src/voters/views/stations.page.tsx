// The polling stations: filters by region, country and city; at home a count per region until one is
// chosen, abroad every station grouped by country; and a map of the stations shown, when the operator
// has configured a tile server (without one the page is the list alone).
import type { Locale } from '../../domain/election.ts';
import { DataTable, Filter, FilterForm, Page, Pager, pick, type Column } from '../../platform/web/index.ts';
import { HOME_COUNTRY, type Station } from '../core/station-rows.ts';
import type { StationFilter } from '../stations.repository.ts';
import { t } from '../voters.messages.ts';
import { countryName, mapLink, VotersNav, votersPath, yesNo } from './parts.tsx';

export interface StationsPageProps {
  locale: Locale;
  filter: StationFilter;
  places: { regions: string[]; countries: string[]; cities: Array<{ country: string; city: string }> };
  /** The stations the filter selects; unfiltered, the stations abroad only. */
  stations: Station[];
  /** Unfiltered: how many stations each region at home has. */
  regionCounts?: Array<{ region: string; count: number }>;
  /** The map, when tiles are configured, with the stations it shows (all of them when unfiltered). */
  map?: { tiles: string; attribution: string; stations: Station[] } | undefined;
  /** A filtered list is paged: `stations` is one page, with the links to the first and the next. */
  pager?: { firstHref: string | null; nextHref: string | null } | undefined;
}

export const LEAFLET_PATH = '/assets/leaflet';
export const MAP_SCRIPT_PATH = '/assets/voters/stations-map.js';

function columns(l: Locale): Column<Station>[] {
  return [
    { key: 'number', label: t(l, 'voters.station.number'), cell: (s) => s.number, rowHeader: true },
    { key: 'name', label: t(l, 'voters.station.name'), cell: (s) => pick(s.name, l) },
    {
      key: 'address',
      label: t(l, 'voters.station.address'),
      cell: (s) => {
        const map = mapLink(s);
        return (
          <>
            {pick(s.address, l)}
            {map ? (
              <>
                {' '}
                <a href={map} aria-label={`${t(l, 'voters.station.map')}: ${s.number}`}>
                  {t(l, 'voters.station.map')}
                </a>
              </>
            ) : null}
          </>
        );
      },
    },
    { key: 'hours', label: t(l, 'voters.station.hours'), cell: (s) => s.hours },
    { key: 'accessible', label: t(l, 'voters.station.accessible'), cell: (s) => yesNo(l, s.accessible) },
  ];
}

/** The map's points, as JSON that cannot close the script element it sits in. */
function mapData(stations: readonly Station[], l: Locale): string {
  const points = stations.flatMap((s) =>
    s.lat === null || s.lon === null ? [] : [[s.lat, s.lon, `${s.number} · ${pick(s.name, l)}`]],
  );
  return JSON.stringify(points).replace(/</g, '\\u003c');
}

function StationsMap(p: { locale: Locale; stations: readonly Station[]; tiles: string; attribution: string }) {
  return (
    <section aria-labelledby="stations-map-title">
      <h2 id="stations-map-title">{t(p.locale, 'voters.stations.mapTitle')}</h2>
      <div id="stations-map" data-tiles={p.tiles} data-attribution={p.attribution} />
      <script
        type="application/json"
        id="stations-data"
        dangerouslySetInnerHTML={{ __html: mapData(p.stations, p.locale) }}
      />
    </section>
  );
}

export function StationsPage(p: StationsPageProps) {
  const l = p.locale;
  const title = t(l, 'voters.stations.title');
  const f = p.filter;
  const filtered = Boolean(f.region || f.country || f.city);
  const home = p.stations.filter((s) => s.country === HOME_COUNTRY);
  const abroad = p.stations.filter((s) => s.country !== HOME_COUNTRY);
  const countries = [...new Set(abroad.map((s) => s.country))];
  const head = p.map ? (
    <>
      <link rel="stylesheet" href={`${LEAFLET_PATH}/leaflet.css`} />
      <script src={`${LEAFLET_PATH}/leaflet.js`} defer />
      <script src={MAP_SCRIPT_PATH} defer />
    </>
  ) : undefined;
  const option = (value: string, label: string, current: string | undefined) => (
    <option key={value} value={value} selected={value === current}>
      {label}
    </option>
  );
  return (
    <Page locale={l} title={title} path="/voters/stations" crumbs={[{ label: title }]} head={head}>
      <h1>{title}</h1>
      <VotersNav locale={l} current="stations" />
      <p>{t(l, 'voters.stations.lead')}</p>
      <FilterForm locale={l} action={votersPath.stations(l)} resetHref={filtered ? votersPath.stations(l) : null}>
        <Filter label={t(l, 'voters.station.region')}>
          <select name="region">
            {option('', t(l, 'voters.stations.any'), f.region ?? '')}
            {p.places.regions.map((r) => option(r, r, f.region))}
          </select>
        </Filter>
        <Filter label={t(l, 'voters.station.country')}>
          <select name="country">
            {option('', t(l, 'voters.stations.any'), f.country ?? '')}
            {p.places.countries.map((c) => option(c, countryName(l, c), f.country))}
          </select>
        </Filter>
        <Filter label={t(l, 'voters.station.city')}>
          <select name="city">
            {option('', t(l, 'voters.stations.any'), f.city ?? '')}
            {p.places.cities.map((c) => option(c.city, `${c.city} (${c.country})`, f.city))}
          </select>
        </Filter>
      </FilterForm>
      {p.map ? (
        <StationsMap locale={l} stations={p.map.stations} tiles={p.map.tiles} attribution={p.map.attribution} />
      ) : null}
      {p.regionCounts ? (
        <section aria-labelledby="by-region">
          <h2 id="by-region">{t(l, 'voters.stations.home')}</h2>
          <DataTable
            locale={l}
            caption={t(l, 'voters.stations.byRegion')}
            rows={p.regionCounts}
            columns={[
              {
                key: 'region',
                label: t(l, 'voters.station.region'),
                rowHeader: true,
                cell: (r) => (
                  <a href={`${votersPath.stations(l)}?region=${encodeURIComponent(r.region)}`}>{r.region}</a>
                ),
              },
              { key: 'count', label: t(l, 'voters.stations.count'), numeric: true, cell: (r) => r.count },
            ]}
          />
        </section>
      ) : null}
      {home.length > 0 ? (
        <section aria-labelledby="home-stations">
          <h2 id="home-stations">{t(l, 'voters.stations.home')}</h2>
          <DataTable locale={l} rows={home} columns={columns(l)} rowKey={(s) => s.number} wrap />
        </section>
      ) : null}
      {countries.length > 0 ? (
        <section aria-labelledby="abroad-stations">
          <h2 id="abroad-stations">{t(l, 'voters.stations.abroad')}</h2>
          {countries.map((c) => (
            <DataTable
              key={c}
              locale={l}
              caption={countryName(l, c)}
              rows={abroad.filter((s) => s.country === c)}
              columns={columns(l)}
              rowKey={(s) => s.number}
              wrap
            />
          ))}
        </section>
      ) : null}
      {filtered && p.stations.length === 0 ? <p>{t(l, 'voters.stations.none')}</p> : null}
      {p.pager && (p.pager.firstHref || p.pager.nextHref) ? (
        <Pager locale={l} shown={p.stations.length} firstHref={p.pager.firstHref} nextHref={p.pager.nextHref} />
      ) : null}
    </Page>
  );
}
