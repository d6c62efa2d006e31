// The mobile groups abroad: where each goes, what it does, its visits with the next dates first, and an
// iCalendar file of its dates.
import type { Locale } from '../../domain/election.ts';
import { day, Page, pick } from '../../platform/web/index.ts';
import type { MobileGroup } from '../stations.repository.ts';
import { t } from '../voters.messages.ts';
import { countryName, VotersNav, votersPath } from './parts.tsx';

export interface MobileGroupsPageProps {
  locale: Locale;
  today: string;
  /** Groups ordered by their next visit; each group's visits to come first, past ones after. */
  groups: MobileGroup[];
}

export function MobileGroupsPage(p: MobileGroupsPageProps) {
  const l = p.locale;
  const title = t(l, 'voters.groups.title');
  return (
    <Page locale={l} title={title} path="/voters/mobile-groups" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <VotersNav locale={l} current="groups" />
      <p>{t(l, 'voters.groups.lead')}</p>
      {p.groups.length === 0 ? <p>{t(l, 'voters.groups.none')}</p> : null}
      {p.groups.map((g) => (
        <section key={g.id} aria-labelledby={`group-${g.id}`}>
          <h2 id={`group-${g.id}`}>
            {countryName(l, g.country)}, {g.city}
          </h2>
          <p>
            {pick(g.address, l)}
            <br />
            {t(l, 'voters.groups.services')}: {g.services.map((s) => t(l, `voters.groups.service.${s}`)).join(', ')}
          </p>
          <ul>
            {g.visits.map((v) => (
              <li key={v.id}>
                {v.startsOn === v.endsOn ? day(v.startsOn, l) : `${day(v.startsOn, l)} – ${day(v.endsOn, l)}`}
                {v.hours ? `, ${v.hours}` : ''}
                {v.endsOn < p.today ? <span class="muted"> ({t(l, 'voters.groups.past')})</span> : null}
              </li>
            ))}
          </ul>
          <p>
            <a href={votersPath.calendar(l, g.id)} download>
              {t(l, 'voters.groups.calendarOf', { city: g.city })}
            </a>
          </p>
        </section>
      ))}
    </Page>
  );
}
