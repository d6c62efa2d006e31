// The commission's list of lotteries: every election with where its ceremony stands, each leading
// to its lottery page, where the console is. What the staff navigation links to.
import type { Election, Locale } from '../../domain/election.ts';
import { DataTable, Day, Page, pick } from '../../platform/web/index.ts';
import { t } from '../lottery.messages.ts';
import type { LotteryDraw } from '../core/ceremony.ts';
import { stateLabel } from './draw-parts.tsx';
import { electionLotteryPath } from './paths.ts';

export interface LotteryConsolesPageProps {
  locale: Locale;
  lotteries: { election: Election; current: LotteryDraw | undefined }[];
}

type Row = LotteryConsolesPageProps['lotteries'][number];

export function LotteryConsolesPage(p: LotteryConsolesPageProps) {
  const l = p.locale;
  const title = t(l, 'lottery.consoles.title');
  return (
    <Page locale={l} title={title} path="/lottery">
      <h1>{title}</h1>
      {p.lotteries.length > 0 ? <p>{t(l, 'lottery.consoles.intro')}</p> : null}
      <DataTable<Row>
        locale={l}
        rows={p.lotteries}
        rowKey={(r) => r.election.id}
        empty={t(l, 'lottery.consoles.none')}
        columns={[
          {
            key: 'election',
            label: t(l, 'lottery.consoles.election'),
            cell: (r) => <a href={electionLotteryPath(l, r.election.id)}>{pick(r.election.name, l)}</a>,
          },
          {
            key: 'day',
            label: t(l, 'lottery.consoles.day'),
            cell: (r) => <Day locale={l} iso={r.election.electionDay} />,
          },
          { key: 'state', label: t(l, 'lottery.stateLabel'), cell: (r) => stateLabel(l, r.current, r.election.status) },
        ]}
      />
    </Page>
  );
}
