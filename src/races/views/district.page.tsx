// One district: its names in the three languages, kind, region and seats, and the candidates standing
// in it with who nominated them and their status. Only what is public: a candidate's name, nomination
// and status; no PIN or address is kept for them at all.
import type { Locale, Party } from '../../domain/election.ts';
import { DataTable, pick } from '../../platform/web/index.ts';
import type { District } from '../core/district.ts';
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
  parties: ReadonlyMap<string, Party>;
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
      <p>
        <a href={`/${l}${racesPath.list(e.id)}`}>← {t(l, 'races.back')}</a>
      </p>
    </RacesFrame>
  );
}
