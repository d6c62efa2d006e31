// The real parties of the 2020 and 2021 Jogorku Kenesh elections, as demo data: real names and ballot
// order, synthetic everything that identifies a party office (registration numbers, founding dates,
// addresses, phones, websites).
//
// Sources for the real parts: the CEC lottery of 9 September 2020 (ballot order, domain notes §6);
// party names as reported by 24.kg and RFE/RL in 2020; the 2021 participants as listed by Kabar on
// 28 November 2021. Kyrgyz forms of the long official names are our best rendering where the
// registered Kyrgyz text was not at hand (noted per party).
import type { Party } from '../domain/election.ts';

interface PartyRow {
  /** SYNTHETIC registration number (format only imitates a Ministry of Justice certificate). */
  reg: string;
  name: Party['name'];
  short: Party['shortName'];
  /** Real public leader only where sure; otherwise empty. */
  leader: string;
  /** SYNTHETIC founding date. */
  founded: string;
  /** SYNTHETIC office address in Bishkek (street names are real streets, numbers invented). */
  address: string;
  /** SYNTHETIC phone in the Bishkek 312 area. */
  phone: string;
  /** SYNTHETIC: the reserved `.example` top-level domain, so that no link can reach a real site. */
  site: string;
}

function toParty(r: PartyRow): Party {
  return {
    registrationNumber: r.reg,
    name: r.name,
    shortName: r.short,
    leader: r.leader,
    foundedOn: r.founded,
    address: r.address,
    phone: r.phone,
    website: r.site,
    logoBlobKey: null,
  };
}

/** "«X» саясий партиясы" / "Политическая партия «X»" / 'Political party "X"'. */
function political(ky: string, ru: string, en: string): Pick<PartyRow, 'name' | 'short'> {
  return {
    name: { ky: `«${ky}» саясий партиясы`, ru: `Политическая партия «${ru}»`, en: `Political party "${en}"` },
    short: { ky, ru, en },
  };
}

