// A polling station as the commission's stations file gives it, one row per station:
// number,name_ky,name_ru,name_en,address_ky,address_ru,address_en,country,city,lat,lon,hours,accessible,district_commission
// The country is ISO 3166-1 alpha-2 (KG inside the country); unknown cells are empty.
import { err, ok, problem, type Problem, type Result } from '../../platform/result.ts';
import { cell, type ColumnIndex } from './csv-columns.ts';

export const STATION_COLUMNS = [
  'number',
  'name_ky',
  'name_ru',
  'name_en',
  'address_ky',
  'address_ru',
  'address_en',
  'country',
  'city',
  'lat',
  'lon',
  'hours',
  'accessible',
  'district_commission',
] as const;

export interface Texts {
  ky: string;
  ru: string;
  en: string;
}

export interface Station {
  number: string;
  name: Texts;
  address: Texts;
  country: string;
  city: string;
  lat: number | null;
  lon: number | null;
  hours: string;
  /** Step-free access; null when not known. */
  accessible: boolean | null;
  districtCommission: string;
}

export const HOME_COUNTRY = 'KG';

function coordinate(text: string, limit: number, field: string, line: number, problems: Problem[]): number | null {
  if (text === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    problems.push(problem('station.coordinate', `${field} "${text}" is not a coordinate.`, { row: line, field }));
    return null;
  }
  return n;
}

/** Three languages of one text; a missing translation falls back to another, none at all is a problem. */
function texts(cells: readonly string[], cols: ColumnIndex, base: string, line: number, problems: Problem[]): Texts {
  const ky = cell(cells, cols, `${base}_ky`);
  const ru = cell(cells, cols, `${base}_ru`);
  const en = cell(cells, cols, `${base}_en`);
  if (!ky && !ru && !en)
    problems.push(problem(`station.${base}_missing`, `The ${base} is empty.`, { row: line, field: `${base}_ru` }));
  return { ky: ky || ru || en, ru: ru || ky || en, en: en || ru || ky };
}

export function parseStationRow(cells: readonly string[], cols: ColumnIndex, line: number): Result<Station> {
  const problems: Problem[] = [];
  const number = cell(cells, cols, 'number');
  if (!/^[0-9A-Za-z-]{1,12}$/.test(number))
    problems.push(
      problem('station.number', `Station number "${number}" is not a number.`, { row: line, field: 'number' }),
    );
  const name = texts(cells, cols, 'name', line, problems);
  const address = texts(cells, cols, 'address', line, problems);
  const country = cell(cells, cols, 'country').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    problems.push(
      problem('station.country', `Country "${country}" is not an ISO 3166-1 alpha-2 code.`, {
        row: line,
        field: 'country',
      }),
    );
  const city = cell(cells, cols, 'city');
  if (!city) problems.push(problem('station.city', 'The city is empty.', { row: line, field: 'city' }));
  const lat = coordinate(cell(cells, cols, 'lat'), 90, 'lat', line, problems);
  const lon = coordinate(cell(cells, cols, 'lon'), 180, 'lon', line, problems);
  const accessibleText = cell(cells, cols, 'accessible');
  if (!['', '0', '1'].includes(accessibleText))
    problems.push(
      problem('station.accessible', `accessible must be 0, 1 or empty, not "${accessibleText}".`, {
        row: line,
        field: 'accessible',
      }),
    );
  if (problems.length > 0) return err(problems);
  return ok({
    number,
    name,
    address,
    country,
    city,
    lat,
    lon,
    hours: cell(cells, cols, 'hours'),
    accessible: accessibleText === '' ? null : accessibleText === '1',
    districtCommission: cell(cells, cols, 'district_commission'),
  });
}
