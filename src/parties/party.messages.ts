// Labels of the commission's screens for parties (registration in an election, participation and
// its status) in Kyrgyz, Russian and English, and the problems those forms can be refused with.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import { electionMessages } from '../elections/index.ts';

export const partyMessages = defineMessages({
  'commission.title.newParty': {
    ky: 'Партияны шайлоого каттоо',
    ru: 'Зарегистрировать партию на выборах',
    en: 'Register a party in the election',
  },
  'commission.party.participation': { ky: 'Шайлоого катышуусу', ru: 'Участие в выборах', en: 'Participation' },
  'commission.party.reason': { ky: 'Себеби', ru: 'Основание', en: 'Reason' },
  'commission.party.changeStatus': {
    ky: 'Шайлоодон чыгуу же каттоону жокко чыгаруу',
    ru: 'Выбытие или отмена регистрации',
    en: 'Withdrawal or deregistration',
  },
  'commission.newParty.from': {
    ky: 'Мурунку шайлоодогу партиядан баштоо',
    ru: 'Начать с партии из прошлых выборов',
    en: 'Start from a party of an earlier election',
  },
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
  'commission.field.registrationNumber': {
    ky: 'Каттоо номери',
    ru: 'Регистрационный номер',
    en: 'Registration number',
  },
  'commission.field.shortNameKy': {
    ky: 'Кыска аталышы кыргызча',
    ru: 'Краткое название на кыргызском',
    en: 'Short name in Kyrgyz',
  },
  'commission.field.shortNameRu': {
    ky: 'Кыска аталышы орусча',
    ru: 'Краткое название на русском',
    en: 'Short name in Russian',
  },
  'commission.field.shortNameEn': {
    ky: 'Кыска аталышы англисче',
    ru: 'Краткое название на английском',
    en: 'Short name in English',
  },
  'commission.field.leader': { ky: 'Төрагасы', ru: 'Председатель', en: 'Leader' },
  'commission.field.foundedOn': { ky: 'Түзүлгөн күнү', ru: 'Дата основания', en: 'Founded on' },
  'commission.field.address': { ky: 'Расмий дареги', ru: 'Юридический адрес', en: 'Registered office' },
  'commission.field.phone': { ky: 'Телефону', ru: 'Телефон', en: 'Phone' },
  'commission.field.website': { ky: 'Сайты', ru: 'Сайт', en: 'Website' },
  'commission.field.fromParty': { ky: 'Партия', ru: 'Партия', en: 'Party' },
  'commission.field.participationStatus': { ky: 'Жаңы абалы', ru: 'Новый статус', en: 'New status' },
  'commission.field.statusDate': { ky: 'Өзгөргөн күнү', ru: 'Дата изменения', en: 'Date of the change' },
  'commission.field.statusReason': { ky: 'Себеби', ru: 'Основание', en: 'Reason' },
  'commission.hint.shortName': {
    ky: 'Бош калса, толук аталышы колдонулат.',
    ru: 'Если оставить пустым, используется полное название.',
    en: 'If left empty, the full name is used.',
  },
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
  'commission.action.register': { ky: 'Партияны каттоо', ru: 'Зарегистрировать партию', en: 'Register the party' },
  'commission.action.fill': { ky: 'Маалыматтарды толтуруу', ru: 'Подставить сведения', en: 'Fill in the details' },
  'commission.action.saveStatus': { ky: 'Өзгөртүүнү жазуу', ru: 'Записать изменение', en: 'Record the change' },
  'commission.done.registered': {
    ky: 'Партия бул шайлоого катталды.',
    ru: 'Партия зарегистрирована на этих выборах.',
    en: 'The party was registered in this election.',
  },
  'commission.done.status': {
    ky: 'Абалдын өзгөрүшү жазылды.',
    ru: 'Изменение статуса записано.',
    en: 'The change of status was recorded.',
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
  'commission.problem.commission.already_registered': {
    ky: 'Бул партия бул шайлоого мурунтан эле катталган. Анын абалы өз барагында өзгөртүлөт.',
    ru: 'Эта партия уже зарегистрирована на этих выборах. Её статус меняется на её странице.',
    en: 'This party is already in this election. Its status is changed on its own page.',
  },
});

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, electionMessages, partyMessages);
