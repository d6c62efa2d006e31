// Pieces the lottery pages share: the facts of a draw, its rolls and participants, notes on what
// it redoes or illustrates, refusals in the reader's language, and how a record is embedded.
import type { Locale } from '../../domain/election.ts';
import { pick } from '../../platform/web/format.tsx';
import { formatDateTime, t } from '../../platform/i18n/i18n.ts';
import type { Problem } from '../../platform/result.ts';
import { MIN_SEED_DIGITS } from '../core/draw.ts';
import { seedDigits, type LotteryDraw } from '../core/ceremony.ts';
import { lotteryCssPath } from './ceremony-assets.ts';
import { drawPath } from './paths.ts';
import '../lottery.messages.ts';

/** A problem in the reader's language when the catalogue has it, in the English of the Problem otherwise. */
export function problemText(l: Locale, p: Problem): string {
  const key = `problem.${p.code}`;
  try {
    const text = t(l, key, p.params);
    return text === key ? p.message : text;
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

export function When(p: { l: Locale; iso: string | null }) {
  if (!p.iso) return <>—</>;
  return <time dateTime={p.iso}>{formatDateTime(p.l, p.iso)}</time>;
}

export const stateLabel = (l: Locale, d: LotteryDraw | undefined): string => t(l, `lottery.state.${d?.state ?? 'none'}`);

export function Problems(p: { l: Locale; problems: Problem[] }) {
  if (p.problems.length === 0) return null;
  return (
    <div class="problems" role="alert" id="problems">
      <p>{t(p.l, 'lottery.refused')}</p>
      <ul>
        {p.problems.map((x, i) => (
          <li key={i}>{problemText(p.l, x)}</li>
        ))}
      </ul>
    </div>
  );
}

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
          {t(l, 'lottery.supersededBy', { at: draw.supersededAt ? formatDateTime(l, draw.supersededAt) : '—', attempt: p.successor.attempt })}{' '}
          <a href={drawPath(l, p.successor.id)}>{t(l, 'lottery.drawName', { attempt: p.successor.attempt })}</a>
        </p>
      ) : null}
      {p.predecessor && draw.redoReason ? (
        <p class="note-box" role="note">
          {t(l, 'lottery.redoOf', { attempt: p.predecessor.attempt, reason: draw.redoReason })}{' '}
          <a href={drawPath(l, p.predecessor.id)}>{t(l, 'lottery.drawName', { attempt: p.predecessor.attempt })}</a>
        </p>
      ) : null}
    </>
  );
}

export function ParticipantsTable(p: { l: Locale; draw: LotteryDraw; caption: string }) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="muted">{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(p.l, 'lottery.regNumber')}</th>
            <th scope="col">{t(p.l, 'lottery.name')}</th>
          </tr>
        </thead>
        <tbody>
          {p.draw.participants.map((x) => (
            <tr key={x.id}>
              <td>
                <code>{x.id}</code>
              </td>
              <td>{x.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RollsTable(p: { l: Locale; draw: LotteryDraw }) {
  const { l, draw } = p;
  if (draw.seedParts.length === 0) return <p>{t(l, 'lottery.noRolls')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t(l, 'lottery.seedOrder')}
            </th>
            <th scope="col">{t(l, 'lottery.observer')}</th>
            <th scope="col">{t(l, 'lottery.digits')}</th>
            <th scope="col">{t(l, 'lottery.enteredAt')}</th>
          </tr>
        </thead>
        <tbody>
          {draw.seedParts.map((s, i) => (
            <tr key={i}>
              <td class="num">{i + 1}</td>
              <td>{s.observer}</td>
              <td>
                <code class="seed">{s.digits}</code>
              </td>
              <td>
                <When l={l} iso={s.enteredAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DrawFacts(p: { l: Locale; draw: LotteryDraw }) {
  const { l, draw } = p;
  const digits = seedDigits(draw.seedParts);
  return (
    <dl class="facts">
      <dt>{t(l, 'lottery.stateLabel')}</dt>
      <dd>{stateLabel(l, draw)}</dd>
      <dt>{t(l, 'lottery.commitment')}</dt>
      <dd>
        <code class="hash">{draw.commitment}</code>
      </dd>
      <dt>{t(l, 'lottery.frozenAt')}</dt>
      <dd>
        <When l={l} iso={draw.frozenAt} />
      </dd>
      <dt>{t(l, 'lottery.participants')}</dt>
      <dd>{t(l, 'lottery.participantCount', { n: draw.participants.length })}</dd>
      <dt>{t(l, 'lottery.seed')}</dt>
      <dd>
        {draw.seedParts.length > 0 ? (
          <>
            <code class="seed">{draw.seedParts.map((s) => s.digits).join('')}</code>{' '}
          </>
        ) : null}
        <span class="muted">({t(l, 'lottery.seedProgress', { n: digits, min: MIN_SEED_DIGITS })})</span>
      </dd>
      {draw.drawnAt ? (
        <>
          <dt>{t(l, 'lottery.drawnAt')}</dt>
          <dd>
            <When l={l} iso={draw.drawnAt} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export const head = () => <link rel="stylesheet" href={lotteryCssPath} />;
