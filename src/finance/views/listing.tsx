// The frame and controls of the itemised listings: the page with its basis and privacy note, sort
// links in the headers, the keyset pager, and the filters both listings share.
import type { ComponentChildren } from 'preact';
import type { Election, Locale } from '../../domain/election.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/web/format.tsx';
import { Layout } from '../../platform/web/layout.tsx';
import type { LineSort, SortOrder } from '../core/lines.ts';
import { listQuery, type AnyListState, type ListState, type PartyOption } from '../core/list-state.ts';
import { electionFinancePath, electionPath } from '../core/paths.ts';
import { FinanceHead } from './finance-parts.tsx';
import '../finance.messages.ts';

export function SortHeader(p: { base: string; state: AnyListState; column: LineSort; text: string; locale: Locale; numeric?: boolean }) {
  const l = p.locale;
  const current = p.state.sort === p.column;
  // A first click sorts largest or newest first; a second one turns the order round.
  const order: SortOrder = current && p.state.order === 'desc' ? 'asc' : 'desc';
  const q = listQuery(p.state, { sort: p.column, order, cursor: '' });
  return (
    <th scope="col" class={p.numeric ? 'num' : undefined} aria-sort={current ? (p.state.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={`${p.base}${q ? `?${q}` : ''}`}>
        {p.text}
        {current ? <span aria-hidden="true">{p.state.order === 'asc' ? ' ▲' : ' ▼'}</span> : null}
        <span class="sr-only"> — {t(l, 'sort.by', { column: p.text, order: t(l, order === 'asc' ? 'sort.asc' : 'sort.desc') })}</span>
      </a>
    </th>
  );
}

export function Pager(p: { base: string; state: AnyListState; next: string | null; locale: Locale; shown: number }) {
  const l = p.locale;
  const first = listQuery(p.state, { cursor: '' });
  const next = p.next ? listQuery(p.state, { cursor: p.next }) : null;
  return (
    <nav class="pager" aria-label={t(l, 'pager.label')}>
      <span class="muted">{t(l, 'pager.shown', { n: p.shown })}</span>
      {p.state.cursor ? <a href={`${p.base}${first ? `?${first}` : ''}`}>{t(l, 'pager.first')}</a> : null}
      {next ? (
        <a href={`${p.base}?${next}`} rel="next">
          {t(l, 'pager.next')} →
        </a>
      ) : null}
    </nav>
  );
}

export function CommonFilters(p: { state: ListState; parties: readonly PartyOption[]; locale: Locale }) {
  const l = p.locale;
  return (
    <>
      <label>
        {t(l, 'filter.party')}
        <select name="party">
          <option value="">{t(l, 'filter.all')}</option>
          {p.parties.map((x) => (
            <option value={x.reg} selected={p.state.party === x.reg} key={x.reg}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(l, 'filter.from')}
        <input type="date" name="from" value={p.state.from} />
      </label>
      <label>
        {t(l, 'filter.to')}
        <input type="date" name="to" value={p.state.to} />
      </label>
      <label>
        {t(l, 'filter.min')}
        <input type="number" name="min" min="0" step="0.01" inputMode="decimal" value={p.state.min} size={10} />
      </label>
      <label>
        {t(l, 'filter.max')}
        <input type="number" name="max" min="0" step="0.01" inputMode="decimal" value={p.state.max} size={10} />
      </label>
    </>
  );
}

export function ListFrame(p: {
  locale: Locale;
  election: Election;
  title: string;
  path: string;
  query: string;
  children: ComponentChildren;
}) {
  const l = p.locale;
  const e = p.election;
  return (
    <Layout
      locale={l}
      title={`${p.title}: ${pick(e.name, l)}`}
      path={p.query ? `${p.path}?${p.query}` : p.path}
      synthetic={e.synthetic}
      head={<FinanceHead />}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}${electionPath(e.id)}`, label: pick(e.name, l) },
        { href: `/${l}${electionFinancePath(e.id)}`, label: t(l, 'finance.title') },
        { label: p.title },
      ]}
    >
      <h1>
        {p.title}: {pick(e.name, l)}
      </h1>
      <p class="muted">
        {t(l, 'finance.basis')} {t(l, 'finance.privacy')}
      </p>
      {p.children}
    </Layout>
  );
}