// Registration numbers are ASCII on purpose: they are the canonical party id and appear in URLs and
// file names, where Cyrillic would need escaping. All of them are SYNTHETIC.
const ROWS_2020: readonly PartyRow[] = [
  {
    reg: '10472-3301-PP',
    ...political('Биримдик', 'Биримдик', 'Birimdik'),
    leader: 'Марат Аманкулов',
    founded: '2020-01-21',
    address: 'г. Бишкек, ул. Киевская, 77',
    phone: '+996 312 61-20-01',
    site: 'https://birimdik.example',
  },
  {
    reg: '10318-3301-PP',
    ...political('Мекенчил', 'Мекенчил', 'Mekenchil'),
    leader: '',
    founded: '2010-06-15',
    address: 'г. Бишкек, ул. Токтогула, 112',
    phone: '+996 312 61-20-02',
    site: 'https://mekenchil.example',
  },
  {
    reg: '10655-3301-PP',
    ...political('Ыйман Нуру', 'Ыйман Нуру', 'Yiman Nuru'),
    leader: '',
    founded: '2019-03-12',
    address: 'г. Бишкек, ул. Ахунбаева, 129',
    phone: '+996 312 61-20-03',
    site: 'https://yiman-nuru.example',
  },
  {
    reg: '10389-3301-PP',
    ...political('Мекеним Кыргызстан', 'Мекеним Кыргызстан', 'Mekenim Kyrgyzstan'),
    leader: '',
    founded: '2015-12-08',
    address: 'г. Бишкек, пр. Чуй, 155',
    phone: '+996 312 61-20-04',
    site: 'https://mekenim.example',
  },
  {
    reg: '10590-3301-PP',
    ...political('Реформа', 'Реформа', 'Reforma'),
    leader: 'Клара Сооронкулова',
    founded: '2019-07-02',
    address: 'г. Бишкек, ул. Исанова, 42',
    phone: '+996 312 61-20-05',
    site: 'https://reforma.example',
  },
  {
    reg: '10021-3301-PP',
    name: {
      ky: '«Ата Мекен» социалисттик партиясы',
      ru: 'Социалистическая партия «Ата Мекен»',
      en: 'Socialist party "Ata Meken"',
    },
    short: { ky: 'Ата Мекен', ru: 'Ата Мекен', en: 'Ata Meken' },
    leader: 'Өмүрбек Текебаев',
    founded: '1992-12-16',
    address: 'г. Бишкек, ул. Московская, 172',
    phone: '+996 312 61-20-06',
    site: 'https://ata-meken.example',
  },
  {
    reg: '10514-3301-PP',
    ...political('Замандаш', 'Замандаш', 'Zamandash'),
    leader: '',
    founded: '2016-04-19',
    address: 'г. Бишкек, ул. Боконбаева, 88',
    phone: '+996 312 61-20-07',
    site: 'https://zamandash.example',
  },
  {
    reg: '10233-3301-PP',
    // Kyrgyz spelling with ү; the Russian registration drops it (Бутун), as Russian has no ү.
    ...political('Бүтүн Кыргызстан', 'Бутун Кыргызстан', 'Butun Kyrgyzstan'),
    leader: 'Адахан Мадумаров',
    founded: '2010-09-07',
    address: 'г. Бишкек, ул. Турусбекова, 61',
    phone: '+996 312 61-20-08',
    site: 'https://butun-kyrgyzstan.example',
  },
  {
    reg: '10466-3301-PP',
    ...political('Социал-демократтар', 'Социал-демократы', 'Social Democrats'),
    leader: 'Темирлан Султанбеков',
    founded: '2019-02-26',
    address: 'г. Бишкек, ул. Абдрахманова, 170',
    phone: '+996 312 61-20-09',
    site: 'https://social-democrats.example',
  },
  {
    reg: '10377-3301-PP',
    ...political('Мекен Ынтымагы', 'Мекен Ынтымагы', 'Meken Yntymagy'),
    leader: '',
    founded: '2014-05-30',
    address: 'г. Бишкек, ул. Логвиненко, 53',
    phone: '+996 312 61-20-10',
    site: 'https://meken-yntymagy.example',
  },
  {
    reg: '10108-3301-PP',
    // Russian and English are the official long names; the Kyrgyz text is our rendering.
    name: {
      ky: 'Ооган согушунун ардагерлеринин жана башка жергиликтүү согуштук кагылышуулардын катышуучуларынын партиясы',
      ru: 'Партия ветеранов войны в Афганистане и участников других локальных конфликтов',
      en: 'Party of Veterans of the War in Afghanistan and Participants of Other Local Conflicts',
    },
    short: { ky: 'Ооган ардагерлери', ru: 'Партия ветеранов Афганистана', en: 'Afghan War Veterans' },
    leader: '',
    founded: '1999-10-05',
    address: 'г. Бишкек, ул. Шопокова, 101',
    phone: '+996 312 61-20-11',
    site: 'https://afghan-veterans.example',
  },
  {
    reg: '10621-3301-PP',
    ...political('Ордо', 'Ордо', 'Ordo'),
    leader: '',
    founded: '2018-11-14',
    address: 'г. Бишкек, ул. Фрунзе, 390',
    phone: '+996 312 61-20-12',
    site: 'https://ordo.example',
  },
  {
    reg: '10352-3301-PP',
    // Registered as a party "of state unity and patriotism"; the Kyrgyz long form is our rendering.
    name: {
      ky: '«Бир Бол» мамлекеттик биримдик жана патриоттуулук партиясы',
      ru: 'Партия государственного единства и патриотизма «Бир Бол»',
      en: 'Party of State Unity and Patriotism "Bir Bol"',
    },
    short: { ky: 'Бир Бол', ru: 'Бир Бол', en: 'Bir Bol' },
    leader: 'Алтынбек Сулайманов',
    founded: '2010-03-23',
    address: 'г. Бишкек, ул. Раззакова, 32',
    phone: '+996 312 61-20-13',
    site: 'https://bir-bol.example',
  },
  {
    reg: '10295-3301-PP',
    ...political('Республика', 'Республика', 'Respublika'),
    leader: '',
    founded: '2010-06-01',
    address: 'г. Бишкек, пр. Манаса, 40',
    phone: '+996 312 61-20-14',
    site: 'https://respublika.example',
  },
  {
    reg: '10407-3301-PP',
    ...political('Кыргызстан', 'Кыргызстан', 'Kyrgyzstan'),
    leader: '',
    founded: '2015-02-10',
    address: 'г. Бишкек, бул. Эркиндик, 21',
    phone: '+996 312 61-20-15',
    site: 'https://kyrgyzstan-party.example',
  },
  {
    reg: '10603-3301-PP',
    ...political('Чоң казат', 'Чон Казат', 'Chon Kazat'),
    leader: '',
    founded: '2018-08-28',
    address: 'г. Бишкек, ул. Орозбекова, 44',
    phone: '+996 312 61-20-16',
    site: 'https://chon-kazat.example',
  },
];

