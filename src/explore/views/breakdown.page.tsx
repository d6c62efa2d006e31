// The money of an election in detail: gifts by size (bands ending at the law's caps), by kind of donor,
// by month and week, those who gave to more than one party, and each party's spending by category;
// for the whole election or one party, each chart with its table, and the lot as one download.
import type { Locale } from '../../domain/election.ts';
import { DataTable, Filter, FilterForm, Money, percent, som, type Column } from '../../platform/web/index.ts';
import type { Share } from '../../finance/index.ts';
import { t } from '../explore.messages.ts';
import type { Bucket } from '../core/breakdowns.ts';
import { breakdownPath, comparePath, topPath, topQuery } from '../core/paths.ts';
import type { BreakdownPage as Found } from '../explore.service.ts';
import { ExploreFrame, kindLabel } from './frame.tsx';
import { ShareBlock } from './charts.tsx';
import { bandLabel, monthLabel, weekLabel } from './labels.ts';

const shares = (b: readonly Bucket[], label: (key: string) => string): Share[] =>
  b.map((x) => ({ label: label(x.key), amount: x.amount, count: x.count }));

interface SpendingRow {
  party: string;
  category: string;
  amount: Bucket['amount'];
  share: number;
  count: number;
}

function spendingColumns(l: Locale, partyName: (reg: string) => string): Column<SpendingRow>[] {
  return [
    { key: 'party', label: t(l, 'explore.col.party'), rowHeader: true, cell: (r) => partyName(r.party) },
    { key: 'category', label: t(l, 'explore.col.category'), cell: (r) => kindLabel('payee', r.category, l) },
    {
      key: 'amount',
      label: t(l, 'explore.col.amount'),
      numeric: true,
      cell: (r) => <Money amount={r.amount} locale={l} />,
    },
    { key: 'share', label: t(l, 'explore.col.share'), numeric: true, cell: (r) => percent(r.share, l) },
    { key: 'count', label: t(l, 'explore.col.count'), numeric: true, cell: (r) => r.count },
  ];
}

export function BreakdownPage(p: { locale: Locale; found: Found }) {
  const l = p.locale;
  const f = p.found;
  const e = f.election;
  const b = f.breakdowns;
  const query = f.party ? `party=${encodeURIComponent(f.party)}` : '';
  const base = `/${l}${breakdownPath(e.id)}`;
  const title = t(l, 'explore.breakdown');
  const spending: SpendingRow[] = b.spending.flatMap((s) =>
    s.categories.map((c) => ({
      party: s.party,
      category: c.key,
      amount: c.amount,
      share: s.total > 0 ? c.amount / s.total : 0,
      count: c.count,
    })),
  );
  return (
    <ExploreFrame
      locale={l}
      election={e}
      title={title}
      path={`${breakdownPath(e.id)}${query ? `?${query}` : ''}`}
      crumbs={[{ label: title }]}
    >
      <p>{t(l, 'explore.breakdown.lead')}</p>
      <FilterForm locale={l} action={base} resetHref={query ? base : null}>
        <Filter label={t(l, 'explore.filter.party')}>
          <select name="party">
            <option value="">{t(l, 'explore.filter.all')}</option>
            {f.parties.map((x) => (
              <option value={x.reg} selected={f.party === x.reg} key={x.reg}>
                {x.name}
              </option>
            ))}
          </select>
        </Filter>
      </FilterForm>
      <p class="muted">
        <a href={`${base}.csv${query ? `?${query}` : ''}`}>{t(l, 'explore.download')}</a> ·{' '}
        <a href={`/${l}${comparePath(e.id)}`}>{t(l, 'explore.compare')}</a>
      </p>
      <p>
        {t(l, 'explore.multi.summary', { n: f.multiParty.count, amount: som(f.multiParty.amount, l) })}{' '}
        <a href={`/${l}${topPath(e.id, 'donor')}?${topQuery({ party: f.party, multi: true })}`}>
          {t(l, 'explore.multi.link')}
        </a>
      </p>
      <ShareBlock
        locale={l}
        id="bands"
        title={t(l, 'explore.bands')}
        what={t(l, 'explore.col.band')}
        shares={b.bands.map((x) => ({ label: bandLabel(x, l), amount: x.amount, count: x.count }))}
      />
      <p class="muted">{t(l, 'explore.band.note')}</p>
      {(
        [
          [
            'donor-types',
            'explore.donorTypes',
            'explore.col.kind',
            shares(b.donorTypes, (k) => kindLabel('donor', k, l)),
          ],
          ['months', 'explore.months', 'explore.col.month', shares(b.months, (k) => monthLabel(k, l))],
          ['weeks', 'explore.weeks', 'explore.col.week', shares(b.weeks, (k) => weekLabel(k, l))],
        ] as const
      ).map(([id, title, what, s]) => (
        <ShareBlock
          key={id}
          locale={l}
          id={id}
          donut={id === 'donor-types'}
          title={t(l, title)}
          what={t(l, what)}
          shares={s}
        />
      ))}
      <section aria-labelledby="spending-h">
        <h2 id="spending-h">{t(l, 'explore.spending')}</h2>
        <DataTable
          locale={l}
          columns={spendingColumns(l, f.partyName)}
          rows={spending}
          rowKey={(r) => `${r.party}:${r.category}`}
          caption={t(l, 'explore.spending')}
          captionClass="sr-only"
          empty={t(l, 'explore.none')}
        />
      </section>
    </ExploreFrame>
  );
}
