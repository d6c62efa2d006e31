// The commission's console on the election's lottery page: freeze, the observers' rolls, the draw
// and the redo, each a form that works without JavaScript; and the summary of why a step was refused,
// each reason leading to the field it is about (or to the console).
import type { ComponentChildren } from 'preact';
import type { Locale, Party } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import {
  CsrfField,
  ErrorSummary,
  formErrors,
  Input,
  pick,
  TextArea,
  type FieldError,
} from '../../platform/web/index.ts';
import { t } from '../lottery.messages.ts';
import { MIN_SEED_DIGITS } from '../core/draw.ts';
import { seedDigits, type ListWarning, type LotteryDraw } from '../core/ceremony.ts';
import { problemText } from './draw-parts.tsx';

export interface ConsoleForm {
  observer?: string;
  digits?: string;
  reason?: string;
}

const CONSOLE_FIELDS = ['observer', 'digits', 'reason'] as const;

/** Refusals of a console step as errors of its fields; those about no field lead to the console. */
export function consoleErrors(l: Locale, problems: readonly Problem[]): FieldError[] {
  return formErrors(problems, {
    describe: (p) => problemText(l, p),
    fields: CONSOLE_FIELDS,
    fallback: 'console',
    targetOf: (p) => (CONSOLE_FIELDS.some((f) => f === p.field) ? undefined : 'console'),
  });
}

const fieldLabel = (l: Locale, field: string): string | undefined =>
  field === 'observer'
    ? t(l, 'lottery.observer')
    : field === 'digits'
      ? t(l, 'lottery.digits')
      : field === 'reason'
        ? t(l, 'lottery.reason')
        : undefined;

export function ConsoleErrors(p: { locale: Locale; errors: readonly FieldError[] }) {
  return (
    <ErrorSummary
      locale={p.locale}
      errors={p.errors}
      intro={t(p.locale, 'lottery.refused')}
      labelOf={(f) => fieldLabel(p.locale, f)}
    />
  );
}

interface ConsoleProps {
  locale: Locale;
  /** The election's lottery page, to which the steps are posted. */
  base: string;
  current: LotteryDraw | undefined;
  /** The parties that a freeze would take now. */
  registered: Party[];
  /** Of those, the ones with no candidate list or a list breaking a rule. */
  freezeWarnings: readonly ListWarning[];
  /** The session's CSRF token, which each form sends back. */
  csrfToken: string | undefined;
  errors: readonly FieldError[];
  form: ConsoleForm;
}

// A fresh element per form: a rendered vnode is not meant to be placed twice.
const Csrf = (p: { token: string | undefined }) => (p.token ? <CsrfField token={p.token} /> : null);

function FreezeForm(p: ConsoleProps) {
  const l = p.locale;
  return (
    <form method="post" action={`${p.base}/freeze`}>
      <Csrf token={p.csrfToken} />
      <h3>{t(l, 'lottery.toFreeze')}</h3>
      <ul>
        {p.registered.map((x) => (
          <li key={x.registrationNumber}>
            <code>{x.registrationNumber}</code> {pick(x.name, l)}
          </li>
        ))}
      </ul>
      <p class="help">{t(l, 'lottery.freeze.help')}</p>
      {p.freezeWarnings.length > 0 ? <FreezeWarnings l={l} warnings={p.freezeWarnings} /> : null}
      <TextArea
        locale={l}
        name="reason"
        label={t(l, 'lottery.freeze.reason')}
        errors={p.errors}
        value={p.form.reason}
        hint={t(l, p.freezeWarnings.length > 0 ? 'lottery.freeze.reasonRequired' : 'lottery.freeze.reasonOptional')}
        required={p.freezeWarnings.length > 0}
      />
      <button type="submit">{t(l, 'lottery.freeze.button')}</button>
    </form>
  );
}

