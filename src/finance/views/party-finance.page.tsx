// A party's campaign finance in one election: its four figures, its report deadlines with their
// states, its charts with their tables, and every report it filed, each table with its downloads.
import type { Locale } from '../../domain/election.ts';
import { t } from '../finance.messages.ts';
import { Page, pick } from '../../platform/web/index.ts';
import type { ElectionFinanceView, FilingAnnouncement, PartyFinanceView } from '../core/finance-view.ts';
import {
  electionFeedPath,
  electionFinancePath,
  electionPath,
  expendituresPath,
  partyFinancePath,
  partyPath,
  partyQuery,
  receiptsPath,
} from '../core/paths.ts';
import { ChartsSection, chartsFor } from './charts.tsx';
import { Downloads, FilingsList, FeedLink, Figures, PartyDeadlines, partyName, partyShort } from './finance-parts.tsx';

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
  const path = partyFinancePath(e.id, reg);
  const charts = chartsFor(p.party.totals, l, '');
  const filter = partyQuery(reg);
  return (
    <Page
      locale={l}
      title={t(l, 'finance.partyTitle', { party: name })}
      path={path}
      synthetic={e.synthetic}
      head={<FeedLink href={`/${l}${electionFeedPath(e.id)}`} title={t(l, 'finance.feed')} />}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}${electionPath(e.id)}`, label: pick(e.name, l) },
        { href: `/${l}${partyPath(e.id, reg)}`, label: partyShort(p.party, l) },
        { label: t(l, 'finance.title') },
      ]}
    >
      <h1>{t(l, 'finance.partyTitle', { party: name })}</h1>
      <p class="muted">
        {t(l, 'finance.basis')} {t(l, 'finance.privacy')}
      </p>
      <Figures totals={p.party.totals} locale={l} />
      <Downloads href={`/${l}${path}/totals`} locale={l} what={t(l, 'finance.total')} />
      <p>
        <a href={`/${l}${receiptsPath(e.id)}?${filter}`}>
          {t(l, 'finance.receiptsOf', { name: partyShort(p.party, l) })}
        </a>{' '}
        ·{' '}
        <a href={`/${l}${expendituresPath(e.id)}?${filter}`}>
          {t(l, 'finance.expendituresOf', { name: partyShort(p.party, l) })}
        </a>{' '}
        · <a href={`/${l}${electionFinancePath(e.id)}`}>{t(l, 'finance.electionPage')}</a>
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
          <a href={`/${l}${electionFeedPath(e.id)}`} type="application/atom+xml">
            {t(l, 'finance.feed')}
          </a>
        </p>
      </section>
    </Page>
  );
}
