import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import {
  Layout,
  Page,
  DataTable,
  Pager,
  ErrorSummary,
  formErrors,
  Input,
  Select,
  CsrfField,
  FilterForm,
  Money,
  Day,
} from './index.ts';
import type { Tyiyn } from '../../domain/money.ts';

const html = (v: preact.VNode) => renderToString(v);

describe('web kit components', () => {
  it('Page without staff links renders as Layout does; with them, adds the staff navigation', () => {
    const plain = html(
      <Layout locale="en" title="T" path="/x" crumbs={[{ label: 'Here' }]} synthetic>
        body
      </Layout>,
    );
    expect(
      html(
        <Page locale="en" title="T" path="/x" crumbs={[{ label: 'Here' }]} synthetic>
          body
        </Page>,
      ),
    ).toBe(plain);
    const staff = html(
      <Page locale="en" title="T" path="/x" staff={[{ href: '/en/treasurer', label: 'Reports' }]}>
        body
      </Page>,
    );
    expect(staff).toContain(
      '<nav class="staff" aria-label="Staff pages"><ul><li><a href="/en/treasurer">Reports</a></li></ul></nav>',
    );
  });

  it('formErrors and ErrorSummary link each problem to its field', () => {
    const errors = formErrors(
      [
        { code: 'form.too_small', message: 'short', field: 'receipts[2].name' },
        { code: 'x', message: 'elsewhere', field: 'unknown' },
        { code: 'import.bad', message: 'row 3', row: 3, field: 'B' },
      ],
      { describe: (p) => p.message, fields: ['name'], fallback: 'form', fileField: 'file' },
    );
    expect(errors).toEqual([
      { field: 'name', text: 'short' },
      { field: 'form', text: 'elsewhere' },
      { field: 'file', text: 'row 3', located: true },
    ]);
    const out = html(<ErrorSummary locale="en" errors={errors} labelOf={(f) => ({ name: 'Name' })[f]} />);
    expect(out).toContain('<a href="#f-name">Name: short</a>');
    expect(out).toContain('<a href="#f-file">row 3</a>');
    expect(out).toContain('There is a problem');
    expect(html(<Input locale="en" name="name" label="Name" errors={errors} value="A" />)).toContain(
      'aria-invalid="true" aria-describedby="f-name-error"',
    );
  });

  it('fields, CSRF, filters', () => {
    expect(
      html(<Select locale="ru" name="k" label="K" options={[{ value: 'a', label: 'A' }]} placeholder />),
    ).toContain('— выберите —');
    expect(html(<CsrfField token="tok" />)).toBe('<input type="hidden" name="_csrf" value="tok"/>');
    const f = html(
      <FilterForm locale="en" action="/en/x" hidden={{ sort: 'amount', order: '' }} resetHref="/en/x">
        c
      </FilterForm>,
    );
    expect(f).toBe(
      '<form class="filters" method="get" action="/en/x" aria-label="Filters">c<input type="hidden" name="sort" value="amount"/><button type="submit">Show</button><a href="/en/x">Clear filters</a></form>',
    );
  });

  it('DataTable renders columns, numeric cells, sort links and the empty text', () => {
    const rows = [{ d: '2026-01-02', a: 12345 as Tyiyn }];
    const columns = [
      { key: 'date', label: 'Date', cell: (r: (typeof rows)[number]) => <Day iso={r.d} locale="en" />, sortable: true },
      {
        key: 'amount',
        label: 'Amount',
        cell: (r: (typeof rows)[number]) => <Money amount={r.a} locale="en" />,
        numeric: true,
      },
    ];
    const out = html(
      <DataTable
        locale="en"
        columns={columns}
        rows={rows}
        caption="Receipts"
        captionClass="sr-only"
        sort={{ column: 'date', order: 'desc', href: (c, o) => `?sort=${c}&order=${o}` }}
      />,
    );
    expect(out).toContain('<div class="table-wrap"><table><caption class="sr-only">Receipts</caption>');
    expect(out).toContain('aria-sort="descending"><a href="?sort=date&amp;order=asc">');
    expect(out).toContain('<td class="num">123.45 KGS</td>');
    expect(out).toContain('<td>2 January 2026</td>');
    expect(html(<DataTable locale="en" columns={columns} rows={[]} empty="None." />)).toBe('<p>None.</p>');
    const withFoot = html(
      <DataTable
        locale="en"
        columns={columns}
        rows={rows}
        rowId={(r) => `line-${r.d}`}
        foot={
          <tr>
            <th scope="row">Total</th>
            <td class="num">1</td>
          </tr>
        }
      />,
    );
    expect(withFoot).toContain('<tr id="line-2026-01-02">');
    expect(withFoot).toContain(
      '</tbody><tfoot><tr><th scope="row">Total</th><td class="num">1</td></tr></tfoot></table>',
    );
  });

  it('Pager', () => {
    expect(html(<Pager locale="en" shown={1} firstHref="/a" nextHref="/a?cursor=x" />)).toBe(
      '<nav class="pager" aria-label="Pages"><span class="muted">1 line on this page</span><a href="/a">First page</a><a href="/a?cursor=x" rel="next">Next page →</a></nav>',
    );
  });
});
