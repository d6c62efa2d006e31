// Reading a party's candidate list from CSV or XLSX: every row is checked and every problem is
// reported by row and column, so the commission fixes the file once instead of row by row.
import { parse as parseCsv } from 'csv-parse/sync';
import type { Candidate } from '../../domain/election.ts';
import { problem, type Problem, type Result, ok, err } from '../../platform/result.ts';
import { toLatin } from '../../domain/transliteration.ts';
import { hasControlCharacter } from '../../platform/plain-text.ts';
import { inspectZip, refusalParams } from '../../platform/zip-inspection.ts';
const REQUIRED = ['list_position', 'name_ky', 'name_ru', 'birth_date', 'sex', 'ethnic_minority', 'disability', 'pin'];

type RawRow = Record<string, string>;

/** Free-text columns: one line of printable characters each. */
const TEXT_COLUMNS = ['name_ky', 'name_ru', 'name_latin', 'occupation', 'place_of_residence'] as const;

const SEX: Record<string, Candidate['sex']> = {
  female: 'female',
  f: 'female',
  ж: 'female',
  жен: 'female',
  аял: 'female',
  'ж.': 'female',
  male: 'male',
  m: 'male',
  м: 'male',
  муж: 'male',
  эркек: 'male',
  'м.': 'male',
};
const YES = new Set(['1', 'yes', 'true', 'да', 'ооба', 'y', '+']);
const NO = new Set(['0', 'no', 'false', 'нет', 'жок', 'n', '-', '']);

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Accepts 1990-05-17 and 17.05.1990, the two forms commission spreadsheets use. */
function normaliseDate(s: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s.trim());
  if (!m) return s.trim();
  const [, d = '', mo = '', y = ''] = m;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export interface ImportContext {
  electionId: string;
  partyRegistrationNumber: string;
  electionDay: string;
}

