// The demo's synthetic voter services, from a fixed seed: about 2,500 polling stations (about 50 abroad,
// where Kyrgyz citizens mostly live), and a voter list of any length in which voter i is always the same
// person, so a short list in tests and the full list of a served demo agree on everyone they share.
// PINs are shaped as the domain notes describe (sex digit, birth day DDMMYYYY, five-digit serial) and
// unique by construction; every name is made up.
import { searchKey } from '../../domain/transliteration.ts';
import { mulberry32 as rng } from '../../platform/seeded-random.ts';
import type { Station } from './station-rows.ts';
import type { VoterEntry } from './voter-rows.ts';

const pickOf = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

interface Region {
  code: string;
  ky: string;
  ru: string;
  en: string;
  city: [string, string, string];
  lat: number;
  lon: number;
  share: number;
}
const REGIONS: readonly Region[] = [
  {
    code: 'Bishkek',
    ky: 'Бишкек',
    ru: 'Бишкек',
    en: 'Bishkek',
    city: ['Бишкек', 'Бишкек', 'Bishkek'],
    lat: 42.87,
    lon: 74.59,
    share: 0.2,
  },
  {
    code: 'Osh city',
    ky: 'Ош шаары',
    ru: 'город Ош',
    en: 'Osh city',
    city: ['Ош', 'Ош', 'Osh'],
    lat: 40.53,
    lon: 72.8,
    share: 0.06,
  },
  {
    code: 'Chui',
    ky: 'Чүй облусу',
    ru: 'Чуйская область',
    en: 'Chui region',
    city: ['Токмок', 'Токмок', 'Tokmok'],
    lat: 42.84,
    lon: 75.29,
    share: 0.16,
  },
  {
    code: 'Issyk-Kul',
    ky: 'Ысык-Көл облусу',
    ru: 'Иссык-Кульская область',
    en: 'Issyk-Kul region',
    city: ['Каракол', 'Каракол', 'Karakol'],
    lat: 42.49,
    lon: 78.39,
    share: 0.08,
  },
  {
    code: 'Naryn',
    ky: 'Нарын облусу',
    ru: 'Нарынская область',
    en: 'Naryn region',
    city: ['Нарын', 'Нарын', 'Naryn'],
    lat: 41.43,
    lon: 76.0,
    share: 0.05,
  },
  {
    code: 'Talas',
    ky: 'Талас облусу',
    ru: 'Таласская область',
    en: 'Talas region',
    city: ['Талас', 'Талас', 'Talas'],
    lat: 42.52,
    lon: 72.24,
    share: 0.04,
  },
  {
    code: 'Jalal-Abad',
    ky: 'Жалал-Абад облусу',
    ru: 'Джалал-Абадская область',
    en: 'Jalal-Abad region',
    city: ['Жалал-Абад', 'Джалал-Абад', 'Jalal-Abad'],
    lat: 40.93,
    lon: 73.0,
    share: 0.17,
  },
  {
    code: 'Osh',
    ky: 'Ош облусу',
    ru: 'Ошская область',
    en: 'Osh region',
    city: ['Өзгөн', 'Узген', 'Uzgen'],
    lat: 40.77,
    lon: 73.3,
    share: 0.16,
  },
  {
    code: 'Batken',
    ky: 'Баткен облусу',
    ru: 'Баткенская область',
    en: 'Batken region',
    city: ['Баткен', 'Баткен', 'Batken'],
    lat: 40.06,
    lon: 70.82,
    share: 0.08,
  },
];

/** Cities abroad with stations: country, city (ky, ru, en), stations, coordinates. */
const ABROAD: ReadonlyArray<readonly [string, string, string, string, number, number, number]> = [
  ['RU', 'Москва', 'Москва', 'Moscow', 6, 55.75, 37.62],
  ['RU', 'Санкт-Петербург', 'Санкт-Петербург', 'Saint Petersburg', 3, 59.94, 30.31],
  ['RU', 'Екатеринбург', 'Екатеринбург', 'Yekaterinburg', 2, 56.84, 60.6],
  ['RU', 'Новосибирск', 'Новосибирск', 'Novosibirsk', 1, 55.03, 82.92],
  ['RU', 'Казань', 'Казань', 'Kazan', 1, 55.79, 49.12],
  ['RU', 'Красноярск', 'Красноярск', 'Krasnoyarsk', 1, 56.01, 92.87],
  ['KZ', 'Алматы', 'Алматы', 'Almaty', 4, 43.24, 76.89],
  ['KZ', 'Астана', 'Астана', 'Astana', 2, 51.17, 71.45],
  ['KZ', 'Шымкент', 'Шымкент', 'Shymkent', 1, 42.32, 69.59],
  ['KZ', 'Тараз', 'Тараз', 'Taraz', 1, 42.9, 71.37],
  ['TR', 'Стамбул', 'Стамбул', 'Istanbul', 3, 41.01, 28.98],
  ['TR', 'Анкара', 'Анкара', 'Ankara', 2, 39.93, 32.86],
  ['US', 'Нью-Йорк', 'Нью-Йорк', 'New York', 2, 40.71, -74.01],
  ['US', 'Вашингтон', 'Вашингтон', 'Washington', 1, 38.9, -77.04],
  ['US', 'Чикаго', 'Чикаго', 'Chicago', 1, 41.88, -87.63],
  ['US', 'Лос-Анжелес', 'Лос-Анджелес', 'Los Angeles', 1, 34.05, -118.24],
  ['KR', 'Сеул', 'Сеул', 'Seoul', 3, 37.57, 126.98],
  ['KR', 'Пусан', 'Пусан', 'Busan', 1, 35.18, 129.08],
  ['DE', 'Берлин', 'Берлин', 'Berlin', 2, 52.52, 13.4],
  ['DE', 'Мюнхен', 'Мюнхен', 'Munich', 1, 48.14, 11.58],
  ['GB', 'Лондон', 'Лондон', 'London', 3, 51.51, -0.13],
  ['AE', 'Дубай', 'Дубай', 'Dubai', 2, 25.2, 55.27],
  ['AE', 'Абу-Даби', 'Абу-Даби', 'Abu Dhabi', 1, 24.45, 54.38],
  ['IT', 'Рим', 'Рим', 'Rome', 1, 41.9, 12.5],
  ['IT', 'Неаполь', 'Неаполь', 'Naples', 1, 40.85, 14.27],
  ['UZ', 'Ташкент', 'Ташкент', 'Tashkent', 2, 41.3, 69.24],
  ['CN', 'Бээжин', 'Пекин', 'Beijing', 1, 39.9, 116.41],
];

const STREETS: ReadonlyArray<readonly [string, string, string]> = [
  ['Чүй проспекти', 'проспект Чуй', 'Chui Avenue'],
  ['Манас көчөсү', 'улица Манаса', 'Manas Street'],
  ['Ленин көчөсү', 'улица Ленина', 'Lenin Street'],
  ['Токтогул көчөсү', 'улица Токтогула', 'Toktogul Street'],
  ['Жибек жолу', 'Жибек-Жолу', 'Jibek Jolu'],
  ['Мектеп көчөсү', 'Школьная улица', 'School Street'],
];

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
