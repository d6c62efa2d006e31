// The commission's console on the election's lottery page: freeze, the observers' rolls (and
// striking a mistyped one), the draw and the redo, each a form that works without JavaScript; and the summary of why a step was refused,
// each reason leading to the field it is about (or to the console).
import type { ComponentChildren } from 'preact';
import type { Locale, Party } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import {
  CsrfField,
  ErrorSummary,
  fieldId,
  formErrors,
  Input,
  pick,
  TextArea,
  type FieldError,
} from '../../platform/web/index.ts';
import { t } from '../lottery.messages.ts';
import { MIN_SEED_DIGITS } from '../core/draw.ts';
import { MAX_STRIKE_REASON_LENGTH, seedDigits, type ListWarning, type LotteryDraw } from '../core/ceremony.ts';
import { problemText } from './draw-parts.tsx';

export interface ConsoleForm {
  observer?: string;
  digits?: string;
  reason?: string;
  /** A strike form's reason: named apart from the redo's, which is on the same page. */
  strikeReason?: string;
  /** The roll (0-based index) whose strike form was sent. */
  roll?: string;
}

const CONSOLE_FIELDS = ['observer', 'digits', 'reason', 'strikeReason'] as const;
type ConsoleField = (typeof CONSOLE_FIELDS)[number];

/** Each roll has a strike form of its own, so its field's id names the roll. */
const strikeFormName = (rollIndex: number | string): string => `strike-${rollIndex}`;

/** Refusals of a console step as errors of its fields; those about no field lead to the console. */
export function consoleErrors(l: Locale, problems: readonly Problem[], form: ConsoleForm = {}): FieldError[] {
  return formErrors(problems, {
    describe: (p) => problemText(l, p),
    fields: CONSOLE_FIELDS,
    fallback: 'console',
    targetOf: (p) =>
      p.field === 'strikeReason' && form.roll !== undefined
        ? fieldId('strikeReason', strikeFormName(form.roll))
        : CONSOLE_FIELDS.some((f) => f === p.field)
          ? undefined
          : 'console',
  });
}

const FIELD_LABELS = {
  observer: 'lottery.observer',
  digits: 'lottery.digits',
  reason: 'lottery.reason',
  strikeReason: 'lottery.strike.reason',
} as const satisfies Record<ConsoleField, string>;

function fieldLabel(l: Locale, field: string): string | undefined {
  const known = CONSOLE_FIELDS.find((f) => f === field);
  return known ? t(l, FIELD_LABELS[known]) : undefined;
}

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

/** What every console field shows: its label, the step's refusals and the value sent back. */
const fieldProps = (p: ConsoleProps, name: ConsoleField) => ({
  locale: p.locale,
  name,
  label: t(p.locale, FIELD_LABELS[name]),
  errors: p.errors,
  value: p.form[name],
});

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
        {...fieldProps(p, 'reason')}
        label={t(l, 'lottery.freeze.reason')}
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
      <Input {...fieldProps(p, 'observer')} maxLength={200} required />
      <Input
        {...fieldProps(p, 'digits')}
        inputMode="numeric"
        hint={`${t(l, 'lottery.seed.help')} ${progress}`}
        required
      />
    </DrawStepForm>
  );
}

/**
 * A strike form beside each roll that counts: a mistyped roll can be struck, with a public reason,
 * until the draw. Only the form that was sent shows its refusals and what was typed.
 */
function StrikeForms(p: ConsoleProps & { draw: LotteryDraw }) {
  const l = p.locale;
  return (
    <>
      {p.draw.seedParts.map((roll, i) => {
        if (roll.struck) return null;
        const sent = p.form.roll === String(i);
        return (
          <DrawStepForm
            {...p}
            key={i}
            step="strike-roll"
            legend={t(l, 'lottery.strike.legend', { n: i + 1, observer: roll.observer, digits: roll.digits })}
            button={t(l, 'lottery.strike.button')}
          >
            <input type="hidden" name="roll" value={String(i)} />
            <Input
              {...fieldProps(p, 'strikeReason')}
              form={strikeFormName(i)}
              errors={sent ? p.errors : []}
              value={sent ? p.form.strikeReason : undefined}
              hint={t(l, 'lottery.strike.help')}
              maxLength={MAX_STRIKE_REASON_LENGTH}
              required
            />
          </DrawStepForm>
        );
      })}
    </>
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
      <TextArea {...fieldProps(p, 'reason')} hint={t(l, 'lottery.redo.help')} required />
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
          <StrikeForms {...p} draw={cur} />
          <DrawForm {...p} draw={cur} />
        </>
      ) : null}
      {cur ? <RedoForm {...p} draw={cur} /> : null}
    </section>
  );
}
