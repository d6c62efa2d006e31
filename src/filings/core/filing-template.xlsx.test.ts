import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { LOCALES, type Locale } from '../../domain/election.ts';
import { findRulesProfile } from '../../domain/rules-profile.ts';
import { buildFiling } from './filing-build.ts';
import { columnHeader, filingColumns, sheetNames, type EnumColumnKey } from './filing-columns.ts';
import { EXAMPLE_TODAY, exampleFiling, exampleFilingDraft } from './filing-examples.ts';
import { enumLabels } from './filing-labels.ts';
import { parseLinesXlsx } from './filing-lines-import.ts';
import { LINE_SECTIONS } from './filing.ts';
import { LISTS_SHEET, TEMPLATE_ROWS, buildFilingTemplate } from './filing-template.xlsx.ts';
import { validateFiling } from './filing-validation.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The labels a person would pick from a column's drop-down: read from the Lists sheet the list points at. */
function dropDown(wb: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, column: number): string[] {
  const formula = String(sheet.getCell(10, column).dataValidation.formulae[0]);
  const m = /^Lists!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula);
  if (!m) throw new Error(`not a list range: ${formula}`);
  const lists = wb.getWorksheet(LISTS_SHEET)!;
  const out: string[] = [];
  for (let r = Number(m[2]); r <= Number(m[3]); r++) out.push(String(lists.getCell(`${m[1]}${r}`).value));
  return out;
}

describe('buildFilingTemplate', () => {
  it.each(LOCALES)('%s: one sheet per section with localised headers, and a hidden Lists sheet', async (locale) => {
    const wb = await load(await buildFilingTemplate(locale));
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(
      [LISTS_SHEET, 'Expenditures', 'Receipts', 'Refunds'].sort(),
    );
    expect(wb.getWorksheet(LISTS_SHEET)!.state).toBe('hidden');
    for (const section of LINE_SECTIONS) {
      const ws = wb.getWorksheet(sheetNames[section])!;
      expect(ws.state).toBe('visible');
      const headers = filingColumns[section].map((_, i) => ws.getCell(1, i + 1).value);
      expect(headers).toEqual(
        filingColumns[section].map((c) => `${columnHeader(c.key, locale)}${c.required ? ' *' : ''}`),
      );
    }
  });

  it.each(LOCALES)('%s: drop-downs on every enum column list the labels of the locale', async (locale: Locale) => {
    const wb = await load(await buildFilingTemplate(locale));
    for (const section of LINE_SECTIONS) {
      const ws = wb.getWorksheet(sheetNames[section])!;
      for (const [i, col] of filingColumns[section].entries()) {
        const first = ws.getCell(2, i + 1).dataValidation;
        const last = ws.getCell(TEMPLATE_ROWS + 1, i + 1).dataValidation;
        if (col.kind === 'enum') {
          expect(first.type).toBe('list');
          expect(last.formulae).toEqual(first.formulae);
          const expected = Object.values(enumLabels[col.key]).map((l) => l[locale]);
          expect(dropDown(wb, ws, i + 1)).toEqual(expected);
        } else if (col.kind === 'amount') {
          expect(first).toMatchObject({ type: 'decimal', operator: 'greaterThan' });
        } else {
          expect(first).toBeUndefined();
        }
      }
    }
  });

  it('keeps identity numbers as text, so that leading zeros survive', async () => {
    const wb = await load(await buildFilingTemplate('ru'));
    const ws = wb.getWorksheet('Receipts')!;
    const pinColumn = filingColumns.receipts.findIndex((c) => c.key === 'donorPin') + 1;
    expect(ws.getColumn(pinColumn).numFmt).toBe('@');
  });

  it.each(LOCALES)('%s: a template filled in with drop-down values reads back as the same lines', async (locale) => {
    const wb = await load(await buildFilingTemplate(locale));
    const example = exampleFiling();
    // Choose the label at the position of the value, as a person would in the drop-down.
    const pick = (ws: ExcelJS.Worksheet, column: number, key: EnumColumnKey, value: string): string =>
      dropDown(wb, ws, column)[Object.keys(enumLabels[key]).indexOf(value)]!;

    for (const section of LINE_SECTIONS) {
      const ws = wb.getWorksheet(sheetNames[section])!;
      for (const [r, line] of example[section].entries()) {
        for (const [c, col] of filingColumns[section].entries()) {
          const value = (line as Record<string, unknown>)[col.key];
          if (value === undefined) continue;
          const cell = ws.getCell(r + 2, c + 1);
          if (col.kind === 'enum') cell.value = pick(ws, c + 1, col.key, String(value));
          else if (col.kind === 'amount') {
            // Alternate numbers and text as people type them: 1500.5 and "1 500,50".
            const n = Number(value) / 100;
            cell.value =
              r % 2 === 0
                ? n
                : n
                    .toFixed(2)
                    .replace('.', ',')
                    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
          } else if (col.kind === 'date') {
            const [y, m, d] = String(value).split('-').map(Number) as [number, number, number];
            cell.value =
              r % 2 === 0
                ? new Date(Date.UTC(y, m - 1, d))
                : `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
          } else cell.value = String(value);
        }
      }
    }
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());

    const parsed = await parseLinesXlsx(filled);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.map((p) => p.message)));
    expect(parsed.value.warnings).toEqual([]);
    expect(parsed.value.receipts).toEqual(example.receipts);
    expect(parsed.value.expenditures).toEqual(example.expenditures);
    expect(parsed.value.refunds).toEqual(example.refunds);

    const rebuilt = buildFiling({ ...exampleFilingDraft(), ...parsed.value });
    expect(
      validateFiling(rebuilt, { today: EXAMPLE_TODAY, rules: findRulesProfile('kg-2020-parliament')! }).problems,
    ).toEqual([]);
  });

  it('reads an untouched template as a report without lines', async () => {
    const parsed = await parseLinesXlsx(await buildFilingTemplate('ky'));
    expect(parsed).toEqual({ ok: true, value: { receipts: [], expenditures: [], refunds: [], warnings: [] } });
  });
});
