// The two ways a reader checks a draw on its page: the verifier that runs in the browser (its step
// labels translated here), and the shell commands that recompute it by hand.
import type { Locale } from '../../domain/election.ts';
import { t } from '../../platform/i18n/i18n.ts';
import type { DrawRecord } from '../core/draw.ts';
import type { LotteryDraw } from '../core/ceremony.ts';
import { byHandCommands } from '../core/ceremony-by-hand.ts';
import { scriptJson } from './draw-parts.tsx';
import { verifyScriptPath } from './ceremony-assets.ts';
import { participantsFileName } from './paths.ts';

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

export function VerifySection(p: { l: Locale; record: DrawRecord }) {
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

export function ByHand(p: { l: Locale; draw: LotteryDraw; record: DrawRecord }) {
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
