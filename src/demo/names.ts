// Synthetic personal names for demo candidates: pools of real given names and surname roots, and the
// rules that turn them into a Kyrgyz-script name and a Russian-document name.
//
// Two forms per person, in a fixed order (the search tests rely on both):
// - nameKy: "Given Surname" in Kyrgyz Cyrillic, as Kyrgyz media write it ("Айгүл Шайлдабекова").
//   People without a surname carry the Kyrgyz patronymic instead: "Нурлан Таалайбек уулу".
// - nameRu: "Surname Given Patronymic" in Russian spelling, as in CEC lists and passports
//   ("Шайлдабекова Айгуль Таалайбековна"; "Таалайбек уулу Нурлан"). Russian has no ң ө ү, so they
//   become н о у, and "гүл/күл" before a consonant or at the end becomes "гуль/куль" (Айгүл → Айгуль),
//   which is how these names are registered in Russian.
//
// The pools are ordinary first names and family-name roots. Roots that would rebuild the names of
// well-known public figures of 2020–2021 (presidents, party leaders, the CEC chair) are left out on
// purpose, so that no synthetic candidate can be mistaken for a real person; "Шайлдабек" is also
// reserved for the one fixed demo candidate that the search tests look for.
import type { Sex } from '../domain/election.ts';
import type { Rng } from './random.ts';

export type NameOrigin = 'kyrgyz' | 'russian' | 'uzbek';

export interface PersonName {
  nameKy: string;
  nameRu: string;
  origin: NameOrigin;
}

/** A pool entry "ky" or "ky:ru" when the Russian spelling is not the mechanical one (Асел:Асель). */
function pool(text: string): ReadonlyArray<readonly [string, string | undefined]> {
  const seen = new Set<string>();
  const out: Array<readonly [string, string | undefined]> = [];
  for (const entry of text.split(/\s+/).filter(Boolean)) {
    const [ky, ru] = entry.split(':') as [string, string | undefined];
    if (seen.has(ky)) continue; // duplicates in the literal lists would only skew the odds
    seen.add(ky);
    out.push([ky, ru]);
  }
  return out;
}

const words = (text: string): readonly string[] => [...new Set(text.split(/\s+/).filter(Boolean))];

const KYRGYZ_FEMALE = pool(`
  Айгүл Айгерим Айжан Айнура Айзада Айсулуу Айпери Айдай Айчүрөк Айымкан Айнагүл Айкерим Айсалкын
  Айзат Айсезим Айзирек Айтолкун Айдана Айжамал Айжаркын Айбүбү Акылай Акмаал Актилек Алтынай Анара
  Асел:Асель Асылгүл Асылкан Асылзат Аяна Аида Алия Алина Ажар Бактыгүл Бегимай Бегайым Бермет Бурул
  Бурулай Бурмакан Бүбүсара Бүбүжан Бүбүкан Бүбүайша Бүбүмариям Гүлзат Гүлмира Гүлнара Гүлбара Гүлжан
  Гүлайым Гүлсара Гүлиза Гүлшан Гүлжамал Гүлназ Гүлниса Гүлчехра Гүлбарчын Гүлкайыр Гүлмайрам Дамира
  Динара Диляра Жазгүл Жамийла Жаңыл Жанылай Жылдыз Жибек Жумагүл Жазира Жанара Жаннат Жыпаргүл
  Жайнагүл Жаркын Зарина Зуура Зейнеп Замира Индира Калыйча Калима Канышай Каныкей Карлыгач Күлүйпа
  Күмүшай Күлпунай Кенже Кыял Кымбат Кундуз Майрам Мээрим Мээримгүл Мөлдүр Мадина Малика Мариям Махабат
  Марал Назгүл Назира Накыя Нуриза Нурзат Нурзада Нургүл Нурайым Нурсулуу Нуржамал Нурила Нурия Нуркыз
  Перизат Роза Салтанат Саадат Сабира Сабина Сайкал Саламат Самара Сезим Султанат Сонун Сүйүмкан
  Тансулуу Таттыгүл Толгонай Тотугүл Турдукан Турсункан Уулжан Умут Фарида Чынара Чолпон Чолпонай
  Чынаргүл Шайыркүл Элмира Эльвира Элнура Элиза Эркайым Эркингүл Ырыскүл Ырыскан Айсана Асема Бактыкан
  Гүлүмкан Жумабүбү Зиба Зулайка Камила Кайыргүл Мирана Нургиза Рахима Сапаргүл Тумар Урпия Чинара
`);

