// The confirmation step of an action that cannot be taken back, without JavaScript: the first post (without
// `confirmed=1`) answers with this page, which says what is about to happen and posts the same fields
// again with `confirmed=1` and the CSRF token; nothing is written until that second post. The labels come
// from the capability that asks, in the page's language.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { CsrfField, CSRF_FIELD } from './csrf.tsx';
import { formValues } from './form.ts';
import { renderPage } from './layout.tsx';
import { Page, type Crumb } from './page.tsx';

/** The field a confirmed post carries, and its value. */
export const CONFIRM_FIELD = 'confirmed';
export const CONFIRM_VALUE = '1';

/** Whether a form body is the confirmed second post. */
export function isConfirmed(body: unknown): boolean {
  return formValues(body)[CONFIRM_FIELD] === CONFIRM_VALUE;
}

/** The text fields of a form body as first sent, without the CSRF token and the confirmation. */
export function fieldsToRepost(body: unknown): Record<string, string> {
  const { [CSRF_FIELD]: _csrf, [CONFIRM_FIELD]: _confirmed, ...fields } = formValues(body);
  return fields;
}

export interface ConfirmPageProps {
  locale: Locale;
  /** The page's heading: the action as a question ("Submit this report?"). */
  title: string;
  /** The page's path without the locale prefix, for the language switcher. */
  path: string;
  crumbs?: Crumb[];
  /** What is about to happen and that it cannot be undone. */
  children: ComponentChildren;
  /** Where the form posts: the same URL as the first post. */
  action: string;
  /** The fields of the first post, sent again unchanged. */
  fields: Record<string, string>;
  csrfToken: string;
  yesLabel: string;
  /** Where "cancel" leads, and its label. */
  backHref: string;
  backLabel: string;
}

/** The confirmation page as HTML, to send with a private cache header. */
export function ConfirmPage(p: ConfirmPageProps): string {
  return renderPage(
    <Page locale={p.locale} title={p.title} path={p.path} crumbs={p.crumbs}>
      <h1>{p.title}</h1>
      <div class="note-box" role="note">
        {p.children}
      </div>
      <form method="post" action={p.action} class="stack" id="form-confirm">
        <CsrfField token={p.csrfToken} />
        {Object.entries(p.fields).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
        <p>
          <button type="submit">{p.yesLabel}</button> <a href={p.backHref}>{p.backLabel}</a>
        </p>
      </form>
    </Page>,
  );
}
