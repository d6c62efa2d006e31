// Number, money and date formatting with the Intl formatters built once per locale. The shared helpers
// (formatSom, formatDate, formatNumber) build a new formatter on every call, which costs more than the
// rest of a page when a table has hundreds of amounts; these give the very same text (a test holds
// them to it).
import type { Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import { intlTag } from '../i18n/messages.ts';
import { TIME_ZONE, ZONE_NAME } from '../i18n/i18n.ts';

export { TIME_ZONE };

function perLocale<T>(make: (l: Locale) => T): (l: Locale) => T {
  const cache = new Map<Locale, T>();
  return (l) => {
    let f = cache.get(l);
    if (f === undefined) cache.set(l, (f = make(l)));
    return f;
  };
}

const somFormat = perLocale(
  (l) => new Intl.NumberFormat(intlTag(l), { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
);
const numberFormat = perLocale((l) => new Intl.NumberFormat(intlTag(l)));
const percentFormat = perLocale(
  (l) => new Intl.NumberFormat(intlTag(l), { style: 'percent', maximumFractionDigits: 1 }),
);
const compactFormat = perLocale(
  (l) => new Intl.NumberFormat(intlTag(l), { notation: 'compact', maximumFractionDigits: 1 }),
);
const dateFormat = perLocale(
  (l) => new Intl.DateTimeFormat(intlTag(l), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
);
const shortDateFormat = perLocale(
  (l) => new Intl.DateTimeFormat(intlTag(l), { day: 'numeric', month: 'short', timeZone: 'UTC' }),
);

/** As `formatSom` in domain/money.ts: "1 234,56 сом", "1,234.56 KGS". Dividing by 100 only formats; no arithmetic follows. */
export function som(t: Tyiyn, l: Locale): string {
  return `${somFormat(l).format(t / 100)} ${l === 'en' ? 'KGS' : 'сом'}`;
}

export const num = (n: number, l: Locale): string => numberFormat(l).format(n);
export const percent = (fraction: number, l: Locale): string => percentFormat(l).format(fraction);
/** "2,5 млн" for chart axes, where the table gives the exact figure. */
export const compact = (n: number, l: Locale): string => compactFormat(l).format(n);

/** As `formatDate` in i18n.ts: a calendar day in words, in UTC so no time zone shifts it. */
export function day(iso: string, l: Locale): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFormat(l).format(d);
}

export function shortDay(ms: number, l: Locale): string {
  return shortDateFormat(l).format(new Date(ms));
}

const momentFormat = perLocale(
  (l) => new Intl.DateTimeFormat(intlTag(l), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }),
);

/** As `formatDateTime` in i18n.ts, with the formatter built once: "5 Dec 2026, 14:05 (UTC+6, Bishkek)". */
export function moment(iso: string, l: Locale): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${momentFormat(l).format(d)} (${ZONE_NAME[l]})`;
}
