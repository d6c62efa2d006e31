// Labels of the commission's screens for candidate lists (the list of a party, its import, the
// withdrawal of a candidate) in Kyrgyz, Russian and English, and the translation of every problem an
// import can be refused with, each row-and-column problem of a list file included.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import { ARCHIVE_REFUSED_MESSAGE } from '../platform/zip-inspection.ts';
import { electionMessages } from '../elections/index.ts';

export const candidateMessages = defineMessages({
  'commission.party.list': { ky: 'Талапкерлердин тизмеси', ru: 'Список кандидатов', en: 'Candidate list' },
  'commission.party.listCount': {
    ky: 'Тизмеде {total} талапкер, алардын {registered} катталган.',
    ru: 'В списке {total, plural, one {# кандидат} few {# кандидата} other {# кандидатов}}, из них зарегистрировано {registered}.',
    en: 'The list has {total, plural, one {# candidate} other {# candidates}}, {registered} of them registered.',
  },
  'commission.party.noList': {
    ky: 'Талапкерлердин тизмеси азырынча жок.',
    ru: 'Списка кандидатов пока нет.',
    en: 'No candidate list yet.',
  },
  'commission.party.rules': {
    ky: 'Тизменин учурдагы абалы боюнча эрежелер',
    ru: 'Требования к списку в его нынешнем виде',
    en: 'List rules as the list stands',
  },
  'commission.party.importList': {
    ky: 'Талапкерлердин тизмесин жүктөө',
    ru: 'Загрузить список кандидатов',
    en: 'Import the candidate list',
  },
  'commission.party.listExists': {
    ky: 'Тизме бир жолу гана жүктөлөт. Кийин талапкерлер тизмеден чыгарылат, алмаштырылбайт.',
    ru: 'Список загружается один раз. Затем кандидаты только выбывают, их не заменяют.',
    en: 'A list is imported once. After that, candidates are withdrawn, not replaced.',
  },
  'commission.party.withdraw': {
    ky: 'Талапкерди тизмеден чыгаруу',
    ru: 'Выбытие кандидата',
    en: 'Withdraw a candidate',
  },
  'commission.party.withdrawHelp': {
    ky: 'Чыгып кеткен талапкердин ордуна башка эч ким коюлбайт; тизме ошол замат эрежелер боюнча кайра текшерилет.',
    ru: 'Выбывшего кандидата никем не заменяют; список сразу проверяется на соответствие требованиям заново.',
    en: 'A withdrawn candidate is not replaced; the list is checked against the rules again at once.',
  },
  'commission.party.candidateOption': { ky: '{position}. {name}', ru: '{position}. {name}', en: '{position}. {name}' },
  'commission.field.file': {
    ky: 'Тизменин файлы (CSV же XLSX)',
    ru: 'Файл списка (CSV или XLSX)',
    en: 'List file (CSV or XLSX)',
  },
  'commission.field.candidateId': { ky: 'Талапкер', ru: 'Кандидат', en: 'Candidate' },
  'commission.field.withdrawDate': { ky: 'Тизмеден чыккан күнү', ru: 'Дата выбытия', en: 'Date of withdrawal' },
  'commission.hint.file': {
    ky: 'CSV (UTF-8, үтүр же үтүрлүү чекит менен бөлүнгөн) же XLSX. Биринчи сапта мамычалардын аттары: {columns}. Бардык саптар текшерилет; бир да сапта ката болсо, эч нерсе сакталбайт.',
    ru: 'CSV (UTF-8, разделитель — запятая или точка с запятой) или XLSX. В первой строке — названия столбцов: {columns}. Проверяются все строки; если хоть в одной есть ошибка, ничего не сохраняется.',
    en: 'CSV (UTF-8, separated by commas or semicolons) or XLSX. The first row names the columns: {columns}. Every row is checked; while any row has a problem, nothing is saved.',
  },
  'commission.action.import': { ky: 'Текшерип, жүктөө', ru: 'Проверить и загрузить', en: 'Check and import' },
  'commission.action.withdraw': { ky: 'Тизмеден чыгаруу', ru: 'Отметить выбытие', en: 'Withdraw' },
  'commission.done.imported': {
    ky: '{n} талапкер жүктөлдү.',
    ru: '{n, plural, one {Загружен # кандидат} few {Загружено # кандидата} other {Загружено # кандидатов}}.',
    en: '{n, plural, one {# candidate} other {# candidates}} imported.',
  },
  'commission.done.withdrawn': {
    ky: '{name} ({position}-орун) тизмеден чыгарылды. Тизме эрежелер боюнча кайра текшерилди:',
    ru: '{name} (место {position}) — выбытие отмечено. Список заново проверен на соответствие требованиям:',
    en: '{name} (position {position}) was withdrawn. The list was checked against the rules again:',
  },
  'commission.problem.commission.no_file': {
    ky: 'CSV же XLSX файлын тандаңыз.',
    ru: 'Выберите файл CSV или XLSX.',
    en: 'Choose a CSV or XLSX file.',
  },
  'commission.problem.commission.list_format': {
    ky: 'Бул CSV да, XLSX да эмес. Тизмени CSV (UTF-8) же Excel китеби (.xlsx) катары сактаңыз.',
    ru: 'Это не CSV и не XLSX. Сохраните список как CSV (UTF-8) или как книгу Excel (.xlsx).',
    en: 'This is neither CSV nor XLSX. Save the list as CSV (UTF-8) or as an Excel workbook (.xlsx).',
  },
  'commission.problem.commission.list_encoding': {
    ky: 'CSV файлы UTF-8 коддоосунда эмес. Excelде аны «CSV UTF-8» катары сактаңыз.',
    ru: 'Файл CSV не в кодировке UTF-8. В Excel сохраните его как «CSV UTF-8».',
    en: 'The CSV file is not in UTF-8. In Excel, save it as “CSV UTF-8”.',
  },
  'commission.problem.candidate.not_found': {
    ky: 'Мындай талапкер жок.',
    ru: 'Такого кандидата нет.',
    en: 'There is no such candidate.',
  },
  'commission.problem.candidate.not_registered': {
    ky: 'Бул талапкер мындан ары катталган эмес.',
    ru: 'Этот кандидат уже не зарегистрирован.',
    en: 'This candidate is no longer registered.',
  },
  'commission.problem.candidate.bad_date': {
    ky: 'Күндү ЖЖЖЖ-АА-КК түрүндө жазыңыз.',
    ru: 'Введите дату в виде ГГГГ-ММ-ДД.',
    en: 'Enter a date as YYYY-MM-DD.',
  },
  'commission.problem.import.missing_column': {
    ky: '1-сап: баш саптан «{column}» мамычасы табылган жок.',
    ru: 'Строка 1: в строке заголовков нет столбца «{column}».',
    en: 'Row 1: the column “{column}” is missing from the header row.',
  },
  'commission.problem.import.empty': {
    ky: 'Файлда талапкерлердин саптары жок.',
    ru: 'В файле нет строк с кандидатами.',
    en: 'The file has no candidate rows.',
  },
  'commission.problem.import.archive_refused': ARCHIVE_REFUSED_MESSAGE,
  'commission.problem.import.unreadable': {
    ky: 'Файлды CSV же XLSX катары окуу мүмкүн эмес.',
    ru: 'Файл не удаётся прочитать как CSV или XLSX.',
    en: 'The file cannot be read as CSV or XLSX.',
  },
  'commission.problem.import.bad_position': {
    ky: '{row}-сап, «{column}» мамычасы: «{value}» тизмедеги орун эмес (1ден баштап бүтүн сан).',
    ru: 'Строка {row}, столбец «{column}»: «{value}» — не место в списке (целое число от 1).',
    en: 'Row {row}, column “{column}”: “{value}” is not a list position (a whole number from 1).',
  },
  'commission.problem.import.duplicate_position': {
    ky: '{row}-сап, «{column}» мамычасы: {value}-орун {other}-сапта мурунтан эле бар.',
    ru: 'Строка {row}, столбец «{column}»: место {value} уже занято в строке {other}.',
    en: 'Row {row}, column “{column}”: position {value} is already used in row {other}.',
  },
  'commission.problem.import.required': {
    ky: '{row}-сап, «{column}» мамычасы: аты-жөнү бош.',
    ru: 'Строка {row}, столбец «{column}»: имя не заполнено.',
    en: 'Row {row}, column “{column}”: the name is empty.',
  },
  'commission.problem.import.control_character': {
    ky: '{row}-сап, «{column}» мамычасы: текстте саптын которулушу, табуляция же башка башкаруучу белги бар.',
    ru: 'Строка {row}, столбец «{column}»: в тексте есть перенос строки, табуляция или другой управляющий символ.',
    en: 'Row {row}, column “{column}”: the text contains a line break, a tab or another control character.',
  },
  'commission.problem.import.bad_date': {
    ky: '{row}-сап, «{column}» мамычасы: «{value}» күн эмес (ЖЖЖЖ-АА-КК же КК.АА.ЖЖЖЖ түрүндө жазыңыз).',
    ru: 'Строка {row}, столбец «{column}»: «{value}» — не дата (используйте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ).',
    en: 'Row {row}, column “{column}”: “{value}” is not a date (use YYYY-MM-DD or DD.MM.YYYY).',
  },
  'commission.problem.import.future_birth': {
    ky: '{row}-сап, «{column}» мамычасы: туулган күнү {value} шайлоо күнүнөн мурун эмес.',
    ru: 'Строка {row}, столбец «{column}»: дата рождения {value} не раньше дня голосования.',
    en: 'Row {row}, column “{column}”: the birth date {value} is not before election day.',
  },
  'commission.problem.import.bad_sex': {
    ky: '{row}-сап, «{column}» мамычасы: «{value}» жыныс эмес (аял же эркек).',
    ru: 'Строка {row}, столбец «{column}»: «{value}» — не пол (женский или мужской).',
    en: 'Row {row}, column “{column}”: “{value}” is not a sex (female or male).',
  },
  'commission.problem.import.bad_flag': {
    ky: '{row}-сап, «{column}» мамычасы: «{value}» — «ооба» да, «жок» да эмес.',
    ru: 'Строка {row}, столбец «{column}»: «{value}» — не «да» и не «нет».',
    en: 'Row {row}, column “{column}”: “{value}” is not yes or no.',
  },
  'commission.problem.import.bad_pin': {
    ky: '{row}-сап, «{column}» мамычасы: ПИН 14 сандан турушу керек.',
    ru: 'Строка {row}, столбец «{column}»: ПИН должен состоять из 14 цифр.',
    en: 'Row {row}, column “{column}”: the PIN must be 14 digits.',
  },
  'commission.problem.import.duplicate_pin': {
    ky: '{row}-сап, «{column}» мамычасы: ушул эле ПИН {other}-сапта бар.',
    ru: 'Строка {row}, столбец «{column}»: такой же ПИН уже есть в строке {other}.',
    en: 'Row {row}, column “{column}”: the same PIN is already in row {other}.',
  },
  'commission.problem.import.gap': {
    ky: '«list_position» мамычасы: орундар 1, 2, 3 … боштуксуз уланышы керек; {missing}-орун жок.',
    ru: 'Столбец «list_position»: места должны идти 1, 2, 3 … без пропусков; места {missing} нет.',
    en: 'Column “list_position”: positions must run 1, 2, 3 … without gaps; position {missing} is missing.',
  },
  'commission.problem.import.list_exists': {
    ky: 'Бул партиянын талапкерлер тизмеси мурунтан эле бар. Кайра жүктөөнүн ордуна талапкерлерди тизмеден чыгарыңыз.',
    ru: 'У этой партии уже есть список кандидатов. Вместо повторной загрузки отмечайте выбытие кандидатов.',
    en: 'This party already has a candidate list. Withdraw candidates instead of importing again.',
  },
  'commission.problem.import.pin_on_other_list': {
    ky: '{row}-сап, «{column}» мамычасы: бул адам ушул шайлоодо башка партиянын тизмесинде бар.',
    ru: 'Строка {row}, столбец «{column}»: этот человек уже есть в списке другой партии на этих выборах.',
    en: 'Row {row}, column “{column}”: this person is already on another party’s list in this election.',
  },
  'commission.problem.list_rule': {
    ky: 'Тизме «{rule}» эрежесин бузат: {actual}, ал эми мыйзам боюнча {required}.',
    ru: 'Список нарушает требование «{rule}»: {actual}, а по закону нужно {required}.',
    en: 'The list breaks the rule “{rule}”: {actual} where the law requires {required}.',
  },
});

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, electionMessages, candidateMessages);
