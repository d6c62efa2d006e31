// Small view helpers shared by pages: localized names, ages, logos, rule results.
import type { Locale, Localized } from '../../domain/election.ts';
import { formatPercent } from '../i18n/i18n.ts';
import { t } from '../i18n/portal.messages.ts';
import type { Tyiyn } from '../../domain/money.ts';
import { day, moment, som, TIME_ZONE } from './numbers.ts';
import type { ListRuleResult } from '../../domain/list-rules.ts';

export const pick = (x: Localized, l: Locale): string => x[l] || x.ru || x.ky || x.en;

/** Full years between two ISO dates, by the calendar. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The candidate's name in the script of the page's language. */
export function candidateName(c: { nameKy: string; nameRu: string; nameLatin: string }, l: Locale): string {
  return l === 'ky' ? c.nameKy : l === 'ru' ? c.nameRu : c.nameLatin;
}

/**
 * A web address that may become a link: http or https only. Anything else (`javascript:`, `data:`, a bare
 * word) is shown as text, whatever path it was stored by.
 */
export function webLink(address: string): string | undefined {
  try {
    const u = new URL(address.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** An outside web address: a link when it is http or https, plain text otherwise. */
export function WebAddress(p: { address: string }) {
  const href = webLink(p.address);
  return href ? (
    <a href={href} rel="nofollow noopener">
      {p.address}
    </a>
  ) : (
    <>{p.address}</>
  );
}

export function Logo(p: { blobKey: string | null; name: string; locale: Locale; large?: boolean }) {
  if (!p.blobKey) return null;
  return (
    <img
      class={p.large ? 'logo-lg' : 'logo'}
      src={`/blobs/${p.blobKey}`}
      alt={t(p.locale, 'party.logoAlt', { name: p.name })}
      width={p.large ? 96 : 40}
      height={p.large ? 96 : 40}
      loading="lazy"
    />
  );
}

export function RulesSummary(p: { results: ListRuleResult[]; locale: Locale }) {
  const failed = p.results.filter((r) => !r.passed).length;
  return failed === 0 ? (
    <span class="pass">✓ {t(p.locale, 'rules.allPass')}</span>
  ) : (
    <span class="fail">✗ {t(p.locale, 'rules.someFail', { n: failed })}</span>
  );
}

export function WomenShare(p: { women: number; total: number; locale: Locale }) {
  return <>{p.total > 0 ? formatPercent(p.locale, p.women / p.total) : '—'}</>;
}

// ---- Money, days and moments as page elements (formatters from numbers.ts, built once per locale).

/** An amount in som ("1 234,56 сом"); `—` for none. */
export function Money(p: { amount: Tyiyn | null | undefined; locale: Locale }) {
  return <>{p.amount === null || p.amount === undefined ? '—' : som(p.amount, p.locale)}</>;
}

/** A calendar day in words ("4 October 2026"), never shifted by a time zone; `—` for none. */
export function Day(p: { iso: string | null | undefined; locale: Locale }) {
  return <>{p.iso ? day(p.iso, p.locale) : '—'}</>;
}

/** A moment, in Bishkek time and saying so ("5 Dec 2026, 14:05 (UTC+6, Bishkek)"), as a <time> element; `—` for none. */
export function When(p: { iso: string | null | undefined; locale: Locale }) {
  return p.iso ? (
    <time dateTime={p.iso} title={TIME_ZONE}>
      {moment(p.iso, p.locale)}
    </time>
  ) : (
    <>—</>
  );
}
