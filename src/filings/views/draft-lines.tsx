// The lines of a draft: the table with edit and delete for each line, and the fields of one line (to add
// or to edit it), made from the columns of the format.
import type { Locale } from '../../domain/election.ts';
import {
  CsrfField,
  DataTable,
  day,
  Input,
  Select,
  type Column,
  type FieldError,
  type SelectOption,
} from '../../platform/web/index.ts';
import { t } from '../filing.messages.ts';
import {
  columnHeader,
  enumColumnLabels,
  filingColumns,
  type ColumnSpec,
  type EnumColumnKey,
} from '../core/filing-columns.ts';
import { fieldLabel } from '../core/filing-labels.ts';
import type { LineSection } from '../core/filing.ts';
import type { FormFields } from '../core/draft.ts';
import { money } from './common.tsx';
import { rowId, somText } from './form-errors.ts';

function enumOptions(l: Locale, key: EnumColumnKey): SelectOption[] {
  return Object.entries(enumColumnLabels(key)).map(([value, label]) => ({ value, label: label[l] }));
}

function hintOf(l: Locale, col: ColumnSpec): string | undefined {
  if (col.key === 'lineId') return t(l, 'filings.hint.lineId');
  if (col.kind === 'amount') return t(l, 'filings.hint.amount');
  if (col.key === 'donorPin') return t(l, 'filings.hint.pin');
  return undefined;
}

/**
 * The choices of a column offered as a list: the values of an enumeration, or the receipts a refund may
 * return (with the one it names already, should that receipt be gone). None for a column typed freely.
 */
function optionsOf(
  l: Locale,
  col: ColumnSpec,
  current: string | undefined,
  receiptIds: string[],
): SelectOption[] | undefined {
  if (col.kind === 'enum') return enumOptions(l, col.key);
  if (col.key !== 'receiptLineId' || receiptIds.length === 0) return undefined;
  const ids = current && !receiptIds.includes(current) ? [...receiptIds, current] : receiptIds;
  return ids.map((id) => ({ value: id, label: id }));
}

export function LineFields(p: {
  locale: Locale;
  form: string;
  section: LineSection;
  values: FormFields;
  errors: FieldError[];
  receiptIds: string[];
}) {
  const l = p.locale;
  return (
    <div class="grid-form">
      {filingColumns[p.section].map((col) => {
        const field = {
          locale: l,
          form: p.form,
          errors: p.errors,
          name: col.key,
          label: columnHeader(col.key, l),
          value: p.values[col.key],
          required: col.required,
        };
        const options = optionsOf(l, col, field.value, p.receiptIds);
        if (options) return <Select key={col.key} {...field} options={options} placeholder={!col.required} />;
        return (
          <Input
            key={col.key}
            {...field}
            type={col.kind === 'date' ? 'date' : 'text'}
            inputMode={col.kind === 'amount' ? 'decimal' : /Pin|Inn/.test(col.key) ? 'numeric' : undefined}
            hint={hintOf(l, col)}
          />
        );
      })}
    </div>
  );
}

/** A line of the body as form values: amounts back into som. */
export function lineValues(line: Record<string, unknown> | undefined): FormFields {
  const out: FormFields = {};
  if (!line) return out;
  for (const [k, v] of Object.entries(line))
    out[k] = k === 'amount' && typeof v === 'number' ? somText(v) : v === undefined ? undefined : String(v);
  return out;
}

type DraftLine = Record<string, unknown> & { lineId: string };

export function LinesTable(p: {
  locale: Locale;
  csrfToken: string;
  draftId: number;
  section: LineSection;
  lines: ReadonlyArray<DraftLine>;
  problemRows: Set<number>;
  canWrite: boolean;
}) {
  const l = p.locale;
  if (p.lines.length === 0) return <p>{t(l, 'filings.lines.none')}</p>;
  const show = (col: ColumnSpec, v: unknown): string => {
    if (v === undefined) return '';
    if (col.key === 'amount' && typeof v === 'number') return money(l, v);
    if (col.kind === 'enum') return enumColumnLabels(col.key)[String(v)]?.[l] ?? String(v);
    if (col.kind === 'date' && typeof v === 'string') return day(v, l);
    return String(v);
  };
  const path = (i: number) => `/${l}/treasurer/drafts/${p.draftId}/lines/${p.section}/${i}`;
  const columns: Column<{ line: DraftLine; i: number }>[] = [
    { key: 'row', label: '№', cell: (r) => r.i + 1 },
    { key: 'lineId', label: fieldLabel('lineId', l), rowHeader: true, cell: (r) => r.line.lineId },
    ...filingColumns[p.section]
      .filter((c) => c.key !== 'lineId')
      .map((c): Column<{ line: DraftLine; i: number }> => ({
        key: c.key,
        label: columnHeader(c.key, l),
        numeric: c.kind === 'amount',
        cell: (r) => show(c, r.line[c.key]),
      })),
  ];
  if (p.canWrite) {
    columns.push({
      key: 'actions',
      label: t(l, 'filings.lines.actions'),
      cell: ({ line, i }) => (
        <>
          <a href={path(i)}>{t(l, 'filings.lines.edit', { id: line.lineId })}</a>{' '}
          <form method="post" action={`${path(i)}/delete`} class="inline">
            <CsrfField token={p.csrfToken} />
            <input type="hidden" name="expectedLineId" value={line.lineId} />
            <button type="submit" class="link">
              {t(l, 'filings.lines.delete', { id: line.lineId })}
            </button>
          </form>
        </>
      ),
    });
  }
  return (
    <DataTable
      locale={l}
      columns={columns}
      rows={p.lines.map((line, i) => ({ line, i }))}
      rowKey={(r) => `${r.line.lineId}-${r.i}`}
      rowId={(r) => rowId(p.section, r.i + 1)}
      rowClass={(r) => (p.problemRows.has(r.i + 1) ? 'has-problem' : undefined)}
    />
  );
}
