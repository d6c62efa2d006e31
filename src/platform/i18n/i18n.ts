// Translation: ICU MessageFormat messages in ky/ru/en, numbers and dates formatted per locale.
// Messages live in one catalogue per area with the three languages side by side, so a missing
// translation is visible in review and caught by a test.
//
// Typed messages (messages.ts) are the way forward: a capability declares its catalogue with
// `defineMessages` and composes `translator(portalMessages, itsMessages)`, so a wrong key does not
// compile. The untyped `t`, `addCatalogue` and `allMessageKeys` below remain only for the catalogues not
// yet converted.
import { IntlMessageFormat } from 'intl-messageformat';
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

export type Catalogue = Record<string, Record<Locale, string>>;

const catalogues: Catalogue[] = [];
const cache = new Map<string, IntlMessageFormat>();

/** @deprecated Pass catalogues to `translator(...)` instead of registering them. */
export function addCatalogue(c: Catalogue): void {
  catalogues.push(c);
}

/** @deprecated Use the `keys` of a typed translator. */
export function allMessageKeys(): string[] {
  return catalogues.flatMap((c) => Object.keys(c));
}

/** @deprecated Untyped: any string is accepted. Use a capability's typed `t` (see messages.ts). */
export function t(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const id = `${locale}\u0000${key}`;
  let fmt = cache.get(id);
  if (!fmt) {
    let text: string | undefined;
    for (const c of catalogues) {
      const entry = c[key];
      if (entry) {
        text = entry[locale];
        break;
      }
    }
    if (text === undefined) return key;
    fmt = new IntlMessageFormat(text, intlTag(locale));
    cache.set(id, fmt);
  }
  return String(fmt.format(params));
}

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

export function formatDateTime(locale: Locale, iso: string): string {
  const d = new Date(iso);
  return new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Bishkek',
  }).format(d);
}
