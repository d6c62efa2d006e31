// The election's lottery page: where the ceremony stands, the current draw's facts and rolls, the
// history of every draw, and for the commission the console.
import type { Election, Locale, Party } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { DataTable, Page, pick, When } from '../../platform/web/index.ts';
import { t } from '../lottery.messages.ts';
import { lotteryIsOver, type ListWarning, type LotteryDraw } from '../core/ceremony.ts';
import { DrawFacts, IllustrationNote, RollsTable, stateLabel } from './draw-parts.tsx';
import { Console, consoleErrors, ConsoleErrors, type ConsoleForm } from './console.tsx';
import { drawPath, electionLotteryPath, presentPath } from './paths.ts';

export type { ConsoleForm };

export interface ElectionLotteryPageProps {
  locale: Locale;
  election: Election;
  current: LotteryDraw | undefined;
  /** Every draw, newest first. */
  draws: LotteryDraw[];
  /** The parties that a freeze would take now (shown before the first freeze). */
  registered: Party[];
  /** Parties with no candidate list or a list breaking a rule: a freeze needs a reason. */
  freezeWarnings?: ListWarning[] | undefined;
  canManage: boolean;
  /** The token each console form sends back as `_csrf`, bound to the viewer's session. */
  csrfToken?: string | undefined;
  problems?: Problem[] | undefined;
  form?: ConsoleForm | undefined;
}

const STEPS = ['freeze', 'seed', 'draw', 'final'] as const;

function CurrentDraw(p: { l: Locale; current: LotteryDraw | undefined; over: boolean }) {
  const { l, current: cur } = p;
  return (
    <section aria-labelledby="current">
      <h2 id="current">{t(l, 'lottery.current')}</h2>
      {cur ? (
        <>
          <p>
            <a href={drawPath(l, cur.id)}>
              {t(l, 'lottery.drawName', { id: cur.id })} — {t(l, 'lottery.openDraw')}
            </a>{' '}
            · <a href={presentPath(l, cur.id)}>{t(l, 'lottery.present')}</a>
          </p>
          <IllustrationNote l={l} draw={cur} />
          <DrawFacts l={l} draw={cur} />
          <h3>{t(l, 'lottery.seedParts')}</h3>
          <RollsTable l={l} draw={cur} />
        </>
      ) : (
        <p>{t(l, p.over ? 'lottery.notHeld' : 'lottery.noDraw')}</p>
      )}
    </section>
  );
}

function History(p: { l: Locale; draws: LotteryDraw[] }) {
  const l = p.l;
  if (p.draws.length === 0) return null;
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t(l, 'lottery.history')}</h2>
      <DataTable<LotteryDraw>
        locale={l}
        rows={p.draws}
        rowKey={(d) => d.id}
        columns={[
          {
            key: 'draw',
            label: t(l, 'lottery.drawColumn'),
            cell: (d) => <a href={drawPath(l, d.id)}>{t(l, 'lottery.drawName', { id: d.id })}</a>,
          },
          {
            key: 'state',
            label: t(l, 'lottery.stateLabel'),
            cell: (d) => (
              <>
                {stateLabel(l, d)}
                {d.illustration ? ` (${t(l, 'lottery.illustration')})` : ''}
              </>
            ),
          },
          { key: 'frozenAt', label: t(l, 'lottery.frozenAt'), cell: (d) => <When locale={l} iso={d.frozenAt} /> },
          { key: 'drawnAt', label: t(l, 'lottery.drawnAt'), cell: (d) => <When locale={l} iso={d.drawnAt} /> },
          { key: 'reason', label: t(l, 'lottery.reason'), cell: (d) => d.redoReason ?? '' },
        ]}
      />
    </section>
  );
}

export function ElectionLotteryPage(p: ElectionLotteryPageProps) {
  const l = p.locale;
  const e = p.election;
  const cur = p.current;
  const stepIndex = !cur ? 0 : cur.state === 'frozen' ? 1 : cur.state === 'seeded' ? 1 : 3;
  const errors = consoleErrors(l, p.problems ?? [], p.form);
  return (
    <Page
      locale={l}
      title={`${t(l, 'lottery.title')}: ${pick(e.name, l)}`}
      path={`/elections/${encodeURIComponent(e.id)}/lottery`}
      synthetic={e.synthetic}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}/elections/${encodeURIComponent(e.id)}`, label: pick(e.name, l) },
        { label: t(l, 'lottery.title') },
      ]}
    >
      <h1>{t(l, 'lottery.title')}</h1>
      <p class="muted">{pick(e.name, l)}</p>
      <ConsoleErrors locale={l} errors={errors} />
      <p>{t(l, 'lottery.intro')}</p>
      <ol class="lottery-steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === stepIndex ? 'step' : undefined}>
            {t(l, `lottery.step.${s}`)}
          </li>
        ))}
      </ol>
      <CurrentDraw l={l} current={cur} over={lotteryIsOver(e.status)} />
      {p.canManage ? (
        <Console
          locale={l}
          base={electionLotteryPath(l, e.id)}
          current={cur}
          registered={p.registered}
          freezeWarnings={p.freezeWarnings ?? []}
          csrfToken={p.csrfToken}
          errors={errors}
          form={p.form ?? {}}
        />
      ) : null}
      <History l={l} draws={p.draws} />
    </Page>
  );
}
