// The hall screen: a page of its own (no site frame) for the projector during the ceremony. It
// polls for rolls and reveals the tickets one by one; without JavaScript it shows everything at once.
import type { Election, Locale } from '../../domain/election.ts';
import { LOCALES } from '../../domain/election.ts';
import { pick, siteCssPath, When } from '../../platform/web/index.ts';
import { t } from '../lottery.messages.ts';
import { MIN_SEED_DIGITS } from '../core/draw.ts';
import { countedSeedParts, seedDigits, type LotteryDraw } from '../core/ceremony.ts';
import { presentScriptPath } from './ceremony-assets.ts';
import { drawPath, liveJsonPath, presentPath } from './paths.ts';

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
  const title = `${t(l, 'lottery.drawName', { id: draw.id })} — ${pick(election.name, l)}`;
  const digits = seedDigits(draw.seedParts);
  // The hall shows the rolls that make the seed; a struck roll is on the draw's record page.
  const rolls = countedSeedParts(draw.seedParts);
  return (
    <html lang={l}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t(l, 'lottery.presentTitle')} — ${title}`}</title>
        <link rel="stylesheet" href={siteCssPath} />
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
              {t(l, 'lottery.frozenAt')}: <When locale={l} iso={draw.frozenAt} /> ·{' '}
              {t(l, 'lottery.participantCount', { n: draw.participants.length })}
            </p>
          </section>
          <section aria-labelledby="p-seed">
            <h2 id="p-seed">{t(l, 'lottery.seedParts')}</h2>
            <ol id="rolls" class="rolls">
              {rolls.map((s, i) => (
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
            <p
              id="seed-progress"
              class="small"
              aria-live="polite"
              data-template={t(l, 'lottery.seedProgress', { n: '{n}', min: MIN_SEED_DIGITS })}
            >
              {rolls.length === 0
                ? t(l, 'lottery.waitingRolls')
                : t(l, 'lottery.seedProgress', { n: digits, min: MIN_SEED_DIGITS })}
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
