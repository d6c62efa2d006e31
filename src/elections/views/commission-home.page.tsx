// The commission's home: every election with its number of parties, and the way to create one.
import { Day, DataTable, num, Page, pick, renderPage, type Column } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { ElectionOverview } from '../election.repository.ts';
import { t } from '../election.messages.ts';
import { activityPath, commissionElectionPath, newElectionPath } from './commission-frame.tsx';

function columns(l: Locale): Column<ElectionOverview>[] {
  return [
    {
      key: 'election',
      label: t(l, 'commission.col.election'),
      cell: ({ election: e }) => (
        <>
          <a href={commissionElectionPath(l, e.id)}>{pick(e.name, l)}</a>
          <br />
          <code class="muted">{e.id}</code>
        </>
      ),
    },
    { key: 'day', label: t(l, 'election.day'), cell: ({ election: e }) => <Day iso={e.electionDay} locale={l} /> },
    { key: 'status', label: t(l, 'election.status'), cell: ({ election: e }) => t(l, `status.${e.status}`) },
    { key: 'parties', label: t(l, 'commission.col.parties'), numeric: true, cell: ({ parties }) => num(parties, l) },
    {
      key: 'links',
      label: t(l, 'commission.col.links'),
      cell: ({ election: e }) => (
        <a href={activityPath(l, e.id)} aria-label={t(l, 'commission.link.activityOf', { name: pick(e.name, l) })}>
          {t(l, 'commission.link.activity')}
        </a>
      ),
    },
  ];
}

export function CommissionHomePage(p: { locale: Locale; elections: ElectionOverview[]; canCreate: boolean }) {
  const l = p.locale;
  const title = t(l, 'commission.title.home');
  return renderPage(
    <Page locale={l} title={title} path="/commission">
      <h1>{title}</h1>
      <p>{t(l, 'commission.home.intro')}</p>
      {p.canCreate ? (
        <p>
          <a class="button" href={newElectionPath(l)}>
            {t(l, 'commission.link.newElection')}
          </a>
        </p>
      ) : (
        <p class="muted">{t(l, 'commission.readOnly')}</p>
      )}
      <DataTable
        locale={l}
        columns={columns(l)}
        rows={p.elections}
        rowKey={(x) => x.election.id}
        empty={t(l, 'commission.home.none')}
      />
    </Page>,
  );
}
