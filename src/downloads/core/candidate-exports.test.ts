import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { candidatesCsv } from './candidate-exports.ts';
import type { PublicCandidate } from '../../domain/election.ts';

it('keeps a candidate on one record when a text holds a lone carriage return before a formula', () => {
  const c = {
    id: 1,
    listPosition: 1,
    birthDate: '1980-01-01',
    sex: 'f',
    placeOfResidence: 'Бишкек',
    nameKy: 'Айгүл\r=1+1',
    nameRu: 'Айгуль',
    nameLatin: 'Aigul',
    occupation: '-1+1',
    status: 'registered',
  } as unknown as PublicCandidate;
  const csv = candidatesCsv([c]);
  // Spreadsheets end a record at a lone CR: the field must be quoted.
  expect(csv).toContain('"Айгүл\r=1+1"');
  const rows = parse(csv.slice(1), { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ name_ky: 'Айгүл\r=1+1', occupation: "'-1+1" });
});
