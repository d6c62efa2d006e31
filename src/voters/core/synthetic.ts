// The demo's synthetic voter services, from a fixed seed: about 2,500 polling stations (about 50 abroad,
// where Kyrgyz citizens mostly live), and a voter list of any length in which voter i is always the same
// person, so a short list in tests and the full list of a served demo agree on everyone they share.
// PINs are shaped as the domain notes describe (sex digit, birth day DDMMYYYY, five-digit serial) and
// unique by construction; every name is made up.
import { z } from 'zod';
import { searchKey } from '../../domain/transliteration.ts';
import { mulberry32 as rng } from '../../platform/seeded-random.ts';
import type { Station } from './station-rows.ts';
import type { VoterEntry } from './voter-rows.ts';
import places from './synthetic-places.json' with { type: 'json' };

const pickOf = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const Trio = z.tuple([z.string(), z.string(), z.string()]);
/**
 * The places the demo is built on, kept as data: regions at home (with their share of stations), cities
 * abroad (country, city in ky, ru, en, how many stations, coordinates) and street names in three languages.
 */
const Places = z.object({
  regions: z.array(
    z.object({
      code: z.string(),
      ky: z.string(),
      ru: z.string(),
      en: z.string(),
      city: Trio,
      lat: z.number(),
      lon: z.number(),
      share: z.number(),
    }),
  ),
  abroad: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.number(), z.number(), z.number()])),
  streets: z.array(Trio),
});
const { regions: REGIONS, abroad: ABROAD, streets: STREETS } = Places.parse(places);

/** The demo's polling stations: about 2,450 at home, numbered by region (1001…9196), and 50 abroad from 9501. */
export function syntheticStations(seed: number, domestic = 2450): Station[] {
  const r = rng(seed);
  const out: Station[] = [];
  REGIONS.forEach((g, gi) => {
    const n = Math.round(domestic * g.share);
    for (let k = 1; k <= n; k++) {
      const street = pickOf(r, STREETS);
      const house = 1 + Math.floor(r() * 200);
      const school = k + 10 * gi;
      out.push({
        number: String((gi + 1) * 1000 + k),
        name: { ky: `№${school} мектеп`, ru: `Школа №${school}`, en: `School No. ${school}` },
        address: {
          ky: `${g.city[0]}, ${street[0]}, ${house}`,
          ru: `${g.city[1]}, ${street[1]}, ${house}`,
          en: `${house} ${street[2]}, ${g.city[2]}`,
        },
        country: 'KG',
        city: g.city[2],
        lat: Math.round((g.lat + (r() - 0.5) * 0.4) * 1e5) / 1e5,
        lon: Math.round((g.lon + (r() - 0.5) * 0.6) * 1e5) / 1e5,
        hours: '08:00–20:00',
        accessible: r() < 0.6,
        districtCommission: g.code,
      });
    }
  });
  let n = 9500;
  for (const [country, ky, ru, en, count, lat, lon] of ABROAD)
    for (let k = 1; k <= count; k++) {
      n += 1;
      out.push({
        number: String(n),
        name: {
          ky: `${ky}, №${n} шайлоо участкасы`,
          ru: `${ru}, избирательный участок №${n}`,
          en: `${en}, polling station No. ${n}`,
        },
        address: {
          ky: `${ky}, Кыргыз Республикасынын өкүлчүлүгү (${k})`,
          ru: `${ru}, представительство Кыргызской Республики (${k})`,
          en: `${en}, Kyrgyz Republic mission (${k})`,
        },
        country,
        city: en,
        lat: Math.round((lat + (r() - 0.5) * 0.1) * 1e5) / 1e5,
        lon: Math.round((lon + (r() - 0.5) * 0.1) * 1e5) / 1e5,
        hours: '08:00–20:00',
        accessible: true,
        districtCommission: 'Abroad',
      });
    }
  return out;
}

