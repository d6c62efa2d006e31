// A party's campaign finance in one election: its four figures, its report deadlines with their
// states, its charts with their tables, and every report it filed, each table with its downloads.
import type { Locale } from '../../domain/election.ts';
import { t } from '../finance.messages.ts';
import type { ElectionFinanceView, FilingAnnouncement, PartyFinanceView } from '../core/finance-view.ts';
import * as paths from '../core/paths.ts';
import { ChartsSection, chartsFor } from './charts.tsx';
import {
  Downloads,
  FilingsList,
  FinanceFrame,
  Figures,
  PartyDeadlines,
  partyName,
  partyShort,
} from './finance-parts.tsx';

export function PartyFinancePage(p: {
  locale: Locale;
  view: ElectionFinanceView;
  party: PartyFinanceView;
  filings: FilingAnnouncement[];
}) {
  const l = p.locale;
  const e = p.view.election;
  const reg = p.party.registrationNumber;
  const name = partyName(p.party, l);
  const path = paths.partyFinancePath(e.id, reg);
  const charts = chartsFor(p.party.totals, l, '');
  const filter = paths.partyQuery(reg);
  return (
    <FinanceFrame
      locale={l}
      election={e}
      title={t(l, 'finance.partyTitle', { party: name })}
      path={path}
      crumbs={[
        { href: `/${l}${paths.partyPath(e.id, reg)}`, label: partyShort(p.party, l) },
        { label: t(l, 'finance.title') },
      ]}
      feed
    >
      <Figures totals={p.party.totals} locale={l} />
      <Downloads href={`/${l}${path}/totals`} locale={l} what={t(l, 'finance.total')} />
      <p>
        <a href={`/${l}${paths.receiptsPath(e.id)}?${filter}`}>
          {t(l, 'finance.receiptsOf', { name: partyShort(p.party, l) })}
        </a>{' '}
        ·{' '}
        <a href={`/${l}${paths.expendituresPath(e.id)}?${filter}`}>
          {t(l, 'finance.expendituresOf', { name: partyShort(p.party, l) })}
        </a>{' '}
        · <a href={`/${l}${paths.electionFinancePath(e.id)}`}>{t(l, 'finance.electionPage')}</a>
      </p>
      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{t(l, 'finance.deadlines')}</h2>
        <PartyDeadlines reports={p.party.reports} locale={l} today={p.view.today} download={`/${l}${path}/deadlines`} />
      </section>
      <section aria-labelledby="charts">
        <h2 id="charts">{t(l, 'finance.title')}</h2>
        <ChartsSection charts={charts} locale={l} downloadBase={`/${l}${path}`} />
      </section>
      <section aria-labelledby="reports">
        <h2 id="reports">{t(l, 'finance.reports')}</h2>
        <FilingsList filings={p.filings} locale={l} download={`/${l}${path}/filings`} electionId={e.id} />
        <p>
          <a href={`/${l}${paths.electionFeedPath(e.id)}`} type="application/atom+xml">
            {t(l, 'finance.feed')}
          </a>
        </p>
      </section>
    </FinanceFrame>
  );
}