const KYRGYZ_MALE = pool(`
  Азамат Айбек Адилет Алмаз Алмазбек Алтынбек Арстан Асан Асанбек Аскар Аскарбек Атай Аман Бакыт
  Бакытбек Бекжан Бектур Бекболот Болот Бообек Данияр Дастан Досбол Дүйшөн Жаныбек Жаныш Жыргалбек
  Жолдош Жоомарт Жумабек Замир Ислам Калыбек Канат Канатбек Кайрат Кубаныч Кубанычбек Курманбек Марат
  Мирлан Мирбек Мелис Медер Мурат Нурбек Нурлан Нурсултан Нуржигит Өмүрбек Равшан Рустам Руслан Садыр
  Сапар Самат Санжар Сейтек Султан Сүйүнбек Таалай Талант Таалайбек Темир Темирлан Токтогул Тилек
  Тимур Турсунбек Тынчтык Тынчтыкбек Улан Уланбек Урмат Чыңгыз Эмил:Эмиль Эрлан Эрмек Эркин Эрнис Эсен
  Эсенбек Жеңиш Жеңишбек Азиз Айдар Айдарбек Акылбек Алымбек Аманбек Анарбек Арсен Асылбек Атабек
  Бактыбек Бейшен Бекмырза Бектемир Дөөлөт Дүйшөнбек Жусуп Замирбек Иса Исмаил Кадыр Калмурза Камчыбек
  Келдибек Кылычбек Мамбет Манас Максат Марлен Нурдин Орозбек Осмон Өмүрзак Рахат Сагынбек Сабыр
  Садырбек Сапарбек Сейитбек Сыдык Таштан Ташболот Толон Төлөгөн Турат Турар Тынар Улукбек Урматбек
  Үсөн Чолпонбек Шайлообек Шерали Эгемберди Элдияр Эсенгул Абдыкерим Абдылда Абылкасым Бердибек
  Кенешбек Мамырбек Нурмат Токтосун Эрбол Бекназар Кутман Мухтар Айбар Бекзат Нурислам Эмирлан Баястан
  Бакай Алибек Каныбек Мелисбек Медетбек Айтмамат Жумадил Мыктыбек Эркинбек Адыл Азат Бекташ Жолчу
  Кубат Нуржан Тууганбай Өскөн Чынгыз
`);

const RUSSIAN_FEMALE = pool(`
  Анна Елена Ольга Татьяна Наталья Ирина Светлана Марина Людмила Галина Юлия Екатерина Мария Оксана
  Валентина Надежда Любовь Вера Алла Лариса Евгения Анастасия Дарья Ксения Виктория Полина Кристина Нина
  Тамара Жанна Инна Яна Зоя Лидия Раиса
`);

const RUSSIAN_MALE = pool(`
  Александр Сергей Андрей Алексей Дмитрий Владимир Николай Игорь Виктор Михаил Юрий Олег Евгений Павел
  Константин Вадим Геннадий Валерий Антон Максим Роман Денис Артём Илья Борис Василий Пётр Фёдор
  Григорий Станислав Вячеслав Анатолий Леонид Иван Кирилл
`);

const UZBEK_FEMALE = pool(`
  Дилноза Шахноза Нигора Мохира Зулфия Феруза Дилфуза Мавлюда Саодат Юлдуз Нодира Гулнора Барно Лола
  Мунира Наргиза Умида Хуршида Мафтуна Севара Дилором Зухра
`);

