// The commission's file of the candidates standing in the districts:
// `district_code,last_name,first_name,patronymic,nomination,party_registration_number,status`. A party's
// registration number is there exactly when the party nominated the candidate. Whether the district and
// the party exist is the service's to check, against the database; here only the file itself. Pure.
import { err, ok, type Problem, type Result } from '../../platform/result.ts';
import { cellProblem } from './race-problem.ts';
import { codeCell, readCsvTable, textCell, type CsvRow } from './csv-table.ts';
import { isCandidateStatus, isNomination, type DistrictCandidate } from './district.ts';

export const SINGLE_MANDATE_COLUMNS = [
  'district_code',
  'last_name',
  'first_name',
  'patronymic',
  'nomination',
  'party_registration_number',
  'status',
] as const;
type Column = (typeof SINGLE_MANDATE_COLUMNS)[number];

/** A candidate of the file with the row it came from, so the service can name the row of its problems. */
export interface FiledCandidate {
  row: number;
  candidate: DistrictCandidate;
}

function partyOf(r: CsvRow<Column>, nomination: string, problems: Problem[]): string | null | undefined {
  const reg = textCell(r, 'party_registration_number', problems, false);
  if (reg === undefined) return undefined;
  if (nomination === 'party' && reg === '')
    problems.push(cellProblem('candidate.party_required', r.row, 'party_registration_number'));
  else if (nomination === 'self' && reg !== '')
    problems.push(cellProblem('candidate.party_not_expected', r.row, 'party_registration_number'));
  else return reg === '' ? null : reg;
  return undefined;
}

function candidateOf(r: CsvRow<Column>, problems: Problem[]): DistrictCandidate | undefined {
  const before = problems.length;
  const districtCode = codeCell(r, 'district_code', problems);
  const lastName = textCell(r, 'last_name', problems, true);
  const firstName = textCell(r, 'first_name', problems, true);
  const patronymic = textCell(r, 'patronymic', problems, false);
  const nomination = r.cells.nomination.toLowerCase();
  if (!isNomination(nomination))
    problems.push(cellProblem('candidate.bad_nomination', r.row, 'nomination', { value: r.cells.nomination }));
  const party = isNomination(nomination) ? partyOf(r, nomination, problems) : undefined;
  const status = r.cells.status.toLowerCase();
  if (!isCandidateStatus(status))
    problems.push(cellProblem('candidate.bad_status', r.row, 'status', { value: r.cells.status }));
  if (problems.length > before || !districtCode || !lastName || !firstName || patronymic === undefined)
    return undefined;
  if (!isNomination(nomination) || party === undefined || !isCandidateStatus(status)) return undefined;
  return { districtCode, lastName, firstName, patronymic, nomination, partyRegistrationNumber: party, status };
}

/** The same person twice in one district is a copied row, not two candidates. */
const personKey = (c: DistrictCandidate): string =>
  [c.districtCode, c.lastName, c.firstName, c.patronymic].map((s) => s.toLocaleLowerCase('ru')).join('\u0000');

/** The candidates of a file, in its order, or every problem it has. */
export function readSingleMandateCsv(text: string): Result<FiledCandidate[]> {
  const table = readCsvTable(text, SINGLE_MANDATE_COLUMNS);
  if (!table.ok) return table;
  const problems: Problem[] = [];
  const out: FiledCandidate[] = [];
  const seen = new Map<string, number>();
  for (const r of table.value) {
    const c = candidateOf(r, problems);
    if (!c) continue;
    const other = seen.get(personKey(c));
    if (other !== undefined) problems.push(cellProblem('candidate.duplicate', r.row, 'last_name', { other }));
    else seen.set(personKey(c), r.row);
    out.push({ row: r.row, candidate: c });
  }
  return problems.length > 0 ? err(problems) : ok(out);
}
