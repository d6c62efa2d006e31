// The names of the local demo's municipalities and parties, made up from a seeded stream: village and
// town names built from syllables that name no real place, and party names from a small grid of words,
// each in Kyrgyz, Russian and English. The demo's election is marked synthetic, so every page of it says
// so as well.
import type { Localized } from '../../domain/election.ts';
import { toLatin } from '../../domain/transliteration.ts';
import { kyrgyzToRussianSpelling } from '../../demo/names.ts';
import type { Rng } from '../../demo/random.ts';

/** The seven regions, and the two cities of republican significance, as the district files write them. */
export const LOCAL_DEMO_REGIONS = [
  { region: 'Баткен', prefix: 'BT', municipalities: 28 },
  { region: 'Жалал-Абад', prefix: 'JA', municipalities: 72 },
  { region: 'Ысык-Көл', prefix: 'IK', municipalities: 52 },
  { region: 'Нарын', prefix: 'NR', municipalities: 30 },
  { region: 'Ош', prefix: 'OS', municipalities: 88 },
  { region: 'Талас', prefix: 'TL', municipalities: 26 },
  { region: 'Чүй', prefix: 'CH', municipalities: 102 },
  { region: 'Бишкек шаары', prefix: 'BI', municipalities: 1 },
  { region: 'Ош шаары', prefix: 'OC', municipalities: 1 },
] as const;

/** The councils of the two cities keep their own names: there is one of each. */
export const CITY_COUNCILS: Readonly<Record<string, Localized>> = {
  BI: { ky: 'Бишкек шаардык кеңеши', ru: 'Бишкекский городской кенеш', en: 'Bishkek city council' },
  OC: { ky: 'Ош шаардык кеңеши', ru: 'Ошский городской кенеш', en: 'Osh city council' },
};

const OPENINGS = ['Ба', 'Бе', 'Жа', 'Жы', 'Ка', 'Кө', 'Ма', 'Мү', 'Са', 'Сы', 'Та', 'Тө', 'Ча', 'Чү', 'Ту', 'Ко'];
const MIDDLES = ['кыр', 'лан', 'мыш', 'рай', 'зар', 'лык', 'нар', 'тал', 'чек', 'рым', 'шан', 'кол'];
const ENDINGS = ['', '', 'дө', 'сай', 'бел', 'той', 'кен', 'ай', 'ыш'];

/** A place name nobody has: opening, middle and an optional ending, never the same twice. */
function placeRoot(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const root = `${rng.pick(OPENINGS)}${rng.pick(MIDDLES)}${rng.pick(ENDINGS)}`;
    if (!taken.has(root)) {
      taken.add(root);
      return root;
    }
  }
}

/** A village (ayil) council, or now and then a town council, with a made-up name in the three languages. */
export function municipalityName(rng: Rng, taken: Set<string>): { name: Localized; town: boolean } {
  const ky = placeRoot(rng, taken);
  const ru = kyrgyzToRussianSpelling(ky);
  const en = toLatin(ky);
  const town = rng.chance(0.08);
  return town
    ? { town, name: { ky: `${ky} шаардык кеңеши`, ru: `${ru} городской кенеш`, en: `${en} town council` } }
    : { town, name: { ky: `${ky} айылдык кеңеши`, ru: `${ru} айыльный кенеш`, en: `${en} village council` } };
}

// Russian adjectives agree with their noun: every noun here is masculine, so one form of each will do.
const ADJECTIVES: readonly Localized[] = [
  { ky: 'Жаңы', ru: 'Новый', en: 'New' },
  { ky: 'Элдик', ru: 'Народный', en: 'People’s' },
  { ky: 'Жашыл', ru: 'Зелёный', en: 'Green' },
  { ky: 'Жарык', ru: 'Светлый', en: 'Bright' },
  { ky: 'Жалпы', ru: 'Общий', en: 'Common' },
  { ky: 'Тоолуу', ru: 'Горный', en: 'Mountain' },
  { ky: 'Адил', ru: 'Честный', en: 'Fair' },
  { ky: 'Жаш', ru: 'Молодой', en: 'Young' },
];
const NOUNS: readonly Localized[] = [
  { ky: 'жол', ru: 'путь', en: 'Path' },
  { ky: 'жер', ru: 'край', en: 'Land' },
  { ky: 'үн', ru: 'голос', en: 'Voice' },
  { ky: 'бирлик', ru: 'союз', en: 'Union' },
  { ky: 'тандоо', ru: 'выбор', en: 'Choice' },
  { ky: 'көпүрө', ru: 'мост', en: 'Bridge' },
  { ky: 'очок', ru: 'очаг', en: 'Hearth' },
  { ky: 'таң', ru: 'рассвет', en: 'Dawn' },
];

/** `count` distinct party names (at most 64), each with its short name; "demo" is part of the full name. */
export function partyNames(rng: Rng, count: number): Array<{ name: Localized; shortName: Localized }> {
  const grid = ADJECTIVES.flatMap((a) => NOUNS.map((n) => [a, n] as const));
  if (count > grid.length) throw new RangeError(`at most ${grid.length} party names, not ${count}`);
  return rng.sample(grid, count).map(([a, n]) => ({
    name: {
      ky: `«${a.ky} ${n.ky}» партиясы (демо)`,
      ru: `Партия «${a.ru} ${n.ru}» (демо)`,
      en: `${a.en} ${n.en} Party (demo)`,
    },
    shortName: { ky: `${a.ky} ${n.ky}`, ru: `${a.ru} ${n.ru}`, en: `${a.en} ${n.en}` },
  }));
}
