// Server-rendered lottery pages: the election's lottery page (state, history and the commission
// console), the public record of one draw with its verifier, and the hall screen. Every page works
// without JavaScript; only the "verify in your browser" button and the hall screen's timed reveal
// use it.
import type { ComponentChildren } from 'preact';
import type { Election, Locale, Party } from '../../domain/election.ts';
import { Layout } from '../../platform/web/layout.tsx';
import { pick } from '../../platform/web/format.tsx';
import { formatDateTime, formatNumber, t } from '../../platform/i18n/i18n.ts';
import type { Problem } from '../../platform/result.ts';
import { LOCALES } from '../../domain/election.ts';
import { MIN_SEED_DIGITS, canonicalParticipantsJson, type DrawRecord } from '../core/draw.ts';
import { seedDigits, type LotteryDraw } from '../core/ceremony.ts';
import { byHandCommands } from '../core/ceremony-by-hand.ts';
import { lotteryCssPath, presentScriptPath, verifyScriptPath } from './ceremony-assets.ts';
import { CsrfInput } from '../../accounts/views/account.pages.tsx';
import '../lottery.messages.ts';

export const electionLotteryPath = (l: Locale, electionId: string): string => `/${l}/elections/${encodeURIComponent(electionId)}/lottery`;
export const drawPath = (l: Locale, drawId: number): string => `/${l}/lottery/draws/${drawId}`;
export const presentPath = (l: Locale, drawId: number): string => `/${l}/lottery/draws/${drawId}/present`;
export const drawJsonPath = (drawId: number): string => `/lottery/draws/${drawId}.json`;
export const participantsJsonPath = (drawId: number): string => `/lottery/draws/${drawId}/participants.json`;
export const proofPath = (drawId: number, size: 'A4' | 'A3'): string => `/lottery/draws/${drawId}/ballot-proof.pdf?size=${size}`;
export const liveJsonPath = (drawId: number): string => `/lottery/draws/${drawId}/live.json`;
export const participantsFileName = (d: { electionId: string; attempt: number }): string => `${d.electionId}-draw-${d.attempt}-participants.json`;

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

function When(p: { l: Locale; iso: string | null }) {
  if (!p.iso) return <>—</>;
  return <time dateTime={p.iso}>{formatDateTime(p.l, p.iso)}</time>;
}

const stateLabel = (l: Locale, d: LotteryDraw | undefined): string => t(l, `lottery.state.${d?.state ?? 'none'}`);

