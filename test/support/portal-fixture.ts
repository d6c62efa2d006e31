// A small, valid election for tests: one party and a generated list that meets the 2021 rules.
import type { Candidate, Election, Party } from '../../src/domain/election.ts';

export const testElection: Election = {
  id: 'test-2030',
  kind: 'parliamentary',
  name: { ky: 'Сыноо шайлоосу', ru: 'Тестовые выборы', en: 'Test election' },
  electionDay: '2030-10-06',
  calledOn: '2030-07-01',
  campaignStart: '2030-09-05',
  campaignEnd: '2030-10-04',
  seats: 90,
  thresholdBasisPoints: 500,
  status: 'campaign',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: true,
};

export const testParty: Party = {
  registrationNumber: 'T-001',
  name: { ky: 'Сыноо партиясы', ru: 'Тестовая партия', en: 'Test Party' },
  shortName: { ky: 'Сыноо', ru: 'Тест', en: 'Test' },
  leader: '',
  foundedOn: '2010-01-01',
  address: 'Бишкек',
  phone: '',
  website: '',
  logoBlobKey: null,
};

/** n candidates alternating sex (F, M, M, F, …) with youth, minority and disability quotas met. */
export function testCandidates(n: number, opts: { electionId?: string; party?: string } = {}): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i <= n; i++) {
    const female = i % 3 === 1;
    const young = i % 5 === 0;
    const year = young ? 2000 : 1970 + (i % 20);
    const birth = `${year}-0${1 + (i % 9)}-1${i % 10}`;
    const [y, m, d] = birth.split('-');
    out.push({
      electionId: opts.electionId ?? testElection.id,
      partyRegistrationNumber: opts.party ?? testParty.registrationNumber,
      listPosition: i,
      nameKy: `${female ? 'Айгүл' : 'Бакыт'} Сыноов${female ? 'а' : ''} ${i}`,
      nameRu: `Сыноов${female ? 'а' : ''} ${female ? 'Айгуль' : 'Бакыт'} ${i}`,
      nameLatin: `${female ? 'Aigul' : 'Bakyt'} Synoov${female ? 'a' : ''} ${i}`,
      birthDate: birth,
      sex: female ? 'female' : 'male',
      occupation: 'мугалим',
      placeOfResidence: 'Бишкек',
      ethnicMinority: i % 6 === 0,
      disability: i === 3 || i === 77,
      status: 'registered',
      withdrawnOn: null,
      pin: `${female ? 1 : 2}${d}${m}${y}${String(10000 + i).slice(-5)}`,
    });
  }
  return out;
}
