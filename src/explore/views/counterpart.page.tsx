// One donor's (or payee's) page: the identity, every spelling the reports used, the totals per party,
// and every line of the latest filed reports, oldest first, each leading to its report.
import type { Locale } from '../../domain/election.ts';
import { DataTable, Day, Money, type Column } from '../../platform/web/index.ts';
import { t } from '../explore.messages.ts';
import type { CounterpartLine, PartyShare, Role } from '../core/aggregates.ts';
import { counterpartPath, filingPath, partyFinancePath, topPath } from '../core/paths.ts';
import type { CounterpartPage as Found } from '../explore.service.ts';
import { ExploreFrame, kindLabel, noteLabel, roleTitle, Who } from './frame.tsx';

function lineColumns(l: Locale, role: Role, found: Found): Column<CounterpartLine>[] {
  return [
    {
      key: 'date',
      label: t(l, 'explore.col.date'),
      cell: (r) => (
        <a href={`/${l}${filingPath(r.filingId)}`}>
          <Day iso={r.date} locale={l} />
        </a>
      ),
    },
    { key: 'party', label: t(l, 'explore.col.party'), cell: (r) => found.partyName(r.party) },
    { key: 'name', label: t(l, 'explore.col.name'), cell: (r) => r.name },
    {
      key: 'kind',
      label: t(l, role === 'donor' ? 'explore.col.kind' : 'explore.col.category'),
      cell: (r) => kindLabel(role, r.kind, l),
    },
    {
      key: 'note',
      label: t(l, role === 'donor' ? 'explore.col.channel' : 'explore.col.description'),
      cell: (r) => noteLabel(role, r.note, l),
    },
    {
      key: 'amount',
      label: t(l, 'explore.col.amount'),
      numeric: true,
      cell: (r) => <Money amount={r.amount} locale={l} />,
    },
  ];
}

function partyColumns(l: Locale, found: Found): Column<PartyShare>[] {
  return [
    {
      key: 'party',
      label: t(l, 'explore.col.party'),
      rowHeader: true,
      cell: (r) => <a href={`/${l}${partyFinancePath(found.election.id, r.party)}`}>{found.partyName(r.party)}</a>,
    },
    { key: 'count', label: t(l, 'explore.col.count'), numeric: true, cell: (r) => r.count },
    {
      key: 'amount',
      label: t(l, 'explore.col.amount'),
      numeric: true,
      cell: (r) => <Money amount={r.amount} locale={l} />,
    },
  ];
}

export function CounterpartPage(p: { locale: Locale; role: Role; found: Found }) {
  const l = p.locale;
  const f = p.found;
  const c = f.counterpart;
  const e = f.election;
  const list = roleTitle(p.role, l);
  return (
    <ExploreFrame
      locale={l}
      election={e}
      title={c.name}
      path={counterpartPath(e.id, p.role, c.id)}
      crumbs={[{ href: `/${l}${topPath(e.id, p.role)}`, label: list }, { label: c.name }]}
    >
      <p>
        <Who c={c} locale={l} />
      </p>
      <dl class="facts">
        <dt>{t(l, p.role === 'donor' ? 'explore.donor' : 'explore.payee')}</dt>
        <dd>
          {t(l, 'explore.col.id')}: <code>{c.id}</code> ·{' '}
          {t(l, c.basis === 'number' ? 'explore.basis.number' : 'explore.basis.name')}
        </dd>
        <dt>{t(l, 'explore.col.total')}</dt>
        <dd>
          <Money amount={c.total} locale={l} /> · {t(l, 'explore.col.count')}: {c.count}
        </dd>
        <dt>
          {t(l, 'explore.col.first')} — {t(l, 'explore.col.last')}
        </dt>
        <dd>
          <Day iso={c.first} locale={l} /> — <Day iso={c.last} locale={l} />
        </dd>
        <dt>{t(l, 'explore.names')}</dt>
        <dd>{c.names.join(' · ')}</dd>
      </dl>
      <h2>{t(l, 'explore.byParty')}</h2>
      <DataTable locale={l} columns={partyColumns(l, f)} rows={c.parties} rowKey={(r) => r.party} />
      <h2>{t(l, p.role === 'donor' ? 'explore.gifts' : 'explore.payments')}</h2>
      <DataTable
        locale={l}
        columns={lineColumns(l, p.role, f)}
        rows={f.lines}
        rowKey={(r) => r.id}
        empty={t(l, 'explore.none')}
      />
    </ExploreFrame>
  );
}
