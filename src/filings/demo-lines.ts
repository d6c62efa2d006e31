// The building blocks of the demo's finance reports: synthetic donors (format-valid PINs, home
// addresses), companies, receipts and expenditures, dates within a report's period, and the text of a
// report's scanned bank statement. Pure functions of the demo's seeded random source.
import type { Party, Sex } from '../domain/election.ts';
import { toDecimalString, tyiyn, type Tyiyn } from '../domain/money.ts';
import { addDays } from '../domain/report-deadlines.ts';
import { generateName, type NameOrigin } from '../demo/names.ts';
import type { Rng } from '../demo/random.ts';
import type { Expenditure, ExpenditureCategory, Filing, Receipt, ReportKind } from './core/filing.ts';

export const BANKS = ['ОАО «РСК Банк»', 'ОАО «Айыл Банк»'] as const;
const CITIES = [
  'г. Бишкек',
  'г. Ош',
  'г. Джалал-Абад',
  'г. Каракол',
  'г. Нарын',
  'г. Талас',
  'г. Токмок',
  'г. Балыкчы',
] as const;
const STREETS = [
  'ул. Советская',
  'ул. Ленина',
  'пр. Манаса',
  'ул. Токтогула',
  'ул. Киевская',
  'ул. Абдрахманова',
  'ул. Исанова',
  'ул. Курманжан Датки',
  'ул. Гагарина',
  'мкр. Восток-5',
] as const;
const COMPANY_WORDS = [
  'Ала-Тоо',
  'Кут',
  'Береке',
  'Тулпар',
  'Асман',
  'Жибек',
  'Нур',
  'Сапат',
  'Көк-Жар',
  'Ордо',
  'Арча',
  'Бакыт',
] as const;
const COMPANY_KINDS = ['Строй', 'Трейд', 'Агро', 'Сервис', 'Медиа', 'Принт', 'Логистик', 'Консалт'] as const;

/** 14 digits, first 0: the shape of a legal entity's INN (individuals' start with 1 or 2). */
export function companyInn(rng: Rng): string {
  return `0${String(rng.int(1, 9))}${String(rng.int(0, 99_999_999_999)).padStart(12, '0')}`;
}

/** A format-valid synthetic PIN: sex digit, date of birth DDMMYYYY, five-digit serial. */
function syntheticPin(rng: Rng, sex: Sex): string {
  const birth = rng.dateBetween('1955-01-01', '2000-12-31');
  const [y, m, d] = birth.split('-') as [string, string, string];
  return `${sex === 'female' ? 1 : 2}${d}${m}${y}${String(rng.int(0, 99_999)).padStart(5, '0')}`;
}

function syntheticAddress(rng: Rng): string {
  return `${rng.pick(CITIES)}, ${rng.pick(STREETS)}, д. ${rng.int(1, 180)}, кв. ${rng.int(1, 120)}`;
}

export function companyName(rng: Rng): string {
  return `ОсОО «${rng.pick(COMPANY_WORDS)}-${rng.pick(COMPANY_KINDS)}» (синтетическое)`;
}

export const money = (somMin: number, somMax: number, rng: Rng): Tyiyn =>
  tyiyn(rng.int(somMin, somMax) * 100 + (rng.chance(0.3) ? rng.int(1, 99) : 0));

export interface PartyPlan {
  party: Party;
  ballot: number;
  /** The year in the parties' invoice numbers. */
  year: string;
  rng: Rng;
  bank: string;
  account: string;
  signer: string;
  refSerial: number;
  docSerial: number;
}

/** A party's plan at the start of an election's reports: its fund account, its signer, no serials used yet. */
export function newPartyPlan(party: Party, ballot: number, year: string, rng: Rng): PartyPlan {
  return {
    party,
    ballot,
    year,
    rng,
    bank: rng.pick(BANKS),
    account: `12${String(rng.int(10, 99))}${String(rng.int(0, 999_999_999_999)).padStart(12, '0')}`,
    signer: generateName(rng, rng.chance(0.5) ? 'female' : 'male', 'kyrgyz').nameRu,
    refSerial: 0,
    docSerial: 0,
  };
}

export function nextRef(p: PartyPlan): string {
  p.refSerial += 1;
  return `PP-${String(p.ballot).padStart(2, '0')}${String(p.refSerial).padStart(4, '0')}`;
}
function nextDoc(p: PartyPlan): string {
  p.docSerial += 1;
  return `INV-${p.year}-${String(p.ballot).padStart(2, '0')}${String(p.docSerial).padStart(3, '0')}`;
}

export function individualReceipt(
  p: PartyPlan,
  lineId: string,
  date: string,
  amount: Tyiyn,
  channel: Receipt['channel'] = 'bank_transfer',
): Receipt {
  const sex: Sex = p.rng.chance(0.45) ? 'female' : 'male';
  const origin: NameOrigin = p.rng.weighted([
    ['kyrgyz', 8],
    ['russian', 1],
    ['uzbek', 1],
  ]);
  const name = generateName(p.rng, sex, origin);
  return {
    lineId,
    date,
    donorType: 'individual',
    donorName: name.nameRu,
    donorPin: syntheticPin(p.rng, sex),
    donorAddress: syntheticAddress(p.rng),
    amount,
    channel,
    ...(channel === 'cash' ? {} : { bankReference: nextRef(p) }),
  };
}

