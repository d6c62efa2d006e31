// The commission's console on the election's lottery page: freeze, the observers' rolls, the
// draw and the redo, each a form that works without JavaScript.
import type { Locale, Party } from '../../domain/election.ts';
import { pick } from '../../platform/web/format.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import { CsrfInput } from '../../accounts/index.ts';
import { MIN_SEED_DIGITS } from '../core/draw.ts';
import { seedDigits } from '../core/ceremony.ts';
import type { ElectionLotteryPageProps } from './election-lottery.page.tsx';

export function Console(p: ElectionLotteryPageProps & { base: string }) {
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
