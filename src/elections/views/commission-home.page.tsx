// The commission's home: every election with its number of parties, and the way to create one.
import { Layout, renderPage } from '../../platform/web/layout.tsx';
import { formatDate, formatNumber, t } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/web/format.tsx';
import type { Locale } from '../../domain/election.ts';
import type { ElectionOverview } from '../election.repository.ts';
import { activityPath, commissionElectionPath, newElectionPath, STYLE } from './commission-frame.tsx';

export function CommissionHomePage(p: { locale: Locale; elections: ElectionOverview[]; canCreate: boolean }) {
  const l = p.locale;
  const title = t(l, 'commission.title.home');
  return renderPage(
    <Layout locale={l} title={title} path="/commission" head={<style>{STYLE}</style>}>
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
      {p.elections.length === 0 ? (
        <p>{t(l, 'commission.home.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'commission.col.election')}</th>
                <th scope="col">{t(l, 'election.day')}</th>
                <th scope="col">{t(l, 'election.status')}</th>
                <th scope="col" class="num">
                  {t(l, 'commission.col.parties')}
                </th>
                <th scope="col">{t(l, 'commission.col.links')}</th>
              </tr>
            </thead>
            <tbody>
              {p.elections.map(({ election: e, parties }) => (
                <tr key={e.id}>
                  <td>
                    <a href={commissionElectionPath(l, e.id)}>{pick(e.name, l)}</a>
                    <br />
                    <code class="muted">{e.id}</code>
                  </td>
                  <td>{formatDate(l, e.electionDay)}</td>
                  <td>{t(l, `status.${e.status}`)}</td>
                  <td class="num">{formatNumber(l, parties)}</td>
                  <td>
                    <a href={activityPath(l, e.id)} aria-label={t(l, 'commission.link.activityOf', { name: pick(e.name, l) })}>
                      {t(l, 'commission.link.activity')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>,
  );
}
