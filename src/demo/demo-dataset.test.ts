import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  candidateSchema,
  electionSchema,
  participationSchema,
  partySchema,
  programmeSchema,
  type Candidate,
} from '../domain/election.ts';
import { checkPin } from '../domain/identity-numbers.ts';
import { checkCandidateList } from '../domain/list-rules.ts';
import { findRulesProfile } from '../domain/rules-profile.ts';
import { toLatin } from '../domain/transliteration.ts';
import { longestRun, sexPattern } from './candidates.ts';
import { buildDemoDataset, SYNTHETIC_NOTICE } from './demo-dataset.ts';
import { initialsOf } from './logos.ts';
import { kyrgyzSurname, kyrgyzToRussianSpelling, NAME_POOL_SIZES, RUSSIAN_GIVEN_NAMES } from './names.ts';
import { DRIFT_PARTY_2020, WITHDRAWALS_PARTY_2020 } from './parties-2020.ts';
import { PROGRAMME_HEADING, renderProgrammePdf } from './programmes.ts';
import { createRng, rngFor } from './random.ts';

const data = buildDemoDataset();

function listsOf(candidates: readonly Candidate[]): Map<string, Candidate[]> {
  const lists = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = `${c.electionId}|${c.partyRegistrationNumber}`;
    const list = lists.get(key) ?? [];
    list.push(c);
    lists.set(key, list);
  }
  return lists;
}
const lists = listsOf(data.candidates);
const registered = (list: readonly Candidate[]) => list.filter((c) => c.status === 'registered');
const womenPercent = (list: readonly Candidate[]) => {
  const r = registered(list);
  return (100 * r.filter((c) => c.sex === 'female').length) / r.length;
};
const electionDayOf = (id: string): string => {
  const e = data.elections.find((x) => x.id === id);
  if (!e) throw new Error(`no election ${id}`);
  return e.electionDay;
};
const shortEn = (reg: string) => data.parties.find((p) => p.registrationNumber === reg)?.shortName.en;

describe('schemas', () => {
  // parse() must return the object unchanged: no unknown keys dropped, no defaults filled in.
  it('every election, party, participation and candidate passes its zod schema unchanged', () => {
    for (const e of data.elections) expect(electionSchema.parse(e)).toEqual(e);
    for (const p of data.parties) expect(partySchema.parse(p)).toEqual(p);
    for (const p of data.participations) expect(participationSchema.parse(p)).toEqual(p);
    // One assertion for all candidates: thousands of expect() calls would dominate the run time.
    expect(data.candidates.filter((c) => !candidateSchema.safeParse(c).success)).toEqual([]);
    expect(candidateSchema.parse(data.candidates[0])).toEqual(data.candidates[0]);
  });

  it('every programme passes the programme schema once the loader adds its blob key', () => {
    for (const p of data.programmes)
      expect(programmeSchema.parse({ ...p, pdfBlobKey: null })).toEqual({ ...p, pdfBlobKey: null });
  });

  it('parties leave the logo blob key to the loader', () => {
    expect(data.parties.every((p) => p.logoBlobKey === null)).toBe(true);
  });
});

describe('elections', () => {
  it('2020 is exactly as in the domain notes §6', () => {
    expect(data.elections.find((e) => e.id === 'kg-2020-parliament')).toMatchObject({
      kind: 'parliamentary',
      electionDay: '2020-10-04',
      calledOn: '2020-07-03',
      campaignStart: '2020-09-04',
      campaignEnd: '2020-10-03',
      seats: 120,
      thresholdBasisPoints: 700,
      status: 'annulled',
      rulesProfileId: 'kg-2020-parliament',
      synthetic: true,
    });
  });

  it('2021 models the 54 list seats at a 5% threshold; the live-draw election is in the future', () => {
    expect(data.elections.find((e) => e.id === 'kg-2021-parliament')).toMatchObject({
      electionDay: '2021-11-28',
      seats: 54,
      thresholdBasisPoints: 500,
      rulesProfileId: 'kg-2021-parliament',
    });
    expect(data.elections.find((e) => e.id === 'demo-live-draw')).toMatchObject({ status: 'called', synthetic: true });
  });

  it('every election refers to a built-in rules profile and is marked synthetic', () => {
    for (const e of data.elections) {
      expect(findRulesProfile(e.rulesProfileId)).toBeDefined();
      expect(e.synthetic).toBe(true);
      expect(e.calledOn < e.campaignStart && e.campaignStart <= e.campaignEnd && e.campaignEnd < e.electionDay).toBe(
        true,
      );
    }
  });
});