const UZBEK_MALE = pool(`
  Бахтиёр Дилшод Шерзод Улугбек Фаррух Отабек Жасур Анвар Баходир Шухрат Ильхом Нодир Фарход Алишер
  Икром Акмал Зафар Хуршид Ботир Рустамжон Собир Азамжон
`);

/**
 * Kyrgyz family-name roots: a grandfather's or father's name. Surname = root + ов/ова, or ев/ева after
 * a vowel or й (Таалай → Таалаев).
 */
const KYRGYZ_SURNAME_ROOTS = words(`
  Абдыкерим Абдылда Абдыраим Абылкасым Адылбек Айтбай Акмат Алымбек Аман Анарбек Арзымат Асан Асанбай
  Аскар Атабек Байсал Байтик Бакир Бактыбек Бейшен Бекмамат Бектур Бердибек Бообек Болот Борубай
  Бөкөнбай Дүйшөн Дүйшөнбек Жакып Жантай Жаныбек Жолдош Жоомарт Жумабай Жумаш Жусуп Жээнали Исак
  Исмаил Кадыр Калыбек Калмурза Камчыбек Канат Карабек Касым Келдибек Кенеш Керимбай Кожомкул Кубат
  Кудайберген Кулмат Курманбай Кыдыр Кылыч Мамат Мамбет Мамыт Маткерим Медет Мойдун Молдокул Мурат
  Мусабек Назар Нармат Нурбек Нурмат Оморбек Омор Орозбай Орозбек Осмон Өмүрзак Өскөнбай Сагынбай
  Садык Самат Сапар Сейит Сыдык Таалай Тагай Талант Темир Токтогул Токтосун Токтомамат Толубай Төлөгөн
  Төрөбай Турат Турдубай Турсун Тынчтык Үсөн Усубали Чойбек Чотон Чынгыш Шаршен Ырыс Ысак Эркин Эсен
  Эсенгул Эшмат Абди Али Абакир Абдрахман Адыл Айдарбек Айтмамат Акылбек Алымкул Аманбай Арстанбек
  Асылбек Байболот Бактыгул Бекболот Бекжан Бекназар Бектемир Беркимбай Бөрүбай Дастан Доолот Дөөлөт
  Жакшылык Жалил Жаманкул Жанузак Жаркынбай Жекшен Жеңиш Жолбор Жумагул Жумакадыр Жунус Жусупбек
  Зарлык Ибрай Иманкул Иса Казыбек Кайыпбек Калдыбай Каныбек Карымшак Качкын Кенжебек Кожобек Кочкор
  Кубанычбек Кулмырза Кумар Кутман Кыдырбай Кыргызбай Майрамбек Маматкул Мамырбек Манас Медербек
  Мукаш Муратбек Мырзабек Намазбек Насыр Нарынбай Нурдин Нуржигит Нуркул Огонбай Олжобай Осмонкул
  Өмүрбек Рахман Рыскул Рысбек Сабыр Сагын Садырбек Самудин Сапарбек Сатар Сейдахмат Сеит Сыргак
  Тайлак Таштанбек Ташболот Темирбек Тилек Толон Төрөкул Турган Турдумамбет Тургунбай Туратбек Тынай
  Урмат Чолпонбек Чоро Чыныбай Шабдан Шарип Ырысбек Ыбырай Эрназар Эркинбек Эрмат Эсенаман Эсенбек
  Жумадил Абдыкалык Абдымомун Бейшебай Боконбай Кудайкул Култай Маматай Кеңешбек Көчкөнбай Сүйүнбай
  Түгөлбай Өмүркул Төлөбай Дөөлөтбек Үмөт Эгемберди Бакас Мамыркул Сарыбай Токон Абыл Алыкул
`);

