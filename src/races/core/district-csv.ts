// The commission's file of an election's districts, one row per single-mandate constituency or
// municipality: `code,name_ky,name_ru,name_en,kind,parent_region,seats`. Every row is checked and every
// problem named by row and column, so the file is fixed once; an English name may be left empty, and the
// Russian one stands in for it. Pure.
import { err, ok, type Problem, type Result } from '../../platform/result.ts';
import { cellProblem } from './race-problem.ts';
import { codeCell, readCsvTable, textCell, type CsvRow } from './csv-table.ts';
import { isDistrictKind, type District } from './district.ts';

export const DISTRICT_COLUMNS = ['code', 'name_ky', 'name_ru', 'name_en', 'kind', 'parent_region', 'seats'] as const;
type Column = (typeof DISTRICT_COLUMNS)[number];

/** A whole number of seats from 1; four digits is more than any council has. */
const SEATS = /^[1-9]\d{0,3}$/;

/** One row as a district, or undefined with its problems added. */
function districtOf(r: CsvRow<Column>, problems: Problem[]): District | undefined {
  const before = problems.length;
  const code = codeCell(r, 'code', problems);
  const nameKy = textCell(r, 'name_ky', problems, true);
  const nameRu = textCell(r, 'name_ru', problems, true);
  const nameEn = textCell(r, 'name_en', problems, false);
  const kind = r.cells.kind.toLowerCase();
  if (!isDistrictKind(kind)) problems.push(cellProblem('district.bad_kind', r.row, 'kind', { value: r.cells.kind }));
  const parentRegion = textCell(r, 'parent_region', problems, true);
  if (!SEATS.test(r.cells.seats))
    problems.push(cellProblem('district.bad_seats', r.row, 'seats', { value: r.cells.seats }));
  if (problems.length > before || !code || !nameKy || !nameRu || nameEn === undefined || !parentRegion)
    return undefined;
  if (!isDistrictKind(kind)) return undefined;
  return {
    code,
    name: { ky: nameKy, ru: nameRu, en: nameEn || nameRu },
    kind,
    parentRegion,
    seats: Number(r.cells.seats),
  };
}

/** The districts of a file, in its order, or every problem it has. */
export function readDistrictCsv(text: string): Result<District[]> {
  const table = readCsvTable(text, DISTRICT_COLUMNS);
  if (!table.ok) return table;
  const problems: Problem[] = [];
  const districts: District[] = [];
  const codes = new Map<string, number>();
  for (const r of table.value) {
    const d = districtOf(r, problems);
    const code = r.cells.code;
    const other = codes.get(code);
    if (other !== undefined && code !== '')
      problems.push(cellProblem('district.duplicate_code', r.row, 'code', { value: code, other }));
    else codes.set(code, r.row);
    if (d) districts.push(d);
  }
  return problems.length > 0 ? err(problems) : ok(districts);
}
