// The commission's list of lotteries: every election with where its ceremony stands, each leading
// to its lottery page, where the console is. What the staff navigation links to.
import type { Election, Locale } from '../../domain/election.ts';
import { Layout } from '../../platform/web/layout.tsx';
import { pick } from '../../platform/web/format.tsx';
import { formatDate, t } from '../../platform/i18n/i18n.ts';
import type { LotteryDraw } from '../core/ceremony.ts';
import { stateLabel } from './draw-parts.tsx';
import { electionLotteryPath } from './paths.ts';

export interface LotteryConsolesPageProps {
  locale: Locale;
  lotteries: { election: Election; current: LotteryDraw | undefined }[];
}

export function LotteryConsolesPage(p: LotteryConsolesPageProps) {
  const l = p.locale;
  const title = t(l, 'lottery.consoles.title');
  return (
    <Layout locale={l} title={title} path="/lottery">
      <h1>{title}</h1>
      {p.lotteries.length === 0 ? (
        <p>{t(l, 'lottery.consoles.none')}</p>
      ) : (
        <>
          <p>{t(l, 'lottery.consoles.intro')}</p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(l, 'lottery.consoles.election')}</th>
                  <th scope="col">{t(l, 'lottery.consoles.day')}</th>
                  <th scope="col">{t(l, 'lottery.stateLabel')}</th>
                </tr>
              </thead>
              <tbody>
                {p.lotteries.map(({ election, current }) => (
                  <tr key={election.id}>
                    <td>
                      <a href={electionLotteryPath(l, election.id)}>{pick(election.name, l)}</a>
                    </td>
                    <td>{formatDate(l, election.electionDay)}</td>
                    <td>{stateLabel(l, current)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