/** Male forms; the female form adds -а to -ов/-ев/-ёв/-ин/-ын, turns -ский into -ская, else is the same. */
const RUSSIAN_SURNAMES = words(`
  Иванов Петров Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Волков Соловьёв Васильев
  Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев Тарасов Белов
  Комаров Орлов Киселёв Макаров Андреев Ковалёв Ильин Гусев Титов Кузьмин Кудрявцев Баранов Куликов
  Алексеев Степанов Яковлев Сорокин Сергеев Романов Захаров Борисов Королёв Никитин Фролов Крылов
  Шевченко Бондаренко Коваленко Ткаченко Ким Пак Цой Ли Шмидт Вагнер Хабибуллин Галиев Сафин Ковальский
`);

const UZBEK_SURNAMES = words(`
  Абдуллаев Юсупов Рахимов Каримов Исмаилов Мирзаев Турсунов Хамидов Усмонов Эргашев Холматов Ахмедов
  Нурматов Аширов Хакимов Бабаджанов Мамажонов Юлдашев Рахманов Содиков Шарипов Мадаминов Абдурахманов
  Тошматов Хайдаров
`);

/** Russian patronymics, male forms; female by -ович → -овна, -евич → -евна. */
const RUSSIAN_PATRONYMICS = words(`
  Александрович Сергеевич Андреевич Алексеевич Дмитриевич Владимирович Николаевич Игоревич Викторович
  Михайлович Юрьевич Олегович Евгеньевич Павлович Петрович Иванович Васильевич Анатольевич Геннадьевич
  Борисович Григорьевич Валерьевич Леонидович Фёдорович
`);

const RESERVED_SURNAME_ROOT = 'Шайлдабек';

/** Kyrgyz spelling → Russian spelling of a name (see the top comment). */
export function kyrgyzToRussianSpelling(text: string): string {
  return text
    .replace(/([ГгКк])ү(л)(?=$|[^аеёиоуыэюяөүАЕЁИОУЫЭЮЯӨҮ])/gu, '$1у$2ь')
    .replace(/ң/g, 'н')
    .replace(/Ң/g, 'Н')
    .replace(/ө/g, 'о')
    .replace(/Ө/g, 'О')
    .replace(/ү/g, 'у')
    .replace(/Ү/g, 'У');
}

const VOWEL_END = /[аеёиоуыэюяөү]$/u;

/** Root + ов/ев (+а for women). */
export function kyrgyzSurname(root: string, sex: Sex): string {
  const base = root.endsWith('й') ? `${root.slice(0, -1)}ев` : VOWEL_END.test(root) ? `${root}ев` : `${root}ов`;
  return sex === 'female' ? `${base}а` : base;
}

/** Russian patronymic from a father's name in Russian spelling; only names ending in a consonant or й. */
export function russianPatronymic(fatherRu: string, sex: Sex): string {
  if (fatherRu.endsWith('й')) return `${fatherRu.slice(0, -1)}${sex === 'female' ? 'евна' : 'евич'}`;
  return `${fatherRu}${sex === 'female' ? 'овна' : 'ович'}`;
}

function russianFemaleSurname(male: string): string {
  if (/(ов|ев|ёв|ин|ын)$/u.test(male)) return `${male}а`;
  if (male.endsWith('ский')) return `${male.slice(0, -4)}ская`;
  return male;
}

const ruGiven = ([ky, ru]: readonly [string, string | undefined]): string => ru ?? kyrgyzToRussianSpelling(ky);

// Fathers for patronymics: Kyrgyz male names that take -ович/-евич (a final vowel would need rules
// of its own, and such names are simply not used as fathers here).
const KYRGYZ_FATHERS = KYRGYZ_MALE.filter(([ky]) => !VOWEL_END.test(ky));
const UZBEK_FATHERS = UZBEK_MALE.filter(([ky]) => !VOWEL_END.test(ky));
const KYRGYZ_ROOTS_USABLE = KYRGYZ_SURNAME_ROOTS.filter((r) => r !== RESERVED_SURNAME_ROOT);

