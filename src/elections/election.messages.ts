// Labels of the commission's screens for elections (its home, the election form, an election's
// parties) in Kyrgyz, Russian and English, and what every commission screen shares: the frame, the
// error summary, the generic form problems and the field labels several forms use. Words the public
// pages already have (kinds, statuses, rule names) are taken from the portal's catalogue.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';

export const electionMessages = defineMessages({
  'commission.title.home': { ky: 'Комиссия: шайлоолор', ru: 'Комиссия: выборы', en: 'Commission: elections' },
  'commission.crumb': { ky: 'Комиссия', ru: 'Комиссия', en: 'Commission' },
  'commission.title.newElection': { ky: 'Шайлоону түзүү', ru: 'Создать выборы', en: 'Create an election' },
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
  'commission.link.lottery': {
    ky: 'Бюллетендеги тартип боюнча чүчүкулак',
    ru: 'Жеребьёвка порядка в бюллетене',
    en: 'Ballot-order lottery',
  },
  'commission.link.registerParty': { ky: 'Партияны каттоо', ru: 'Зарегистрировать партию', en: 'Register a party' },
  'commission.link.activityOf': {
    ky: 'Аракеттер журналы: {name}',
    ru: 'Журнал действий: {name}',
    en: 'Activity log: {name}',
  },
  'commission.col.election': { ky: 'Шайлоо', ru: 'Выборы', en: 'Election' },
  'commission.col.parties': { ky: 'Партиялар', ru: 'Партии', en: 'Parties' },
  'commission.col.party': { ky: 'Партия', ru: 'Партия', en: 'Party' },
  'commission.col.links': { ky: 'Шилтемелер', ru: 'Ссылки', en: 'Links' },
  'commission.col.candidates': {
    ky: 'Катталган талапкерлер',
    ru: 'Зарегистрированных кандидатов',
    en: 'Registered candidates',
  },
  'commission.col.programme': { ky: 'Программа', ru: 'Программа', en: 'Programme' },
  'commission.election.id': { ky: 'Идентификатору', ru: 'Идентификатор', en: 'Identifier' },
  'commission.election.kind': { ky: 'Түрү', ru: 'Вид', en: 'Kind' },
  'commission.election.parties': {
    ky: 'Шайлоодогу партиялар',
    ru: 'Партии на выборах',
    en: 'Parties in this election',
  },
  'commission.election.noParties': {
    ky: 'Азырынча бир да партия катталган жок.',
    ru: 'Пока не зарегистрировано ни одной партии.',
    en: 'No party is registered yet.',
  },
  'commission.election.since': { ky: '{date} тартып', ru: 'с {date}', en: 'since {date}' },
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
  'commission.hint.id': {
    ky: 'Кичине латын тамгалары, сандар жана дефис; даректин бир бөлүгү болот, мисалы parliament-2026. Кийин өзгөртүлбөйт.',
    ru: 'Строчные латинские буквы, цифры и дефис; станет частью адреса, например parliament-2026. Потом не меняется.',
    en: 'Lower-case Latin letters, digits and hyphens; it becomes part of the address, e.g. parliament-2026. It cannot be changed later.',
  },
  'commission.hint.threshold': {
    ky: 'Пайыз менен, мисалы 5 же 7,5',
    ru: 'В процентах, например 5 или 7,5',
    en: 'In percent, e.g. 5 or 7.5',
  },
  'commission.hint.nameEn': {
    ky: 'Бош калса, орусча аталышы көрсөтүлөт.',
    ru: 'Если оставить пустым, показывается русское название.',
    en: 'If left empty, the Russian name is shown.',
  },
  'commission.action.create': { ky: 'Шайлоону түзүү', ru: 'Создать выборы', en: 'Create the election' },
  'commission.done.created': { ky: 'Шайлоо түзүлдү.', ru: 'Выборы созданы.', en: 'The election was created.' },
  'commission.errors.nothingSaved': {
    ky: 'Эч нерсе сакталган жок.',
    ru: 'Ничего не сохранено.',
    en: 'Nothing was saved.',
  },
  'commission.problem.commission.required': { ky: 'Толтуруңуз.', ru: 'Заполните это поле.', en: 'Fill this in.' },
  'commission.problem.commission.bad_date': {
    ky: 'Күндү ЖЖЖЖ-АА-КК түрүндө жазыңыз, мисалы 2026-10-04.',
    ru: 'Введите дату в виде ГГГГ-ММ-ДД, например 2026-10-04.',
    en: 'Enter a date as YYYY-MM-DD, e.g. 2026-10-04.',
  },
  'commission.problem.commission.too_long': {
    ky: 'Эң көп {max} белги.',
    ru: 'Не более {max} символов.',
    en: 'At most {max} characters.',
  },
  'commission.problem.commission.bad_id': {
    ky: 'Кичине латын тамгаларын, сандарды жана дефисти гана колдонуңуз.',
    ru: 'Используйте только строчные латинские буквы, цифры и дефис.',
    en: 'Use lower-case Latin letters, digits and hyphens only.',
  },
  'commission.problem.commission.bad_choice': {
    ky: 'Варианттардын бирин тандаңыз.',
    ru: 'Выберите один из вариантов.',
    en: 'Choose one of the options.',
  },
  'commission.problem.commission.bad_whole_number': {
    ky: '1ден баштап бүтүн сан жазыңыз.',
    ru: 'Введите целое число от 1.',
    en: 'Enter a whole number from 1.',
  },
  'commission.problem.commission.bad_percent': {
    ky: '0дөн 100гө чейинки пайызды жазыңыз, мисалы 5 же 7,5.',
    ru: 'Введите процент от 0 до 100, например 5 или 7,5.',
    en: 'Enter a percent from 0 to 100, e.g. 5 or 7.5.',
  },
  'commission.problem.commission.too_large': {
    ky: 'Файл {limitMb} МБдан чоң.',
    ru: 'Файл больше {limitMb} МБ.',
    en: 'The file is larger than {limitMb} MB.',
  },
  'commission.problem.commission.form_unreadable': {
    ky: 'Форманы окуу мүмкүн болгон жок; кайра жөнөтүңүз.',
    ru: 'Форму не удалось прочитать; отправьте её ещё раз.',
    en: 'The form could not be read; send it again.',
  },
  'commission.problem.election.exists': {
    ky: 'Мындай идентификатору бар шайлоо мурунтан эле бар.',
    ru: 'Выборы с таким идентификатором уже есть.',
    en: 'An election with this identifier already exists.',
  },
  'commission.problem.rules.not_found': {
    ky: 'Мындай эрежелер профили жок.',
    ru: 'Такого профиля правил нет.',
    en: 'There is no such rules profile.',
  },
  'commission.problem.election.dates': {
    ky: 'Даталар ирети менен болушу керек: дайындалган күн ≤ үгүттүн башталышы ≤ үгүттүн аякташы ≤ шайлоо күнү.',
    ru: 'Даты должны идти по порядку: назначение ≤ начало агитации ≤ конец агитации ≤ день голосования.',
    en: 'The dates must run in order: called ≤ campaign starts ≤ campaign ends ≤ election day.',
  },
  'commission.problem.input.invalid': {
    ky: 'Бул маани туура эмес.',
    ru: 'Это значение недопустимо.',
    en: 'This value is not valid.',
  },
  'commission.problem.election.not_found': {
    ky: 'Мындай шайлоо жок.',
    ru: 'Таких выборов нет.',
    en: 'There is no such election.',
  },
  'commission.problem.party.not_registered': {
    ky: 'Бул партия бул шайлоого катталган эмес.',
    ru: 'Эта партия не зарегистрирована на этих выборах.',
    en: 'This party is not registered in this election.',
  },
});

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, electionMessages);