/** The 16 parties of 2020 in the order of the CEC lottery of 9 September 2020: index 0 = ballot number 1. */
export const PARTIES_2020: readonly Party[] = ROWS_2020.map(toParty);

export const BALLOT_LOTTERY_2020_DATE = '2020-09-09';

/** Registration number of the 2020 party with this ballot number (1-based); throws when out of range. */
export function partyOfBallot2020(ballotNumber: number): Party {
  const p = PARTIES_2020[ballotNumber - 1];
  if (!p) throw new RangeError(`no 2020 party with ballot number ${ballotNumber}`);
  return p;
}

// Parties that first stood in 2021 (the other demo participants of 2021 are 2020 parties).
const ROWS_2021_NEW: readonly PartyRow[] = [
  {
    reg: '10731-3301-PP',
    ...political('Ата-Журт Кыргызстан', 'Ата-Журт Кыргызстан', 'Ata-Jurt Kyrgyzstan'),
    leader: '',
    founded: '2020-11-17',
    address: 'г. Бишкек, ул. Панфилова, 205',
    phone: '+996 312 61-21-01',
    site: 'https://ata-jurt-kyrgyzstan.example',
  },
  {
    reg: '10718-3301-PP',
    ...political('Ишеним', 'Ишеним', 'Ishenim'),
    leader: '',
    founded: '2021-02-09',
    address: 'г. Бишкек, ул. Тоголок Молдо, 60',
    phone: '+996 312 61-21-02',
    site: 'https://ishenim.example',
  },
  {
    reg: '10744-3301-PP',
    ...political('Ынтымак', 'Ынтымак', 'Yntymak'),
    leader: '',
    founded: '2021-03-30',
    address: 'г. Бишкек, ул. Жибек Жолу, 480',
    phone: '+996 312 61-21-03',
    site: 'https://yntymak.example',
  },
  {
    reg: '10702-3301-PP',
    ...political('Альянс', 'Альянс', 'Alliance'),
    leader: '',
    founded: '2020-12-22',
    address: 'г. Бишкек, ул. Уметалиева, 94',
    phone: '+996 312 61-21-04',
    site: 'https://alliance.example',
  },
];

export const PARTIES_2021_NEW: readonly Party[] = ROWS_2021_NEW.map(toParty);

function regOf(shortEn: string): string {
  const row = [...ROWS_2020, ...ROWS_2021_NEW].find((r) => r.short.en === shortEn);
  if (!row) throw new Error(`no demo party "${shortEn}"`);
  return row.reg;
}

/**
 * The 8 of the 21 parties of 2021 in the demo. Ballot numbers are the positions in the list of
 * participants published by Kabar on election day, 28 November 2021; that list is believed to be
 * the ballot order but this is UNCONFIRMED [?]. They are not contiguous because only 8 of the 21
 * parties are in the demo.
 */
export const PARTICIPANTS_2021: ReadonlyArray<{ registrationNumber: string; ballotNumber: number }> = [
  { registrationNumber: regOf('Ata Meken'), ballotNumber: 1 },
  { registrationNumber: regOf('Butun Kyrgyzstan'), ballotNumber: 2 },
  { registrationNumber: regOf('Alliance'), ballotNumber: 3 },
  { registrationNumber: regOf('Yiman Nuru'), ballotNumber: 5 },
  { registrationNumber: regOf('Yntymak'), ballotNumber: 8 },
  { registrationNumber: regOf('Ishenim'), ballotNumber: 9 },
  { registrationNumber: regOf('Social Democrats'), ballotNumber: 14 },
  { registrationNumber: regOf('Ata-Jurt Kyrgyzstan'), ballotNumber: 21 },
];

/**
 * The 10 parties registered for the synthetic 'demo-live-draw' election: 2020 parties, taken in a
 * fixed (not random) order so that the live lottery always starts from the same registrations.
 */
export const PARTICIPANTS_LIVE_DRAW: readonly string[] = [
  'Ata Meken',
  'Respublika',
  'Social Democrats',
  'Reforma',
  'Bir Bol',
  'Butun Kyrgyzstan',
  'Mekenchil',
  'Zamandash',
  'Ordo',
  'Kyrgyzstan',
].map(regOf);

/** The 2020 party whose list drifted below the quota after registration (24.kg: 29% women). */
export const DRIFT_PARTY_2020 = regOf('Chon Kazat');
/** The 2020 party from which seven women withdrew on 23 September 2020 (24.kg); its list still passes. */
export const WITHDRAWALS_PARTY_2020 = regOf('Mekenim Kyrgyzstan');
