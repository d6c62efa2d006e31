import { expect, it } from 'vitest';
import { readCandidateCsv, readCandidateXlsx } from './candidate-import.ts';
import { t } from '../candidate.messages.ts';
import { zipBomb } from '../../../test/support/crafted-zip.ts';
import { candidateSchema } from '../../domain/election.ts';

const ctx = { electionId: 'e', partyRegistrationNumber: 'p', electionDay: '2026-10-01' };
const header =
  'list_position,name_ky,name_ru,name_latin,birth_date,sex,occupation,place_of_residence,ethnic_minority,disability,pin';

it('refuses a name or an occupation with a control character, naming the row and column', () => {
  const r = readCandidateCsv(
    `${header}\n1,"Айгүл\r=1+1",Айгуль,Aigul,1980-01-01,f,"teacher\tx",Бишкек,no,no,21501198000123\n`,
    ctx,
  );
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.filter((p) => p.code === 'import.control_character').map((p) => [p.row, p.field])).toEqual([
    [2, 'name_ky'],
    [2, 'occupation'],
  ]);
});

it('has the same refusal in the candidate schema', () => {
  const c = {
    electionId: 'e',
    partyRegistrationNumber: 'p',
    listPosition: 1,
    nameKy: 'A\rB',
    nameRu: 'A',
    nameLatin: 'A',
    birthDate: '1980-01-01',
    sex: 'female',
    ethnicMinority: false,
    disability: false,
    status: 'registered',
    pin: '21501198000123',
  };
  expect(candidateSchema.safeParse(c).success).toBe(false);
  expect(candidateSchema.safeParse({ ...c, nameKy: 'AB' }).success).toBe(true);
});

it('refuses an XLSX list that would unpack to far more than any list, before reading it', async () => {
  const r = await readCandidateXlsx(zipBomb(70), ctx);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error).toEqual([
    expect.objectContaining({ code: 'import.archive_refused', params: expect.objectContaining({ reason: 'size' }) }),
  ]);
  for (const l of ['ky', 'ru', 'en'] as const)
    expect(t(l, 'commission.problem.import.archive_refused', r.error[0]!.params)).toMatch(/70 (MB|МБ)/);
});
