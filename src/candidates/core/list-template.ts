// The import template of a candidate list: CSV (UTF-8 with the byte-order mark, the header and one
// example row) and XLSX (the same two rows, and a second sheet explaining each column's meaning and
// allowed values). Both import cleanly through `candidate-import.ts`. exceljs is loaded only when a
// workbook is asked for, so that the server starts without it.
import type { Locale, Localized } from '../../domain/election.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../../domain/candidate-columns.ts';
import { csvDocument } from '../../platform/csv.ts';

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

const TEXT: Localized = {
  ky: 'Бир саптагы текст',
  ru: 'Текст в одну строку',
  en: 'Text on one line',
};
const OPTIONAL_TEXT: Localized = {
  ky: 'Бир саптагы текст, бош калтырса болот',
  ru: 'Текст в одну строку, можно оставить пустым',
  en: 'Text on one line, may be empty',
};
const FLAG: Localized = {
  ky: 'yes же no (ошондой эле 1/0, ооба/жок, да/нет); бош — no',
  ru: 'yes или no (также 1/0, да/нет, ооба/жок); пусто — no',
  en: 'yes or no (also 1/0, да/нет, ооба/жок); empty means no',
};

/** Each column's meaning and allowed values, in the import's column order. */
export const IMPORT_COLUMN_HELP: Record<ImportColumn, { meaning: Localized; allowed: Localized }> = {
  list_position: {
    meaning: { ky: 'Тизмедеги орун', ru: 'Место в списке', en: 'Position on the list' },
    allowed: {
      ky: '1ден баштап бүтүн сан; орундар 1, 2, 3 … боштуксуз',
      ru: 'Целое число от 1; места идут 1, 2, 3 … без пропусков',
      en: 'A whole number from 1; positions run 1, 2, 3 … without gaps',
    },
  },
  name_ky: {
    meaning: { ky: 'Аты-жөнү кыргызча', ru: 'ФИО на кыргызском', en: 'Full name in Kyrgyz' },
    allowed: TEXT,
  },
  name_ru: {
    meaning: { ky: 'Аты-жөнү орусча', ru: 'ФИО на русском', en: 'Full name in Russian' },
    allowed: TEXT,
  },
  name_latin: {
    meaning: { ky: 'Аты-жөнү латынча', ru: 'ФИО латиницей', en: 'Full name in Latin letters' },
    allowed: {
      ky: 'Бир саптагы текст; бош болсо, name_ky тамгаланат',
      ru: 'Текст в одну строку; если пусто, транслитерируется из name_ky',
      en: 'Text on one line; when empty, transliterated from name_ky',
    },
  },
  birth_date: {
    meaning: { ky: 'Туулган күнү', ru: 'Дата рождения', en: 'Date of birth' },
    allowed: {
      ky: 'ЖЖЖЖ-АА-КК (мисалы 1990-05-17) же КК.АА.ЖЖЖЖ; шайлоо күнүнөн мурун',
      ru: 'ГГГГ-ММ-ДД (например 1990-05-17) или ДД.ММ.ГГГГ; раньше дня голосования',
      en: 'YYYY-MM-DD (e.g. 1990-05-17) or DD.MM.YYYY; before election day',
    },
  },
  sex: {
    meaning: { ky: 'Жынысы', ru: 'Пол', en: 'Sex' },
    allowed: {
      ky: 'F (аял) же M (эркек); ошондой эле Ж/М, аял/эркек',
      ru: 'F (женский) или M (мужской); также Ж/М, жен/муж',
      en: 'F (female) or M (male); also female/male, Ж/М',
    },
  },
  occupation: {
    meaning: { ky: 'Иштеген жери, кызматы', ru: 'Место работы, должность', en: 'Occupation' },
    allowed: OPTIONAL_TEXT,
  },
  place_of_residence: {
    meaning: { ky: 'Жашаган жери', ru: 'Место жительства', en: 'Place of residence' },
    allowed: OPTIONAL_TEXT,
  },
  ethnic_minority: {
    meaning: {
      ky: 'Этникалык азчылыкка кирет',
      ru: 'Относится к этническому меньшинству',
      en: 'Belongs to an ethnic minority',
    },
    allowed: FLAG,
  },
  disability: {
    meaning: { ky: 'Майыптыгы бар', ru: 'Лицо с инвалидностью', en: 'Person with a disability' },
    allowed: FLAG,
  },
  pin: {
    meaning: {
      ky: 'Жеке идентификациялык номер (ПИН); жарыяланбайт',
      ru: 'Персональный идентификационный номер (ПИН); не публикуется',
      en: 'Personal identification number (PIN); never published',
    },
    allowed: {
      ky: '14 сан, ар бир адам бир жолу',
      ru: '14 цифр, каждый человек один раз',
      en: '14 digits, each person once',
    },
  },
};

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
