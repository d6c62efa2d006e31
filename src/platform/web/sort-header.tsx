// A sortable column's header: a link that sorts by the column (largest or newest first on the first
// click, the other way round on the second), with the current order for screen readers.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { t } from '../i18n/portal.messages.ts';

export type SortOrder = 'asc' | 'desc';

/** How a table is sorted now, and the address of the same listing sorted otherwise. */
export interface SortState {
  column: string;
  order: SortOrder;
  href: (column: string, order: SortOrder) => string;
}

export function SortHeader(p: {
  locale: Locale;
  column: string;
  text: string;
  sort: SortState;
  numeric?: boolean | undefined;
  children?: ComponentChildren;
}) {
  const l = p.locale;
  const current = p.sort.column === p.column;
  const order: SortOrder = current && p.sort.order === 'desc' ? 'asc' : 'desc';
  return (
    <th
      scope="col"
      class={p.numeric ? 'num' : undefined}
      aria-sort={current ? (p.sort.order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <a href={p.sort.href(p.column, order)}>
        {p.text}
        {current ? <span aria-hidden="true">{p.sort.order === 'asc' ? ' ▲' : ' ▼'}</span> : null}
        <span class="sr-only">
          {' '}
          — {t(l, 'web.sort.by', { column: p.text, order: t(l, order === 'asc' ? 'web.sort.asc' : 'web.sort.desc') })}
        </span>
      </a>
    </th>
  );
}
