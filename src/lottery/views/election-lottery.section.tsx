// The lottery's section on the election page: where the ceremony stands, and the way to its page.
import type { ComponentChildren } from 'preact';
import type { Election, Locale } from '../../domain/election.ts';
import { formatNumber } from '../../platform/i18n/i18n.ts';
import { t } from '../lottery.messages.ts';
import type { LotteryDraw } from '../core/ceremony.ts';
import { stateLabel } from './draw-parts.tsx';
import { electionLotteryPath } from './paths.ts';

export function ElectionLotterySection(p: {
  locale: Locale;
  electionId: string;
  /** The election's status: one that is over without a draw held no lottery. */
  status?: Election['status'] | undefined;
  current: LotteryDraw | undefined;
  count: number;
}): ComponentChildren {
  const l = p.locale;
  return (
    <section aria-labelledby="lottery">
      <h2 id="lottery">{t(l, 'lottery.title')}</h2>
      <p>
        {stateLabel(l, p.current, p.status)}
        {p.count > 1 ? ` · ${t(l, 'lottery.history')}: ${formatNumber(l, p.count)}` : ''}
      </p>
      <p>
        <a href={electionLotteryPath(l, p.electionId)}>{t(l, 'lottery.electionLink')}</a>
      </p>
    </section>
  );
}
