// Pieces the lottery pages share: the facts of a draw, its rolls and participants, notes on what
// it redoes or illustrates, refusals in the reader's language, and how a record is embedded.
import type { Election, Locale } from '../../domain/election.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import type { Problem } from '../../platform/result.ts';
import { DataTable, pick, When } from '../../platform/web/index.ts';
import { t } from '../lottery.messages.ts';
import { MIN_SEED_DIGITS } from '../core/draw.ts';
import {
  countedSeedParts,
  lotteryIsOver,
  seedDigits,
  struckSeedParts,
  type LotteryDraw,
  type RecordedSeedPart,
} from '../core/ceremony.ts';
import type { Participant } from '../core/draw.ts';
import { drawPath } from './paths.ts';

/** A problem in the reader's language when the catalogue has it, in the English of the Problem otherwise. */
export function problemText(l: Locale, p: Problem): string {
  try {
    return t.lookup(l, `problem.${p.code}`, p.params) ?? p.message;
  } catch {
    return p.message; // a translation that needs a parameter this problem lacks
  }
}

/**
 * JSON inside <script type="application/json">: '<' is escaped so that no party name can close the
 * element, and U+2028/2029 so that old parsers read it; JSON.parse gives back the same text.
 */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** A draw's state; with no draw, "not started" or, for an election that is over, "not held". */
export const stateLabel = (l: Locale, d: LotteryDraw | undefined, status?: Election['status']): string =>
  t(l, `lottery.state.${d?.state ?? (status !== undefined && lotteryIsOver(status) ? 'notHeld' : 'none')}`);

export function IllustrationNote(p: { l: Locale; draw: LotteryDraw }) {
  if (!p.draw.illustration) return null;
  return (
    <p class="note-box" role="note">
      <strong>{t(p.l, 'lottery.illustration')}:</strong> {pick(p.draw.illustration, p.l)}
    </p>
  );
}

export function LineageNotes(p: { l: Locale; draw: LotteryDraw; predecessor?: LotteryDraw; successor?: LotteryDraw }) {
  const { l, draw } = p;
  return (
    <>
      {p.successor ? (
        <p class="note-box" role="note">
          {t(l, 'lottery.supersededBy', {
            at: draw.supersededAt ? formatDateTime(l, draw.supersededAt) : '—',
            id: p.successor.id,
          })}{' '}
          <a href={drawPath(l, p.successor.id)}>{t(l, 'lottery.drawName', { id: p.successor.id })}</a>
        </p>
      ) : null}
      {p.predecessor && draw.redoReason ? (
        <p class="note-box" role="note">
          {t(l, 'lottery.redoOf', { id: p.predecessor.id, reason: draw.redoReason })}{' '}
          <a href={drawPath(l, p.predecessor.id)}>{t(l, 'lottery.drawName', { id: p.predecessor.id })}</a>
        </p>
      ) : null}
    </>
  );
}

export function ParticipantsTable(p: { l: Locale; draw: LotteryDraw; caption: string }) {
  return (
    <DataTable<Participant>
      locale={p.l}
      caption={p.caption}
      captionClass="muted"
      rows={p.draw.participants}
      rowKey={(x) => x.id}
      columns={[
        { key: 'id', label: t(p.l, 'lottery.regNumber'), cell: (x) => <code>{x.id}</code> },
        { key: 'name', label: t(p.l, 'lottery.name'), cell: (x) => x.name },
      ]}
    />
  );
}

/** The rolls that make the seed, in their stated order, and apart from them any roll struck before the draw. */
export function RollsTable(p: { l: Locale; draw: LotteryDraw }) {
  const l = p.l;
  return (
    <>
      <DataTable<RecordedSeedPart>
        locale={l}
        rows={countedSeedParts(p.draw.seedParts)}
        empty={t(l, 'lottery.noRolls')}
        columns={[
          { key: 'order', label: t(l, 'lottery.seedOrder'), numeric: true, cell: (_s, i) => i + 1 },
          { key: 'observer', label: t(l, 'lottery.observer'), cell: (s) => s.observer },
          { key: 'digits', label: t(l, 'lottery.digits'), cell: (s) => <code class="seed">{s.digits}</code> },
          { key: 'enteredAt', label: t(l, 'lottery.enteredAt'), cell: (s) => <When locale={l} iso={s.enteredAt} /> },
        ]}
      />
      <StruckRolls l={l} parts={p.draw.seedParts} />
    </>
  );
}

/** Struck rolls stay public with their reason, so that observers can see what was corrected and why. */
function StruckRolls(p: { l: Locale; parts: readonly RecordedSeedPart[] }) {
  const l = p.l;
  const struck = struckSeedParts(p.parts);
  if (struck.length === 0) return null;
  return (
    <>
      <p>{t(l, 'lottery.struckRolls')}</p>
      <ul id="struck-rolls">
        {struck.map((s, i) => (
          <li key={i}>
            <del>
              {s.observer}: <code class="seed">{s.digits}</code>
            </del>{' '}
            — {t(l, 'lottery.struckBeforeDraw', { reason: s.reason })} (
            <When locale={l} iso={s.struckAt} />)
          </li>
        ))}
      </ul>
    </>
  );
}

export function DrawFacts(p: { l: Locale; draw: LotteryDraw }) {
  const { l, draw } = p;
  const digits = seedDigits(draw.seedParts);
  return (
    <dl class="facts">
      <dt>{t(l, 'lottery.stateLabel')}</dt>
      <dd>{stateLabel(l, draw)}</dd>
      <dt>{t(l, 'lottery.attempt')}</dt>
      <dd>{draw.attempt}</dd>
      <dt>{t(l, 'lottery.commitment')}</dt>
      <dd>
        <code class="hash">{draw.commitment}</code>
      </dd>
      <dt>{t(l, 'lottery.frozenAt')}</dt>
      <dd>
        <When locale={l} iso={draw.frozenAt} />
      </dd>
      <dt>{t(l, 'lottery.participants')}</dt>
      <dd>{t(l, 'lottery.participantCount', { n: draw.participants.length })}</dd>
      <dt>{t(l, 'lottery.seed')}</dt>
      <dd>
        {seedDigits(draw.seedParts) > 0 ? (
          <>
            <code class="seed">
              {countedSeedParts(draw.seedParts)
                .map((s) => s.digits)
                .join('')}
            </code>{' '}
          </>
        ) : null}
        <span class="muted">({t(l, 'lottery.seedProgress', { n: digits, min: MIN_SEED_DIGITS })})</span>
      </dd>
      {draw.drawnAt ? (
        <>
          <dt>{t(l, 'lottery.drawnAt')}</dt>
          <dd>
            <When locale={l} iso={draw.drawnAt} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}
