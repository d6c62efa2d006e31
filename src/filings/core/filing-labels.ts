// Words for the filing format in ky, ru and en: a label for every enum value, for every section and field,
// and the category groupings the CEC publishes (domain notes §3). Pages, the XLSX template, the importer
// (which accepts these labels back) and the problem messages all take their words from here.
import type { Locale, Localized } from '../../domain/election.ts';
import type { ReportKind } from '../../domain/rules-profile.ts';
import type {
  DonorType,
  ExpenditureCategory,
  LineSection,
  ReceiptChannel,
  RefundKind,
  RefundReason,
} from './filing.ts';
import { expenditureCategorySchema } from './filing.ts';

export const donorTypeLabels: Record<DonorType, Localized> = {
  individual: { ky: 'Жеке жак', ru: 'Физическое лицо', en: 'Individual' },
  legal_entity: { ky: 'Юридикалык жак', ru: 'Юридическое лицо', en: 'Legal entity' },
  party_own_funds: { ky: 'Партиянын өз каражаттары', ru: 'Собственные средства партии', en: 'Party’s own funds' },
  candidate_own_funds: {
    ky: 'Талапкердин өз каражаттары',
    ru: 'Собственные средства кандидата',
    en: 'Candidate’s own funds',
  },
  other: { ky: 'Башка', ru: 'Иное', en: 'Other' },
};

export const receiptChannelLabels: Record<ReceiptChannel, Localized> = {
  bank_transfer: { ky: 'Банктык которуу', ru: 'Банковский перевод', en: 'Bank transfer' },
  cash: { ky: 'Накталай акча', ru: 'Наличные', en: 'Cash' },
  mobile_banking: { ky: 'Мобилдик банкинг', ru: 'Мобильный банкинг', en: 'Mobile banking' },
  other: { ky: 'Башка', ru: 'Иное', en: 'Other' },
};

export const expenditureCategoryLabels: Record<ExpenditureCategory, Localized> = {
  election_deposit: { ky: 'Шайлоо күрөөсү', ru: 'Избирательный залог', en: 'Election deposit' },
  state_services: {
    ky: 'Мамлекеттик жана муниципалдык кызматтар',
    ru: 'Государственные и муниципальные услуги',
    en: 'State and municipal services',
  },
  services_communications: { ky: 'Байланыш кызматтары', ru: 'Услуги связи', en: 'Communication services' },
  services_rent: { ky: 'Ижара', ru: 'Аренда', en: 'Rent' },
  services_fuel: {
    ky: 'Күйүүчү-майлоочу материалдар',
    ru: 'Горюче-смазочные материалы',
    en: 'Fuel and lubricants',
  },
  services_agitators: { ky: 'Үгүтчүлөрдүн эмгек акысы', ru: 'Оплата труда агитаторов', en: 'Pay of campaigners' },
  services_observers: { ky: 'Байкоочулардын эмгек акысы', ru: 'Оплата труда наблюдателей', en: 'Pay of observers' },
  services_staff: { ky: 'Кызматкерлердин эмгек акысы', ru: 'Оплата труда персонала', en: 'Pay of staff' },
  campaign_materials: { ky: 'Үгүт материалдары', ru: 'Агитационные материалы', en: 'Campaign materials' },
  campaign_materials_accessible: {
    ky: 'Мүмкүнчүлүгү чектелген адамдар үчүн ыңгайлаштырылган үгүт материалдары',
    ru: 'Агитационные материалы, адаптированные для лиц с ограниченными возможностями здоровья',
    en: 'Campaign materials adapted for persons with disabilities',
  },
  advertising_tv: { ky: 'Телевидениедеги жарнама', ru: 'Реклама на телевидении', en: 'Television advertising' },
  advertising_radio: { ky: 'Радиодогу жарнама', ru: 'Реклама на радио', en: 'Radio advertising' },
  advertising_print: { ky: 'Басма басылмалардагы жарнама', ru: 'Реклама в печатных изданиях', en: 'Print advertising' },
  advertising_online: { ky: 'Интернеттеги жарнама', ru: 'Реклама в интернете', en: 'Online advertising' },
  advertising_outdoor: { ky: 'Сырткы жарнама', ru: 'Наружная реклама', en: 'Outdoor advertising' },
  transport: { ky: 'Транспорттук чыгашалар', ru: 'Транспортные расходы', en: 'Transport' },
  other: { ky: 'Башка чыгашалар', ru: 'Прочие расходы', en: 'Other expenditures' },
  refund_of_erroneous_payment: {
    ky: 'Жаңылыш которулган каражаттарды кайтаруу',
    ru: 'Возврат ошибочно перечисленных средств',
    en: 'Refund of a payment made in error',
  },
};