/** The parties whose candidate list is missing or breaks a rule, named, before the freeze. */
function FreezeWarnings(p: { l: Locale; warnings: readonly ListWarning[] }) {
  const l = p.l;
  return (
    <div class="note-box" role="note" id="freeze-warnings">
      <p>
        <strong>{t(l, 'lottery.freeze.warning', { n: p.warnings.length })}</strong>
      </p>
      <ul>
        {p.warnings.map((w) => (
          <li key={w.id}>
            <code>{w.id}</code> {w.name}:{' '}
            {w.issue === 'no-list'
              ? t(l, 'lottery.freeze.noList')
              : t(l, 'lottery.freeze.breaksRules', {
                  rules: w.failedRules.map((r) => t.lookup(l, `rule.${r}`) ?? r).join(', '),
                })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A step on the current draw: the draw's id and the step's fields in one fieldset. */
function DrawStepForm(
  p: ConsoleProps & { draw: LotteryDraw; step: string; legend: string; button: string; children: ComponentChildren },
) {
  return (
    <form method="post" action={`${p.base}/${p.step}`} class="stack" noValidate>
      <Csrf token={p.csrfToken} />
      <fieldset>
        <legend>{p.legend}</legend>
        <input type="hidden" name="draw" value={String(p.draw.id)} />
        {p.children}
        <button type="submit">{p.button}</button>
      </fieldset>
    </form>
  );
}

function RollForm(p: ConsoleProps & { draw: LotteryDraw }) {
  const l = p.locale;
  const progress = t(l, 'lottery.seedProgress', { n: seedDigits(p.draw.seedParts), min: MIN_SEED_DIGITS });
  return (
    <DrawStepForm {...p} step="seed-parts" legend={t(l, 'lottery.seed.legend')} button={t(l, 'lottery.seed.button')}>
      <Input
        locale={l}
        name="observer"
        label={t(l, 'lottery.observer')}
        errors={p.errors}
        value={p.form.observer}
        maxLength={200}
        required
      />
      <Input
        locale={l}
        name="digits"
        label={t(l, 'lottery.digits')}
        errors={p.errors}
        value={p.form.digits}
        inputMode="numeric"
        hint={`${t(l, 'lottery.seed.help')} ${progress}`}
        required
      />
    </DrawStepForm>
  );
}

function DrawForm(p: ConsoleProps & { draw: LotteryDraw }) {
  return (
    <form method="post" action={`${p.base}/draw`}>
      <Csrf token={p.csrfToken} />
      <input type="hidden" name="draw" value={String(p.draw.id)} />
      <p class="help">{t(p.locale, 'lottery.draw.help')}</p>
      <button type="submit">{t(p.locale, 'lottery.draw.button')}</button>
    </form>
  );
}

function RedoForm(p: ConsoleProps & { draw: LotteryDraw }) {
  const l = p.locale;
  return (
    <DrawStepForm {...p} step="redo" legend={t(l, 'lottery.redo.legend')} button={t(l, 'lottery.redo.button')}>
      <TextArea
        locale={l}
        name="reason"
        label={t(l, 'lottery.reason')}
        errors={p.errors}
        value={p.form.reason}
        hint={t(l, 'lottery.redo.help')}
        required
      />
    </DrawStepForm>
  );
}

export function Console(p: ConsoleProps) {
  const cur = p.current;
  const open = cur && (cur.state === 'frozen' || cur.state === 'seeded');
  return (
    <section class="console" aria-labelledby="console-title" id="console">
      <h2 id="console-title">{t(p.locale, 'lottery.console')}</h2>
      <p class="help">{t(p.locale, 'lottery.consoleNote')}</p>
      {cur ? null : <FreezeForm {...p} />}
      {cur && open ? (
        <>
          <RollForm {...p} draw={cur} />
          <DrawForm {...p} draw={cur} />
        </>
      ) : null}
      {cur ? <RedoForm {...p} draw={cur} /> : null}
    </section>
  );
}
