// The frame every bank-statement staff page shares (the kit's page with the account crumb), and the
// small formats of these pages: amounts with a dash for none, statement periods.
import type { ComponentChildren } from 'preact';
import { Page, day, som } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import { intlTag } from '../../platform/i18n/messages.ts';
import { FUND_CURRENCY } from '../core/intake-checks.ts';
import { t } from '../bank-statement.messages.ts';

export function BankPage(p: { locale: Locale; title: string; path: string; children: ComponentChildren }) {
  return (
    <Page
      locale={p.locale}
      title={p.title}
      path={p.path}
      crumbs={[{ href: `/${p.locale}/account`, label: t(p.locale, 'bank.crumb.account') }, { label: p.title }]}
    >
      {p.children}
    </Page>
  );
}

export const money = (x: Tyiyn | number | null, l: Locale) => (x === null ? '—' : som(x as Tyiyn, l));

/**
 * An amount of a statement in the currency it is in: som as everywhere, any other currency with its
 * code ("1 234,56 EUR"), so a statement in another currency is never read as som.
 */
export function moneyIn(x: Tyiyn | number | null, currency: string, l: Locale): string {
  if (x === null) return '—';
  if (currency === FUND_CURRENCY) return som(x as Tyiyn, l);
  const f = new Intl.NumberFormat(intlTag(l), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${f.format(x / 100)} ${currency}`;
}
export const period = (s: { from: string; to: string }, l: Locale) => `${day(s.from, l)} – ${day(s.to, l)}`;
