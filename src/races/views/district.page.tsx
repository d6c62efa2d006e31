// One district: its names in the three languages, kind, region and seats, the parties' lists standing in
// it (linked to the party's page in the election when it has one) and the candidates standing in it with
// who nominated them and their status. Only what is public: a candidate's name, nomination and status;
// no PIN or address is kept for them at all.
import type { ComponentChildren } from 'preact';
import type { Locale, Party } from '../../domain/election.ts';
import { DataTable, Day, pick } from '../../platform/web/index.ts';
import type { District, DistrictPartyList } from '../core/district.ts';
import type { StandingCandidate } from '../races.repository.ts';
import { t } from '../races.messages.ts';
import {
  candidateName,
  kindText,
  nominationText,
  RacesFrame,
  racesPath,
  statusText,
  type RacesFrameProps,
} from './parts.tsx';

export interface DistrictPageProps {
  locale: Locale;
  election: RacesFrameProps['election'];
  district: District;
  candidates: StandingCandidate[];
  lists: DistrictPartyList[];
  parties: ReadonlyMap<string, Party>;
  partiesInElection: ReadonlySet<string>;
  /** Other capabilities' sections of the page (the money of the candidates' funds). */
  extra?: ComponentChildren[];
}

function PartyLists(p: DistrictPageProps) {
  const l = p.locale;
  const partyCell = (x: DistrictPartyList) => {
    const party = p.parties.get(x.partyRegistrationNumber);
    const name = party ? pick(party.shortName, l) || pick(party.name, l) : x.partyRegistrationNumber;
    return p.partiesInElection.has(x.partyRegistrationNumber) ? (
      <a href={`/${l}${racesPath.party(p.election.id, x.partyRegistrationNumber)}`}>{name}</a>
    ) : (
      name
    );
  };
  return (
    <section aria-labelledby="district-lists">
      <h2 id="district-lists">{t(l, 'races.district.lists')}</h2>
      <DataTable
        locale={l}
        rows={p.lists}
        rowKey={(x) => x.partyRegistrationNumber}
        empty={t(l, 'races.district.noLists')}
        columns={[
          { key: 'party', label: t(l, 'races.list.party'), rowHeader: true, cell: partyCell },
          { key: 'size', label: t(l, 'races.list.size'), numeric: true, cell: (x) => x.listSize },
          {
            key: 'registered',
            label: t(l, 'races.list.registeredOn'),
            cell: (x) => <Day iso={x.registeredOn} locale={l} />,
          },
        ]}
      />
    </section>
  );
}

export function DistrictPage(p: DistrictPageProps) {
  const l = p.locale;
  const e = p.election;
  const d = p.district;
  const names = [...new Set([d.name.ky, d.name.ru, d.name.en])];
  return (
    <RacesFrame
      locale={l}
      election={e}
      title={pick(d.name, l)}
      path={racesPath.district(e.id, d.code)}
      crumbs={[{ href: `/${l}${racesPath.list(e.id)}`, label: t(l, 'races.title') }, { label: pick(d.name, l) }]}
    >
      <dl>
        <dt>{t(l, 'races.district.names')}</dt>
        <dd>{names.join(' · ')}</dd>
        <dt>{t(l, 'races.column.code')}</dt>
        <dd>{d.code}</dd>
        <dt>{t(l, 'races.column.kind')}</dt>
        <dd>{kindText(l, d.kind)}</dd>
        <dt>{t(l, 'races.column.region')}</dt>
        <dd>{d.parentRegion}</dd>
        <dt>{t(l, 'races.column.seats')}</dt>
        <dd>{d.seats}</dd>
      </dl>
      {/* A constituency of a parliamentary election has no lists of its own: no empty table for it. */}
      {(p.lists.length > 0 || d.kind === 'municipality') && <PartyLists {...p} />}
      <section aria-labelledby="district-candidates">
        <h2 id="district-candidates">{t(l, 'races.district.candidates')}</h2>
        <DataTable
          locale={l}
          rows={p.candidates}
          rowKey={(c) => c.id}
          empty={t(l, 'races.district.noCandidates')}
          columns={[
            { key: 'name', label: t(l, 'races.candidate.name'), rowHeader: true, cell: candidateName },
            {
              key: 'nomination',
              label: t(l, 'races.candidate.nomination'),
              cell: (c) => nominationText(l, c, p.parties),
            },
            { key: 'status', label: t(l, 'races.candidate.status'), cell: (c) => statusText(l, c.status) },
          ]}
        />
      </section>
      {p.extra}
      <p>
        <a href={`/${l}${racesPath.list(e.id)}`}>← {t(l, 'races.back')}</a>
      </p>
    </RacesFrame>
  );
}