/** The party putting its own money into its fund. */
export function ownFundsReceipt(p: PartyPlan, lineId: string, date: string, amount: Tyiyn): Receipt {
  return {
    lineId,
    date,
    donorType: 'party_own_funds',
    donorName: p.party.name.ru,
    amount,
    channel: 'bank_transfer',
    bankReference: nextRef(p),
  };
}

/** A synthetic company's donation of between `somMin` and `somMax`, drawn after its name and INN. */
export function companyReceipt(p: PartyPlan, lineId: string, date: string, somMin: number, somMax: number): Receipt {
  return {
    lineId,
    date,
    donorType: 'legal_entity',
    donorName: companyName(p.rng),
    donorInn: companyInn(p.rng),
    amount: money(somMin, somMax, p.rng),
    channel: 'bank_transfer',
    bankReference: nextRef(p),
  };
}

const EXPENSES: ReadonlyArray<{ category: ExpenditureCategory; what: string; min: number; max: number }> = [
  { category: 'advertising_tv', what: 'Размещение агитационного ролика на телевидении', min: 150_000, max: 900_000 },
  { category: 'advertising_online', what: 'Реклама в социальных сетях', min: 30_000, max: 300_000 },
  { category: 'advertising_print', what: 'Публикация в газете', min: 20_000, max: 150_000 },
  { category: 'advertising_outdoor', what: 'Аренда рекламных щитов', min: 50_000, max: 400_000 },
  { category: 'campaign_materials', what: 'Печать листовок и плакатов', min: 40_000, max: 350_000 },
  {
    category: 'campaign_materials_accessible',
    what: 'Листовки шрифтом Брайля и видео с сурдопереводом',
    min: 10_000,
    max: 60_000,
  },
  { category: 'services_rent', what: 'Аренда помещения штаба', min: 30_000, max: 120_000 },
  { category: 'services_communications', what: 'Услуги связи и интернет', min: 5_000, max: 40_000 },
  { category: 'services_fuel', what: 'Горюче-смазочные материалы', min: 10_000, max: 80_000 },
  { category: 'services_agitators', what: 'Оплата труда агитаторов', min: 50_000, max: 300_000 },
  { category: 'services_staff', what: 'Оплата труда сотрудников штаба', min: 40_000, max: 200_000 },
  { category: 'transport', what: 'Транспортные услуги', min: 15_000, max: 120_000 },
  { category: 'other', what: 'Канцелярские товары', min: 2_000, max: 20_000 },
];

export function expenditure(p: PartyPlan, lineId: string, date: string, budget: Tyiyn): Expenditure | undefined {
  const e = p.rng.pick(EXPENSES);
  const amount = Math.min(money(e.min, e.max, p.rng), Math.floor(budget * 0.4));
  if (amount < 100_00) return undefined;
  return {
    lineId,
    date,
    category: e.category,
    payeeName: companyName(p.rng),
    payeeInn: companyInn(p.rng),
    amount: tyiyn(amount),
    documentNumber: nextDoc(p),
    description: e.what,
  };
}

/** Dates of a period in order, for the lines of a report. */
/** The last day a donation may be dated in a report ending on `to`: the day before election day at most. */
export function lastDonationDay(to: string, electionDay: string): string {
  const dayBefore = addDays(electionDay, -1);
  return to < dayBefore ? to : dayBefore;
}

export function datesIn(rng: Rng, from: string, to: string, n: number): string[] {
  if (from > to) return [];
  return Array.from({ length: n }, () => rng.dateBetween(from, to)).sort();
}

export function scanLines(party: Party, kind: ReportKind, filing: Filing, note?: string): string[] {
  const receipts = filing.receipts.filter((r) => r.bankReference !== undefined);
  return [
    'SYNTHETIC DEMO DOCUMENT - not a real bank statement',
    `Electoral fund account statement: ${party.shortName.en}`,
    `Account ${filing.header.account.number}, period ${filing.header.periodFrom} - ${filing.header.periodTo} (${kind} report)`,
    `Opening balance ${toDecimalString(filing.header.openingBalance)} KGS`,
    ...receipts.map((r) => `Credit ${r.date} ${r.bankReference} ${toDecimalString(r.amount)} KGS`),
    ...filing.expenditures.map((e) => `Debit ${e.date} ${e.documentNumber} ${toDecimalString(e.amount)} KGS`),
    ...filing.refunds.map((f) => `Debit ${f.date} refund ${f.lineId} ${toDecimalString(f.amount)} KGS`),
    `Closing balance ${toDecimalString(filing.header.closingBalance)} KGS`,
    ...(note ? [note] : []),
  ];
}

/** The versions a demo report is filed in, with their scans and the commission's reviews. */
