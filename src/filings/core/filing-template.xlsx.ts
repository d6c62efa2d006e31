// The XLSX template treasurers fill in offline: one sheet per section with the importer's columns, headers
// in the chosen locale, drop-down lists for every enum column (fed from a hidden Lists sheet, so that the
// lists can be long and localised), and formats that keep PINs and INNs as text.
import type ExcelJS from 'exceljs';
import type { Locale, Localized } from '../../domain/election.ts';
import { LINE_SECTIONS } from './filing.ts';
import { columnHeader, enumColumnLabels, filingColumns, sheetNames, type EnumColumnKey } from './filing-columns.ts';

/** Rows that carry drop-downs and formats; a report with more lines can use more CSV files or rows. */
export const TEMPLATE_ROWS = 2000;
export const LISTS_SHEET = 'Lists';

/** exceljs keeps range validations in a model its typings do not declare. */
interface SheetWithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

const ENUM_COLUMNS: readonly EnumColumnKey[] = ['donorType', 'channel', 'category', 'kind', 'reason'];

const words = {
  chooseTitle: { ky: 'Тизмеден тандаңыз', ru: 'Выберите из списка', en: 'Choose from the list' },
  chooseText: {
    ky: 'Бул тилкеге тизмедеги маанилердин бирин гана жазууга болот.',
    ru: 'В этот столбец можно ввести только значение из списка.',
    en: 'This column takes one of the values of the list only.',
  },
  amountTitle: { ky: 'Сумма', ru: 'Сумма', en: 'Amount' },
  amountText: {
    ky: 'Сумманы сом менен жазыңыз, үтүрдөн кийин эки белгиден ашпасын, мисалы 1500,50.',
    ru: 'Укажите сумму в сомах, не более двух знаков после запятой, например 1500,50.',
    en: 'Enter the amount in som with at most two decimals, for example 1500.50.',
  },
  required: {
    ky: '* — милдеттүү тилке',
    ru: '* — обязательный столбец',
    en: '* — required column',
  },
} satisfies Record<string, Localized>;

/** The empty template in a locale, as XLSX bytes. */
export async function buildFilingTemplate(locale: Locale): Promise<Buffer> {
  // ExcelJS is loaded at the first workbook, not when the server starts: it is large, and most processes
  // never read or write one.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Talapker';
  // Fixed, so that the same template is the same file whenever it is built.
  workbook.created = workbook.modified = new Date(Date.UTC(2020, 0, 1));

  const listRanges = addListsSheet(workbook, locale);

  for (const section of LINE_SECTIONS) {
    const sheet = workbook.addWorksheet(sheetNames[section], { views: [{ state: 'frozen', ySplit: 1 }] });
    const columns = filingColumns[section];
    sheet.columns = columns.map((col) => ({
      key: col.key,
      width: col.width,
      header: `${columnHeader(col.key, locale)}${col.required ? ' *' : ''}`,
      style:
        col.kind === 'amount'
          ? { numFmt: '#,##0.00' }
          : col.kind === 'date'
            ? { numFmt: 'yyyy-mm-dd' }
            : // Text format keeps PINs, INNs and document numbers from losing leading zeros or turning into 2.15E+13.
              { numFmt: '@' },
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    header.getCell(1).note = words.required[locale];

    // Validations by range, not per cell: exceljs would otherwise create 2,000 cells per column.
    const validations = (sheet as unknown as SheetWithValidations).dataValidations;
    for (const [i, col] of columns.entries()) {
      const letter = sheet.getColumn(i + 1).letter;
      const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
      // The English key in a note: people rename headers, and the key says what the column was.
      if (i > 0) sheet.getCell(1, i + 1).note = col.key;
      if (col.kind === 'enum') {
        validations.add(range, {
          type: 'list',
          // Blank allowed: Excel would otherwise refuse clearing a cell; the importer asks for required values.
          allowBlank: true,
          formulae: [listRanges.get(col.key)],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: words.chooseTitle[locale],
          error: words.chooseText[locale],
        });
      } else if (col.kind === 'amount') {
        validations.add(range, {
          type: 'decimal',
          operator: 'greaterThan',
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          showInputMessage: true,
          errorStyle: 'stop',
          errorTitle: words.amountTitle[locale],
          error: words.amountText[locale],
          promptTitle: words.amountTitle[locale],
          prompt: words.amountText[locale],
        });
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One column per enum holding its labels in the locale; returns each enum's absolute range. */
function addListsSheet(workbook: ExcelJS.Workbook, locale: Locale): Map<EnumColumnKey, string> {
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const ranges = new Map<EnumColumnKey, string>();
  for (const [i, key] of ENUM_COLUMNS.entries()) {
    const column = i + 1;
    const labels = Object.values(enumColumnLabels(key)).map((l) => l[locale]);
    lists.getCell(1, column).value = key;
    labels.forEach((label, j) => {
      lists.getCell(j + 2, column).value = label;
    });
    const letter = lists.getColumn(column).letter;
    ranges.set(key, `${LISTS_SHEET}!$${letter}$2:$${letter}$${labels.length + 1}`);
  }
  return ranges;
}
