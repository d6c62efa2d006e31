// Labels of the commission's screens (elections, parties, candidate lists, programmes, activity
// log) in Kyrgyz, Russian and English, and the translations of every problem those forms can be
// refused with, including each row-and-column problem of a candidate-list file. Words the public
// pages already have (kinds, statuses, rule names) are taken from the portal's catalogue.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { addCatalogue, type Catalogue } from '../platform/i18n/i18n.ts';

export const commissionMessages: Catalogue = {
  // ---- titles and navigation
  'commission.title.home': { ky: 'Комиссия: шайлоолор', ru: 'Комиссия: выборы', en: 'Commission: elections' },
  'commission.crumb': { ky: 'Комиссия', ru: 'Комиссия', en: 'Commission' },
  'commission.title.newElection': { ky: 'Шайлоону түзүү', ru: 'Создать выборы', en: 'Create an election' },
  'commission.title.newParty': { ky: 'Партияны шайлоого каттоо', ru: 'Зарегистрировать партию на выборах', en: 'Register a party in the election' },
  'commission.title.activity': { ky: 'Аракеттер журналы', ru: 'Журнал действий', en: 'Activity log' },
  'commission.home.intro': {
    ky: 'Комиссия жүргүзгөн шайлоолор, партиялар, талапкерлердин тизмелери жана программалар. Ар бир өзгөртүү шайлоонун аракеттер журналына жазылат.',
    ru: 'Выборы, партии, списки кандидатов и программы, которые ведёт комиссия. Каждое изменение записывается в журнал действий выборов.',
    en: 'Elections, parties, candidate lists and programmes as the commission keeps them. Every change is written to the election’s activity log.',
  },
  'commission.home.none': { ky: 'Азырынча шайлоо жок.', ru: 'Пока нет выборов.', en: 'No elections yet.' },
  'commission.readOnly': {
    ky: 'Сиз бул маалыматтарды окуй аласыз, бирок өзгөртө албайсыз.',
    ru: 'Вы можете читать эти данные, но не изменять их.',
    en: 'You can read this record but not change it.',
  },
  'commission.link.newElection': { ky: 'Жаңы шайлоо түзүү', ru: 'Создать новые выборы', en: 'Create a new election' },
  'commission.link.public': { ky: 'Ачык барак', ru: 'Публичная страница', en: 'Public page' },
  'commission.link.activity': { ky: 'Аракеттер журналы', ru: 'Журнал действий', en: 'Activity log' },
  'commission.link.lottery': { ky: 'Бюллетендеги тартип боюнча чүчүкулак', ru: 'Жеребьёвка порядка в бюллетене', en: 'Ballot-order lottery' },
  'commission.link.registerParty': { ky: 'Партияны каттоо', ru: 'Зарегистрировать партию', en: 'Register a party' },
  'commission.link.activityOf': { ky: 'Аракеттер журналы: {name}', ru: 'Журнал действий: {name}', en: 'Activity log: {name}' },
  'commission.link.manageOf': { ky: 'Башкаруу: {name}', ru: 'Управление: {name}', en: 'Manage: {name}' },

  // ---- tables
  'commission.col.election': { ky: 'Шайлоо', ru: 'Выборы', en: 'Election' },
  'commission.col.parties': { ky: 'Партиялар', ru: 'Партии', en: 'Parties' },
  'commission.col.party': { ky: 'Партия', ru: 'Партия', en: 'Party' },
  'commission.col.links': { ky: 'Шилтемелер', ru: 'Ссылки', en: 'Links' },
  'commission.col.candidates': { ky: 'Катталган талапкерлер', ru: 'Зарегистрированных кандидатов', en: 'Registered candidates' },
  'commission.col.programme': { ky: 'Программа', ru: 'Программа', en: 'Programme' },
  'commission.col.at': { ky: 'Качан', ru: 'Когда', en: 'When' },
  'commission.col.actor': { ky: 'Ким', ru: 'Кто', en: 'Who' },
  'commission.col.action': { ky: 'Эмне кылынды', ru: 'Что сделано', en: 'What' },
  'commission.col.entity': { ky: 'Жазуу', ru: 'Запись', en: 'Record' },
  'commission.col.change': { ky: 'Мурун → кийин', ru: 'До → после', en: 'Before → after' },

  // ---- the election page
  'commission.election.id': { ky: 'Идентификатору', ru: 'Идентификатор', en: 'Identifier' },
  'commission.election.kind': { ky: 'Түрү', ru: 'Вид', en: 'Kind' },
  'commission.election.parties': { ky: 'Шайлоодогу партиялар', ru: 'Партии на выборах', en: 'Parties in this election' },
  'commission.election.noParties': { ky: 'Азырынча бир да партия катталган жок.', ru: 'Пока не зарегистрировано ни одной партии.', en: 'No party is registered yet.' },
  'commission.election.since': { ky: '{date} тартып', ru: 'с {date}', en: 'since {date}' },

  // ---- the party page
  'commission.party.participation': { ky: 'Шайлоого катышуусу', ru: 'Участие в выборах', en: 'Participation' },
  'commission.party.reason': { ky: 'Себеби', ru: 'Основание', en: 'Reason' },
  'commission.party.changeStatus': { ky: 'Шайлоодон чыгуу же каттоону жокко чыгаруу', ru: 'Выбытие или отмена регистрации', en: 'Withdrawal or deregistration' },
  'commission.party.list': { ky: 'Талапкерлердин тизмеси', ru: 'Список кандидатов', en: 'Candidate list' },
  'commission.party.listCount': {
    ky: 'Тизмеде {total} талапкер, алардын {registered} катталган.',
    ru: 'В списке {total, plural, one {# кандидат} few {# кандидата} other {# кандидатов}}, из них зарегистрировано {registered}.',
    en: 'The list has {total, plural, one {# candidate} other {# candidates}}, {registered} of them registered.',
  },
  'commission.party.noList': { ky: 'Талапкерлердин тизмеси азырынча жок.', ru: 'Списка кандидатов пока нет.', en: 'No candidate list yet.' },
  'commission.party.rules': { ky: 'Тизменин учурдагы абалы боюнча эрежелер', ru: 'Требования к списку в его нынешнем виде', en: 'List rules as the list stands' },
  'commission.party.importList': { ky: 'Талапкерлердин тизмесин жүктөө', ru: 'Загрузить список кандидатов', en: 'Import the candidate list' },
  'commission.party.listExists': {
    ky: 'Тизме бир жолу гана жүктөлөт. Кийин талапкерлер тизмеден чыгарылат, алмаштырылбайт.',
    ru: 'Список загружается один раз. Затем кандидаты только выбывают, их не заменяют.',
    en: 'A list is imported once. After that, candidates are withdrawn, not replaced.',
  },
  'commission.party.withdraw': { ky: 'Талапкерди тизмеден чыгаруу', ru: 'Выбытие кандидата', en: 'Withdraw a candidate' },
  'commission.party.withdrawHelp': {
    ky: 'Чыгып кеткен талапкердин ордуна башка эч ким коюлбайт; тизме ошол замат эрежелер боюнча кайра текшерилет.',
    ru: 'Выбывшего кандидата никем не заменяют; список сразу проверяется на соответствие требованиям заново.',
    en: 'A withdrawn candidate is not replaced; the list is checked against the rules again at once.',
  },
  'commission.party.programme': { ky: 'Программа', ru: 'Программа', en: 'Programme' },
  'commission.party.programmeLanguages': { ky: 'Тексти бар тилдер: {languages}', ru: 'Текст есть на языках: {languages}', en: 'Text in: {languages}' },
  'commission.party.attachProgramme': { ky: 'Программаны тиркөө', ru: 'Прикрепить программу', en: 'Attach the programme' },
  'commission.party.candidateOption': { ky: '{position}. {name}', ru: '{position}. {name}', en: '{position}. {name}' },
  'commission.lang.ky': { ky: 'кыргызча', ru: 'кыргызский', en: 'Kyrgyz' },
  'commission.lang.ru': { ky: 'орусча', ru: 'русский', en: 'Russian' },
  'commission.lang.en': { ky: 'англисче', ru: 'английский', en: 'English' },

  // ---- the party registration page
  'commission.newParty.from': { ky: 'Мурунку шайлоодогу партиядан баштоо', ru: 'Начать с партии из прошлых выборов', en: 'Start from a party of an earlier election' },
  'commission.newParty.fromHelp': {
    ky: 'Тандалган партиянын маалыматтары төмөнкү формага толтурулат; каттоодон мурун аларды текшериңиз.',
    ru: 'Сведения выбранной партии будут подставлены в форму ниже; проверьте их перед регистрацией.',
    en: 'The chosen party’s details are filled into the form below; check them before registering.',
  },
  'commission.newParty.details': { ky: 'Партия жөнүндө маалымат', ru: 'Сведения о партии', en: 'Party details' },
  'commission.newParty.existing': {
    ky: 'Бул каттоо номери менен партия мурунтан эле бар: анын жазуусу ушул формадагы маалыматтар менен жаңыланат.',
    ru: 'Партия с этим регистрационным номером уже есть: её запись будет обновлена данными из этой формы.',
    en: 'A party with this registration number exists already: its record will be updated with this form’s details.',
  },

  // ---- fields
  'commission.field.id': { ky: 'Идентификатору', ru: 'Идентификатор', en: 'Identifier' },
  'commission.field.kind': { ky: 'Шайлоонун түрү', ru: 'Вид выборов', en: 'Kind of election' },
  'commission.field.nameKy': { ky: 'Аталышы кыргызча', ru: 'Название на кыргызском', en: 'Name in Kyrgyz' },
  'commission.field.nameRu': { ky: 'Аталышы орусча', ru: 'Название на русском', en: 'Name in Russian' },
  'commission.field.nameEn': { ky: 'Аталышы англисче', ru: 'Название на английском', en: 'Name in English' },
  'commission.field.calledOn': { ky: 'Дайындалган күнү', ru: 'Дата назначения', en: 'Called on' },
  'commission.field.campaignStart': { ky: 'Үгүттүн башталышы', ru: 'Начало агитации', en: 'Campaign starts' },
  'commission.field.campaignEnd': { ky: 'Үгүттүн аякташы', ru: 'Конец агитации', en: 'Campaign ends' },
  'commission.field.electionDay': { ky: 'Шайлоо күнү', ru: 'День голосования', en: 'Election day' },
  'commission.field.seats': { ky: 'Мандаттардын саны', ru: 'Число мандатов', en: 'Seats' },
  'commission.field.threshold': { ky: 'Шайлоо босогосу, %', ru: 'Проходной барьер, %', en: 'Threshold, %' },
  'commission.field.status': { ky: 'Абалы', ru: 'Статус', en: 'Status' },
  'commission.field.rulesProfileId': { ky: 'Эрежелер профили', ru: 'Профиль правил', en: 'Rules profile' },
  'commission.field.registrationNumber': { ky: 'Каттоо номери', ru: 'Регистрационный номер', en: 'Registration number' },
  'commission.field.shortNameKy': { ky: 'Кыска аталышы кыргызча', ru: 'Краткое название на кыргызском', en: 'Short name in Kyrgyz' },
  'commission.field.shortNameRu': { ky: 'Кыска аталышы орусча', ru: 'Краткое название на русском', en: 'Short name in Russian' },
  'commission.field.shortNameEn': { ky: 'Кыска аталышы англисче', ru: 'Краткое название на английском', en: 'Short name in English' },
  'commission.field.leader': { ky: 'Төрагасы', ru: 'Председатель', en: 'Leader' },
  'commission.field.foundedOn': { ky: 'Түзүлгөн күнү', ru: 'Дата основания', en: 'Founded on' },
  'commission.field.address': { ky: 'Расмий дареги', ru: 'Юридический адрес', en: 'Registered office' },
  'commission.field.phone': { ky: 'Телефону', ru: 'Телефон', en: 'Phone' },
  'commission.field.website': { ky: 'Сайты', ru: 'Сайт', en: 'Website' },
  'commission.field.fromParty': { ky: 'Партия', ru: 'Партия', en: 'Party' },
  'commission.field.participationStatus': { ky: 'Жаңы абалы', ru: 'Новый статус', en: 'New status' },
  'commission.field.statusDate': { ky: 'Өзгөргөн күнү', ru: 'Дата изменения', en: 'Date of the change' },
  'commission.field.statusReason': { ky: 'Себеби', ru: 'Основание', en: 'Reason' },
  'commission.field.file': { ky: 'Тизменин файлы (CSV же XLSX)', ru: 'Файл списка (CSV или XLSX)', en: 'List file (CSV or XLSX)' },
  'commission.field.candidateId': { ky: 'Талапкер', ru: 'Кандидат', en: 'Candidate' },
  'commission.field.withdrawDate': { ky: 'Тизмеден чыккан күнү', ru: 'Дата выбытия', en: 'Date of withdrawal' },
  'commission.field.textKy': { ky: 'Программанын тексти кыргызча', ru: 'Текст программы на кыргызском', en: 'Programme text in Kyrgyz' },
  'commission.field.textRu': { ky: 'Программанын тексти орусча', ru: 'Текст программы на русском', en: 'Programme text in Russian' },
  'commission.field.textEn': { ky: 'Программанын тексти англисче', ru: 'Текст программы на английском', en: 'Programme text in English' },
  'commission.field.pdf': { ky: 'Түп нускасы (PDF)', ru: 'Оригинал (PDF)', en: 'Original (PDF)' },
  'commission.choose': { ky: '— тандаңыз —', ru: '— выберите —', en: '— choose —' },

  // ---- hints
  'commission.hint.id': {
    ky: 'Кичине латын тамгалары, сандар жана дефис; даректин бир бөлүгү болот, мисалы parliament-2026. Кийин өзгөртүлбөйт.',
    ru: 'Строчные латинские буквы, цифры и дефис; станет частью адреса, например parliament-2026. Потом не меняется.',
    en: 'Lower-case Latin letters, digits and hyphens; it becomes part of the address, e.g. parliament-2026. It cannot be changed later.',
  },
  'commission.hint.date': { ky: 'ЖЖЖЖ-АА-КК, мисалы 2026-10-04', ru: 'ГГГГ-ММ-ДД, например 2026-10-04', en: 'YYYY-MM-DD, e.g. 2026-10-04' },
  'commission.hint.threshold': { ky: 'Пайыз менен, мисалы 5 же 7,5', ru: 'В процентах, например 5 или 7,5', en: 'In percent, e.g. 5 or 7.5' },
  'commission.hint.nameEn': { ky: 'Бош калса, орусча аталышы көрсөтүлөт.', ru: 'Если оставить пустым, показывается русское название.', en: 'If left empty, the Russian name is shown.' },
  'commission.hint.shortName': { ky: 'Бош калса, толук аталышы колдонулат.', ru: 'Если оставить пустым, используется полное название.', en: 'If left empty, the full name is used.' },
  'commission.hint.registrationNumber': {
    ky: 'Юстиция министрлигиндеги каттоо номери — партиянын туруктуу белгиси.',
    ru: 'Номер регистрации в Министерстве юстиции — постоянный идентификатор партии.',
    en: 'The registration number at the Ministry of Justice: the party’s permanent identifier.',
  },
  'commission.hint.statusReason': {
    ky: 'Комиссиянын чечими же партиянын арызы, жазууда кандай көрүнүшү керек болсо ошондой.',
    ru: 'Решение комиссии или заявление партии — так, как это должно быть видно в записи.',
    en: 'The commission’s decision or the party’s statement, as it should read in the record.',
  },
  'commission.hint.file': {
    ky: 'CSV (UTF-8, үтүр же үтүрлүү чекит менен бөлүнгөн) же XLSX. Биринчи сапта мамычалардын аттары: {columns}. Бардык саптар текшерилет; бир да сапта ката болсо, эч нерсе сакталбайт.',
    ru: 'CSV (UTF-8, разделитель — запятая или точка с запятой) или XLSX. В первой строке — названия столбцов: {columns}. Проверяются все строки; если хоть в одной есть ошибка, ничего не сохраняется.',
    en: 'CSV (UTF-8, separated by commas or semicolons) or XLSX. The first row names the columns: {columns}. Every row is checked; while any row has a problem, nothing is saved.',
  },
  'commission.hint.pdf': {
    ky: 'Милдеттүү эмес. Жаңы файл мурункусунун ордуна сакталат.',
    ru: 'Необязательно. Новый файл заменяет прежний.',
    en: 'Optional. A new file replaces the earlier one.',
  },

  // ---- buttons
  'commission.action.create': { ky: 'Шайлоону түзүү', ru: 'Создать выборы', en: 'Create the election' },
  'commission.action.register': { ky: 'Партияны каттоо', ru: 'Зарегистрировать партию', en: 'Register the party' },
  'commission.action.fill': { ky: 'Маалыматтарды толтуруу', ru: 'Подставить сведения', en: 'Fill in the details' },
  'commission.action.saveStatus': { ky: 'Өзгөртүүнү жазуу', ru: 'Записать изменение', en: 'Record the change' },
  'commission.action.import': { ky: 'Текшерип, жүктөө', ru: 'Проверить и загрузить', en: 'Check and import' },
  'commission.action.withdraw': { ky: 'Тизмеден чыгаруу', ru: 'Отметить выбытие', en: 'Withdraw' },
  'commission.action.attach': { ky: 'Программаны сактоо', ru: 'Сохранить программу', en: 'Save the programme' },
  'commission.action.older': { ky: 'Мурунку жазуулар', ru: 'Более ранние записи', en: 'Older entries' },
  'commission.action.newest': { ky: 'Эң акыркы жазуулар', ru: 'Самые новые записи', en: 'Newest entries' },
  'commission.action.showChange': { ky: 'Өзгөртүүнү көрсөтүү', ru: 'Показать изменение', en: 'Show the change' },

  // ---- notices after a change
  'commission.done.created': { ky: 'Шайлоо түзүлдү.', ru: 'Выборы созданы.', en: 'The election was created.' },
  'commission.done.registered': { ky: 'Партия бул шайлоого катталды.', ru: 'Партия зарегистрирована на этих выборах.', en: 'The party was registered in this election.' },
  'commission.done.status': { ky: 'Абалдын өзгөрүшү жазылды.', ru: 'Изменение статуса записано.', en: 'The change of status was recorded.' },
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
  'commission.done.programme': { ky: 'Программа сакталды.', ru: 'Программа сохранена.', en: 'The programme was saved.' },

  // ---- errors
  'commission.errors.title': { ky: 'Ката бар', ru: 'Есть ошибки', en: 'There is a problem' },
  'commission.errors.nothingSaved': { ky: 'Эч нерсе сакталган жок.', ru: 'Ничего не сохранено.', en: 'Nothing was saved.' },

  // ---- the activity log
  'commission.activity.intro': {
    ky: 'Бул шайлоонун жазууларындагы ар бир өзгөртүү, эң жаңысы биринчи: ким, качан, эмне кылды, жазуу мурун жана кийин кандай болгон.',
    ru: 'Каждое изменение записей этих выборов, сначала новые: кто, когда, что сделал, запись до и после.',
    en: 'Every change to this election’s record, newest first: who, when, what, and the record before and after.',
  },
  'commission.activity.none': { ky: 'Азырынча эч нерсе жазылган жок.', ru: 'Пока ничего не записано.', en: 'Nothing recorded yet.' },
  'commission.activity.before': { ky: 'Мурун', ru: 'До', en: 'Before' },
  'commission.activity.after': { ky: 'Кийин', ru: 'После', en: 'After' },
  'commission.activity.empty': { ky: '(жок)', ru: '(нет)', en: '(none)' },
  'commission.activity.action.election.create': { ky: 'Шайлоо түзүлдү', ru: 'Выборы созданы', en: 'Election created' },
  'commission.activity.action.party.create': { ky: 'Партиянын жазуусу түзүлдү', ru: 'Создана запись партии', en: 'Party record created' },
  'commission.activity.action.party.update': { ky: 'Партиянын жазуусу жаңыланды', ru: 'Обновлена запись партии', en: 'Party record updated' },
  'commission.activity.action.participation.register': { ky: 'Партия катталды', ru: 'Партия зарегистрирована', en: 'Party registered' },
  'commission.activity.action.participation.status': { ky: 'Партиянын абалы өзгөрдү', ru: 'Изменён статус партии', en: 'Party status changed' },
  'commission.activity.action.participation.ballot_number': { ky: 'Бюллетендеги номер ыйгарылды', ru: 'Присвоен номер в бюллетене', en: 'Ballot number assigned' },
  'commission.activity.action.candidate-list.import': { ky: 'Талапкерлердин тизмеси жүктөлдү', ru: 'Загружен список кандидатов', en: 'Candidate list imported' },
  'commission.activity.action.candidate-list.load': { ky: 'Талапкерлердин тизмелери жүктөлдү', ru: 'Загружены списки кандидатов', en: 'Candidate lists loaded' },
  'commission.activity.action.candidate.withdraw': { ky: 'Талапкер тизмеден чыкты', ru: 'Кандидат выбыл', en: 'Candidate withdrawn' },
  'commission.activity.action.programme.attach': { ky: 'Программа тиркелди', ru: 'Прикреплена программа', en: 'Programme attached' },
  'commission.activity.action.lottery.freeze': { ky: 'Чүчүкулак: тизме бекитилди', ru: 'Жеребьёвка: список зафиксирован', en: 'Lottery: list frozen' },
  'commission.activity.action.lottery.seed_part': { ky: 'Чүчүкулак: кубик ыргытуу жазылды', ru: 'Жеребьёвка: записан бросок', en: 'Lottery: roll recorded' },
  'commission.activity.action.lottery.draw': { ky: 'Чүчүкулак өттү', ru: 'Жеребьёвка проведена', en: 'Lottery drawn' },
  'commission.activity.action.lottery.supersede': { ky: 'Чүчүкулак алмаштырылды', ru: 'Жеребьёвка заменена', en: 'Lottery draw superseded' },
  'commission.entity.election': { ky: 'шайлоо', ru: 'выборы', en: 'election' },
  'commission.entity.party': { ky: 'партия', ru: 'партия', en: 'party' },
  'commission.entity.participation': { ky: 'катышуу', ru: 'участие', en: 'participation' },
  'commission.entity.candidate-list': { ky: 'талапкерлердин тизмеси', ru: 'список кандидатов', en: 'candidate list' },
  'commission.entity.candidate': { ky: 'талапкер', ru: 'кандидат', en: 'candidate' },
  'commission.entity.programme': { ky: 'программа', ru: 'программа', en: 'programme' },
  'commission.entity.lottery_draw': { ky: 'чүчүкулак', ru: 'жеребьёвка', en: 'lottery draw' },

  // ---- problems of the forms
  'commission.problem.commission.required': { ky: 'Толтуруңуз.', ru: 'Заполните это поле.', en: 'Fill this in.' },
  'commission.problem.commission.bad_date': {
    ky: 'Күндү ЖЖЖЖ-АА-КК түрүндө жазыңыз, мисалы 2026-10-04.',
    ru: 'Введите дату в виде ГГГГ-ММ-ДД, например 2026-10-04.',
    en: 'Enter a date as YYYY-MM-DD, e.g. 2026-10-04.',
  },
  'commission.problem.commission.too_long': { ky: 'Эң көп {max} белги.', ru: 'Не более {max} символов.', en: 'At most {max} characters.' },
  'commission.problem.commission.bad_id': {
    ky: 'Кичине латын тамгаларын, сандарды жана дефисти гана колдонуңуз.',
    ru: 'Используйте только строчные латинские буквы, цифры и дефис.',
    en: 'Use lower-case Latin letters, digits and hyphens only.',
  },
  'commission.problem.commission.bad_choice': { ky: 'Варианттардын бирин тандаңыз.', ru: 'Выберите один из вариантов.', en: 'Choose one of the options.' },
  'commission.problem.commission.bad_whole_number': { ky: '1ден баштап бүтүн сан жазыңыз.', ru: 'Введите целое число от 1.', en: 'Enter a whole number from 1.' },
  'commission.problem.commission.bad_percent': {
    ky: '0дөн 100гө чейинки пайызды жазыңыз, мисалы 5 же 7,5.',
    ru: 'Введите процент от 0 до 100, например 5 или 7,5.',
    en: 'Enter a percent from 0 to 100, e.g. 5 or 7.5.',
  },
  'commission.problem.commission.bad_registration_number': {
    ky: 'Номерде / \\ ? # же % белгилери болбошу керек.',
    ru: 'Номер не может содержать знаки / \\ ? # или %.',
    en: 'The number may not contain / \\ ? # or %.',
  },
  'commission.problem.commission.bad_url': {
    ky: 'http:// же https:// менен башталган даректи жазыңыз.',
    ru: 'Введите адрес, начинающийся с http:// или https://.',
    en: 'Enter an address starting with http:// or https://.',
  },
  'commission.problem.commission.no_text': {
    ky: 'Программанын текстин жок дегенде бир тилде жазыңыз.',
    ru: 'Введите текст программы хотя бы на одном языке.',
    en: 'Enter the programme’s text in at least one language.',
  },
  'commission.problem.commission.no_file': { ky: 'CSV же XLSX файлын тандаңыз.', ru: 'Выберите файл CSV или XLSX.', en: 'Choose a CSV or XLSX file.' },
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
  'commission.problem.commission.too_large': { ky: 'Файл {limitMb} МБдан чоң.', ru: 'Файл больше {limitMb} МБ.', en: 'The file is larger than {limitMb} MB.' },
  'commission.problem.commission.form_unreadable': {
    ky: 'Форманы окуу мүмкүн болгон жок; кайра жөнөтүңүз.',
    ru: 'Форму не удалось прочитать; отправьте её ещё раз.',
    en: 'The form could not be read; send it again.',
  },
  'commission.problem.commission.already_registered': {
    ky: 'Бул партия бул шайлоого мурунтан эле катталган. Анын абалы өз барагында өзгөртүлөт.',
    ru: 'Эта партия уже зарегистрирована на этих выборах. Её статус меняется на её странице.',
    en: 'This party is already in this election. Its status is changed on its own page.',
  },
  'commission.problem.election.exists': {
    ky: 'Мындай идентификатору бар шайлоо мурунтан эле бар.',
    ru: 'Выборы с таким идентификатором уже есть.',
    en: 'An election with this identifier already exists.',
  },
  'commission.problem.rules.not_found': { ky: 'Мындай эрежелер профили жок.', ru: 'Такого профиля правил нет.', en: 'There is no such rules profile.' },
  'commission.problem.election.dates': {
    ky: 'Даталар ирети менен болушу керек: дайындалган күн ≤ үгүттүн башталышы ≤ үгүттүн аякташы ≤ шайлоо күнү.',
    ru: 'Даты должны идти по порядку: назначение ≤ начало агитации ≤ конец агитации ≤ день голосования.',
    en: 'The dates must run in order: called ≤ campaign starts ≤ campaign ends ≤ election day.',
  },
  'commission.problem.input.invalid': { ky: 'Бул маани туура эмес.', ru: 'Это значение недопустимо.', en: 'This value is not valid.' },
  'commission.problem.election.not_found': { ky: 'Мындай шайлоо жок.', ru: 'Таких выборов нет.', en: 'There is no such election.' },
  'commission.problem.party.not_registered': {
    ky: 'Бул партия бул шайлоого катталган эмес.',
    ru: 'Эта партия не зарегистрирована на этих выборах.',
    en: 'This party is not registered in this election.',
  },
  'commission.problem.candidate.not_found': { ky: 'Мындай талапкер жок.', ru: 'Такого кандидата нет.', en: 'There is no such candidate.' },
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
  'commission.problem.file.type_refused': { ky: 'PDF файлын гана тиркөөгө болот.', ru: 'Прикрепить можно только файл PDF.', en: 'Only a PDF file can be attached.' },

  // ---- problems of a candidate-list file, by row and column
  'commission.problem.import.missing_column': {
    ky: '1-сап: баш саптан «{column}» мамычасы табылган жок.',
    ru: 'Строка 1: в строке заголовков нет столбца «{column}».',
    en: 'Row 1: the column “{column}” is missing from the header row.',
  },
  'commission.problem.import.empty': { ky: 'Файлда талапкерлердин саптары жок.', ru: 'В файле нет строк с кандидатами.', en: 'The file has no candidate rows.' },
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
};

addCatalogue(commissionMessages);
