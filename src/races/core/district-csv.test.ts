// The district file: a good file read whole, and each kind of problem named by row and column, in
// every language.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { problemText } from './race-problem.ts';
import { readDistrictCsv } from './district-csv.ts';

const HEADER = 'code,name_ky,name_ru,name_en,kind,parent_region,seats';
const GOOD_ROW = '1,Октябрь округу,Октябрьский округ,October,constituency,Бишкек,1';

function problemsOf(text: string): Problem[] {
  const r = readDistrictCsv(text);
  if (r.ok) throw new Error('expected problems');
  return r.error;
}
const where = (ps: Problem[]) => ps.map((p) => [p.code, p.row, p.field]);

describe('readDistrictCsv', () => {
  it('reads every row, with the Russian name standing in for an empty English one', () => {
    const r = readDistrictCsv(
      `\ufeff${HEADER}\r\n${GOOD_ROW}\r\nOSH-1,Ош шаардык кеңеши,Ошский горкенеш,,municipality,Ош,45\r\n`,
    );
    expect(r).toEqual({
      ok: true,
      value: [
        {
          code: '1',
          name: { ky: 'Октябрь округу', ru: 'Октябрьский округ', en: 'October' },
          kind: 'constituency',
          parentRegion: 'Бишкек',
          seats: 1,
        },
        {
          code: 'OSH-1',
          name: { ky: 'Ош шаардык кеңеши', ru: 'Ошский горкенеш', en: 'Ошский горкенеш' },
          kind: 'municipality',
          parentRegion: 'Ош',
          seats: 45,
        },
      ],
    });
  });

  it('reads a file separated by semicolons, with the columns in another order', () => {
    const r = readDistrictCsv('seats;kind;code;name_ru;name_ky;name_en;parent_region\n2;Constituency;7;А;Б;;Чүй\n');
    expect(r.ok && r.value[0]).toMatchObject({ code: '7', kind: 'constituency', seats: 2, name: { en: 'А' } });
  });

  it('refuses an empty file, a header without rows, and an unreadable file', () => {
    expect(where(problemsOf(''))).toEqual([['csv.empty', 1, undefined]]);
    expect(where(problemsOf(`${HEADER}\n`))).toEqual([['csv.no_rows', 2, undefined]]);
    expect(problemsOf(`${HEADER}\n"1,a`)[0]?.code).toBe('csv.unreadable');
  });

  it('names a missing, an unknown and a repeated column of the header', () => {
    expect(
      where(problemsOf('code,name_ky,name_ru,name_en,kind,region,seats,seats\n1,a,b,c,constituency,x,1\n')),
    ).toEqual([
      ['header.unknown_column', 1, 'region'],
      ['header.duplicate_column', 1, 'seats'],
      ['header.missing_column', 1, 'parent_region'],
    ]);
  });

  it('names every bad cell by its row and column', () => {
    const ps = problemsOf(
      [
        HEADER,
        GOOD_ROW,
        ',,Ош,,ward,Ош,0',
        '1,А,Б,,constituency,,x',
        'a b,"А\tБ",Б,,municipality,Чүй,1',
        `2,${'А'.repeat(201)},Б,,municipality,Чүй,1`,
      ].join('\n'),
    );
    expect(where(ps)).toEqual([
      ['row.required', 3, 'code'],
      ['row.required', 3, 'name_ky'],
      ['district.bad_kind', 3, 'kind'],
      ['district.bad_seats', 3, 'seats'],
      ['row.required', 4, 'parent_region'],
      ['district.bad_seats', 4, 'seats'],
      ['district.duplicate_code', 4, 'code'],
      ['row.bad_code', 5, 'code'],
      ['row.control_character', 5, 'name_ky'],
      ['row.too_long', 6, 'name_ky'],
    ]);
    expect(ps.find((p) => p.code === 'district.duplicate_code')?.message).toBe(
      'Row 4, column “code”: the code “1” is already used in row 2.',
    );
  });

  it('has the words of every problem in every language', () => {
    const ps = [
      ...problemsOf(''),
      ...problemsOf(`${HEADER}\n`),
      ...problemsOf(`${HEADER}\n"1,a`),
      ...problemsOf('code,nm,seats,seats\n1,2\n'),
      ...problemsOf(`${HEADER}\n${GOOD_ROW}\n1,,"a\tb",${'x'.repeat(201)},ward,Ош,0\n-,a,b,,municipality,c,1\n`),
    ];
    for (const p of ps)
      for (const l of LOCALES) {
        const text = problemText(l, p);
        expect(text, `${p.code} ${l}`).not.toContain('races.problem');
        if (p.field && p.row && p.row > 1) expect(text, `${p.code} ${l}`).toContain(String(p.row));
      }
  });
});
