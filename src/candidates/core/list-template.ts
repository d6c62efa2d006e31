// The import template of a candidate list: CSV (UTF-8 with the byte-order mark, the header and one
// example row) and XLSX (the same two rows, and a second sheet explaining each column's meaning and
// allowed values). Both import cleanly through `candidate-import.ts`. exceljs is loaded only when a
// workbook is asked for, so that the server starts without it.
import type { Locale, Localized } from '../../domain/election.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../../domain/candidate-columns.ts';
import { csvDocument } from '../../platform/csv.ts';
import columnHelp from './list-template.json' with { type: 'json' };

export type ImportColumn = (typeof CANDIDATE_IMPORT_COLUMNS)[number];

/** One example row: a made-up person, valid for any election after 2008. */
export const TEMPLATE_EXAMPLE: Record<ImportColumn, string> = {
  list_position: '1',
  name_ky: 'Асанов Бакыт Токтогулович',
  name_ru: 'Асанов Бакыт Токтогулович',
  name_latin: 'Asanov Bakyt Toktogulovich',
  birth_date: '1990-05-17',
  sex: 'M',
  occupation: 'мугалим',
  place_of_residence: 'Бишкек',
  ethnic_minority: 'no',
  disability: 'no',
  pin: '21705199000001',
};

/** Each column's meaning and allowed values, in the import's column order (data: list-template.json). */
export const IMPORT_COLUMN_HELP: Record<ImportColumn, { meaning: Localized; allowed: Localized }> = columnHelp;

const SHEET_NAMES: Record<'list' | 'columns', Localized> = {
  list: { ky: 'Тизме', ru: 'Список', en: 'List' },
  columns: { ky: 'Мамычалар', ru: 'Колонки', en: 'Columns' },
};
const HELP_HEADER: Record<Locale, [string, string, string]> = {
  ky: ['Мамыча', 'Мааниси', 'Уруксат берилген маанилер'],
  ru: ['Колонка', 'Значение', 'Допустимые значения'],
  en: ['Column', 'Meaning', 'Allowed values'],
};

const exampleRow = (): string[] => CANDIDATE_IMPORT_COLUMNS.map((c) => TEMPLATE_EXAMPLE[c]);

/** The CSV template: byte-order mark, header, one example row. */
export function candidateTemplateCsv(): string {
  return csvDocument(CANDIDATE_IMPORT_COLUMNS, [exampleRow()]);
}

/** The XLSX template in a locale: the list sheet (header and example row, every cell text) and the column help. */
export async function candidateTemplateXlsx(l: Locale): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const list = wb.addWorksheet(SHEET_NAMES.list[l]);
  list.columns = CANDIDATE_IMPORT_COLUMNS.map((c) => ({
    key: c,
    width: Math.max(14, c.length + 4),
    style: { numFmt: '@' },
  }));
  list.addRow([...CANDIDATE_IMPORT_COLUMNS]).font = { bold: true };
  list.addRow(exampleRow());
  const help = wb.addWorksheet(SHEET_NAMES.columns[l]);
  help.columns = [{ width: 20 }, { width: 45 }, { width: 70 }];
  help.addRow(HELP_HEADER[l]).font = { bold: true };
  for (const c of CANDIDATE_IMPORT_COLUMNS)
    help.addRow([c, IMPORT_COLUMN_HELP[c].meaning[l], IMPORT_COLUMN_HELP[c].allowed[l]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
