// What the staff forms of finance reports add to the web kit's: where on the draft page a problem is
// fixed (a field, a line of a table, the scans), problems of the services as errors of the form's fields,
// and amounts shown back in som.
import type { Locale } from '../../domain/election.ts';
import { toDecimalString, tyiyn } from '../../domain/money.ts';
import type { Problem } from '../../platform/result.ts';
import { fieldId, formErrors, type FieldError } from '../../platform/web/index.ts';
import { LINE_SECTIONS, type LineSection } from '../core/filing.ts';
import { headerFormField } from '../core/draft.ts';
import { describeProblem, t } from '../filing.messages.ts';

export const rowId = (section: LineSection, row: number) => `${section}-row-${row}`;

/** Where on the draft page a problem of the check (or of a refused submission) is to be fixed. */
export function problemTarget(p: Problem): string {
  const section = p.params?.section;
  if (typeof section === 'string' && (LINE_SECTIONS as readonly string[]).includes(section) && p.row !== undefined)
    return rowId(section as LineSection, p.row);
  if (section === 'attachments') return 'scans';
  const header = headerFormField(p.field);
  if (header) return fieldId(header, 'header');
  return 'header';
}

/** The field of `form` a problem is about: `receipts[3].date` → `date`, `header.account.bank` → `bank`. */
function fieldNameOf(form: string, p: Problem): string | undefined {
  if (form === 'header') return headerFormField(p.field);
  if (p.field && /^(receipts|expenditures|refunds)\[\d+\]\./.test(p.field)) return p.field.split('.').pop();
  if (p.field?.startsWith('header.')) return p.field.split('.').pop();
  return p.field;
}

/** Problems of a form as errors of its fields; one that names no field is the form's (`form-<name>`). */
export function filingFormErrors(locale: Locale, form: string, problems: readonly Problem[]): FieldError[] {
  return formErrors(problems, {
    describe: (p) => describeProblem(p, locale),
    fieldOf: (p) => fieldNameOf(form, p) ?? '',
    targetOf: (p) => {
      const name = fieldNameOf(form, p);
      return name ? fieldId(name, form) : `form-${form}`;
    },
  });
}

/** An error shown at an element of the page rather than at a field of the form. */
export const errorAt = (target: string, text: string, field = ''): FieldError => ({ field, text, target });

export const somText = (n: number | undefined) => (n === undefined ? '' : toDecimalString(tyiyn(n)));

export const treasurerCrumbs = (l: Locale) => [{ href: `/${l}/treasurer`, label: t(l, 'filings.treasurer.title') }];
