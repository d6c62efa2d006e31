// Pieces the voter pages share: their addresses, the small navigation between them, a station's card,
// country names, problems in the reader's language, and the parts of their posted forms.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { intlTag } from '../../platform/i18n/messages.ts';
import type { Problem } from '../../platform/result.ts';
import { CsrfField, formErrors, Input, Notice, pick, type FieldError } from '../../platform/web/index.ts';
import type { Station } from '../core/station-rows.ts';
import { t } from '../voters.messages.ts';

export const votersPath = {
  lookup: (l: Locale) => `/${l}/voters/lookup`,
  stations: (l: Locale) => `/${l}/voters/stations`,
  groups: (l: Locale) => `/${l}/voters/mobile-groups`,
  calendar: (l: Locale, id: number) => `/${l}/voters/mobile-groups/${id}/calendar.ics`,
  change: (l: Locale) => `/${l}/voters/address-change`,
  status: (l: Locale) => `/${l}/voters/address-change/status`,
  commission: (l: Locale) => `/${l}/commission/voters/requests`,
};

export function VotersNav(p: { locale: Locale; current: keyof typeof votersPath }) {
  const l = p.locale;
  const links = [
    ['lookup', 'voters.nav.lookup'],
    ['stations', 'voters.nav.stations'],
    ['groups', 'voters.nav.groups'],
    ['change', 'voters.nav.change'],
    ['status', 'voters.nav.status'],
  ] as const;
  return (
    <nav aria-label={t(l, 'voters.nav.label')}>
      <p>
        {links.map(([k, label], i) => (
          <span key={k}>
            {i > 0 ? ' · ' : null}
            <a href={votersPath[k](l)} aria-current={p.current === k ? 'page' : undefined}>
              {t(l, label)}
            </a>
          </span>
        ))}
      </p>
    </nav>
  );
}

export function countryName(l: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([intlTag(l)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A link to the station's place on OpenStreetMap, which anyone can open without this site's map. */
export function mapLink(s: Station): string | undefined {
  if (s.lat === null || s.lon === null) return undefined;
  return `https://www.openstreetmap.org/?mlat=${s.lat}&mlon=${s.lon}#map=17/${s.lat}/${s.lon}`;
}

export function yesNo(l: Locale, v: boolean | null): string {
  return t(l, v === null ? 'voters.unknown' : v ? 'voters.yes' : 'voters.no');
}

export function StationCard(p: { locale: Locale; station: Station }) {
  const l = p.locale;
  const s = p.station;
  const map = mapLink(s);
  return (
    <dl>
      <dt>{t(l, 'voters.station.number')}</dt>
      <dd>{s.number}</dd>
      <dt>{t(l, 'voters.station.name')}</dt>
      <dd>{pick(s.name, l)}</dd>
      <dt>{t(l, 'voters.station.address')}</dt>
      <dd>
        {pick(s.address, l)}
        {map ? (
          <>
            {' '}
            (<a href={map}>{t(l, 'voters.station.map')}</a>)
          </>
        ) : null}
      </dd>
      <dt>{t(l, 'voters.station.country')}</dt>
      <dd>
        {countryName(l, s.country)}, {s.city}
      </dd>
      <dt>{t(l, 'voters.station.hours')}</dt>
      <dd>{s.hours || t(l, 'voters.unknown')}</dd>
      <dt>{t(l, 'voters.station.accessible')}</dt>
      <dd>{yesNo(l, s.accessible)}</dd>
    </dl>
  );
}

/** A problem in the reader's language: by its code when the catalogue has it, else its English text. */
export function describe(l: Locale, p: Problem): string {
  const code = p.code.startsWith('form.') ? `voters.${p.code}` : p.code;
  return t.lookup(l, code, p.params) ?? p.message;
}

/** A form's problems as errors of its fields, in the reader's language. */
export function errorsOf(l: Locale, problems: readonly Problem[], fields: readonly string[]): FieldError[] {
  return formErrors(problems, { describe: (p) => describe(l, p), fields });
}

/** A voter form, always posted (so a PIN is never in an address), with its CSRF token. */
export function PostForm(p: { action: string; csrf: string; children: ComponentChildren }) {
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField token={p.csrf} />
      {p.children}
    </form>
  );
}

/** The PIN field: never filled in again after a refusal. */
export function PinInput(p: { locale: Locale; errors: FieldError[] }) {
  return (
    <Input
      locale={p.locale}
      name="pin"
      label={t(p.locale, 'voters.field.pin')}
      inputMode="numeric"
      maxLength={20}
      required
      errors={p.errors}
    />
  );
}

/** The answer of a form whose per-client limit was reached: how long to wait. */
export function LimitedNotice(p: { locale: Locale; seconds: number | undefined }) {
  if (p.seconds === undefined) return null;
  return (
    <div role="alert">
      <Notice kind="warn" text={t(p.locale, 'voters.lookup.limited', { seconds: p.seconds })} />
    </div>
  );
}
