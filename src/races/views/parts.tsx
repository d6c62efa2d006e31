// What the races' pages share: their addresses, the frame under the election's crumbs, and the words
// of a district's kind, a nomination and a candidate's status.
import type { ComponentChildren } from 'preact';
import type { Locale, Localized, Party } from '../../domain/election.ts';
import { Page, pick, type Crumb } from '../../platform/web/index.ts';
import type { DistrictKind } from '../core/district.ts';
import type { StandingCandidate } from '../races.repository.ts';
import { t } from '../races.messages.ts';

const election = (id: string) => `/elections/${encodeURIComponent(id)}`;

/** Paths without the locale (for the language switcher) and with it (for links). */
export const racesPath = {
  list: (electionId: string) => `${election(electionId)}/races`,
  district: (electionId: string, code: string) => `${election(electionId)}/races/${encodeURIComponent(code)}`,
  /** The party's page in the election, which the parties capability serves. */
  party: (electionId: string, registrationNumber: string) =>
    `${election(electionId)}/parties/${encodeURIComponent(registrationNumber)}`,
};

export const kindText = (l: Locale, kind: DistrictKind): string =>
  kind === 'constituency' ? t(l, 'races.kind.constituency') : t(l, 'races.kind.municipality');

export function statusText(l: Locale, s: StandingCandidate['status']): string {
  switch (s) {
    case 'registered':
      return t(l, 'races.status.registered');
    case 'withdrawn':
      return t(l, 'races.status.withdrawn');
    case 'refused':
      return t(l, 'races.status.refused');
  }
}

/** The party's short name, or "self-nominated"; a party no longer found shows its number. */
export function nominationText(l: Locale, c: StandingCandidate, parties: ReadonlyMap<string, Party>): string {
  if (c.partyRegistrationNumber === null) return t(l, 'races.nomination.self');
  const party = parties.get(c.partyRegistrationNumber);
  return party ? pick(party.shortName, l) || pick(party.name, l) : c.partyRegistrationNumber;
}

export const candidateName = (c: StandingCandidate): string =>
  [c.lastName, c.firstName, c.patronymic].filter(Boolean).join(' ');

export interface RacesFrameProps {
  locale: Locale;
  election: { id: string; name: Localized; synthetic: boolean };
  title: string;
  /** The page's path without the locale, its query included. */
  path: string;
  crumbs: Crumb[];
  children: ComponentChildren;
}

/** A races page under the crumbs of its election. */
export function RacesFrame(p: RacesFrameProps) {
  const l = p.locale;
  const e = p.election;
  return (
    <Page
      locale={l}
      title={`${p.title} — ${pick(e.name, l)}`}
      path={p.path}
      synthetic={e.synthetic}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}${election(e.id)}`, label: pick(e.name, l) },
        ...p.crumbs,
      ]}
    >
      <h1>{p.title}</h1>
      {p.children}
    </Page>
  );
}
