// The public record of one draw: the frozen list and its commitment, the rolls and seed, every
// ticket, the server's own check, the verifier, the downloads and the commands to check it by hand.
import { VerifyLink } from '../../transparency-log/index.ts';
import { drawRef } from '../lottery-log.ts';
import type { Election, Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { Page, pick } from '../../platform/web/index.ts';
import { t } from '../lottery.messages.ts';
import type { DrawRecord } from '../core/draw.ts';
import type { LotteryDraw } from '../core/ceremony.ts';
import { DrawFacts, IllustrationNote, LineageNotes, ParticipantsTable, RollsTable } from './draw-parts.tsx';
import { ByHand, VerifySection } from './draw-verify.tsx';
import {
  drawJsonPath,
  electionLotteryPath,
  participantsFileName,
  participantsJsonPath,
  presentPath,
  proofPath,
} from './paths.ts';

export interface DrawPageProps {
  locale: Locale;
  election: Election;
  draw: LotteryDraw;
  predecessor?: LotteryDraw | undefined;
  successor?: LotteryDraw | undefined;
  /** The server's own recomputation of the record: [] when everything matches. */
  serverCheck: Problem[] | null;
}

export function DrawPage(p: DrawPageProps) {
  const l = p.locale;
  const { draw, election } = p;
  const record = draw.record;
  const name = t(l, 'lottery.drawName', { id: draw.id });
  return (
    <Page
      locale={l}
      title={`${name} — ${pick(election.name, l)}`}
      path={`/lottery/draws/${draw.id}`}
      synthetic={election.synthetic}
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
        <a href={presentPath(l, draw.id)}>{t(l, 'lottery.present')}</a> ·{' '}
        <VerifyLink locale={l} logRef={drawRef(draw.id)} />
      </p>

      <section aria-labelledby="participants">
        <h2 id="participants">1. {t(l, 'lottery.participants')}</h2>
        <p>
          {t(l, 'lottery.commitment')}: <code class="hash">{draw.commitment}</code>
        </p>
        <ParticipantsTable
          l={l}
          draw={draw}
          caption={t(l, 'lottery.participantCount', { n: draw.participants.length })}
        />
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
    </Page>
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
