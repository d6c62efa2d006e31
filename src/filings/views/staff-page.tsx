// What the staff pages of finance reports (the treasurer's workspace, the draft editor, the commission's
// review) share: the frame with the title, what just went through and what a refused form got wrong; their
// forms; and the plain required fields those forms are made of.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import {
  CsrfField,
  ErrorSummary,
  Input,
  Notice,
  Page,
  type Crumb,
  type FieldError,
  type InputProps,
} from '../../platform/web/index.ts';
import { t } from '../filing.messages.ts';
import type { FormFields } from '../core/draft.ts';

/**
 * The frame of a staff page: the title as its heading, what is said right under it (`lead`), then the
 * notice of a change and the errors of a form.
 */
export function StaffPage(p: {
  locale: Locale;
  title: string;
  path: string;
  crumbs: Crumb[];
  lead?: ComponentChildren;
  done?: string | undefined;
  errors?: readonly FieldError[] | undefined;
  children: ComponentChildren;
}) {
  const l = p.locale;
  return (
    <Page locale={l} title={p.title} path={p.path} crumbs={p.crumbs}>
      <h1>{p.title}</h1>
      {p.lead}
      <Notice text={p.done} />
      <ErrorSummary locale={l} errors={p.errors ?? []} title={t(l, 'filings.errors.title')} />
      {p.children}
    </Page>
  );
}

/**
 * A form of a staff page, posted with its CSRF token. The browser's own checks are off so that the server
 * answers a refused form with every error at once, each linked from the summary.
 */
export function StaffForm(p: {
  action: string;
  id: string;
  csrfToken: string;
  /** Uploads a file. */
  multipart?: boolean;
  children: ComponentChildren;
}) {
  return (
    <form
      method="post"
      action={p.action}
      encType={p.multipart ? 'multipart/form-data' : undefined}
      class="stack"
      id={p.id}
      noValidate
    >
      <CsrfField token={p.csrfToken} />
      {p.children}
    </form>
  );
}

/** A field of `RequiredInputs`: its name in the form and how it is shown. */
export type InputSpec = Pick<InputProps, 'name' | 'label' | 'type' | 'inputMode' | 'hint'>;

/** Required text fields of one form, in the given order, each with its value and its own errors. */
export function RequiredInputs(p: {
  locale: Locale;
  form: string;
  errors: readonly FieldError[];
  values: FormFields;
  fields: readonly InputSpec[];
}) {
  return (
    <>
      {p.fields.map((f) => (
        <Input
          key={f.name}
          {...f}
          locale={p.locale}
          form={p.form}
          errors={p.errors}
          value={p.values[f.name]}
          required
        />
      ))}
    </>
  );
}