export const reportKindLabels: Record<ReportKind, Localized> = {
  initial: { ky: 'Баштапкы отчет', ru: 'Начальный отчёт', en: 'Initial report' },
  interim: { ky: 'Аралык отчет', ru: 'Промежуточный отчёт', en: 'Interim report' },
  first: { ky: 'Биринчи отчет', ru: 'Первый отчёт', en: 'First report' },
  final: { ky: 'Жыйынтыктоочу отчет', ru: 'Итоговый отчёт', en: 'Final report' },
  annual: { ky: 'Жылдык отчет', ru: 'Годовой отчёт', en: 'Annual report' },
};

export const refundKindLabels: Record<RefundKind, Localized> = {
  returned_to_donor: {
    ky: 'Кайрымдуулук берүүчүгө кайтарылды',
    ru: 'Возвращено жертвователю',
    en: 'Returned to the donor',
  },
  transferred_to_budget: { ky: 'Бюджетке которулду', ru: 'Перечислено в бюджет', en: 'Transferred to the budget' },
};

export const refundReasonLabels: Record<RefundReason, Localized> = {
  prohibited_donor: { ky: 'Тыюу салынган булак', ru: 'Запрещённый источник', en: 'Prohibited donor' },
  over_cap: { ky: 'Чектен ашкан бөлүгү', ru: 'Превышение предельного размера', en: 'Over the cap' },
  anonymous: { ky: 'Анонимдүү кайрымдуулук', ru: 'Анонимное пожертвование', en: 'Anonymous donation' },
  debtor: {
    ky: 'Бюджетке же Социалдык фондго карызы бар',
    ru: 'Задолженность перед бюджетом или Социальным фондом',
    en: 'Debtor to the budget or the Social Fund',
  },
  other: { ky: 'Башка себеп', ru: 'Иная причина', en: 'Other reason' },
};

export const sectionLabels: Record<LineSection | 'header' | 'attachments', Localized> = {
  header: { ky: 'Отчеттун башкы бөлүгү', ru: 'Заголовок отчёта', en: 'Report header' },
  receipts: { ky: 'Түшүүлөр', ru: 'Поступления', en: 'Receipts' },
  expenditures: { ky: 'Чыгашалар', ru: 'Расходы', en: 'Expenditures' },
  refunds: { ky: 'Кайтаруулар', ru: 'Возвраты', en: 'Refunds' },
  attachments: { ky: 'Тиркемелер', ru: 'Приложенные документы', en: 'Attachments' },
};

/**
 * Labels of fields, keyed by the last one or two segments of their path ("account.number" before
 * "number"). Line fields double as the column headers of the XLSX template and the CSV import.
 */