describe('parties and participations', () => {
  it('2020 has the 16 parties in the order of the lottery of 9 September 2020, ballot numbers 1..16', () => {
    const p2020 = data.participations.filter((p) => p.electionId === 'kg-2020-parliament');
    expect(p2020.map((p) => p.ballotNumber)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(p2020.map((p) => shortEn(p.partyRegistrationNumber))).toEqual([
      'Birimdik',
      'Mekenchil',
      'Yiman Nuru',
      'Mekenim Kyrgyzstan',
      'Reforma',
      'Ata Meken',
      'Zamandash',
      'Butun Kyrgyzstan',
      'Social Democrats',
      'Meken Yntymagy',
      'Afghan War Veterans',
      'Ordo',
      'Bir Bol',
      'Respublika',
      'Kyrgyzstan',
      'Chon Kazat',
    ]);
  });

  it('names are given in all three languages and registration numbers are unique', () => {
    const regs = data.parties.map((p) => p.registrationNumber);
    expect(new Set(regs).size).toBe(regs.length);
    for (const p of data.parties) {
      for (const lang of ['ky', 'ru', 'en'] as const) {
        expect(p.name[lang].length).toBeGreaterThan(0);
        expect(p.shortName[lang].length).toBeGreaterThan(0);
      }
      expect(p.website).toMatch(/^https:\/\/[a-z-]+\.example$/);
    }
  });

  it('2021 has 8 parties with distinct ballot numbers; the live draw has 10 and none drawn yet', () => {
    const p2021 = data.participations.filter((p) => p.electionId === 'kg-2021-parliament');
    expect(p2021).toHaveLength(8);
    expect(new Set(p2021.map((p) => p.ballotNumber)).size).toBe(8);
    const live = data.participations.filter((p) => p.electionId === 'demo-live-draw');
    expect(live).toHaveLength(10);
    expect(live.every((p) => p.ballotNumber === null && p.status === 'registered')).toBe(true);
  });

  it('every participation names a known party, once per election', () => {
    const regs = new Set(data.parties.map((p) => p.registrationNumber));
    const keys = data.participations.map((p) => `${p.electionId}|${p.partyRegistrationNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(data.participations.every((p) => regs.has(p.partyRegistrationNumber))).toBe(true);
  });
});

describe('candidate lists', () => {
  it('there is one list per participation, 120–200 candidates, the largest 200', () => {
    expect([...lists.keys()].sort()).toEqual(
      data.participations.map((p) => `${p.electionId}|${p.partyRegistrationNumber}`).sort(),
    );
    for (const list of lists.values()) {
      expect(list.length).toBeGreaterThanOrEqual(120);
      expect(list.length).toBeLessThanOrEqual(200);
      expect(registered(list).length).toBeGreaterThanOrEqual(120);
      expect(list.map((c) => c.listPosition)).toEqual(list.map((_, i) => i + 1));
    }
    expect(Math.max(...[...lists.values()].map((l) => l.length))).toBe(200);
  });

  it("women's share of registered candidates is within 29–42% on every list", () => {
    for (const list of lists.values()) {
      expect(womenPercent(list)).toBeGreaterThanOrEqual(29);
      expect(womenPercent(list)).toBeLessThanOrEqual(42);
    }
  });

  it('the drifting list is Chon Kazat at about 29% women, after withdrawals in September 2020', () => {
    const drift = lists.get(`kg-2020-parliament|${DRIFT_PARTY_2020}`) ?? [];
    expect(womenPercent(drift)).toBeGreaterThanOrEqual(29);
    expect(womenPercent(drift)).toBeLessThan(30);
  });

  it('withdrawals happen only in 2020 lists, with a date in September 2020', () => {
    const withdrawn = data.candidates.filter((c) => c.status !== 'registered');
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const c of withdrawn) {
      expect(c.electionId).toBe('kg-2020-parliament');
      expect(c.withdrawnOn).toMatch(/^2020-09-\d\d$/);
    }
    expect(data.candidates.filter((c) => c.status === 'registered').every((c) => c.withdrawnOn === null)).toBe(true);
    const mekenim = withdrawn.filter((c) => c.partyRegistrationNumber === WITHDRAWALS_PARTY_2020);
    expect(mekenim).toHaveLength(7);
    expect(mekenim.every((c) => c.sex === 'female' && c.withdrawnOn === '2020-09-23')).toBe(true);
  });

  it('exactly the Chon Kazat list of 2020 fails a quota rule, and only the two rules on the sexes', () => {
    const failures: string[] = [];
    for (const [key, list] of lists) {
      const [electionId = ''] = key.split('|');
      const election = data.elections.find((e) => e.id === electionId);
      const profile = election && findRulesProfile(election.rulesProfileId);
      if (!profile) throw new Error(`no profile for ${key}`);
      for (const r of checkCandidateList(list, electionDayOf(electionId), profile.candidateList)) {
        if (!r.passed) failures.push(`${key}:${r.rule}`);
      }
    }
    // With fewer than a third women, "at most 2 men in a row" cannot hold, so the drift that breaks
    // the 70% rule necessarily breaks the alternation rule too.
    expect(failures.sort()).toEqual([
      `kg-2020-parliament|${DRIFT_PARTY_2020}:max-run-one-sex`,
      `kg-2020-parliament|${DRIFT_PARTY_2020}:max-share-one-sex`,
    ]);
  });

  it('every list passed all rules as registered, before anyone withdrew', () => {
    for (const [key, list] of lists) {
      const [electionId = ''] = key.split('|');
      const asRegistered = list.map((c) => ({ ...c, status: 'registered' as const }));
      const profile = findRulesProfile(data.elections.find((e) => e.id === electionId)?.rulesProfileId ?? '');
      if (!profile) throw new Error(`no profile for ${key}`);
      const failed = checkCandidateList(asRegistered, electionDayOf(electionId), profile.candidateList).filter(
        (r) => !r.passed,
      );
      expect(failed.map((r) => `${key}:${r.rule}`)).toEqual([]);
    }
  });

  it('candidates are 21–75 years old on election day', () => {
    const outOfRange = data.candidates.filter((c) => {
      const day = electionDayOf(c.electionId);
      const age =
        Number(day.slice(0, 4)) - Number(c.birthDate.slice(0, 4)) - (day.slice(5) < c.birthDate.slice(5) ? 1 : 0);
      return age < 21 || age > 75;
    });
    expect(outOfRange).toEqual([]);
  });

  it('places of residence are settlements or districts, never street addresses', () => {
    const place = /^(г\. [А-Яа-я-]+|[А-Яа-я-]+ район)$/;
    expect(data.candidates.filter((c) => !place.test(c.placeOfResidence))).toEqual([]);
  });
});

describe('people', () => {
  it('PINs are unique, 14 digits: sex digit, DDMMYYYY of the birth date, 5 digits', () => {
    const pins = data.candidates.map((c) => c.pin);
    expect(new Set(pins).size).toBe(pins.length);
    const bad = data.candidates.filter((c) => {
      const [y, m, d] = c.birthDate.split('-');
      const check = checkPin(c.pin, '2030-01-01');
      return (
        !new RegExp(`^${c.sex === 'female' ? 1 : 2}${d}${m}${y}\\d{5}$`).test(c.pin) ||
        check.status !== 'valid' ||
        check.sex !== c.sex ||
        check.birthDate !== c.birthDate
      );
    });
    expect(bad).toEqual([]);
  });

  it('Айгүл Шайлдабекова stands in a 2020 list, in Kyrgyz, Russian and Latin script', () => {
    const found = data.candidates.filter((c) => c.nameKy === 'Айгүл Шайлдабекова');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      electionId: 'kg-2020-parliament',
      nameRu: 'Шайлдабекова Айгуль Таалайбековна',
      nameLatin: toLatin('Айгүл Шайлдабекова'),
      sex: 'female',
      status: 'registered',
    });
  });

  it('the Latin name is toLatin of the Kyrgyz name; Russian names have no Kyrgyz-only letters', () => {
    expect(data.candidates.filter((c) => c.nameLatin !== toLatin(c.nameKy))).toEqual([]);
    expect(data.candidates.filter((c) => /[ңөүҢӨҮ]/u.test(c.nameRu))).toEqual([]);
  });

  it('Kyrgyz names are unique across the dataset, so a name search finds one person', () => {
    const names = data.candidates.map((c) => c.nameKy);
    expect(new Set(names).size).toBe(names.length);
  });

  it('Russian names are 10–15% of all candidates; ethnic minorities at least 15% of each list', () => {
    const russian = data.candidates.filter((c) => RUSSIAN_GIVEN_NAMES.has(c.nameKy.split(' ')[0] ?? ''));
    const share = russian.length / data.candidates.length;
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.15);
    for (const list of lists.values()) {
      const r = registered(list);
      expect(r.filter((c) => c.ethnicMinority).length / r.length).toBeGreaterThanOrEqual(0.15);
    }
  });
});

describe('names', () => {
  it('pools are large enough to avoid repeats', () => {
    expect(NAME_POOL_SIZES.femaleGiven).toBeGreaterThanOrEqual(150);
    expect(NAME_POOL_SIZES.maleGiven).toBeGreaterThanOrEqual(150);
    expect(NAME_POOL_SIZES.surnameRoots).toBeGreaterThanOrEqual(200);
  });

  it('Kyrgyz spellings become Russian ones', () => {
    expect(kyrgyzToRussianSpelling('Айгүл')).toBe('Айгуль');
    expect(kyrgyzToRussianSpelling('Гүлнара')).toBe('Гульнара');
    expect(kyrgyzToRussianSpelling('Гүлиза')).toBe('Гулиза');
    expect(kyrgyzToRussianSpelling('Төрөбаев Жеңиш Үсөнович')).toBe('Торобаев Жениш Усонович');
    expect(kyrgyzSurname('Таалай', 'male')).toBe('Таалаев');
    expect(kyrgyzSurname('Шайлдабек', 'female')).toBe('Шайлдабекова');
    expect(kyrgyzSurname('Али', 'female')).toBe('Алиева');
  });
});

describe('programmes and logos', () => {
  it('there is one programme per participation, headed "Synthetic demo programme" in each language', () => {
    expect(data.programmes).toHaveLength(data.participations.length);
    for (const p of data.programmes) {
      for (const lang of ['ky', 'ru', 'en'] as const)
        expect(p.text[lang].startsWith(PROGRAMME_HEADING[lang])).toBe(true);
      expect(p.text.en).toContain('not the real programme');
    }
  });

  it('the PDF embeds DejaVu Sans and is the same bytes every time', async () => {
    const party = data.parties[0];
    const programme = data.programmes[0];
    if (!party || !programme) throw new Error('empty dataset');
    const a = await renderProgrammePdf(programme, party);
    const b = await renderProgrammePdf(programme, party);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.toString('latin1')).toMatch(/DejaVuSans/);
    expect(a.equals(b)).toBe(true);
  }, 20_000);

  it('logos are small SVGs, one per party, that say they are not the real logo', () => {
    expect(data.logos.map((l) => l.partyRegistrationNumber)).toEqual(data.parties.map((p) => p.registrationNumber));
    for (const l of data.logos) {
      expect(Buffer.byteLength(l.svg)).toBeLessThan(2048);
      expect(l.svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(l.svg).toContain('not the party&apos;s real logo');
    }
    expect(initialsOf('Butun Kyrgyzstan')).toBe('BK');
    expect(initialsOf('Ata-Jurt Kyrgyzstan')).toBe('AJK');
  });

  it('the banner names what is synthetic in all three languages', () => {
    expect(SYNTHETIC_NOTICE.en).toBe(
      'The candidates, donors and amounts in this demo are synthetic; party names and dates are real.',
    );
    expect(SYNTHETIC_NOTICE.ky.length).toBeGreaterThan(0);
    expect(SYNTHETIC_NOTICE.ru.length).toBeGreaterThan(0);
  });
});

describe('reproducibility and speed', () => {
  it('two builds are deep-equal', () => {
    expect(buildDemoDataset()).toEqual(data);
  });
});

describe('random', () => {
  it('int stays in range and the same seed gives the same stream', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, min, span) => {
          const a = createRng(seed);
          const b = createRng(seed);
          for (let i = 0; i < 20; i++) {
            const x = a.int(min, min + span);
            expect(x).toBeGreaterThanOrEqual(min);
            expect(x).toBeLessThanOrEqual(min + span);
            expect(b.int(min, min + span)).toBe(x);
          }
        },
      ),
    );
  });

  it('streams differ by label and dates stay between their bounds', () => {
    expect(rngFor('a').next()).not.toBe(rngFor('b').next());
    const r = rngFor('dates');
    for (let i = 0; i < 200; i++) {
      const d = r.dateBetween('2020-02-27', '2020-03-02');
      expect(d >= '2020-02-27' && d <= '2020-03-02').toBe(true);
    }
  });

  it('sex patterns never put more than two of one sex in a row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 120, max: 200 }),
        fc.double({ min: 0.34, max: 0.5, noNaN: true }),
        (seed, size, share) => {
          const women = Math.max(Math.round(size * share), Math.ceil((size - 2) / 3));
          const sexes = sexPattern(createRng(seed), size, women);
          expect(sexes).toHaveLength(size);
          expect(sexes.filter((s) => s === 'female')).toHaveLength(women);
          expect(longestRun(sexes)).toBeLessThanOrEqual(2);
        },
      ),
    );
  });
});
