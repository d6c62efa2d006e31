// The frame and small pieces every bank-statement page shares: the page with its breadcrumbs and styles,
// the CSRF field, amounts (a dash for none) and statement periods.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../platform/web/layout.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import { day, som } from '../../platform/web/numbers.ts';
import { CSRF_FIELD } from '../../accounts/index.ts';
import '../bank-statement.messages.ts';

const STYLE = `.error-summary{border:3px solid var(--bad);padding:.5rem 1rem;margin:0 0 1rem}.error-summary h2{margin-top:0;color:var(--bad)}
.done{border-left:4px solid var(--ok);padding:.3rem .8rem;background:var(--soft)}form.stack .field{margin:0 0 1rem}form.stack label{display:block;font-weight:600}
.hint{color:var(--muted);margin:.1rem 0;font-size:.9rem}.field-error{color:var(--bad);font-weight:600;margin:.1rem 0}form.inline{display:inline}
.evidence{font-size:.9rem}.evidence dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .5rem;margin:0}.evidence dt{color:var(--muted)}.evidence dd{margin:0}
.findings caption{text-align:left;font-weight:600;padding:.3rem 0}.neg{color:var(--bad)}.chart-svg{max-width:100%;height:auto}`;

export function translated(locale: Locale, key: string, params?: Record<string, string | number>): string | undefined {
  const s = t(locale, key, params);
  return s === key ? undefined : s;
}


export function Page(p: { locale: Locale; title: string; path: string; children: ComponentChildren }) {
  return (
    <Layout locale={p.locale} title={p.title} path={p.path} head={<style>{STYLE}</style>} crumbs={[{ href: `/${p.locale}/account`, label: t(p.locale, 'accounts.title.account') }, { label: p.title }]}>
      {p.children}
    </Layout>
  );
}

export const Csrf = ({ token }: { token: string }) => <input type="hidden" name={CSRF_FIELD} value={token} />;

export const money = (x: Tyiyn | number | null, l: Locale) => (x === null ? '—' : som(x as Tyiyn, l));
export const period = (s: { from: string; to: string }, l: Locale) => `${day(s.from, l)} – ${day(s.to, l)}`;
