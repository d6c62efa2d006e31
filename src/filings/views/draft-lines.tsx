// The lines of a draft: the table with edit and delete for each line, and the fields of one line (to add
// or to edit it), made from the columns of the format.
import type { Locale } from '../../domain/election.ts';
import { t } from '../../platform/i18n/i18n.ts';
import { CsrfInput } from '../../accounts/index.ts';
import { columnHeader, enumColumnLabels, filingColumns, type ColumnSpec, type EnumColumnKey } from '../core/filing-columns.ts';
import { fieldLabel } from '../core/filing-labels.ts';
import type { LineSection } from '../core/filing.ts';
import type { FormFields } from '../core/draft.ts';
import { money } from './common.tsx';
import { Input, rowId, Select, somText, type FormError } from './form.tsx';

function enumOptions(l: Locale, key: EnumColumnKey): Array<[string, string]> {
  return Object.entries(enumColumnLabels(key)).map(([k, label]) => [k, label[l]]);
}

export function LineFields(p: { locale: Locale; form: string; section: LineSection; values: FormFields; errors: FormError[]; receiptIds: string[] }) {
  const l = p.locale;
  return (
    <div class="grid-form">
      {filingColumns[p.section].map((col: ColumnSpec) => {
        const label = columnHeader(col.key, l);
        if (col.kind === 'enum') {
          return <Select key={col.key} form={p.form} name={col.key} label={label} errors={p.errors} value={p.values[col.key]} options={enumOptions(l, col.key)} required={col.required} />;
        }
        if (col.key === 'receiptLineId' && p.receiptIds.length > 0) {
          const options: Array<[string, string]> = p.receiptIds.map((id) => [id, id]);
          const current = p.values[col.key];
          if (current && !p.receiptIds.includes(current)) options.push([current, current]);
          return <Select key={col.key} form={p.form} name={col.key} label={label} errors={p.errors} value={current} options={options} required />;
        }
        const hint =
          col.key === 'lineId'
            ? t(l, 'filings.hint.lineId')
            : col.kind === 'amount'
              ? t(l, 'filings.hint.amount')
              : col.key === 'donorPin'
                ? t(l, 'filings.hint.pin')
                : undefined;
        return (
          <Input
            key={col.key}
            form={p.form}
            name={col.key}
            label={label}
            errors={p.errors}
            value={p.values[col.key]}
            type={col.kind === 'date' ? 'date' : 'text'}
            inputMode={col.kind === 'amount' ? 'decimal' : /Pin|Inn/.test(col.key) ? 'numeric' : undefined}
            hint={hint}
            required={col.required}
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
  for (const [k, v] of Object.entries(line)) out[k] = k === 'amount' && typeof v === 'number' ? somText(v) : v === undefined ? undefined : String(v);
  return out;
}

export function LinesTable(p: {
  locale: Locale;
  csrfToken: string;
  draftId: number;
  section: LineSection;
  lines: ReadonlyArray<Record<string, unknown> & { lineId: string }>;
  problemRows: Set<number>;
  canWrite: boolean;
}) {
  const l = p.locale;
  const cols = filingColumns[p.section].filter((c) => c.key !== 'lineId');
  if (p.lines.length === 0) return <p>{t(l, 'filings.lines.none')}</p>;
  const show = (key: string, v: unknown): string => {
    if (v === undefined) return '';
    if (key === 'amount' && typeof v === 'number') return money(l, v);
    const col = cols.find((c) => c.key === key);
    if (col?.kind === 'enum') return enumColumnLabels(col.key)[String(v)]?.[l] ?? String(v);
    return String(v);
  };
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">№</th>
            <th scope="col">{fieldLabel('lineId', l)}</th>
            {cols.map((c) => (
              <th key={c.key} scope="col" class={c.kind === 'amount' ? 'num' : undefined}>
                {columnHeader(c.key, l)}
              </th>
            ))}
            {p.canWrite ? <th scope="col">{t(l, 'filings.lines.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {p.lines.map((line, i) => (
            <tr key={`${line.lineId}-${i}`} id={rowId(p.section, i + 1)} class={p.problemRows.has(i + 1) ? 'has-problem' : undefined}>
              <td>{i + 1}</td>
              <th scope="row">{line.lineId}</th>
              {cols.map((c) => (
                <td key={c.key} class={c.kind === 'amount' ? 'num' : undefined}>
                  {show(c.key, line[c.key])}
                </td>
              ))}
              {p.canWrite ? (
                <td>
                  <a href={`/${l}/treasurer/drafts/${p.draftId}/lines/${p.section}/${i}`}>{t(l, 'filings.lines.edit', { id: line.lineId })}</a>{' '}
                  <form method="post" action={`/${l}/treasurer/drafts/${p.draftId}/lines/${p.section}/${i}/delete`} class="inline">
                    <CsrfInput token={p.csrfToken} />
                    <input type="hidden" name="expectedLineId" value={line.lineId} />
                    <button type="submit" class="link">
                      {t(l, 'filings.lines.delete', { id: line.lineId })}
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

