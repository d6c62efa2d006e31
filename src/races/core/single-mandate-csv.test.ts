// The file of single-mandate candidates: a good file read whole; a party number exactly when a party
// nominated the candidate; each other problem named by row and column.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { problemText } from './race-problem.ts';
import { readSingleMandateCsv } from './single-mandate-csv.ts';

const HEADER = 'district_code,last_name,first_name,patronymic,nomination,party_registration_number,status';

function problemsOf(text: string): Problem[] {
  const r = readSingleMandateCsv(text);
  if (r.ok) throw new Error('expected problems');
  return r.error;
}
const where = (ps: Problem[]) => ps.map((p) => [p.code, p.row, p.field]);

describe('readSingleMandateCsv', () => {
  it('reads party and self nominations with their rows', () => {
    const r = readSingleMandateCsv(
      `${HEADER}\n1,Асанов,Бакыт,Маратович,party,P-001,registered\n1,Токтогулова,Айгүл,,Self,,Withdrawn\n`,
    );
    expect(r).toEqual({
      ok: true,
      value: [
        {
          row: 2,
          candidate: {
            districtCode: '1',
            lastName: 'Асанов',
            firstName: 'Бакыт',
            patronymic: 'Маратович',
            nomination: 'party',
            partyRegistrationNumber: 'P-001',
            status: 'registered',
          },
        },
        {
          row: 3,
          candidate: {
            districtCode: '1',
            lastName: 'Токтогулова',
            firstName: 'Айгүл',
            patronymic: '',
            nomination: 'self',
            partyRegistrationNumber: null,
            status: 'withdrawn',
          },
        },
      ],
    });
  });

  it('asks for the party number exactly when a party nominated the candidate', () => {
    const ps = problemsOf(`${HEADER}\n1,А,Б,,party,,registered\n1,В,Г,,self,P-001,registered\n`);
    expect(where(ps)).toEqual([
      ['candidate.party_required', 2, 'party_registration_number'],
      ['candidate.party_not_expected', 3, 'party_registration_number'],
    ]);
  });

  it('names every other bad cell by its row and column', () => {
    const ps = problemsOf(
      [
        HEADER,
        ',,,,nominee,,elected',
        '№1,А,"Б\rВ",,self,,registered',
        '2,Асанов,Бакыт,,self,,registered',
        '2,АСАНОВ,бакыт,,self,,refused',
      ].join('\n'),
    );
    expect(where(ps)).toEqual([
      ['row.required', 2, 'district_code'],
      ['row.required', 2, 'last_name'],
      ['row.required', 2, 'first_name'],
      ['candidate.bad_nomination', 2, 'nomination'],
      ['candidate.bad_status', 2, 'status'],
      ['row.bad_code', 3, 'district_code'],
      ['row.control_character', 3, 'first_name'],
      ['candidate.duplicate', 5, 'last_name'],
    ]);
  });

  it('refuses a file whose header is not the candidates’ one', () => {
    expect(
      where(problemsOf('code,name_ky,name_ru,name_en,kind,parent_region,seats\n1,a,b,c,constituency,x,1\n')),
    ).toContainEqual(['header.missing_column', 1, 'district_code']);
  });

  it('has the words of every problem in every language', () => {
    const ps = problemsOf(
      `${HEADER}\n,,,,x,,y\n1,А,Б,,party,,registered\n1,В,Г,,self,P,registered\n1,В,Г,,self,,registered\n`,
    );
    expect(new Set(ps.map((p) => p.code)).size).toBeGreaterThanOrEqual(5);
    for (const p of ps) for (const l of LOCALES) expect(problemText(l, p), `${p.code} ${l}`).toContain(String(p.row));
  });
});