const SURNAME_ROOTS = [
  'Асан',
  'Осмон',
  'Эшим',
  'Султан',
  'Абдыра',
  'Турдуба',
  'Мамыт',
  'Сыдык',
  'Исак',
  'Калык',
  'Усен',
  'Байзак',
  'Нурмат',
  'Алымкул',
  'Чыныба',
  'Жумабек',
  'Токтогул',
  'Молдош',
  'Бекбол',
  'Качкын',
  'Сагынба',
  'Орозба',
  'Темирба',
  'Абдыкады',
  'Дөөлөтба',
  'Кенжебек',
  'Шаршеба',
  'Маматкул',
  'Эргеш',
  'Таштан',
];
const MALE = [
  'Азамат',
  'Бакыт',
  'Нурлан',
  'Эрлан',
  'Талант',
  'Улан',
  'Адилет',
  'Бектур',
  'Марат',
  'Чыңгыз',
  'Эмил',
  'Тимур',
];
const FEMALE = [
  'Айгүл',
  'Айпери',
  'Нургүл',
  'Жылдыз',
  'Гүлнара',
  'Асел',
  'Бермет',
  'Динара',
  'Чолпон',
  'Мээрим',
  'Элиза',
  'Назгүл',
];

/** A surname root and sex → the surname: a root ending in a vowel takes -ев/-ева, others -ов/-ова. */
const surnameOf = (root: string, female: boolean) =>
  `${root}${/[аеиоуыэөү]$/.test(root) ? 'ев' : 'ов'}${female ? 'а' : ''}`;
const SURNAMES = SURNAME_ROOTS.flatMap((root) => [false, true].map((f) => surnameOf(root, f)));
const KEYS = new Map(SURNAMES.map((s) => [s, searchKey(s)]));

/** Four fixed voters the demo and its tests know by name; their serials (99xxx) are never generated. */
export const KNOWN_DEMO_VOTERS: readonly VoterEntry[] = [
  fixed('11503199099001', 'Асанова', 'Айгүл', 'Бакыт кызы', '1990-03-15', '1001', true),
  fixed('20207198599002', 'Токтогулов', 'Нурлан', 'Азамат уулу', '1985-07-02', '9501', false),
  fixed('12011197899003', 'Жумабекова', 'Жылдыз', 'Марат кызы', '1978-11-20', '2001', true),
  fixed('20501200099004', 'Эшимов', 'Эрлан', 'Талант уулу', '2000-01-05', '1002', true),
];

function fixed(
  pin: string,
  surname: string,
  givenName: string,
  patronymic: string,
  birthDate: string,
  stationNumber: string,
  biometricRegistered: boolean,
): VoterEntry {
  const surnameKey = searchKey(surname);
  return {
    pin,
    surname,
    surnameKey,
    givenName,
    patronymic,
    birthDate,
    deathDate: null,
    stationNumber,
    biometricRegistered,
  };
}

const FIRST_DAY = Date.UTC(1940, 0, 1);
const BIRTH_DAYS = 25_567; // 1940-01-01 … 2009-12-31
const COMBOS = 2 * BIRTH_DAYS;
/** Coprime to COMBOS, so that i ↦ (i·P mod COMBOS) visits every sex and birth day once per round. */
const SPREAD = 7919;

/**
 * Voter `i` of the synthetic list. `home` and `abroad` are the station numbers voters are spread over
 * (about 1.5 % abroad). The first voters are the known ones.
 */
export function syntheticVoter(
  seed: number,
  i: number,
  home: readonly string[],
  abroad: readonly string[],
): VoterEntry {
  const known = KNOWN_DEMO_VOTERS[i];
  if (known) return known;
  const r = rng(seed ^ Math.imul(i + 1, 0x9e3779b1));
  const combo = (i * SPREAD) % COMBOS;
  const female = combo % 2 === 0;
  const day = new Date(FIRST_DAY + Math.floor(combo / 2) * 86_400_000).toISOString().slice(0, 10);
  const serial = Math.floor(i / COMBOS) * 1000 + Math.floor(r() * 1000);
  const pin = `${female ? 1 : 2}${day.slice(8, 10)}${day.slice(5, 7)}${day.slice(0, 4)}${String(serial).padStart(5, '0')}`;
  const surname = surnameOf(pickOf(r, SURNAME_ROOTS), female);
  const father = pickOf(r, MALE);
  return {
    pin,
    surname,
    surnameKey: KEYS.get(surname) ?? searchKey(surname),
    givenName: pickOf(r, female ? FEMALE : MALE),
    patronymic: `${father} ${female ? 'кызы' : 'уулу'}`,
    birthDate: day,
    deathDate: r() < 0.001 ? '2026-01-15' : null,
    stationNumber: r() < 0.015 && abroad.length > 0 ? pickOf(r, abroad) : pickOf(r, home),
    biometricRegistered: r() < 0.88,
  };
}
