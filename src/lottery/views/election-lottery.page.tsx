// The election's lottery page: where the ceremony stands, the current draw's facts and rolls, the
// history of every draw, and for the commission the console.
import type { Election, Locale, Party } from '../../domain/election.ts';
import { Layout } from '../../platform/web/layout.tsx';
import { pick } from '../../platform/web/format.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import type { Problem } from '../../platform/result.ts';
import type { LotteryDraw } from '../core/ceremony.ts';
import { DrawFacts, IllustrationNote, Problems, RollsTable, When, head, stateLabel } from './draw-parts.tsx';
import { Console } from './console.tsx';
import { drawPath, electionLotteryPath, presentPath } from './paths.ts';

export interface ConsoleForm {
  observer?: string;
  digits?: string;
  reason?: string;
}

export interface ElectionLotteryPageProps {
  locale: Locale;
  election: Election;
  current: LotteryDraw | undefined;
  /** Every draw, newest first. */
  draws: LotteryDraw[];
  /** The parties that a freeze would take now (shown before the first freeze). */
  registered: Party[];
  canManage: boolean;
  /**
   * The token each console form sends back as `_csrf`, bound to the viewer's session. Absent where
   * the app checks none (a bare app with the open console, see commissionIsOpen).
   */
  csrfToken?: string | undefined;
  problems?: Problem[];
  form?: ConsoleForm;
}

export function ElectionLotteryPage(p: ElectionLotteryPageProps) {
  const l = p.locale;
  const e = p.election;
  const cur = p.current;
  const base = electionLotteryPath(l, e.id);
  const stepIndex = !cur ? 0 : cur.state === 'frozen' ? 1 : cur.state === 'seeded' ? 1 : 3;
  return (
    <Layout
      locale={l}
      title={`${t(l, 'lottery.title')}: ${pick(e.name, l)}`}
      path={`/elections/${encodeURIComponent(e.id)}/lottery`}
      synthetic={e.synthetic}
      head={head()}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}/elections/${encodeURIComponent(e.id)}`, label: pick(e.name, l) },
        { label: t(l, 'lottery.title') },
      ]}
    >
      <h1>{t(l, 'lottery.title')}</h1>
      <p class="muted">{pick(e.name, l)}</p>
      <Problems l={l} problems={p.problems ?? []} />
      <p>{t(l, 'lottery.intro')}</p>
      <ol class="lottery-steps">
        {(['freeze', 'seed', 'draw', 'final'] as const).map((s, i) => (
          <li key={s} aria-current={i === stepIndex ? 'step' : undefined}>
            {t(l, `lottery.step.${s}`)}
          </li>
        ))}
      </ol>

      <section aria-labelledby="current">
        <h2 id="current">{t(l, 'lottery.current')}</h2>
        {cur ? (
          <>
            <p>
              <a href={drawPath(l, cur.id)}>
                {t(l, 'lottery.drawName', { attempt: cur.attempt })} — {t(l, 'lottery.openDraw')}
              </a>{' '}
              · <a href={presentPath(l, cur.id)}>{t(l, 'lottery.present')}</a>
            </p>
            <IllustrationNote l={l} draw={cur} />
            <DrawFacts l={l} draw={cur} />
            <h3>{t(l, 'lottery.seedParts')}</h3>
            <RollsTable l={l} draw={cur} />
          </>
        ) : (
          <p>{t(l, 'lottery.noDraw')}</p>
        )}
      </section>

      {p.canManage ? <Console {...p} base={base} /> : null}

      {p.draws.length > 0 ? (
        <section aria-labelledby="history">
          <h2 id="history">{t(l, 'lottery.history')}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(l, 'lottery.drawColumn')}</th>
                  <th scope="col">{t(l, 'lottery.stateLabel')}</th>
                  <th scope="col">{t(l, 'lottery.frozenAt')}</th>
                  <th scope="col">{t(l, 'lottery.drawnAt')}</th>
                  <th scope="col">{t(l, 'lottery.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {p.draws.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <a href={drawPath(l, d.id)}>{t(l, 'lottery.drawName', { attempt: d.attempt })}</a>
                    </td>
                    <td>
                      {stateLabel(l, d)}
                      {d.illustration ? ` (${t(l, 'lottery.illustration')})` : ''}
                    </td>
                    <td>
                      <When l={l} iso={d.frozenAt} />
                    </td>
                    <td>
                      <When l={l} iso={d.drawnAt} />
                    </td>
                    <td>{d.redoReason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </Layout>
  );
}
