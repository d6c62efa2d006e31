// What the account pages share, built from the web kit: the page frame with the way back to one's
// account, problems from the services in the reader's language as errors of their fields, the error
// summary whose entries name the field they lead to, and text inputs labelled from the catalogue.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import {
  CsrfField,
  ErrorSummary,
  formErrors,
  Input,
  Notice,
  Page,
  type FieldError,
  type InputProps,
} from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';

export type FormValues = Record<string, string | undefined>;

/** A field's label; a field the catalogue does not name (a form-wide problem) by its name. */
export const fieldLabel = (locale: Locale, field: string): string =>
  t.lookup(locale, `accounts.field.${field}`) ?? field;

/** A problem from the services in the reader's language, falling back to a message per kind, then to its English. */
export function describeProblem(locale: Locale, p: Problem): string {
  const kind = p.code.split('.').pop() ?? 'invalid';
  return (
    t.lookup(locale, `accounts.problem.${p.code}`, p.params) ??
    t.lookup(locale, `accounts.problem.generic.${kind}`) ??
    p.message
  );
}

export const accountErrors = (locale: Locale, problems: readonly Problem[]): FieldError[] =>
  formErrors(problems, { describe: (p) => describeProblem(locale, p) });

/** The frame of an account page; `crumbs: false` for the pages that are the start of the account's pages. */
export function AccountFrame(p: {
  locale: Locale;
  title: string;
  path: string;
  children: ComponentChildren;
  crumbs?: boolean;
}) {
  const crumbs =
    p.crumbs === false
      ? undefined
      : [{ href: `/${p.locale}/account`, label: t(p.locale, 'accounts.title.account') }, { label: p.title }];
  return (
    <Page locale={p.locale} title={p.title} path={p.path} crumbs={crumbs}>
      {p.children}
    </Page>
  );
}

/** The error summary of an account form: each entry "Field: what is wrong", linking to the field. */
export function AccountErrors(p: { locale: Locale; errors: readonly FieldError[] }) {
  return <ErrorSummary locale={p.locale} errors={p.errors} labelOf={(field) => fieldLabel(p.locale, field)} />;
}

/** The top of an account page: its title, the notice of what was done, a secret shown only this once, the form's errors. */
export function AccountHead(p: {
  locale: Locale;
  title: string;
  done?: string | undefined;
  once?: { text: string; secret: string } | undefined;
  errors: readonly FieldError[];
}) {
  return (
    <>
      <h1>{p.title}</h1>
      <Notice text={p.done} />
      {p.once ? (
        <Notice text={p.once.text}>
          <code class="once">{p.once.secret}</code>
        </Notice>
      ) : null}
      <AccountErrors locale={p.locale} errors={p.errors} />
    </>
  );
}

/** A text input labelled from the catalogue. */
export function AccountInput(p: Omit<InputProps, 'label'>) {
  return <Input {...p} label={fieldLabel(p.locale, p.name)} />;
}

/** The field of a new password, with the rules it must keep. */
export function NewPasswordInput(p: { locale: Locale; errors: readonly FieldError[] }) {
  return (
    <AccountInput
      locale={p.locale}
      name="newPassword"
      type="password"
      errors={p.errors}
      autocomplete="new-password"
      hint={t(p.locale, 'accounts.hint.password')}
      required
    />
  );
}

/** A form that asks for the authenticator app's code: at sign-in, to enrol, to turn the second step off. */
export function CodeForm(p: {
  locale: Locale;
  action: string;
  csrfToken: string;
  errors: readonly FieldError[];
  button: string;
  hint?: string;
  /** Hidden fields that go with the code. */
  children?: ComponentChildren;
}) {
  return (
    <form method="post" action={p.action} class="stack" noValidate>
      <CsrfField token={p.csrfToken} />
      {p.children}
      <AccountInput
        locale={p.locale}
        name="code"
        errors={p.errors}
        autocomplete="one-time-code"
        inputMode="numeric"
        hint={p.hint}
        required
      />
      <button type="submit">{p.button}</button>
    </form>
  );
}

/** A moment, or "never" for one that has not come. */
export const when = (locale: Locale, iso: string | null) =>
  iso ? formatDateTime(locale, iso) : t(locale, 'accounts.tokens.never');
