// Translation: ICU MessageFormat messages in ky/ru/en, numbers and dates formatted per locale.
// Messages live in one catalogue per area with the three languages side by side, so a missing
// translation is visible in review and caught by a test.
//
// A capability declares its catalogue with `defineMessages` and composes
// `translator(portalMessages, itsMessages)`, so a wrong key does not compile. There is no registry of
// catalogues: each translator holds the ones it was given.
import type { Locale } from '../../domain/election.ts';
import { intlTag } from './messages.ts';

export {
  defineMessages,
  translator,
  intlTag,
  type Messages,
  type Message,
  type MessageParams,
  type Translator,
  type KeysOf,
} from './messages.ts';

export function formatNumber(locale: Locale, n: number, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlTag(locale), opts).format(n);
}

export function formatPercent(locale: Locale, fraction: number): string {
  return new Intl.NumberFormat(intlTag(locale), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** Dates are ISO calendar days; they are formatted in UTC so no time zone shifts the day. */
export function formatDate(locale: Locale, iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlTag(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** Every moment is shown in the time of the commission: Bishkek, UTC+6 all year (no summer time). */
export const TIME_ZONE = 'Asia/Bishkek';
/** Said after every time shown, so a reader abroad does not take it for their own. */
export const ZONE_NAME: Readonly<Record<Locale, string>> = {
  ky: 'UTC+6, Бишкек',
  ru: 'UTC+6, Бишкек',
  en: 'UTC+6, Bishkek',
};

/** A moment with its zone: "5 Dec 2026, 14:05 (UTC+6, Bishkek)". */
export function formatDateTime(locale: Locale, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(d);
  return `${time} (${ZONE_NAME[locale]})`;
}