function Problems(p: { l: Locale; problems: Problem[] }) {
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

function IllustrationNote(p: { l: Locale; draw: LotteryDraw }) {
  if (!p.draw.illustration) return null;
  return (
    <p class="note-box" role="note">
      <strong>{t(p.l, 'lottery.illustration')}:</strong> {pick(p.draw.illustration, p.l)}
    </p>
  );
}

function LineageNotes(p: { l: Locale; draw: LotteryDraw; predecessor?: LotteryDraw; successor?: LotteryDraw }) {
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

function ParticipantsTable(p: { l: Locale; draw: LotteryDraw; caption: string }) {
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

function RollsTable(p: { l: Locale; draw: LotteryDraw }) {
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

function DrawFacts(p: { l: Locale; draw: LotteryDraw }) {
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

const head = () => <link rel="stylesheet" href={lotteryCssPath} />;

// ---------------------------------------------------------------------------------------------
// The election's lottery page and console.

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

function Console(p: ElectionLotteryPageProps & { base: string }) {
  const l = p.locale;
  const cur = p.current;
  const form = p.form ?? {};
  const open = cur && (cur.state === 'frozen' || cur.state === 'seeded');
  // A fresh element per form: a rendered vnode is not meant to be placed twice.
  const csrf = () => (p.csrfToken ? <CsrfInput token={p.csrfToken} /> : null);
  return (
    <section class="console" aria-labelledby="console">
      <h2 id="console">{t(l, 'lottery.console')}</h2>
      <p class="help">{t(l, 'lottery.consoleNote')}</p>
      {!cur ? (
        <form method="post" action={`${p.base}/freeze`}>
          {csrf()}
          <ParticipantsPreview l={l} parties={p.registered} />
          <p class="help">{t(l, 'lottery.freeze.help')}</p>
          <button type="submit">{t(l, 'lottery.freeze.button')}</button>
        </form>
      ) : null}
      {open ? (
        <>
          <form method="post" action={`${p.base}/seed-parts`}>
            {csrf()}
            <fieldset>
              <legend>{t(l, 'lottery.seed.legend')}</legend>
              <input type="hidden" name="draw" value={String(cur.id)} />
              <label for="observer">{t(l, 'lottery.observer')}</label>
              <input type="text" id="observer" name="observer" required maxLength={200} autoComplete="off" value={form.observer ?? ''} />
              <label for="digits">{t(l, 'lottery.digits')}</label>
              <input
                type="text"
                id="digits"
                name="digits"
                required
                inputMode="numeric"
                autoComplete="off"
                aria-describedby="digits-help"
                value={form.digits ?? ''}
              />
              <p class="help" id="digits-help">
                {t(l, 'lottery.seed.help')} {t(l, 'lottery.seedProgress', { n: seedDigits(cur.seedParts), min: MIN_SEED_DIGITS })}
              </p>
              <button type="submit">{t(l, 'lottery.seed.button')}</button>
            </fieldset>
          </form>
          <form method="post" action={`${p.base}/draw`}>
            {csrf()}
            <input type="hidden" name="draw" value={String(cur.id)} />
            <p class="help">{t(l, 'lottery.draw.help')}</p>
            <button type="submit">{t(l, 'lottery.draw.button')}</button>
          </form>
        </>
      ) : null}
      {cur ? (
        <form method="post" action={`${p.base}/redo`}>
          {csrf()}
          <fieldset>
            <legend>{t(l, 'lottery.redo.legend')}</legend>
            <input type="hidden" name="draw" value={String(cur.id)} />
            <label for="reason">{t(l, 'lottery.reason')}</label>
            <textarea id="reason" name="reason" required maxLength={2000} aria-describedby="reason-help" value={form.reason ?? ''} />
            <p class="help" id="reason-help">
              {t(l, 'lottery.redo.help')}
            </p>
            <button type="submit">{t(l, 'lottery.redo.button')}</button>
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}

function ParticipantsPreview(p: { l: Locale; parties: Party[] }) {
  return (
    <>
      <h3>{t(p.l, 'lottery.toFreeze')}</h3>
      <ul>
        {p.parties.map((x) => (
          <li key={x.registrationNumber}>
            <code>{x.registrationNumber}</code> {pick(x.name, p.l)}
          </li>
        ))}
      </ul>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// The public record of one draw.

export interface DrawPageProps {
  locale: Locale;
  election: Election;
  draw: LotteryDraw;
  predecessor?: LotteryDraw;
  successor?: LotteryDraw;
  /** The server's own recomputation of the record: [] when everything matches. */
  serverCheck: Problem[] | null;
}

const VERIFY_LABEL_KEYS = [
  'record',
  'timeline',
  'commitment',
  'seed',
  'seedLength',
  'ticket',
  'order',
  'ballotNumber',
  'recordSays',
  'recomputed',
  'verified',
  'failed',
] as const;

/** data-label-* attributes that translate the browser verifier's steps (see verify-draw.client.js). */
function verifyLabels(l: Locale): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const key of VERIFY_LABEL_KEYS) {
    const kebab = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    // {id} stays a placeholder for the verifier to fill in.
    attrs[`data-label-${kebab}`] = t(l, `lottery.v.${key}`, { id: '{id}' });
  }
  return attrs;
}

export function DrawPage(p: DrawPageProps) {
  const l = p.locale;
  const { draw, election } = p;
  const record = draw.record;
  const name = t(l, 'lottery.drawName', { attempt: draw.attempt });
  return (
    <Layout
      locale={l}
      title={`${name} — ${pick(election.name, l)}`}
      path={`/lottery/draws/${draw.id}`}
      synthetic={election.synthetic}
      head={head()}
      crumbs={[
        { href: `/${l}/`, label: t(l, 'nav.elections') },
        { href: `/${l}/elections/${encodeURIComponent(election.id)}`, label: pick(election.name, l) },
        { href: electionLotteryPath(l, election.id), label: t(l, 'lottery.title') },
        { label: name },
      ]}
    >
      <h1>
        {t(l, 'lottery.title')}: {name}
      </h1>
      <p class="muted">{pick(election.name, l)}</p>
      <IllustrationNote l={l} draw={draw} />
      <LineageNotes l={l} draw={draw} predecessor={p.predecessor} successor={p.successor} />
      <DrawFacts l={l} draw={draw} />
      <p>
        <a href={presentPath(l, draw.id)}>{t(l, 'lottery.present')}</a>
      </p>

      <section aria-labelledby="participants">
        <h2 id="participants">1. {t(l, 'lottery.participants')}</h2>
        <p>
          {t(l, 'lottery.commitment')}: <code class="hash">{draw.commitment}</code>
        </p>
        <ParticipantsTable l={l} draw={draw} caption={t(l, 'lottery.participantCount', { n: draw.participants.length })} />
      </section>

      <section aria-labelledby="rolls">
        <h2 id="rolls">2. {t(l, 'lottery.seedParts')}</h2>
        <RollsTable l={l} draw={draw} />
        {record ? (
          <p>
            {t(l, 'lottery.seed')}: <code class="seed">{record.seed}</code>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="tickets">
        <h2 id="tickets">3. {t(l, 'lottery.tickets')}</h2>
        {record ? <TicketsTable l={l} record={record} /> : <p>{t(l, 'lottery.notDrawn')}</p>}
        {p.serverCheck ? (
          p.serverCheck.length === 0 ? (
            <p class="pass">✓ {t(l, 'lottery.serverCheck.ok')}</p>
          ) : (
            <div class="problems">
              <p>{t(l, 'lottery.serverCheck.fail')}</p>
              <ul>
                {p.serverCheck.map((x, i) => (
                  <li key={i}>{x.message}</li>
                ))}
              </ul>
            </div>
          )
        ) : null}
      </section>

      {record ? <VerifySection l={l} record={record} /> : null}

      <section aria-labelledby="downloads">
        <h2 id="downloads">{t(l, 'lottery.downloads')}</h2>
        <ul class="downloads">
          {record ? (
            <li>
              <a href={drawJsonPath(draw.id)} download={`${draw.electionId}-draw-${draw.attempt}.json`}>
                {t(l, 'lottery.downloadJson')}
              </a>
            </li>
          ) : null}
          <li>
            <a href={participantsJsonPath(draw.id)} download={participantsFileName(draw)}>
              {t(l, 'lottery.downloadParticipants')}
            </a>
          </li>
          {record
            ? (['A4', 'A3'] as const).map((size) => (
                <li key={size}>
                  <a href={proofPath(draw.id, size)}>{t(l, 'lottery.proof', { size })}</a>
                </li>
              ))
            : null}
        </ul>
      </section>

      {record ? <ByHand l={l} draw={draw} record={record} /> : null}
    </Layout>
  );
}

function TicketsTable(p: { l: Locale; record: DrawRecord }) {
  const { l, record } = p;
  const names = new Map(record.participants.map((x) => [x.id, x.name]));
  const numbers = new Map(record.ballotNumbers.map((b) => [b.id, b.ballotNumber]));
  return (
    <>
      <p class="muted">{t(l, 'lottery.ticketsIntro')}</p>
      <div class="table-wrap">
        <table id="tickets-table">
          <thead>
            <tr>
              <th scope="col" class="num">
                {t(l, 'lottery.place')}
              </th>
              <th scope="col" class="num">
                {t(l, 'lottery.ballotNumber')}
              </th>
              <th scope="col">{t(l, 'lottery.regNumber')}</th>
              <th scope="col">{t(l, 'lottery.name')}</th>
              <th scope="col">{t(l, 'lottery.ticket')}</th>
            </tr>
          </thead>
          <tbody>
            {record.tickets.map((x, i) => (
              <tr key={x.id}>
                <td class="num">{i + 1}</td>
                <td class="num">
                  <span class="ballot-no">{numbers.get(x.id) ?? '—'}</span>
                </td>
                <td>
                  <code>{x.id}</code>
                </td>
                <td>{names.get(x.id) ?? ''}</td>
                <td>
                  <code class="ticket-digits">{x.ticket}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {record.fixedLines.length > 0 ? (
        <>
          <h3>{t(l, 'lottery.fixedLines')}</h3>
          <ul>
            {record.fixedLines.map((f) => (
              <li key={f.label}>
                <span class="ballot-no">{f.ballotNumber}</span> {f.label}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function VerifySection(p: { l: Locale; record: DrawRecord }) {
  const l = p.l;
  return (
    <section aria-labelledby="verify">
      <h2 id="verify">{t(l, 'lottery.verify.title')}</h2>
      <p>{t(l, 'lottery.verify.intro')}</p>
      <button type="button" id="verify-draw" {...verifyLabels(l)}>
        {t(l, 'lottery.verify.button')}
      </button>
      <noscript>
        <p>{t(l, 'lottery.verify.noscript')}</p>
      </noscript>
      <ol id="verify-steps" aria-live="polite"></ol>
      <script type="application/json" id="draw-record" dangerouslySetInnerHTML={{ __html: scriptJson(p.record) }} />
      <script type="module" src={verifyScriptPath}></script>
    </section>
  );
}

function ByHand(p: { l: Locale; draw: LotteryDraw; record: DrawRecord }) {
  const l = p.l;
  const cmds = byHandCommands(p.record, participantsFileName(p.draw));
  if (!cmds) return null;
  return (
    <section aria-labelledby="by-hand">
      <h2 id="by-hand">{t(l, 'lottery.byHand.title')}</h2>
      <p>{t(l, 'lottery.byHand.intro')}</p>
      <ol>
        <li>
          <p>{t(l, 'lottery.byHand.commitment')}</p>
          <Shell command={cmds.commitment.command} prints={cmds.commitment.prints} />
        </li>
        <li>
          <p>{t(l, 'lottery.byHand.seed')}</p>
          <Shell command={cmds.seedHash.command} prints={cmds.seedHash.prints} />
        </li>
        <li>
          <p>
            {t(l, 'lottery.byHand.ticket')} <code>{cmds.firstTicket.id}</code>
          </p>
          <Shell command={cmds.firstTicket.command} prints={cmds.firstTicket.prints} />
        </li>
        <li>
          <p>{t(l, 'lottery.byHand.order')}</p>
        </li>
      </ol>
      <p>{t(l, 'lottery.byHand.cli')}</p>
      <pre class="shell">
        <code>{`talapker lottery verify ${p.draw.electionId}-draw-${p.draw.attempt}.json`}</code>
      </pre>
    </section>
  );
}

function Shell(p: { command: string; prints: string }) {
  return (
    <pre class="shell">
      <code>{`$ ${p.command.split('\n').join('\n  ')}\n${p.prints}`}</code>
    </pre>
  );
}

/** The canonical participants list, byte for byte what the commitment hashes. */
export const canonicalParticipants = (d: LotteryDraw): string => canonicalParticipantsJson(d.participants);

// ---------------------------------------------------------------------------------------------
// The hall screen.

export interface PresentPageProps {
  locale: Locale;
  election: Election;
  draw: LotteryDraw;
  /** Milliseconds between two revealed tickets. */
  pace: number;
}

export function PresentPage(p: PresentPageProps) {
  const l = p.locale;
  const { draw, election } = p;
  const record = draw.record;
  const numbers = new Map(record?.ballotNumbers.map((b) => [b.id, b.ballotNumber]) ?? []);
  const names = new Map(draw.participants.map((x) => [x.id, x.name]));
  const title = `${t(l, 'lottery.drawName', { attempt: draw.attempt })} — ${pick(election.name, l)}`;
  const digits = seedDigits(draw.seedParts);
  return (
    <html lang={l}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t(l, 'lottery.presentTitle')} — ${title}`}</title>
        <link rel="stylesheet" href={lotteryCssPath} />
        {LOCALES.map((x) => (
          <link rel="alternate" hrefLang={x} href={presentPath(x, draw.id)} key={x} />
        ))}
        <script src={presentScriptPath} defer></script>
      </head>
      <body class="present">
        <main
          id="main"
          data-live-url={liveJsonPath(draw.id)}
          data-state={draw.state}
          data-pace={String(p.pace)}
          data-present-base={`/${l}/lottery/draws/`}
        >
          <h1>{title}</h1>
          {draw.illustration ? <p class="small">{pick(draw.illustration, l)}</p> : null}
          <section aria-labelledby="p-commitment">
            <h2 id="p-commitment">{t(l, 'lottery.commitment')}</h2>
            <p class="hash">{draw.commitment}</p>
            <p class="small">
              {t(l, 'lottery.frozenAt')}: <When l={l} iso={draw.frozenAt} /> · {t(l, 'lottery.participantCount', { n: draw.participants.length })}
            </p>
          </section>
          <section aria-labelledby="p-seed">
            <h2 id="p-seed">{t(l, 'lottery.seedParts')}</h2>
            <ol id="rolls" class="rolls">
              {draw.seedParts.map((s, i) => (
                <li key={i}>
                  <span class="observer">{s.observer}</span>{' '}
                  {[...s.digits].map((d, j) => (
                    <span class="digit" key={j}>
                      {d}
                    </span>
                  ))}
                </li>
              ))}
            </ol>
            <p id="seed-progress" class="small" aria-live="polite" data-template={t(l, 'lottery.seedProgress', { n: '{n}', min: MIN_SEED_DIGITS })}>
              {draw.seedParts.length === 0 ? t(l, 'lottery.waitingRolls') : t(l, 'lottery.seedProgress', { n: digits, min: MIN_SEED_DIGITS })}
            </p>
          </section>
          <section aria-labelledby="p-tickets">
            <h2 id="p-tickets">{t(l, 'lottery.tickets')}</h2>
            {record ? (
              <ol id="tickets" class="tickets" aria-live="polite">
                {record.tickets.map((x) => (
                  <li key={x.id}>
                    <span class="bn">{numbers.get(x.id) ?? '—'}</span>
                    <span class="name">{names.get(x.id) ?? x.id}</span>
                    <span class="ticket-digits">
                      {x.id}: {x.ticket}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p>{draw.state === 'superseded' ? t(l, 'lottery.state.superseded') : t(l, 'lottery.waitingDraw')}</p>
            )}
          </section>
          <p class="small">
            <a href={drawPath(l, draw.id)}>{t(l, 'lottery.backToRecord')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}

// ---------------------------------------------------------------------------------------------
// The section the election page shows (see lotteryElectionSection in lottery.routes.tsx).

export function ElectionLotterySection(p: { locale: Locale; electionId: string; current: LotteryDraw | undefined; count: number }): ComponentChildren {
  const l = p.locale;
  return (
    <section aria-labelledby="lottery">
      <h2 id="lottery">{t(l, 'lottery.title')}</h2>
      <p>
        {stateLabel(l, p.current)}
        {p.count > 1 ? ` · ${t(l, 'lottery.history')}: ${formatNumber(l, p.count)}` : ''}
      </p>
      <p>
        <a href={electionLotteryPath(l, p.electionId)}>{t(l, 'lottery.electionLink')}</a>
      </p>
    </section>
  );
}
