// Two to four parties side by side: what each received and spent, on what, from whom the most, and
// week by week. Without two parties to compare, the page asks which; every chart has its table.
import type { Locale } from '../../domain/election.ts';
import { DataTable, Money, type Column } from '../../platform/web/index.ts';
import { comparisonChart } from '../../finance/index.ts';
import { t } from '../explore.messages.ts';
import type { PartySide } from '../core/breakdowns.ts';
import { comparePath, compareQuery, counterpartPath } from '../core/paths.ts';
import type { ComparisonPage as Found } from '../explore.service.ts';
import { ExploreFrame, kindLabel, Who } from './frame.tsx';
import { ChartBlock, GroupedBlock, type GroupedInput } from './charts.tsx';
import { weekLabel } from './labels.ts';

function totalsColumns(l: Locale, partyName: (reg: string) => string): Column<PartySide>[] {
  const money = (key: string, label: string, get: (s: PartySide) => PartySide['receipts']): Column<PartySide> => ({
    key,
    label,
    numeric: true,
    cell: (s) => <Money amount={get(s)} locale={l} />,
  });
  return [
    { key: 'party', label: t(l, 'explore.col.party'), rowHeader: true, cell: (s) => partyName(s.party) },
    money('received', t(l, 'explore.col.received'), (s) => s.receipts),
    { key: 'receiptCount', label: t(l, 'explore.col.count'), numeric: true, cell: (s) => s.receiptCount },
    { key: 'donors', label: t(l, 'explore.col.donorCount'), numeric: true, cell: (s) => s.donorCount },
    money('spent', t(l, 'explore.col.spent'), (s) => s.expenditures),
    money('balance', t(l, 'explore.col.balance'), (s) => s.balance),
  ];
}

/** The form that picks the parties: checkboxes, so it works without scripts. */
function PickParties(p: { locale: Locale; found: Found; chosen: readonly string[] }) {
  const l = p.locale;
  return (
    <form method="get" action={`/${l}${comparePath(p.found.election.id)}`} class="filters">
      <fieldset>
        <legend>{t(l, 'explore.compare.pick')}</legend>
        {p.found.parties.map((x) => (
          <label key={x.reg}>
            <input type="checkbox" name="parties" value={x.reg} checked={p.chosen.includes(x.reg)} /> {x.name}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t(l, 'explore.compare.submit')}</button>
    </form>
  );
}

export function ComparePage(p: { locale: Locale; found: Found }) {
  const l = p.locale;
  const f = p.found;
  const e = f.election;
  const c = f.comparison;
  const chosen = c.parties.map((s) => s.party);
  const query = compareQuery(chosen);
  const title = t(l, 'explore.compare');
  const name = f.partyName;
  const grouped = (id: string, title: string, what: string, labels: string[], series: GroupedInput['series']) => (
    <GroupedBlock id={id} title={title} locale={l} what={what} labels={labels} series={series} />
  );
  return (
    <ExploreFrame
      locale={l}
      election={e}
      title={title}
      path={`${comparePath(e.id)}${query ? `?${query}` : ''}`}
      crumbs={[{ label: title }]}
    >
      <PickParties locale={l} found={f} chosen={chosen} />
      {c.parties.length < 2 ? (
        <p class="muted">{t(l, 'explore.compare.pick')}</p>
      ) : (
        <>
          <p class="muted">
            <a href={`/${l}${comparePath(e.id)}.csv?${query}`}>{t(l, 'explore.download')}</a>
          </p>
          <section aria-labelledby="totals-h">
            <h2 id="totals-h">{t(l, 'explore.compare.totals')}</h2>
            <DataTable
              locale={l}
              columns={totalsColumns(l, name)}
              rows={c.parties}
              rowKey={(s) => s.party}
              caption={t(l, 'explore.compare.totals')}
              captionClass="sr-only"
            />
            <ChartBlock
              locale={l}
              level={3}
              chart={comparisonChart({
                id: 'compare-totals',
                title: `${t(l, 'explore.col.received')} · ${t(l, 'explore.col.spent')}`,
                locale: l,
                parties: c.parties.map((s) => ({
                  label: name(s.party),
                  receipts: s.receipts,
                  expenditures: s.expenditures,
                  balance: s.balance,
                })),
                head: [
                  t(l, 'explore.col.party'),
                  t(l, 'explore.col.received'),
                  t(l, 'explore.col.spent'),
                  t(l, 'explore.col.balance'),
                ],
                receiptsLabel: t(l, 'explore.col.received'),
                spendingLabel: t(l, 'explore.col.spent'),
              })}
            />
          </section>
          {grouped(
            'compare-categories',
            t(l, 'explore.compare.categories'),
            t(l, 'explore.col.category'),
            c.categories.map((k) => kindLabel('payee', k, l)),
            c.parties.map((s) => ({
              name: name(s.party),
              values: c.categories.map(
                (k) => s.categories.find((x) => x.key === k)?.amount ?? (0 as PartySide['receipts']),
              ),
            })),
          )}
          <section aria-labelledby="top-h">
            <h2 id="top-h">{t(l, 'explore.compare.top')}</h2>
            <div class="fin-charts">
              {c.parties.map((s) => (
                <section key={s.party} aria-label={name(s.party)}>
                  <h3>{name(s.party)}</h3>
                  {s.topDonors.length === 0 ? (
                    <p class="muted">{t(l, 'explore.none')}</p>
                  ) : (
                    <ol>
                      {s.topDonors.map((r) => (
                        <li key={r.counterpart.id}>
                          <a href={`/${l}${counterpartPath(e.id, 'donor', r.counterpart.id)}`}>
                            <Who c={r.counterpart} locale={l} />
                          </a>{' '}
                          <Money amount={r.amount} locale={l} />
                        </li>
                      ))}
                    </ol>
                  )}
                </section>
              ))}
            </div>
          </section>
          {grouped(
            'compare-weeks',
            t(l, 'explore.compare.timeline'),
            t(l, 'explore.col.week'),
            c.weeks.map((w) => weekLabel(w, l)),
            c.parties.map((s) => ({ name: name(s.party), values: s.weeks.map((w) => w.amount) })),
          )}
        </>
      )}
    </ExploreFrame>
  );
}
