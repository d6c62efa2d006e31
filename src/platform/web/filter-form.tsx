// The filters of a listing: a GET form, so a filtered listing has its own address and works without
// JavaScript. The caller gives the filter controls; hidden fields keep state the form does not show
// (the sort), and "clear filters" leads back to the unfiltered listing.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { t } from '../i18n/portal.messages.ts';

export interface FilterFormProps {
  locale: Locale;
  action: string;
  /** Kept as hidden fields (empty values are left out). */
  hidden?: Record<string, string | undefined>;
  /** The unfiltered listing; the link is shown only when given (i.e. when a filter is set). */
  resetHref?: string | null | undefined;
  children: ComponentChildren;
}

export function FilterForm(p: FilterFormProps) {
  const l = p.locale;
  return (
    <form class="filters" method="get" action={p.action} aria-label={t(l, 'web.filter.label')}>
      {p.children}
      {Object.entries(p.hidden ?? {}).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <button type="submit">{t(l, 'web.filter.apply')}</button>
      {p.resetHref ? <a href={p.resetHref}>{t(l, 'web.filter.reset')}</a> : null}
    </form>
  );
}

/** A labelled control of a filter form (label above the control, as `form.filters` lays it out). */
export function Filter(p: { label: string; children: ComponentChildren }) {
  return (
    <label>
      {p.label}
      {p.children}
    </label>
  );
}
