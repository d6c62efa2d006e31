// Typed messages. A capability keeps its words as data in `*.messages.json` (key → ky/ru/en, the form
// translation tools read) and declares the catalogue with `defineMessages`, whose keys become a type;
// it composes its translator from the catalogues it uses, passed explicitly:
//
//   // src/filings/filing.messages.json
//   { "filings.title": { "ky": "…", "ru": "…", "en": "Reports" },
//     "filings.count": { "ky": "…", "ru": "…", "en": "{n, plural, one {# report} other {# reports}}" } }
//
//   // src/filings/filing.messages.ts
//   import catalogue from './filing.messages.json' with { type: 'json' };
//   export const filingMessages = defineMessages(catalogue);
//   export const t = translator(portalMessages, filingMessages);
//
//   t('en', 'filings.count', { n: 3 })   // "3 reports"
//   t('en', 'filings.nope')              // compile error: not a key of either catalogue
//
// Nothing registers itself on import: the capability lists `filingMessages` in its `messages` for the
// completeness check, and every module that translates imports the capability's `t`. Messages are ICU
// MessageFormat; a key built at run time (a problem code) goes through `t.lookup`, which returns
// undefined for a key no catalogue has.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../../domain/election.ts';

/** One message in the three languages of the portal. */
export type Message = Readonly<Record<Locale, string>>;
/** A catalogue: message key → the message in each language. */
export type Messages = Readonly<Record<string, Message>>;
/** Values for a message's ICU placeholders. */
export type MessageParams = Record<string, string | number | Date>;

/** Declares a catalogue; the literal keys are kept, so `keyof` of the result is the union of its keys. */
export function defineMessages<const M extends Messages>(messages: M): M {
  return messages;
}

/** The keys of a list of catalogues. */
export type KeysOf<Cs extends readonly Messages[]> = { [I in keyof Cs]: keyof Cs[I] & string }[number];

export interface Translator<K extends string> {
  /** The message `key` in `locale` with `params` filled in; `key` must be one of the catalogues'. */
  (locale: Locale, key: K, params?: MessageParams): string;
  /** For keys made at run time (problem codes): the message, or undefined when no catalogue has the key. */
  lookup(locale: Locale, key: string, params?: MessageParams): string | undefined;
  /** Whether `key` is in one of the catalogues. */
  has(key: string): key is K;
  /** Every key of the catalogues, for completeness checks. */
  readonly keys: readonly K[];
}

/** Intl locale tag: Kyrgyz number/date data exists in ICU as `ky`. */
export const intlTag = (l: Locale): string => (l === 'ky' ? 'ky-KG' : l === 'ru' ? 'ru-RU' : 'en-GB');

/**
 * A translator over the given catalogues; an earlier catalogue wins when two have the same key. The
 * compiled ICU formats are cached in the translator itself.
 */
export function translator<const Cs extends readonly Messages[]>(...catalogues: Cs): Translator<KeysOf<Cs>> {
  type K = KeysOf<Cs>;
  const merged = new Map<string, Message>();
  for (const c of catalogues) for (const [k, v] of Object.entries(c)) if (!merged.has(k)) merged.set(k, v);
  const compiled = new Map<string, IntlMessageFormat>();
  const lookup = (locale: Locale, key: string, params?: MessageParams): string | undefined => {
    const id = `${locale}\u0000${key}`;
    let fmt = compiled.get(id);
    if (!fmt) {
      const text = merged.get(key)?.[locale];
      if (text === undefined) return undefined;
      fmt = new IntlMessageFormat(text, intlTag(locale));
      compiled.set(id, fmt);
    }
    return String(fmt.format(params));
  };
  const t = (locale: Locale, key: K, params?: MessageParams): string => lookup(locale, key, params) ?? key;
  return Object.assign(t, {
    lookup,
    has: (key: string): key is K => merged.has(key),
    keys: [...merged.keys()] as K[],
  });
}