/** Given names of the Russian pool (Russians, Ukrainians, Koreans, Tatars… in the demo), for tests. */
export const RUSSIAN_GIVEN_NAMES: ReadonlySet<string> = new Set([...RUSSIAN_FEMALE, ...RUSSIAN_MALE].map(([ky]) => ky));

/** Sizes of the pools, for tests and documentation. */
export const NAME_POOL_SIZES = {
  femaleGiven: KYRGYZ_FEMALE.length + RUSSIAN_FEMALE.length + UZBEK_FEMALE.length,
  maleGiven: KYRGYZ_MALE.length + RUSSIAN_MALE.length + UZBEK_MALE.length,
  surnameRoots: KYRGYZ_SURNAME_ROOTS.length + RUSSIAN_SURNAMES.length + UZBEK_SURNAMES.length,
  kyrgyzSurnameRoots: KYRGYZ_SURNAME_ROOTS.length,
} as const;

/**
 * A Kyrgyz person with a surname: "Айгүл Шайлдабекова" / "Шайлдабекова Айгуль Таалайбековна".
 * `father` is the father's given name in Kyrgyz spelling.
 */
export function composeKyrgyzName(
  sex: Sex,
  given: string,
  surnameRoot: string,
  father: string,
  givenRu?: string,
): PersonName {
  const surnameKy = kyrgyzSurname(surnameRoot, sex);
  const ru = givenRu ?? kyrgyzToRussianSpelling(given);
  return {
    nameKy: `${given} ${surnameKy}`,
    nameRu: `${kyrgyzToRussianSpelling(surnameKy)} ${ru} ${russianPatronymic(kyrgyzToRussianSpelling(father), sex)}`,
    origin: 'kyrgyz',
  };
}

/** Share of Kyrgyz people in the demo who carry "уулу/кызы" instead of a surname. */
const PATRONYMIC_ONLY_SHARE = 0.12;

export function generateName(rng: Rng, sex: Sex, origin: NameOrigin): PersonName {
  switch (origin) {
    case 'kyrgyz': {
      const given = rng.pick(sex === 'female' ? KYRGYZ_FEMALE : KYRGYZ_MALE);
      const [fatherKy] = rng.pick(KYRGYZ_FATHERS);
      if (rng.chance(PATRONYMIC_ONLY_SHARE)) {
        const suffix = sex === 'female' ? 'кызы' : 'уулу';
        return {
          nameKy: `${given[0]} ${fatherKy} ${suffix}`,
          nameRu: `${kyrgyzToRussianSpelling(fatherKy)} ${suffix} ${ruGiven(given)}`,
          origin,
        };
      }
      return composeKyrgyzName(sex, given[0], rng.pick(KYRGYZ_ROOTS_USABLE), fatherKy, given[1]);
    }
    case 'russian': {
      const [given] = rng.pick(sex === 'female' ? RUSSIAN_FEMALE : RUSSIAN_MALE);
      const male = rng.pick(RUSSIAN_SURNAMES);
      const surname = sex === 'female' ? russianFemaleSurname(male) : male;
      const pat = rng.pick(RUSSIAN_PATRONYMICS);
      const patronymic = sex === 'female' ? pat.replace(/вич$/u, 'вна') : pat;
      return { nameKy: `${given} ${surname}`, nameRu: `${surname} ${given} ${patronymic}`, origin };
    }
    case 'uzbek': {
      const [given] = rng.pick(sex === 'female' ? UZBEK_FEMALE : UZBEK_MALE);
      const male = rng.pick(UZBEK_SURNAMES);
      const surname = sex === 'female' ? `${male}а` : male;
      const [father] = rng.pick(UZBEK_FATHERS);
      return { nameKy: `${given} ${surname}`, nameRu: `${surname} ${given} ${russianPatronymic(father, sex)}`, origin };
    }
    default: {
      const never: never = origin;
      throw new Error(`unknown name origin ${String(never)}`);
    }
  }
}