export const fieldLabels: Record<string, Localized> = {
  format: { ky: 'Формат', ru: 'Формат', en: 'Format' },
  partyRegistrationNumber: {
    ky: 'Партиянын каттоо номери',
    ru: 'Регистрационный номер партии',
    en: 'Party registration number',
  },
  electionId: { ky: 'Шайлоо', ru: 'Выборы', en: 'Election' },
  reportKind: { ky: 'Отчеттун түрү', ru: 'Вид отчёта', en: 'Report kind' },
  periodFrom: { ky: 'Мезгилдин башы', ru: 'Начало периода', en: 'Period from' },
  periodTo: { ky: 'Мезгилдин аягы', ru: 'Конец периода', en: 'Period to' },
  'account.bank': { ky: 'Банк', ru: 'Банк', en: 'Bank' },
  'account.number': { ky: 'Эсептин номери', ru: 'Номер счёта', en: 'Account number' },
  openingBalance: { ky: 'Мезгилдин башындагы калдык', ru: 'Остаток на начало периода', en: 'Opening balance' },
  closingBalance: { ky: 'Мезгилдин аягындагы калдык', ru: 'Остаток на конец периода', en: 'Closing balance' },
  'totals.receipts': { ky: 'Түшүүлөрдүн жыйындысы', ru: 'Итого поступлений', en: 'Total receipts' },
  'totals.expenditures': { ky: 'Чыгашалардын жыйындысы', ru: 'Итого расходов', en: 'Total expenditures' },
  'totals.refunds': { ky: 'Кайтаруулардын жыйындысы', ru: 'Итого возвратов', en: 'Total refunds' },
  'signer.name': { ky: 'Кол коюучунун аты-жөнү', ru: 'ФИО подписанта', en: 'Signer’s name' },
  'signer.position': { ky: 'Кол коюучунун кызмат орду', ru: 'Должность подписанта', en: 'Signer’s position' },
  lineId: { ky: 'Саптын идентификатору', ru: 'Идентификатор строки', en: 'Line ID' },
  date: { ky: 'Күнү', ru: 'Дата', en: 'Date' },
  donorType: { ky: 'Кайрымдуулук берүүчүнүн түрү', ru: 'Тип жертвователя', en: 'Donor type' },
  donorName: {
    ky: 'Кайрымдуулук берүүчүнүн аты же аталышы',
    ru: 'ФИО или наименование жертвователя',
    en: 'Donor name',
  },
  donorPin: { ky: 'Кайрымдуулук берүүчүнүн ЖИНи', ru: 'ПИН жертвователя', en: 'Donor PIN' },
  donorInn: { ky: 'Кайрымдуулук берүүчүнүн ИСНи', ru: 'ИНН жертвователя', en: 'Donor INN' },
  donorAddress: { ky: 'Кайрымдуулук берүүчүнүн дареги', ru: 'Адрес жертвователя', en: 'Donor address' },
  amount: { ky: 'Сумма', ru: 'Сумма', en: 'Amount' },
  channel: { ky: 'Түшүү жолу', ru: 'Способ поступления', en: 'Channel' },
  bankReference: { ky: 'Банк операциясынын номери', ru: 'Номер банковской операции', en: 'Bank reference' },
  category: { ky: 'Чыгашанын түрү', ru: 'Статья расходов', en: 'Category' },
  payeeName: { ky: 'Алуучу', ru: 'Получатель', en: 'Payee' },
  payeeInn: { ky: 'Алуучунун ИСНи', ru: 'ИНН получателя', en: 'Payee INN' },
  documentNumber: { ky: 'Документтин номери', ru: 'Номер документа', en: 'Document number' },
  description: { ky: 'Сүрөттөмө', ru: 'Описание', en: 'Description' },
  receiptLineId: { ky: 'Түшүүнүн идентификатору', ru: 'Идентификатор поступления', en: 'Receipt line ID' },
  kind: { ky: 'Кайтаруунун түрү', ru: 'Вид возврата', en: 'Refund kind' },
  reason: { ky: 'Кайтаруунун себеби', ru: 'Причина возврата', en: 'Refund reason' },
  sha256: { ky: 'SHA-256', ru: 'SHA-256', en: 'SHA-256' },
  fileName: { ky: 'Файлдын аты', ru: 'Имя файла', en: 'File name' },
  mediaType: { ky: 'Файлдын түрү', ru: 'Тип файла', en: 'File type' },
  size: { ky: 'Файлдын көлөмү', ru: 'Размер файла', en: 'File size' },
};

/** The label of a field path such as `receipts[3].amount` or `header.account.number`; the path itself if unknown. */
export function fieldLabel(path: string, locale: Locale): string {
  const segments = path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((s) => s !== '');
  const lastTwo = segments.slice(-2).join('.');
  const last = segments.at(-1) ?? '';
  return (fieldLabels[lastTwo] ?? fieldLabels[last])?.[locale] ?? path;
}

// ---- Receipt categories: the CEC publishes receipts by source, which the donor type determines. ----

export const RECEIPT_CATEGORIES = [
  'own_funds',
  'party_funds',
  'donations_individuals',
  'donations_legal_entities',
  'refunds_of_erroneous_payments',
  'other',
] as const;
export type ReceiptCategory = (typeof RECEIPT_CATEGORIES)[number];

export const receiptCategoryLabels: Record<ReceiptCategory, Localized> = {
  own_funds: { ky: 'Өз каражаттары', ru: 'Собственные средства', en: 'Own funds' },
  party_funds: {
    ky: 'Көрсөткөн партиянын каражаттары',
    ru: 'Средства выдвинувшей партии',
    en: 'Funds of the nominating party',
  },
  donations_individuals: {
    ky: 'Жеке жактардын кайрымдуулуктары',
    ru: 'Пожертвования физических лиц',
    en: 'Donations from individuals',
  },
  donations_legal_entities: {
    ky: 'Юридикалык жактардын кайрымдуулуктары',
    ru: 'Пожертвования юридических лиц',
    en: 'Donations from legal entities',
  },
  refunds_of_erroneous_payments: {
    ky: 'Жаңылыш төлөнгөн каражаттардын (анын ичинде күрөөнүн) кайтарылышы',
    ru: 'Возврат ошибочно уплаченных средств (в том числе залога)',
    en: 'Refunds of payments made in error (including deposits)',
  },
  other: { ky: 'Башка түшүүлөр', ru: 'Прочие поступления', en: 'Other receipts' },
};

