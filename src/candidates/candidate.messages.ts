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
  'commission.party.template': {
    ky: 'Толтуруу үчүн үлгү',
    ru: 'Шаблон для заполнения',
    en: 'Template to fill in',
  },
  'commission.party.columns': { ky: 'Файлдын мамычалары', ru: 'Колонки файла', en: 'Columns of the file' },
  'commission.party.column': { ky: 'Мамыча', ru: 'Колонка', en: 'Column' },
  'commission.party.columnMeaning': { ky: 'Мааниси', ru: 'Значение', en: 'Meaning' },
  'commission.party.columnAllowed': {
    ky: 'Уруксат берилген маанилер',
    ru: 'Допустимые значения',
    en: 'Allowed values',
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
  'commission.confirm.withdraw.title': {
    ky: '{name} тизмеден чыгарылсынбы?',
    ru: 'Исключить кандидата {name} из списка?',
    en: 'Withdraw {name} from the list?',
  },
  'commission.confirm.withdraw.text': {
    ky: '{name} ({position}-орун) {date} күнү тизмеден чыккан деп белгиленет. Муну артка кайтарууга болбойт: талапкердин ордуна эч ким коюлбайт, тизме эрежелер боюнча кайра текшерилет.',
    ru: '{name} (позиция {position}) будет отмечен(а) как выбывший(ая) с {date}. Это нельзя отменить: кандидата никем не заменяют, список проверяется на соответствие требованиям заново.',
    en: '{name} (position {position}) will be marked as withdrawn on {date}. This cannot be undone: the candidate is not replaced, and the list is checked against the rules again.',
  },
  'commission.confirm.withdraw.yes': { ky: 'Ооба, чыгаруу', ru: 'Да, исключить', en: 'Yes, withdraw' },
  'commission.confirm.back': { ky: 'Жок, артка', ru: 'Нет, назад', en: 'No, go back' },
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
  'commission.problem.list_rule_detail': {
    ky: 'Тизме «{rule}» эрежесин бузат: {detail}.',
    ru: 'Список нарушает требование «{rule}»: {detail}.',
    en: 'The list breaks the rule “{rule}”: {detail}.',
  },
  'rule.detail.list-size': {
    ky: 'тизмеде {total} талапкер, мыйзам боюнча {over, select, yes {{max} ашпашы керек} other {кеминде {min} болушу керек{excluded, plural, =0 {} other {; тизмеден чыккандар эсептелбейт}}}}',
    ru: 'в списке {total, plural, one {# кандидат} few {# кандидата} other {# кандидатов}}, по закону {over, select, yes {не более {max}} other {не менее {min}{excluded, plural, =0 {} other {; выбывшие не считаются}}}}',
    en: '{total, plural, one {# candidate} other {# candidates}} on the list, the law {over, select, yes {allows at most {max}} other {requires at least {min}{excluded, plural, =0 {} other {; withdrawn and deregistered candidates do not count}}}}',
  },
  'rule.detail.max-share-one-sex': {
    ky: '{sex, select, female {аялдар} other {эркектер}} {share} ({total} талапкердин {count}), мыйзам боюнча {required} ашпашы керек',
    ru: '{sex, select, female {женщин} other {мужчин}} {share} ({count} из {total}), по закону не более {required}',
    en: '{share} {sex, select, female {women} other {men}} ({count} of {total}), the law allows at most {required}',
  },
  'rule.detail.max-run-one-sex': {
    ky: 'бир жыныстагы {run} талапкер катары менен турат, мыйзам боюнча {max} ашпашы керек',
    ru: '{run, plural, one {# кандидат} few {# кандидата} other {# кандидатов}} одного пола подряд, по закону не более {max}',
    en: '{run, plural, one {# candidate} other {# candidates}} of one sex in a row, the law allows at most {max}',
  },
  'rule.detail.min-share-youth': {
    ky: '{age} жашка чейинкилер {share} ({total} талапкердин {count}), мыйзам боюнча кеминде {required}',
    ru: 'моложе {age} лет — {share} ({count} из {total}), по закону не менее {required}',
    en: '{share} under {age} ({count} of {total}), the law requires at least {required}',
  },
  'rule.detail.min-share-minority': {
    ky: 'этникалык азчылыктар {share} ({total} талапкердин {count}), мыйзам боюнча кеминде {required}',
    ru: 'этнических меньшинств {share} ({count} из {total}), по закону не менее {required}',
    en: '{share} from ethnic minorities ({count} of {total}), the law requires at least {required}',
  },
  'rule.detail.min-disabled': {
    ky: 'майыптыгы бар {count} адам, мыйзам боюнча кеминде {required}',
    ru: '{count, plural, one {# лицо} few {# лица} other {# лиц}} с инвалидностью, по закону не менее {required}',
    en: '{count, plural, one {# person} other {# persons}} with a disability, the law requires at least {required}',
  },
  'rule.detail.disabled-within-first': {
    ky: '{at, plural, =0 {тизмеде майыптыгы бар адам жок} other {майыптыгы бар биринчи адам #-орунда}}, мыйзам боюнча алардын бири алгачкы {within} орундун ичинде болушу керек',
    ru: '{at, plural, =0 {лиц с инвалидностью в списке нет} other {первое лицо с инвалидностью на #-м месте}}, по закону одно из них должно быть среди первых {within}',
    en: '{at, plural, =0 {no person with a disability on the list} other {the first person with a disability is in place #}}, the law requires one within the first {within}',
  },
  'rule.who': {
    ky: '{n, plural, one {орун} other {орундар}}: {list}{more, plural, =0 {} other { жана дагы #}}',
    ru: '{n, plural, one {позиция} other {позиции}} {list}{more, plural, =0 {} other { и ещё #}}',
    en: '{n, plural, one {position} other {positions}} {list}{more, plural, =0 {} other { and # more}}',
  },
});

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, electionMessages, candidateMessages);