/** Checks rows (row 1 is the header, so data starts at row 2) and turns them into candidates. */
export function candidatesFromRows(header: string[], rows: string[][], ctx: ImportContext): Result<Candidate[]> {
  const problems: Problem[] = [];
  const cols = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\ufeff/, ''),
  );
  for (const r of REQUIRED) {
    if (!cols.includes(r)) {
      problems.push(
        problem('import.missing_column', `The column "${r}" is missing from the header row.`, {
          row: 1,
          field: r,
          params: { column: r },
        }),
      );
    }
  }
  if (problems.length > 0) return err(problems);
  if (rows.length === 0) return err([problem('import.empty', 'The file has no candidate rows.', { row: 2 })]);

  const out: Candidate[] = [];
  const positions = new Map<number, number>();
  const pins = new Map<string, number>();
  rows.forEach((cells, i) => {
    const rowNo = i + 2;
    const raw: RawRow = {};
    cols.forEach((c, j) => (raw[c] = (cells[j] ?? '').trim()));
    const at = (field: string, code: string, message: string, params: Record<string, string | number> = {}) =>
      problems.push(
        problem(code, `Row ${rowNo}, column "${field}": ${message}`, {
          row: rowNo,
          field,
          params: { ...params, column: field, row: rowNo },
        }),
      );

    const pos = Number(raw.list_position);
    if (!/^\d+$/.test(raw.list_position ?? '') || pos < 1)
      at(
        'list_position',
        'import.bad_position',
        `"${raw.list_position}" is not a list position (a whole number from 1).`,
        { value: raw.list_position ?? '' },
      );
    else {
      const other = positions.get(pos);
      if (other !== undefined)
        at('list_position', 'import.duplicate_position', `position ${pos} is already used in row ${other}.`, {
          value: pos,
          other,
        });
      else positions.set(pos, rowNo);
    }

    for (const f of ['name_ky', 'name_ru'] as const) if (!raw[f]) at(f, 'import.required', 'the name is empty.');
    for (const f of TEXT_COLUMNS) {
      if (hasControlCharacter(raw[f] ?? ''))
        at(f, 'import.control_character', 'the text contains a line break, a tab or another control character.');
    }

    const birth = normaliseDate(raw.birth_date ?? '');
    if (!isRealDate(birth))
      at('birth_date', 'import.bad_date', `"${raw.birth_date}" is not a date (use YYYY-MM-DD or DD.MM.YYYY).`, {
        value: raw.birth_date ?? '',
      });
    else if (birth >= ctx.electionDay)
      at('birth_date', 'import.future_birth', `birth date ${birth} is not before election day.`, { value: birth });

    const sex = SEX[(raw.sex ?? '').toLowerCase()];
    if (!sex) at('sex', 'import.bad_sex', `"${raw.sex}" is not a sex (female or male).`, { value: raw.sex ?? '' });

    const flag = (f: 'ethnic_minority' | 'disability'): boolean => {
      const v = (raw[f] ?? '').toLowerCase();
      if (YES.has(v)) return true;
      if (!NO.has(v)) at(f, 'import.bad_flag', `"${raw[f]}" is not yes or no.`, { value: raw[f] ?? '' });
      return false;
    };
    const ethnicMinority = flag('ethnic_minority');
    const disability = flag('disability');

    const pin = raw.pin ?? '';
    if (!/^\d{14}$/.test(pin)) at('pin', 'import.bad_pin', 'the PIN must be 14 digits.');
    else {
      const other = pins.get(pin);
      if (other !== undefined) at('pin', 'import.duplicate_pin', `the same PIN is already in row ${other}.`, { other });
      else pins.set(pin, rowNo);
    }

    const candidate = {
      electionId: ctx.electionId,
      partyRegistrationNumber: ctx.partyRegistrationNumber,
      listPosition: pos,
      nameKy: raw.name_ky ?? '',
      nameRu: raw.name_ru ?? '',
      nameLatin: raw.name_latin || toLatin(raw.name_ky ?? ''),
      birthDate: birth,
      sex: sex ?? 'female',
      occupation: raw.occupation ?? '',
      placeOfResidence: raw.place_of_residence ?? '',
      ethnicMinority,
      disability,
      status: 'registered' as const,
      withdrawnOn: null,
      pin,
    };
    out.push(candidate);
  });

  const sorted = [...positions.keys()].sort((a, b) => a - b);
  sorted.forEach((p, i) => {
    if (p !== i + 1 && problems.every((x) => x.code !== 'import.gap')) {
      problems.push(
        problem('import.gap', `List positions must run 1, 2, 3 … without gaps; position ${i + 1} is missing.`, {
          field: 'list_position',
          params: { missing: i + 1 },
        }),
      );
    }
  });
  return problems.length > 0 ? err(problems) : ok(out);
}

export function readCandidateCsv(
  text: string,
  ctx: ImportContext,
  opts: { delimiter?: string } = {},
): Result<Candidate[]> {
  const body = text.replace(/^\ufeff/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = opts.delimiter ?? (firstLine.split(';').length > firstLine.split(',').length ? ';' : ',');
  let records: string[][];
  try {
    records = parseCsv(body, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    return err([problem('import.unreadable', `The CSV file cannot be read: ${(e as Error).message}`)]);
  }
  const [header, ...rows] = records;
  if (!header) return err([problem('import.empty', 'The file is empty.', { row: 1 })]);
  return candidatesFromRows(header, rows, ctx);
}

export async function readCandidateXlsx(bytes: Buffer, ctx: ImportContext): Promise<Result<Candidate[]>> {
  // exceljs unpacks the whole archive in memory: look inside it first.
  const refused = inspectZip(bytes);
  if (refused && refused.reason !== 'not_zip')
    return err([problem('import.archive_refused', refused.message, { row: 1, params: refusalParams(refused) })]);
  // Loaded on the first workbook, so that the server starts without exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return err([problem('import.unreadable', `The XLSX file cannot be read: ${(e as Error).message}`)]);
  }
  const ws = wb.worksheets[0];
  if (!ws) return err([problem('import.empty', 'The workbook has no sheet.', { row: 1 })]);
  const table: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : v == null
            ? ''
            : typeof v === 'object' && 'text' in v
              ? String(v.text)
              : String(v),
      );
    }
    table.push(cells);
  });
  const [header, ...rows] = table;
  if (!header) return err([problem('import.empty', 'The sheet is empty.', { row: 1 })]);
  return candidatesFromRows(header, rows, ctx);
}
