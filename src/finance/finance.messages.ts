// Words of the public finance pages, downloads and feeds in Kyrgyz, Russian and English. Labels of
// donor types, channels, categories and report kinds come from filings/filing-labels.ts, so a
// category reads the same on the treasurer's form and on the public page. The filters, sort links and
// pager of the listings use the web kit's words (`web.*` in the portal catalogue).
import { defineMessages, translator, type Message } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';

const DAYS = {
  ky: '{days, plural, other {# күн}}',
  ru: '{days, plural, one {# день} few {# дня} many {# дней} other {# дня}}',
  en: '{days, plural, one {# day} other {# days}}',
};
const withDays = (x: Message): Message => ({
  ky: x.ky.replace('{DAYS}', DAYS.ky),
  ru: x.ru.replace('{DAYS}', DAYS.ru),
  en: x.en.replace('{DAYS}', DAYS.en),
});

export const financeMessages = defineMessages({
  'finance.title': { ky: 'Шайлоо фонддору', ru: 'Избирательные фонды', en: 'Campaign finance' },
  'finance.partyTitle': {
    ky: '{party}: шайлоо фонду',
    ru: '{party}: избирательный фонд',
    en: '{party}: campaign finance',
  },
  'finance.electionTitle': {
    ky: 'Партиялардын шайлоо фонддору',
    ru: 'Избирательные фонды партий',
    en: 'Campaign finance of the parties',
  },
  'finance.basis': {
    ky: 'Суммалар ар бир отчеттун акыркы тапшырылган версиясы боюнча эсептелет; оңдолгон версиялар эки жолу эсептелбейт.',
    ru: 'Суммы считаются по последней поданной версии каждого отчёта; исправленные версии не учитываются дважды.',
    en: 'Figures count the latest filed version of each report; amended versions are never counted twice.',
  },
  'finance.privacy': {
    ky: 'Кайрымдуулук берүүчүлөрдүн ЖИНи жана үй дареги эч качан жарыяланбайт.',
    ru: 'ПИН и домашние адреса жертвователей никогда не публикуются.',
    en: 'Donors’ personal identification numbers and home addresses are never published.',
  },
  'finance.received': { ky: 'Түштү', ru: 'Поступило', en: 'Received' },
  'finance.spent': { ky: 'Сарпталды', ru: 'Израсходовано', en: 'Spent' },
  'finance.refunded': { ky: 'Кайтарылды', ru: 'Возвращено', en: 'Refunded' },
  'finance.balance': { ky: 'Калдык', ru: 'Остаток', en: 'Balance' },
  'finance.lines': {
    ky: '{n, plural, other {# сап}}',
    ru: '{n, plural, one {# строка} few {# строки} many {# строк} other {# строки}}',
    en: '{n, plural, one {# line} other {# lines}}',
  },
  'finance.total': { ky: 'Бардыгы', ru: 'Итого', en: 'Total' },
  'finance.allParties': { ky: 'Бардык партиялар', ru: 'Все партии', en: 'All parties' },
  'finance.noReports': {
    ky: 'Азырынча отчет тапшырылган жок.',
    ru: 'Отчёты пока не поданы.',
    en: 'No reports have been filed yet.',
  },
  'finance.noData': { ky: 'Маалымат жок.', ru: 'Нет данных.', en: 'No data.' },
  'finance.byDonorType': {
    ky: 'Түшүүлөр кайрымдуулук берүүчүнүн түрү боюнча',
    ru: 'Поступления по типу жертвователя',
    en: 'Receipts by donor type',
  },
  'finance.byCategory': { ky: 'Чыгашалар беренелер боюнча', ru: 'Расходы по статьям', en: 'Expenditures by category' },
  'finance.timeline': {
    ky: 'Түшүүлөр жана чыгашалар, топтолгон сумма',
    ru: 'Поступления и расходы нарастающим итогом',
    en: 'Cumulative receipts and spending',
  },
  'finance.timelineTable': { ky: 'Күндөр боюнча таблица', ru: 'Таблица по дням', en: 'Table by day' },
  'finance.comparison': { ky: 'Партиялар жанаша', ru: 'Партии в сравнении', en: 'Parties side by side' },
  'finance.deadlines': { ky: 'Отчеттордун мөөнөттөрү', ru: 'Сроки отчётов', en: 'Report deadlines' },
  'finance.reports': { ky: 'Тапшырылган отчеттор', ru: 'Поданные отчёты', en: 'Filed reports' },
  'finance.latestReports': {
    ky: 'Акыркы тапшырылган отчеттор',
    ru: 'Последние поданные отчёты',
    en: 'Latest filed reports',
  },
  'finance.receipts': { ky: 'Түшүүлөр', ru: 'Поступления', en: 'Receipts' },
  'finance.expenditures': { ky: 'Чыгашалар', ru: 'Расходы', en: 'Expenditures' },
  'finance.receiptsOf': { ky: 'Түшүүлөр: {name}', ru: 'Поступления: {name}', en: 'Receipts: {name}' },
  'finance.expendituresOf': { ky: 'Чыгашалар: {name}', ru: 'Расходы: {name}', en: 'Expenditures: {name}' },
  'finance.itemisedReceipts': {
    ky: 'Бардык түшүүлөр саптар боюнча',
    ru: 'Все поступления построчно',
    en: 'Every receipt, line by line',
  },
  'finance.itemisedExpenditures': {
    ky: 'Бардык чыгашалар саптар боюнча',
    ru: 'Все расходы построчно',
    en: 'Every expenditure, line by line',
  },
  'finance.partyPage': {
    ky: 'Партиянын шайлоо фонду',
    ru: 'Избирательный фонд партии',
    en: 'Party’s campaign finance',
  },
  'finance.electionPage': { ky: 'Бардык партиялардын фонддору', ru: 'Фонды всех партий', en: 'Finance of all parties' },
  'finance.feed': { ky: 'Жаңы отчеттор (Atom)', ru: 'Новые отчёты (Atom)', en: 'New reports (Atom feed)' },
  'finance.download': { ky: 'Жүктөп алуу', ru: 'Скачать', en: 'Download' },
  'finance.chartTable': { ky: 'Диаграмманын маалыматтары', ru: 'Данные диаграммы', en: 'Chart data' },

  'col.party': { ky: 'Партия', ru: 'Партия', en: 'Party' },
  'col.date': { ky: 'Күнү', ru: 'Дата', en: 'Date' },
  'col.donor': { ky: 'Кайрымдуулук берүүчү', ru: 'Жертвователь', en: 'Donor' },
  'col.donorType': { ky: 'Түрү', ru: 'Тип', en: 'Type' },
  'col.channel': { ky: 'Түшүү жолу', ru: 'Способ', en: 'Channel' },
  'col.amount': { ky: 'Сумма', ru: 'Сумма', en: 'Amount' },
  'col.category': { ky: 'Берене', ru: 'Статья', en: 'Category' },
  'col.payee': { ky: 'Алуучу', ru: 'Получатель', en: 'Payee' },
  'col.description': { ky: 'Сүрөттөмө', ru: 'Описание', en: 'Description' },
  'col.document': { ky: 'Документ', ru: 'Документ', en: 'Document' },
  'col.share': { ky: 'Үлүшү', ru: 'Доля', en: 'Share' },
  'col.count': { ky: 'Саптар', ru: 'Строк', en: 'Lines' },
  'col.dayReceived': { ky: 'Күнүнө түштү', ru: 'Поступило за день', en: 'Received that day' },
  'col.daySpent': { ky: 'Күнүнө сарпталды', ru: 'Израсходовано за день', en: 'Spent that day' },
  'col.cumReceived': { ky: 'Түштү, бардыгы', ru: 'Поступило всего', en: 'Received to date' },
  'col.cumSpent': { ky: 'Сарпталды, бардыгы', ru: 'Израсходовано всего', en: 'Spent to date' },
  'col.report': { ky: 'Отчет', ru: 'Отчёт', en: 'Report' },
  'col.dueDate': { ky: 'Мөөнөтү', ru: 'Срок', en: 'Due' },
  'col.state': { ky: 'Абалы', ru: 'Состояние', en: 'State' },
  'col.period': { ky: 'Мезгил', ru: 'Период', en: 'Period' },
  'col.version': { ky: 'Версия', ru: 'Версия', en: 'Version' },
  'col.filedAt': { ky: 'Тапшырылды', ru: 'Подан', en: 'Filed' },
  'col.onTime': { ky: 'Өз убагында', ru: 'В срок', en: 'On time' },
  'col.late': { ky: 'Кечиккен', ru: 'С опозданием', en: 'Late' },
  'col.missing': { ky: 'Тапшырылган эмес', ru: 'Не поданы', en: 'Missing' },

  'state.filed': { ky: '{date} тапшырылды', ru: 'Подан {date}', en: 'Filed {date}' },
  'state.late': withDays({
    ky: '{DAYS} кечигип тапшырылды ({date})',
    ru: 'Подан с опозданием на {DAYS} ({date})',
    en: 'Filed {DAYS} late ({date})',
  }),
  'state.missing': withDays({
    ky: 'Тапшырылган эмес: мөөнөтү {DAYS} мурун өттү',
    ru: 'Не подан: просрочен на {DAYS}',
    en: 'Missing: {DAYS} overdue',
  }),
  'state.missingClosed': {
    ky: 'Тапшырылган эмес',
    ru: 'Не подан',
    en: 'Not filed',
  },
  'state.covered': {
    ky: '{kind} ичинде тапшырылды ({date})',
    ru: 'Вошёл в {kind} ({date})',
    en: 'Included in the {kind} ({date})',
  },
  'state.due': withDays({ ky: '{DAYS} калды', ru: 'Осталось {DAYS}', en: '{DAYS} left' }),
  'state.dueToday': { ky: 'Мөөнөтү бүгүн', ru: 'Срок сегодня', en: 'Due today' },
  'state.flag': { ky: 'Көңүл буруңуз', ru: 'Внимание', en: 'Attention' },
  'deadline.next': withDays({
    ky: 'Кийинки мөөнөт: {kind}, {date} ({DAYS} калды)',
    ru: 'Ближайший срок: {kind}, {date} (осталось {DAYS})',
    en: 'Next deadline: {kind}, {date} ({DAYS} left)',
  }),
  'deadline.nextToday': {
    ky: 'Кийинки мөөнөт бүгүн: {kind}',
    ru: 'Ближайший срок сегодня: {kind}',
    en: 'Next deadline today: {kind}',
  },
  'deadline.flagged': {
    ky: 'Кечиккен отчеттор: {late}; тапшырылбаган отчеттор: {missing}.',
    ru: 'Отчётов с опозданием: {late}; не поданных в срок: {missing}.',
    en: 'Late reports: {late}; missing reports: {missing}.',
  },
  'deadline.none': {
    ky: 'Кечиккен же тапшырылбаган отчет жок.',
    ru: 'Просроченных и неподанных отчётов нет.',
    en: 'No late or missing reports.',
  },
  'deadline.clock': {
    ky: 'Мөөнөттөр Бишкек убактысы боюнча {today} күнүнө карата эсептелди.',
    ru: 'Сроки рассчитаны на {today} по времени Бишкека.',
    en: 'Deadlines as of {today}, Bishkek time.',
  },
  'deadline.noProfile': {
    ky: 'Бул шайлоонун эрежелеринде отчеттордун мөөнөттөрү жок.',
    ru: 'В правилах этих выборов сроки отчётов не заданы.',
    en: 'The rules of this election set no report deadlines.',
  },
  'report.version': { ky: '{version}-версия', ru: 'версия {version}', en: 'version {version}' },
  'report.amended': { ky: 'оңдолгон', ru: 'исправлен', en: 'amended' },
  'report.superseded': {
    ky: 'жаңы версия менен алмаштырылган',
    ru: 'заменён новой версией',
    en: 'superseded by a later version',
  },

  'filter.q': { ky: 'Кайрымдуулук берүүчүнүн аты', ru: 'Имя жертвователя', en: 'Donor name' },
  'filter.qHint': {
    ky: 'Каалаган жазуу менен, фамилиянын башы жетиштүү',
    ru: 'В любом написании; достаточно начала фамилии',
    en: 'In any script; the start of the surname is enough',
  },
  'filter.party': { ky: 'Партия', ru: 'Партия', en: 'Party' },
  'filter.all': { ky: 'Баары', ru: 'Все', en: 'All' },
  'filter.donorType': { ky: 'Кайрымдуулук берүүчүнүн түрү', ru: 'Тип жертвователя', en: 'Donor type' },
  'filter.channel': { ky: 'Түшүү жолу', ru: 'Способ поступления', en: 'Channel' },
  'filter.category': { ky: 'Берене', ru: 'Статья расходов', en: 'Category' },
  'filter.from': { ky: 'Күнүнөн', ru: 'С даты', en: 'From' },
  'filter.to': { ky: 'Күнүнө чейин', ru: 'По дату', en: 'To' },
  'filter.min': { ky: 'Суммадан, сом', ru: 'Сумма от, сом', en: 'Amount from, som' },
  'filter.max': { ky: 'Суммага чейин, сом', ru: 'Сумма до, сом', en: 'Amount to, som' },
  'list.none': {
    ky: 'Тандалган чыпкаларга туура келген сап жок.',
    ru: 'Нет строк, подходящих под фильтры.',
    en: 'No lines match the filters.',
  },

  'feed.title': {
    ky: 'Талапкер: жаңы каржы отчеттору',
    ru: 'Талапкер: новые финансовые отчёты',
    en: 'Talapker: new finance reports',
  },
  'feed.electionTitle': {
    ky: '{election}: жаңы каржы отчеттору',
    ru: '{election}: новые финансовые отчёты',
    en: '{election}: new finance reports',
  },
  'feed.entryTitle': {
    ky: '{party}: {kind}, {version}-версия',
    ru: '{party}: {kind}, версия {version}',
    en: '{party}: {kind}, version {version}',
  },
  'feed.amendment': { ky: 'оңдоо', ru: 'исправление', en: 'amendment' },
  'feed.summary': {
    ky: '{period} мезгили. Түштү {received}, сарпталды {spent}, кайтарылды {refunded}.',
    ru: 'Период {period}. Поступило {received}, израсходовано {spent}, возвращено {refunded}.',
    en: 'Period {period}. Received {received}, spent {spent}, refunded {refunded}.',
  },
});

export type FinanceKey = keyof typeof financeMessages;

/** Finance's translator: its own words and the portal's (site name, navigation, the web kit's). */
export const t = translator(portalMessages, financeMessages);
