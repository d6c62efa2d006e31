// A table from column definitions: header cells (sort links where a column is sortable and the table
// is given a sort state), one row per item, numeric columns right-aligned, a caption, and a text for
// no rows. Wrapped in a horizontally scrollable box by default, so wide tables work on phones.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { SortHeader, type SortState } from './sort-header.tsx';

export interface Column<Row> {
  key: string;
  label: string;
  cell: (row: Row, index: number) => ComponentChildren;
  /** Right-aligned, tabular figures (`class="num"`). */
  numeric?: boolean;
  /** Sorted by a link in the header, when the table has a `sort` state. */
  sortable?: boolean;
  /** The cell names the row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** A class for the column's body cells (besides `num`). */
  class?: string;
}

export interface DataTableProps<Row> {
  locale: Locale;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  caption?: ComponentChildren;
  /** A class for the caption (`sr-only` for a caption only screen readers need). */
  captionClass?: string;
  /** Shown instead of the table when there are no rows; without it an empty table is rendered. */
  empty?: ComponentChildren;
  /** In a horizontally scrollable box (default true). */
  wrap?: boolean;
  sort?: SortState;
  rowKey?: (row: Row, index: number) => string | number;
  /** A class per row (highlighting). */
  rowClass?: (row: Row) => string | undefined;
  /** An id per row, for links to a line (`#receipt-R-3`). */
  rowId?: (row: Row, index: number) => string | undefined;
  /** Rows after the body (`<tfoot>`): totals. */
  foot?: ComponentChildren;
  /** The table's own class. */
  class?: string;
}

function cellClass<Row>(c: Column<Row>): string | undefined {
  return [c.numeric ? 'num' : '', c.class ?? ''].filter(Boolean).join(' ') || undefined;
}

export function DataTable<Row>(p: DataTableProps<Row>) {
  if (p.rows.length === 0 && p.empty !== undefined) return <p>{p.empty}</p>;
  const table = (
    <table class={p.class}>
      {p.caption !== undefined ? <caption class={p.captionClass}>{p.caption}</caption> : null}
      <thead>
        <tr>
          {p.columns.map((c) =>
            c.sortable && p.sort ? (
              <SortHeader
                key={c.key}
                locale={p.locale}
                column={c.key}
                text={c.label}
                sort={p.sort}
                numeric={c.numeric}
              />
            ) : (
              <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((row, i) => (
          <tr key={p.rowKey ? p.rowKey(row, i) : i} id={p.rowId?.(row, i)} class={p.rowClass?.(row)}>
            {p.columns.map((c) =>
              c.rowHeader ? (
                <th key={c.key} scope="row" class={cellClass(c)}>
                  {c.cell(row, i)}
                </th>
              ) : (
                <td key={c.key} class={cellClass(c)}>
                  {c.cell(row, i)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {p.foot !== undefined ? <tfoot>{p.foot}</tfoot> : null}
    </table>
  );
  return p.wrap === false ? table : <div class="table-wrap">{table}</div>;
}
