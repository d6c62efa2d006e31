// Small view helpers shared by pages: localized names, ages, logos, rule results.
import type { Locale, Localized } from '../../domain/election.ts';
import { formatPercent, t } from '../i18n/i18n.ts';
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
