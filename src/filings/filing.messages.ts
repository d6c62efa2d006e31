// Words of the finance report pages in Kyrgyz, Russian and English: public report pages, the treasurer's
// forms, the commission's review, and the problems of this capability's own services (those of the filing
// format itself are in filing-messages.ts). `describeProblem` renders any problem of either catalogue.
import type { Locale } from '../domain/election.ts';
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import type { Problem } from '../platform/result.ts';
import { filingMessages, problemMessage } from './core/validation.messages.ts';

export const filingWebMessages = defineMessages({
  // ---- statuses
  'filings.status.draft': { ky: 'Долбоор', ru: 'Черновик', en: 'Draft' },
  'filings.status.filed': { ky: 'Тапшырылды', ru: 'Подан', en: 'Filed' },
  'filings.status.under_review': { ky: 'Текшерилүүдө', ru: 'На проверке', en: 'Under review' },
  'filings.status.accepted': { ky: 'Кабыл алынды', ru: 'Принят', en: 'Accepted' },
  'filings.status.returned': { ky: 'Кайтарылды', ru: 'Возвращён', en: 'Returned' },

  // ---- public pages
  'filings.reports.title': { ky: 'Каржылык отчеттор', ru: 'Финансовые отчёты', en: 'Finance reports' },
  'filings.reports.intro': {
    ky: 'Шайлоо фондунун ар бир отчету ар бир түшүү жана чыгаша менен, тапшырылган замат жарыяланат. Оңдолгон отчеттун мурдагы версиялары да көрүнүп турат; жыйынтыктар акыркы версия боюнча гана эсептелет.',
    ru: 'Каждый отчёт избирательного фонда публикуется построчно — каждое поступление и каждый расход — сразу после подачи. Прежние версии исправленных отчётов остаются доступны; итоги считаются только по последней версии.',
    en: 'Every report of the electoral fund is published line by line — every receipt and every expenditure — the moment it is filed. Earlier versions of amended reports stay visible; totals count the latest version only.',
  },
  'filings.reports.none': {
    ky: 'Азырынча бир да отчет тапшырылган жок.',
    ru: 'Пока не подано ни одного отчёта.',
    en: 'No report has been filed yet.',
  },
  'filings.reports.caption': {
    ky: 'Отчеттор жана алардын версиялары',
    ru: 'Отчёты и их версии',
    en: 'Reports and their versions',
  },
  'filings.reports.json': {
    ky: 'Ушул тизме JSON форматында',
    ru: 'Этот список в формате JSON',
    en: 'This list as JSON',
  },
  'filings.field.reportKind': { ky: 'Отчет', ru: 'Отчёт', en: 'Report' },
  'filings.field.period': { ky: 'Мезгил', ru: 'Период', en: 'Period' },
  'filings.field.status': { ky: 'Абалы', ru: 'Статус', en: 'Status' },
  'filings.field.filedOn': { ky: 'Тапшырылган күнү', ru: 'Дата подачи', en: 'Filed on' },
  'filings.field.filedAt': { ky: 'Тапшырылган убакыты', ru: 'Подан', en: 'Filed' },
  'filings.field.deadline': { ky: 'Мөөнөтү', ru: 'Срок', en: 'Deadline' },
  'filings.field.receipts': { ky: 'Түшкөнү', ru: 'Поступило', en: 'Received' },
  'filings.field.expenditures': { ky: 'Сарпталганы', ru: 'Израсходовано', en: 'Spent' },
  'filings.field.reports': { ky: 'Отчеттор', ru: 'Отчёты', en: 'Reports' },
  'filings.field.election': { ky: 'Шайлоо', ru: 'Выборы', en: 'Election' },
  'filings.field.inn': { ky: 'ИСН', ru: 'ИНН', en: 'INN' },
  'filings.totals.received': { ky: 'Бардыгы болуп түштү', ru: 'Всего поступило', en: 'Total received' },
  'filings.totals.spent': { ky: 'Бардыгы болуп сарпталды', ru: 'Всего израсходовано', en: 'Total spent' },
  'filings.totals.refunded': { ky: 'Бардыгы болуп кайтарылды', ru: 'Всего возвращено', en: 'Total refunded' },
  'filings.totals.section': { ky: 'Жыйынтыгы', ru: 'Итого', en: 'Total' },
  'filings.deadline.late': {
    ky: '{days} күн кечиктирилген (мөөнөтү: {due}, тапшырылды: {filed})',
    ru: 'Подан с опозданием на {days, plural, one {# день} few {# дня} other {# дней}} (срок: {due}, подан: {filed})',
    en: 'Filed {days, plural, one {# day} other {# days}} late (due {due}, filed {filed})',
  },
  'filings.deadline.onTime': {
    ky: 'Мөөнөтүндө тапшырылды (мөөнөтү: {due}, тапшырылды: {filed})',
    ru: 'Подан в срок (срок: {due}, подан: {filed})',
    en: 'Filed on time (due {due}, filed {filed})',
  },
  'filings.missing.title': { ky: 'Тапшырылбаган отчеттор', ru: 'Не поданные отчёты', en: 'Reports not filed' },
  'filings.missing.item': {
    ky: '{kind}: тапшырылган жок (мөөнөтү {due} болчу)',
    ru: '{kind}: не подан (срок истёк {due})',
    en: '{kind}: not filed (was due {due})',
  },
  'filings.privacy': {
    ky: 'Жеке жактардын ЖИНи жана дареги жарыяланбайт: аларды комиссия гана көрөт.',
    ru: 'ПИН и адреса физических лиц не публикуются: их видит только комиссия.',
    en: 'Personal identification numbers and addresses of individuals are never published: only the commission sees them.',
  },
  'filings.lines.truncated': {
    ky: '{total} саптын алгачкы {shown} сабы көрсөтүлдү; бардыгын жүктөп алыңыз:',
    ru: 'Показаны первые {shown} строк из {total}; все строки — в файле:',
    en: 'Showing the first {shown} of {total} lines; every line is in the download:',
  },
  'filings.download.title': { ky: 'Жүктөп алуу', ru: 'Скачать', en: 'Downloads' },
  'filings.download.csv': { ky: 'CSV жүктөп алуу', ru: 'Скачать CSV', en: 'Download CSV' },
  'filings.scans.title': {
    ky: 'Тастыктоочу документтердин сканерленген көчүрмөлөрү',
    ru: 'Сканы подтверждающих документов',
    en: 'Scanned supporting documents',
  },
  'filings.scans.none': { ky: 'Сканерленген документ жок.', ru: 'Сканов нет.', en: 'No scans.' },
  'filings.scans.download': { ky: 'Жүктөп алуу', ru: 'Скачать', en: 'Download' },
  'filings.scans.open': { ky: 'Ачуу', ru: 'Открыть', en: 'Open' },
  'filings.scans.viewerTitle': { ky: 'Документ: {name}', ru: 'Документ: {name}', en: 'Document: {name}' },
  'filings.scans.imageAlt': {
    ky: 'Сканерленген документ: {name}',
    ru: 'Скан документа: {name}',
    en: 'Scanned document: {name}',
  },
  'filings.scans.remove': { ky: '«{name}» өчүрүү', ru: 'Удалить «{name}»', en: 'Remove “{name}”' },
  'filings.scans.file': {
    ky: 'Файл (PDF, JPEG же PNG)',
    ru: 'Файл (PDF, JPEG или PNG)',
    en: 'File (PDF, JPEG or PNG)',
  },
  'filings.scans.hint': {
    ky: 'Сканерленген документтер отчет менен кошо жарыяланат: жүктөөдөн мурун жеке жактардын ЖИНин жана даректерин жашырыңыз. Файлдын түрү анын мазмуну боюнча аныкталат; PDF файлдардагы текст издөө үчүн окулат.',
    ru: 'Сканы публикуются вместе с отчётом: перед загрузкой закройте ПИН и адреса физических лиц. Тип файла определяется по его содержимому; текст из PDF извлекается для поиска.',
    en: 'Scans are published with the report: black out the PINs and addresses of individuals before uploading. The type is read from the file itself; text in PDFs is read for search.',
  },
  'filings.scans.upload': { ky: 'Жүктөө', ru: 'Загрузить', en: 'Upload' },
  'filings.versions.title': { ky: 'Версиялар', ru: 'Версии', en: 'Versions' },
  'filings.versions.version': { ky: 'Версия', ru: 'Версия', en: 'Version' },
  'filings.versions.short': { ky: '{n}-версия', ru: 'версия {n}', en: 'version {n}' },
  'filings.versions.ofTotal': {
    ky: '{total} версиянын {n}-версиясы',
    ru: 'версия {n} из {total}',
    en: 'version {n} of {total}',
  },
  'filings.versions.latest': { ky: 'акыркы', ru: 'последняя', en: 'latest' },
  'filings.versions.older': {
    ky: 'Бул мурдагы версия: отчет кийин оңдолгон.',
    ru: 'Это прежняя версия: отчёт был исправлен.',
    en: 'This is an earlier version: the report has been amended.',
  },
  'filings.versions.seeLatest': {
    ky: 'Акыркы версияны ({n}) кара',
    ru: 'Смотреть последнюю версию ({n})',
    en: 'See the latest version ({n})',
  },
  'filings.versions.compare': { ky: 'Салыштыруу', ru: 'Сравнить', en: 'Compare' },
  'filings.versions.compareWith': {
    ky: '{n}-версия менен салыштыруу',
    ru: 'Сравнить с версией {n}',
    en: 'Compare with version {n}',
  },
  'filings.history.title': { ky: 'Абалдын тарыхы', ru: 'История статусов', en: 'Status history' },
  'filings.diff.title': { ky: 'Версиялардын айырмасы', ru: 'Различия версий', en: 'Differences between versions' },
  'filings.diff.heading': {
    ky: '{from}-версиядан {to}-версияга чейинки өзгөрүүлөр',
    ru: 'Изменения от версии {from} к версии {to}',
    en: 'Changes from version {from} to version {to}',
  },
  'filings.diff.refused': {
    ky: 'Бул версияны салыштырууга болбойт: ал башка отчетко таандык же жок.',
    ru: 'Эту версию сравнить нельзя: она относится к другому отчёту или не существует.',
    en: 'That version cannot be compared: it belongs to another report or does not exist.',
  },
  'filings.diff.header': { ky: 'Башкы бөлүк', ru: 'Заголовок', en: 'Header' },
  'filings.diff.headerSame': {
    ky: 'Башкы бөлүк өзгөргөн жок.',
    ru: 'Заголовок не изменился.',
    en: 'The header did not change.',
  },
  'filings.diff.lines': { ky: 'Саптар', ru: 'Строки', en: 'Lines' },
  'filings.diff.change': { ky: 'Эмне өзгөрдү', ru: 'Что изменилось', en: 'Change' },
  'filings.diff.before': { ky: 'Мурда', ru: 'Было', en: 'Before' },
  'filings.diff.after': { ky: 'Азыр', ru: 'Стало', en: 'After' },
  'filings.diff.added': { ky: 'Кошулду', ru: 'Добавлена', en: 'Added' },
  'filings.diff.removed': { ky: 'Алынып салынды', ru: 'Удалена', en: 'Removed' },
  'filings.diff.noChange': {
    ky: 'өзгөрүү жок ({n} сап)',
    ru: 'без изменений ({n, plural, one {# строка} few {# строки} other {# строк}})',
    en: 'no change ({n, plural, one {# line} other {# lines}})',
  },
  'filings.diff.unchanged': {
    ky: 'Өзгөрбөгөн саптар: {n}',
    ru: 'Строк без изменений: {n}',
    en: 'Lines without change: {n}',
  },
  'filings.diff.scans': {
    ky: 'Кошулганы: {added}, алынганы: {removed}, өзгөрбөгөнү: {same}.',
    ru: 'Добавлено: {added}, удалено: {removed}, без изменений: {same}.',
    en: 'Added: {added}, removed: {removed}, unchanged: {same}.',
  },
  'filings.search.title': { ky: 'Отчеттордон издөө', ru: 'Поиск в отчётах', en: 'Search the reports' },
  'filings.search.label': {
    ky: 'Кайрымдуулук берүүчүнүн аты (каалаган жазуу менен) же сканерленген документтердеги сөз',
    ru: 'Имя жертвователя (в любом написании) или слово из сканов документов',
    en: 'A donor’s name (in any script) or words in the scanned documents',
  },
  'filings.search.button': { ky: 'Издөө', ru: 'Найти', en: 'Search' },
  'filings.search.donors': { ky: 'Кайрымдуулук берүүчүлөр: {n}', ru: 'Жертвователи: {n}', en: 'Donors: {n}' },
  'filings.search.documents': { ky: 'Документтер: {n}', ru: 'Документы: {n}', en: 'Documents: {n}' },
  'filings.section.title': {
    ky: 'Шайлоо фондунун акчасы',
    ru: 'Деньги избирательного фонда',
    en: 'Electoral fund money',
  },
  'filings.section.caption': {
    ky: 'Ар бир отчеттун акыркы версиясы боюнча',
    ru: 'По последней версии каждого отчёта',
    en: 'From the latest version of each report',
  },
  'filings.section.allReports': {
    ky: 'Бардык отчеттор ({n})',
    ru: 'Все отчёты ({n})',
    en: 'All reports ({n})',
  },

  // ---- treasurer pages
  'filings.treasurer.title': {
    ky: 'Каржылык отчеттор: тапшыруу',
    ru: 'Финансовые отчёты: подача',
    en: 'Finance reports: filing',
  },
  'filings.treasurer.forParty': { ky: 'Партия: {party}', ru: 'Партия: {party}', en: 'Party: {party}' },
  'filings.treasurer.staff': {
    ky: 'Сиз комиссиянын кызматкерисиз: бардык партиялардын долбоорлору төмөндө.',
    ru: 'Вы сотрудник комиссии: ниже черновики всех партий.',
    en: 'You are commission staff: drafts of every party are listed below.',
  },
  'filings.treasurer.drafts': { ky: 'Долбоорлор', ru: 'Черновики', en: 'Drafts' },
  'filings.treasurer.noDrafts': { ky: 'Ачык долбоор жок.', ru: 'Открытых черновиков нет.', en: 'No open drafts.' },
  'filings.treasurer.updated': { ky: 'өзгөртүлдү: {at}', ru: 'изменён {at}', en: 'changed {at}' },
  'filings.treasurer.new': { ky: 'Жаңы отчет баштоо', ru: 'Начать новый отчёт', en: 'Start a new report' },
  'filings.treasurer.start': { ky: 'Долбоорду түзүү', ru: 'Создать черновик', en: 'Create the draft' },
  'filings.treasurer.filed': { ky: 'Тапшырылган отчеттор', ru: 'Поданные отчёты', en: 'Filed reports' },
  'filings.treasurer.openDraft': {
    ky: 'Ачык долбоорду улантуу',
    ru: 'Продолжить черновик',
    en: 'Continue the open draft',
  },
  'filings.treasurer.amend': { ky: '{n}-версияны оңдоо', ru: 'Исправить версию {n}', en: 'Amend version {n}' },
  'filings.treasurer.tools': {
    ky: 'Программалар аркылуу тапшыруу',
    ru: 'Подача из программ',
    en: 'Filing from software',
  },
  'filings.treasurer.template': {
    ky: 'Саптар үчүн XLSX үлгү',
    ru: 'Шаблон XLSX для строк',
    en: 'XLSX template for lines',
  },
  'filings.treasurer.schema': {
    ky: 'Talapker filing v1 форматынын JSON Schema',
    ru: 'JSON Schema формата Talapker filing v1',
    en: 'JSON Schema of the Talapker filing v1 format',
  },
  'filings.treasurer.tokens': { ky: 'API токендери', ru: 'API-токены', en: 'API tokens' },
  'filings.draft.title': {
    ky: 'Долбоор: {kind} — {party}',
    ru: 'Черновик: {kind} — {party}',
    en: 'Draft: {kind} — {party}',
  },
  'filings.draft.crumb': { ky: 'Долбоор: {kind}', ru: 'Черновик: {kind}', en: 'Draft: {kind}' },
  'filings.draft.amends': { ky: 'оңдолуп жаткан версия:', ru: 'исправляет', en: 'amends' },
  'filings.draft.expectedClosing': {
    ky: 'Саптар боюнча акыркы калдык',
    ru: 'Остаток на конец по строкам',
    en: 'Closing balance by the lines',
  },
  'filings.draft.saveHeader': { ky: 'Башкы бөлүктү сактоо', ru: 'Сохранить заголовок', en: 'Save the header' },
  'filings.draft.discard': { ky: 'Долбоорду жок кылуу', ru: 'Удалить черновик', en: 'Discard the draft' },
  'filings.unit.som': { ky: 'сом', ru: 'сом', en: 'som' },
  'filings.hint.lineId': {
    ky: 'Бош калтырсаңыз, өзү толтурулат. Оңдоодо ошол эле идентификаторду сактаңыз.',
    ru: 'Если оставить пустым, заполнится сам. При исправлении сохраняйте тот же идентификатор.',
    en: 'Filled in when left blank. Keep it the same in amendments.',
  },
  'filings.hint.amount': {
    ky: 'Сом менен, мисалы 1500,50',
    ru: 'В сомах, например 1500,50',
    en: 'In som, for example 1500.50',
  },
  'filings.hint.pin': {
    ky: '14 сан. Эч качан жарыяланбайт.',
    ru: '14 цифр. Никогда не публикуется.',
    en: '14 digits. Never published.',
  },
  'filings.hint.closing': {
    ky: 'Банктын көчүрмөсүндөгүдөй. Платформа аны саптар менен салыштырат.',
    ru: 'Как в банковской выписке. Платформа сверит его со строками.',
    en: 'As on the bank statement. The platform checks it against the lines.',
  },
  'filings.errors.title': { ky: 'Төмөнкүлөрдү оңдоңуз', ru: 'Исправьте следующее', en: 'Please fix the following' },
  'filings.check.title': {
    ky: 'Тапшыруунун алдында текшерүү',
    ru: 'Проверка перед подачей',
    en: 'Check before submitting',
  },
  'filings.check.ok': {
    ky: 'Ката жок: отчетту тапшырууга болот.',
    ru: 'Ошибок нет: отчёт можно подать.',
    en: 'No errors: the report can be submitted.',
  },
  'filings.check.errors': {
    ky: 'Ката: {n}. Алар оңдолмоюнча отчет кабыл алынбайт.',
    ru: 'Ошибок: {n}. Пока они не исправлены, отчёт не будет принят.',
    en: '{n, plural, one {# error} other {# errors}}: the report cannot be submitted until they are fixed.',
  },
  'filings.check.warnings': {
    ky: 'Эскертүү: {n}. Алар тапшырууга тоскоол болбойт, бирок комиссия аларды көрөт.',
    ru: 'Предупреждений: {n}. Они не мешают подаче, но комиссия их увидит.',
    en: '{n, plural, one {# warning} other {# warnings}}: they do not stop the report, but the commission will see them.',
  },
  'filings.lines.none': { ky: 'Сап жок.', ru: 'Строк нет.', en: 'No lines.' },
  'filings.lines.actions': { ky: 'Аракеттер', ru: 'Действия', en: 'Actions' },
  'filings.lines.edit': { ky: '{id} өзгөртүү', ru: 'Изменить {id}', en: 'Edit {id}' },
  'filings.lines.delete': { ky: '{id} өчүрүү', ru: 'Удалить {id}', en: 'Delete {id}' },
  'filings.lines.add.receipts': { ky: 'Түшүү кошуу', ru: 'Добавить поступление', en: 'Add a receipt' },
  'filings.lines.add.expenditures': { ky: 'Чыгаша кошуу', ru: 'Добавить расход', en: 'Add an expenditure' },
  'filings.lines.add.refunds': { ky: 'Кайтаруу кошуу', ru: 'Добавить возврат', en: 'Add a refund' },
  'filings.lines.editTitle': {
    ky: '{section}, {row}-сап ({id})',
    ru: '{section}, строка {row} ({id})',
    en: '{section}, line {row} ({id})',
  },
  'filings.lines.save': { ky: 'Сактоо', ru: 'Сохранить', en: 'Save' },
  'filings.lines.cancel': { ky: 'Жокко чыгаруу', ru: 'Отмена', en: 'Cancel' },
  'filings.import.title': {
    ky: 'Саптарды файлдан жүктөө',
    ru: 'Загрузка строк из файла',
    en: 'Import lines from a file',
  },
  'filings.import.intro': {
    ky: 'Бир бөлүмдүн CSV файлы же үлгүдөн түзүлгөн XLSX китеби (бардык бөлүмдөр).',
    ru: 'CSV-файл одного раздела или книга XLSX по шаблону (все разделы).',
    en: 'A CSV file of one section, or an XLSX workbook made from the template (every section).',
  },
  'filings.import.section': { ky: 'CSV файлдын бөлүмү', ru: 'Раздел CSV-файла', en: 'Section of a CSV file' },
  'filings.import.sectionHint': { ky: 'XLSX үчүн керек эмес.', ru: 'Для XLSX не нужен.', en: 'Not needed for XLSX.' },
  'filings.import.mode': { ky: 'Бар саптар', ru: 'Имеющиеся строки', en: 'Lines already here' },
  'filings.import.append': { ky: 'Жаңыларын кошуу', ru: 'Добавить новые к ним', en: 'Add the new ones to them' },
  'filings.import.replace': {
    ky: 'Файлдагылар менен алмаштыруу',
    ru: 'Заменить строками из файла',
    en: 'Replace them with the file’s',
  },
  'filings.import.file': { ky: 'Файл (CSV же XLSX)', ru: 'Файл (CSV или XLSX)', en: 'File (CSV or XLSX)' },
  'filings.import.button': { ky: 'Жүктөө', ru: 'Загрузить', en: 'Import' },
  'filings.submit.title': { ky: 'Тапшыруу', ru: 'Подача', en: 'Submit' },
  'filings.submit.intro': {
    ky: 'Тапшырылган отчет өзгөртүлбөйт жана дароо жарыяланат. Оңдоо жаңы версия катары тапшырылат.',
    ru: 'Поданный отчёт не меняется и сразу публикуется. Исправление подаётся как новая версия.',
    en: 'A submitted report cannot be changed and is published at once. A correction is filed as a new version.',
  },
  'filings.submit.button': { ky: 'Отчетту тапшыруу', ru: 'Подать отчёт', en: 'Submit the report' },

  // ---- confirming what cannot be undone
  'filings.confirm.yes': { ky: 'Ооба, улантуу', ru: 'Да, продолжить', en: 'Yes, continue' },
  'filings.confirm.back': {
    ky: 'Жок, долбоорго кайтуу',
    ru: 'Нет, вернуться к черновику',
    en: 'No, back to the draft',
  },
  'filings.confirm.submit.title': {
    ky: 'Бул отчетту тапшырасызбы?',
    ru: 'Подать этот отчёт?',
    en: 'Submit this report?',
  },
  'filings.confirm.discard.title': {
    ky: 'Бул долбоорду жок кыласызбы?',
    ru: 'Удалить этот черновик?',
    en: 'Discard this draft?',
  },
  'filings.confirm.discard.text': {
    ky: 'Долбоор бардык саптары жана скандары менен өчүрүлөт. Муну артка кайтаруу мүмкүн эмес.',
    ru: 'Черновик будет удалён со всеми строками и сканами. Это нельзя отменить.',
    en: 'The draft will be deleted with all its lines and scans. This cannot be undone.',
  },
  'filings.confirm.deleteLine.title': {
    ky: '{id} сабын өчүрөсүзбү?',
    ru: 'Удалить строку {id}?',
    en: 'Delete line {id}?',
  },
  'filings.confirm.deleteLine.text': {
    ky: '{id} сабы долбоордон өчүрүлөт. Муну артка кайтаруу мүмкүн эмес.',
    ru: 'Строка {id} будет удалена из черновика. Это нельзя отменить.',
    en: 'Line {id} will be removed from the draft. This cannot be undone.',
  },

  // ---- notices after a redirect
  'filings.done.created': { ky: 'Долбоор түзүлдү.', ru: 'Черновик создан.', en: 'The draft was created.' },
  'filings.done.existing': {
    ky: 'Бул отчеттун долбоору бар болчу: ал ачылды.',
    ru: 'У этого отчёта уже был черновик: он открыт.',
    en: 'This report had a draft already: here it is.',
  },
  'filings.done.header': { ky: 'Башкы бөлүк сакталды.', ru: 'Заголовок сохранён.', en: 'The header was saved.' },
  'filings.done.lineAdded': { ky: 'Сап кошулду.', ru: 'Строка добавлена.', en: 'The line was added.' },
  'filings.done.lineSaved': { ky: 'Сап сакталды.', ru: 'Строка сохранена.', en: 'The line was saved.' },
  'filings.done.lineDeleted': { ky: 'Сап өчүрүлдү.', ru: 'Строка удалена.', en: 'The line was deleted.' },
  'filings.done.imported': {
    ky: 'Файлдан {n} сап жүктөлдү.',
    ru: 'Загружено строк из файла: {n}.',
    en: '{n, plural, one {# line was} other {# lines were}} imported.',
  },
  'filings.done.scanAdded': { ky: 'Скан кошулду.', ru: 'Скан добавлен.', en: 'The scan was added.' },
  'filings.done.scanRemoved': { ky: 'Скан алынып салынды.', ru: 'Скан удалён.', en: 'The scan was removed.' },
  'filings.done.discarded': { ky: 'Долбоор жок кылынды.', ru: 'Черновик удалён.', en: 'The draft was discarded.' },
  'filings.done.reviewed': { ky: 'Абалы өзгөртүлдү.', ru: 'Статус изменён.', en: 'The status was changed.' },
  'filings.done.amend': {
    ky: 'Оңдоо үчүн долбоор ачылды: ал тапшырылганда отчеттун жаңы версиясы болот.',
    ru: 'Открыт черновик исправления: после подачи он станет новой версией отчёта.',
    en: 'A draft of the amendment is open: once submitted it becomes the report’s next version.',
  },
  'filings.done.amendExisting': {
    ky: 'Бул отчеттун оңдоосу буга чейин ачылган: ал ушул жерде.',
    ru: 'Исправление этого отчёта уже начато: вот оно.',
    en: 'An amendment of this report was already started: here it is.',
  },

  // ---- review
  'filings.review.title': { ky: 'Отчетторду текшерүү', ru: 'Проверка отчётов', en: 'Reviewing reports' },
  'filings.review.pending': { ky: 'Текшерүүнү күткөндөр', ru: 'Ожидают проверки', en: 'Waiting for review' },
  'filings.review.decided': { ky: 'Чечим кабыл алынгандар', ru: 'Решение принято', en: 'Decided' },
  'filings.review.empty': { ky: 'Жок.', ru: 'Нет.', en: 'None.' },
  'filings.review.public': { ky: 'Жарыяланган бет', ru: 'Публичная страница', en: 'Public page' },
  'filings.review.newStatus': { ky: 'Жаңы абалы', ru: 'Новый статус', en: 'New status' },
  'filings.review.reason': { ky: 'Себеби', ru: 'Причина', en: 'Reason' },
  'filings.review.reasonHint': {
    ky: 'Кайтаруу үчүн милдеттүү. Себебин партия да, коомчулук да окуйт.',
    ru: 'Обязательно при возврате. Причину прочтут и партия, и общество.',
    en: 'Required to return a report. The party and the public read it.',
  },
  'filings.review.asFiled': {
    ky: 'Тапшырылгандай отчет',
    ru: 'Отчёт в поданном виде',
    en: 'The report as filed',
  },
  'filings.review.private': {
    ky: 'Бул бетте жарыяланбаган маалыматтар бар (ПИН, дарек): аларды комиссия гана көрөт.',
    ru: 'На этой странице есть непубликуемые данные (ПИН, адрес): их видит только комиссия.',
    en: 'This page shows what is never published (PIN, address): only the commission sees it.',
  },
  'filings.reviewCheck.title': { ky: 'Текшерүүнүн жыйынтыгы', ru: 'Результаты проверки', en: 'Validation results' },
  'filings.reviewCheck.ok': {
    ky: 'Эскертүүлөр жок.',
    ru: 'Предупреждений нет.',
    en: 'No warnings.',
  },
  'filings.reviewCheck.errors': {
    ky: 'Ката: {n}',
    ru: 'Ошибок: {n}',
    en: '{n, plural, one {# error} other {# errors}}',
  },
  'filings.reviewCheck.warnings': {
    ky: 'Эскертүү: {n}',
    ru: 'Предупреждений: {n}',
    en: '{n, plural, one {# warning} other {# warnings}}',
  },
  'filings.review.findings': {
    ky: 'Бул шайлоодогу партиянын тыянактары',
    ru: 'Выводы проверки по партии на этих выборах',
    en: 'The findings on this party in this election',
  },
  'filings.review.save': { ky: 'Абалын өзгөртүү', ru: 'Изменить статус', en: 'Change the status' },
  'filings.review.notLatest': {
    ky: 'Бул мурдагы версия; акыркы версия гана текшерилет.',
    ru: 'Это прежняя версия; проверяется только последняя.',
    en: 'This is an earlier version; only the latest one is reviewed.',
  },

  // ---- problems of this capability's services
  'filings.problem.draft.election_not_found': {
    ky: 'Мындай шайлоо жок.',
    ru: 'Таких выборов нет.',
    en: 'There is no such election.',
  },
  'filings.problem.draft.party_required': {
    ky: 'Отчет кайсы партия үчүн экенин тандаңыз.',
    ru: 'Выберите партию, за которую подаётся отчёт.',
    en: 'Choose the party the report is for.',
  },
  'filings.problem.draft.party_not_in_election': {
    ky: '{party} партиясы бул шайлоого катышпайт.',
    ru: 'Партия {party} не участвует в этих выборах.',
    en: 'Party {party} does not stand in this election.',
  },
  'filings.problem.draft.chain_exists': {
    ky: 'Бул отчет буга чейин тапшырылган ({version}-версия). Аны кайра баштабай, оңдоңуз.',
    ru: 'Этот отчёт уже подан (версия {version}). Не начинайте его заново, а исправьте.',
    en: 'This report has been filed already (version {version}). Amend it instead of starting it again.',
  },
  'filings.problem.draft.period_taken': {
    ky: 'Партиянын ушул түрдөгү башка отчету {from} башталат; башка күндү тандаңыз же ошол отчетту ачыңыз.',
    ru: 'Другой отчёт этого вида уже начинается {from}; выберите другой день или откройте тот отчёт.',
    en: 'Another report of this kind already starts on {from}; choose another day or open that report.',
  },
  'filings.problem.draft.not_found': {
    ky: 'Мындай долбоор жок: ал тапшырылган же жок кылынган болушу мүмкүн.',
    ru: 'Такого черновика нет: возможно, он уже подан или удалён.',
    en: 'There is no such draft: it may have been submitted or discarded.',
  },
  'filings.problem.draft.changed': {
    ky: 'Долбоор ушул убакта өзгөртүлгөн (башка өтмөктө же кесиптешиңиз тарабынан). Баракты жаңылап, кайра аракет кылыңыз.',
    ru: 'Черновик тем временем изменён (в другой вкладке или коллегой). Обновите страницу и повторите.',
    en: 'The draft was changed meanwhile (in another tab or by a colleague); reload it and try again.',
  },
  'filings.problem.draft.line_not_found': {
    ky: 'Бул сап долбоордо жок (ал өзгөртүлгөн же өчүрүлгөн). Баракты жаңылаңыз.',
    ru: 'Этой строки в черновике уже нет (её изменили или удалили). Обновите страницу.',
    en: 'This line is no longer in the draft (it was changed or deleted meanwhile); reload the draft.',
  },
  'filings.problem.import.section_required': {
    ky: 'CSV файл кайсы бөлүмгө таандык экенин тандаңыз: түшүүлөр, чыгашалар же кайтаруулар.',
    ru: 'Укажите, какой раздел в CSV-файле: поступления, расходы или возвраты.',
    en: 'Say which section the CSV file holds: receipts, expenditures or refunds.',
  },
  'filings.problem.scan.type_refused': {
    ky: 'Бул файл — {detected}; PDF, JPEG жана PNG гана кабыл алынат.',
    ru: 'Это файл типа {detected}; принимаются только PDF, JPEG и PNG.',
    en: 'This file is {detected}; only PDF, JPEG and PNG are accepted.',
  },
  'filings.problem.scan.too_large': {
    ky: 'Файл {limitMb} МБ чегинен чоң.',
    ru: 'Файл больше допустимых {limitMb} МБ.',
    en: 'The file is larger than the limit of {limitMb} MB.',
  },
  'filings.problem.scan.missing': {
    ky: 'Жүктөө үчүн файл тандаңыз.',
    ru: 'Выберите файл для загрузки.',
    en: 'Choose a file to upload.',
  },
  'filings.problem.form.invalid': {
    ky: 'Форманы окуу мүмкүн болгон жок.',
    ru: 'Не удалось прочитать форму.',
    en: 'The form could not be read.',
  },
  'filings.problem.submit.idempotency_conflict': {
    ky: 'Бул ачкыч башка отчет үчүн колдонулган; жаңы тапшыруу үчүн жаңы ачкыч колдонуңуз.',
    ru: 'Этот ключ уже использован для другого отчёта; для новой подачи нужен новый ключ.',
    en: 'This idempotency key was already used for a different report; use a new key for a new submission.',
  },
  'filings.problem.submit.conflict': {
    ky: 'Ушул эле учурда отчеттун башка версиясы тапшырылды; баракты жаңылап, текшериңиз.',
    ru: 'В этот же момент была подана другая версия отчёта; обновите страницу и проверьте.',
    en: 'Another version of this report was filed at the same moment; reload and check before submitting again.',
  },
  'filings.problem.submit.attachment_unknown': {
    ky: '«{fileName}» тиркемеси жүктөлгөн эмес; алгач файлды жүктөңүз.',
    ru: 'Приложение «{fileName}» не загружено; сначала загрузите файл.',
    en: 'The attachment “{fileName}” has not been uploaded; upload the file first.',
  },
  'filings.problem.submit.attachment_mismatch': {
    ky: '«{fileName}» тиркемеси — {mediaType}, {size} байт; отчетто башкача көрсөтүлгөн.',
    ru: 'Приложение «{fileName}» — это {mediaType}, {size} байт, а не то, что указано в отчёте.',
    en: 'The attachment “{fileName}” is {mediaType} of {size} bytes, not what the report says.',
  },
  'filings.problem.review.not_found': {
    ky: 'Мындай тапшырылган отчет жок.',
    ru: 'Такого поданного отчёта нет.',
    en: 'There is no such filed report.',
  },
  'filings.problem.review.not_latest': {
    ky: 'Отчеттун акыркы версиясы гана текшерилет.',
    ru: 'Проверяется только последняя версия отчёта.',
    en: 'Only the latest version of a report is reviewed.',
  },
  'filings.problem.review.transition': {
    ky: 'Отчеттун абалын «{fromLabel}» абалынан «{toLabel}» абалына өзгөртүүгө болбойт.',
    ru: 'Нельзя сменить статус «{fromLabel}» на «{toLabel}».',
    en: 'A report that is “{fromLabel}” cannot become “{toLabel}”.',
  },
  'filings.problem.review.reason_required': {
    ky: 'Отчет эмне үчүн кайтарылып жатканын жазыңыз: аны партия да, коомчулук да окуйт.',
    ru: 'Укажите, почему отчёт возвращается: это прочтут и партия, и общество.',
    en: 'Say why the report is returned: the party and the public read it.',
  },
  'filings.problem.review.reason_too_long': {
    ky: 'Себеби өтө узун: эң көп {maximum} белги.',
    ru: 'Причина слишком длинная: не более {maximum} знаков.',
    en: 'The reason is too long: at most {maximum} characters.',
  },
  'filings.problem.review.changed': {
    ky: 'Абалы ушул убакта өзгөртүлгөн; баракты жаңылаңыз.',
    ru: 'Статус тем временем изменён; обновите страницу.',
    en: 'The status was changed meanwhile; reload the page.',
  },
  'filings.problem.amend.not_filed': {
    ky: 'Тапшырылган отчет гана оңдолот.',
    ru: 'Исправить можно только поданный отчёт.',
    en: 'Only a filed report can be amended.',
  },
  'filings.problem.amend.not_latest': {
    ky: 'Бул отчеттун кийинки версиясы бар ({version}); акыркысын оңдоңуз.',
    ru: 'У этого отчёта есть более поздняя версия ({version}); исправляйте последнюю.',
    en: 'A later version of this report exists (version {version}); amend the latest one.',
  },
});

/** The translator of the finance report pages: their catalogue and the portal's (site-wide labels). */
export const t = translator(portalMessages, filingWebMessages);

/** Any problem of the finance reports in words of the locale: the format's own or this capability's. */
export function describeProblem(problem: Problem, locale: Locale): string {
  if (problem.code in filingMessages) return problemMessage(problem, locale);
  const params: Record<string, string | number> = { ...(problem.params ?? {}) };
  if (problem.code === 'review.transition') {
    params.fromLabel = t.lookup(locale, `filings.status.${String(params.from)}`) ?? String(params.from);
    params.toLabel = t.lookup(locale, `filings.status.${String(params.to)}`) ?? String(params.to);
  }
  try {
    return t.lookup(locale, `filings.problem.${problem.code}`, params) ?? problem.message;
  } catch {
    // A stored problem whose params no longer fit its message still shows its English text.
    return problem.message;
  }
}