/** Whose electoral fund the report is about: the same donor type falls in a different CEC category. */
export type FundHolder = 'party' | 'candidate';

/**
 * The CEC receipt category of a donor type. v1 has no donor type for refunds paid in error, so filers
 * report them as 'other' and `refunds_of_erroneous_payments` is listed for the published tables only.
 */
export function receiptCategoryOf(donorType: DonorType, holder: FundHolder = 'party'): ReceiptCategory {
  switch (donorType) {
    case 'individual':
      return 'donations_individuals';
    case 'legal_entity':
      return 'donations_legal_entities';
    case 'party_own_funds':
      return holder === 'party' ? 'own_funds' : 'party_funds';
    case 'candidate_own_funds':
      // Candidates on a party list open no fund of their own (domain notes §2): money they give to the
      // party's fund is a citizen's donation.
      return holder === 'candidate' ? 'own_funds' : 'donations_individuals';
    case 'other':
      return 'other';
  }
}

// ---- Expenditure groups: the CEC's headings, each with the categories it adds up. ----

export const EXPENDITURE_GROUPS = [
  'election_deposit',
  'state_services',
  'services',
  'campaign_materials',
  'advertising',
  'transport',
  'other',
  'refund_of_erroneous_payment',
] as const;
export type ExpenditureGroup = (typeof EXPENDITURE_GROUPS)[number];

function categoriesStartingWith(prefix: string): ExpenditureCategory[] {
  return expenditureCategorySchema.options.filter((c) => c.startsWith(prefix));
}

export const expenditureCategoryGroups: Record<ExpenditureGroup, readonly ExpenditureCategory[]> = {
  election_deposit: ['election_deposit'],
  state_services: ['state_services'],
  // The categories in the order the schema lists them, so that a new one is grouped where it belongs.
  services: categoriesStartingWith('services_'),
  // The accessible materials are a separate figure *within* campaign materials, so both add up here.
  campaign_materials: ['campaign_materials', 'campaign_materials_accessible'],
  advertising: categoriesStartingWith('advertising_'),
  transport: ['transport'],
  other: ['other'],
  refund_of_erroneous_payment: ['refund_of_erroneous_payment'],
};

export const expenditureGroupLabels: Record<ExpenditureGroup, Localized> = {
  election_deposit: { ky: 'Шайлоо күрөөсү', ru: 'Избирательный залог', en: 'Election deposit' },
  state_services: {
    ky: 'Мамлекеттик жана муниципалдык кызматтар',
    ru: 'Государственные и муниципальные услуги',
    en: 'State and municipal services',
  },
  services: { ky: 'Кызматтар', ru: 'Услуги', en: 'Services' },
  campaign_materials: { ky: 'Үгүт материалдары', ru: 'Агитационные материалы', en: 'Campaign materials' },
  advertising: { ky: 'Саясий жарнама', ru: 'Политическая реклама', en: 'Advertising' },
  transport: { ky: 'Транспорттук чыгашалар', ru: 'Транспортные расходы', en: 'Transport' },
  other: { ky: 'Башка чыгашалар', ru: 'Прочие расходы', en: 'Other expenditures' },
  refund_of_erroneous_payment: {
    ky: 'Жаңылыш которулган каражаттарды кайтаруу',
    ru: 'Возврат ошибочно перечисленных средств',
    en: 'Refunds of payments made in error',
  },
};

export function expenditureGroupOf(category: ExpenditureCategory): ExpenditureGroup {
  for (const group of EXPENDITURE_GROUPS) {
    if (expenditureCategoryGroups[group].includes(category)) return group;
  }
  // Unreachable while the test "every category is in exactly one group" passes.
  throw new Error(`expenditure category without a group: ${category}`);
}

/** Every enum of the format with its labels, for the template's drop-down lists and the importer. */
export const enumLabels = {
  donorType: donorTypeLabels,
  channel: receiptChannelLabels,
  category: expenditureCategoryLabels,
  kind: refundKindLabels,
  reason: refundReasonLabels,
  reportKind: reportKindLabels,
} as const;
