// What every commission screen shares (the commission's home is the elections' list, so the
// elections capability holds it): the screens' addresses, the page frame with the commission in the
// breadcrumbs, problems in the reader's words and the error summary of a refused form. The building
// blocks themselves (page, fields, summary, notices) are the web kit's.
import type { ComponentChildren } from 'preact';
import { ErrorSummary, formErrors, Page, type Crumb, type FieldError } from '../../platform/web/index.ts';
import type { MessageParams } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { t } from '../election.messages.ts';

// ---------------------------------------------------------------- addresses

export const enc = encodeURIComponent;
export const commissionHomePath = (l: Locale): string => `/${l}/commission`;
// The forms have paths of their own, so that no election id or registration number can shadow them.
export const newElectionPath = (l: Locale): string => `/${l}/commission/new-election`;
export const electionsPath = (l: Locale): string => `/${l}/commission/elections`;
export const commissionElectionPath = (l: Locale, id: string): string => `/${l}/commission/elections/${enc(id)}`;
export const newPartyPath = (l: Locale, id: string): string => `${commissionElectionPath(l, id)}/register-party`;
export const partiesPath = (l: Locale, id: string): string => `${commissionElectionPath(l, id)}/parties`;
export const commissionPartyPath = (l: Locale, id: string, reg: string): string =>
  `${commissionElectionPath(l, id)}/parties/${enc(reg)}`;
export const activityPath = (l: Locale, id: string): string => `${commissionElectionPath(l, id)}/activity`;

// ---------------------------------------------------------------- problems in words

/** What of a capability's translator the problems need: its catalogues looked up by a key made at run time. */
export interface Lookup {
  lookup(locale: Locale, key: string, params?: MessageParams): string | undefined;
}

function translated(tr: Lookup, l: Locale, key: string, params?: MessageParams): string | undefined {
  try {
    return tr.lookup(l, key, params);
  } catch {
    return undefined; // the translation needs a parameter this problem does not carry
  }
}

/**
 * A problem in the reader's language, from `commission.problem.<code>` of the capability's catalogues
 * (`tr`); the English of the Problem when they lack it.
 */
export function problemText(tr: Lookup, l: Locale, p: Problem): string {
  // Row numbers are shown as they are, without a thousands separator.
  const params: MessageParams = {
    ...(p.row !== undefined ? { row: String(p.row) } : {}),
    ...(p.field ? { column: p.field } : {}),
  };
  for (const [k, v] of Object.entries(p.params ?? {})) params[k] = k === 'row' || k === 'other' ? String(v) : v;
  if (p.code.startsWith('list_rule.')) {
    const rule = tr.lookup(l, `rule.${p.code.slice('list_rule.'.length)}`) ?? p.code;
    return (
      translated(tr, l, 'commission.problem.list_rule', {
        rule,
        actual: String(p.params?.actual ?? ''),
        required: String(p.params?.required ?? ''),
      }) ?? p.message
    );
  }
  return translated(tr, l, `commission.problem.${p.code}`, params) ?? p.message;
}

export interface CommissionForm {
  /** The form's fields; a problem about anything else is shown at `fallbackField`. */
  formFields: readonly string[];
  fallbackField: string;
  /** Where problems of an uploaded file (rows, columns, list rules) are shown: they name the file's column, not a form field. */
  fileField?: string;
}

const fromFile = (p: Problem) => p.code.startsWith('import.') || p.code.startsWith('list_rule.');

/** A refused form's problems as the errors of its fields, in the reader's language. */
export function commissionErrors(
  tr: Lookup,
  l: Locale,
  problems: readonly Problem[],
  form: CommissionForm,
): FieldError[] {
  return formErrors(problems, {
    describe: (p) => problemText(tr, l, p),
    fields: form.formFields,
    fallback: form.fallbackField,
    fileField: form.fileField ?? form.fallbackField,
    fromFile,
  });
}

/** The label of a commission form's field, from `commission.field.<name>` of the capability's catalogues. */
export const fieldLabel = (tr: Lookup, l: Locale, name: string): string =>
  tr.lookup(l, `commission.field.${name}`) ?? name;

// ---------------------------------------------------------------- page frame

export function CommissionPage(p: {
  l: Locale;
  title: string;
  path: string;
  crumbs?: Crumb[];
  synthetic?: boolean;
  children: ComponentChildren;
}) {
  return (
    <Page
      locale={p.l}
      title={p.title}
      path={p.path}
      synthetic={p.synthetic}
      crumbs={
        p.crumbs ? [{ href: commissionHomePath(p.l), label: t(p.l, 'commission.crumb') }, ...p.crumbs] : undefined
      }
    >
      {p.children}
    </Page>
  );
}

/** The error summary of a refused commission form; after a refused file it says that nothing was saved. */
export function CommissionErrors(p: { l: Locale; errors: readonly FieldError[]; tr: Lookup }) {
  return (
    <ErrorSummary
      locale={p.l}
      errors={p.errors}
      labelOf={(field) => fieldLabel(p.tr, p.l, field)}
      intro={p.errors.some((e) => e.located) ? t(p.l, 'commission.errors.nothingSaved') : undefined}
    />
  );
}
