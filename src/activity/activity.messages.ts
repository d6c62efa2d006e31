// Labels of the commission's activity log of an election in Kyrgyz, Russian and English: the columns,
// each kind of action and each kind of record an entry can be about.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import { electionMessages } from '../elections/index.ts';

export const activityMessages = defineMessages({
  'commission.title.activity': { ky: 'Аракеттер журналы', ru: 'Журнал действий', en: 'Activity log' },
  'commission.col.at': { ky: 'Качан', ru: 'Когда', en: 'When' },
  'commission.col.actor': { ky: 'Ким', ru: 'Кто', en: 'Who' },
  'commission.col.action': { ky: 'Эмне кылынды', ru: 'Что сделано', en: 'What' },
  'commission.col.entity': { ky: 'Жазуу', ru: 'Запись', en: 'Record' },
  'commission.col.change': { ky: 'Мурун → кийин', ru: 'До → после', en: 'Before → after' },
  'commission.action.older': { ky: 'Мурунку жазуулар', ru: 'Более ранние записи', en: 'Older entries' },
  'commission.action.newest': { ky: 'Эң акыркы жазуулар', ru: 'Самые новые записи', en: 'Newest entries' },
  'commission.action.showChange': { ky: 'Өзгөртүүнү көрсөтүү', ru: 'Показать изменение', en: 'Show the change' },
  'commission.activity.intro': {
    ky: 'Бул шайлоонун жазууларындагы ар бир өзгөртүү, эң жаңысы биринчи: ким, качан, эмне кылды, жазуу мурун жана кийин кандай болгон.',
    ru: 'Каждое изменение записей этих выборов, сначала новые: кто, когда, что сделал, запись до и после.',
    en: 'Every change to this election’s record, newest first: who, when, what, and the record before and after.',
  },
  'commission.activity.none': {
    ky: 'Азырынча эч нерсе жазылган жок.',
    ru: 'Пока ничего не записано.',
    en: 'Nothing recorded yet.',
  },
  'commission.activity.before': { ky: 'Мурун', ru: 'До', en: 'Before' },
  'commission.activity.after': { ky: 'Кийин', ru: 'После', en: 'After' },
  'commission.activity.empty': { ky: '(жок)', ru: '(нет)', en: '(none)' },
  'commission.activity.action.election.create': { ky: 'Шайлоо түзүлдү', ru: 'Выборы созданы', en: 'Election created' },
  'commission.activity.action.party.create': {
    ky: 'Партиянын жазуусу түзүлдү',
    ru: 'Создана запись партии',
    en: 'Party record created',
  },
  'commission.activity.action.party.update': {
    ky: 'Партиянын жазуусу жаңыланды',
    ru: 'Обновлена запись партии',
    en: 'Party record updated',
  },
  'commission.activity.action.participation.register': {
    ky: 'Партия катталды',
    ru: 'Партия зарегистрирована',
    en: 'Party registered',
  },
  'commission.activity.action.participation.status': {
    ky: 'Партиянын абалы өзгөрдү',
    ru: 'Изменён статус партии',
    en: 'Party status changed',
  },
  'commission.activity.action.participation.ballot_number': {
    ky: 'Бюллетендеги номер ыйгарылды',
    ru: 'Присвоен номер в бюллетене',
    en: 'Ballot number assigned',
  },
  'commission.activity.action.candidate-list.import': {
    ky: 'Талапкерлердин тизмеси жүктөлдү',
    ru: 'Загружен список кандидатов',
    en: 'Candidate list imported',
  },
  'commission.activity.action.candidate-list.load': {
    ky: 'Талапкерлердин тизмелери жүктөлдү',
    ru: 'Загружены списки кандидатов',
    en: 'Candidate lists loaded',
  },
  'commission.activity.action.candidate.withdraw': {
    ky: 'Талапкер тизмеден чыкты',
    ru: 'Кандидат выбыл',
    en: 'Candidate withdrawn',
  },
  'commission.activity.action.programme.attach': {
    ky: 'Программа тиркелди',
    ru: 'Прикреплена программа',
    en: 'Programme attached',
  },
  'commission.activity.action.lottery.freeze': {
    ky: 'Чүчүкулак: тизме бекитилди',
    ru: 'Жеребьёвка: список зафиксирован',
    en: 'Lottery: list frozen',
  },
  'commission.activity.action.lottery.seed_part': {
    ky: 'Чүчүкулак: кубик ыргытуу жазылды',
    ru: 'Жеребьёвка: записан бросок',
    en: 'Lottery: roll recorded',
  },
  'commission.activity.action.lottery.draw': { ky: 'Чүчүкулак өттү', ru: 'Жеребьёвка проведена', en: 'Lottery drawn' },
  'commission.activity.action.lottery.supersede': {
    ky: 'Чүчүкулак алмаштырылды',
    ru: 'Жеребьёвка заменена',
    en: 'Lottery draw superseded',
  },
  'commission.entity.election': { ky: 'шайлоо', ru: 'выборы', en: 'election' },
  'commission.entity.party': { ky: 'партия', ru: 'партия', en: 'party' },
  'commission.entity.participation': { ky: 'катышуу', ru: 'участие', en: 'participation' },
  'commission.entity.candidate-list': { ky: 'талапкерлердин тизмеси', ru: 'список кандидатов', en: 'candidate list' },
  'commission.entity.candidate': { ky: 'талапкер', ru: 'кандидат', en: 'candidate' },
  'commission.entity.programme': { ky: 'программа', ru: 'программа', en: 'programme' },
  'commission.entity.lottery_draw': { ky: 'чүчүкулак', ru: 'жеребьёвка', en: 'lottery draw' },
});

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, electionMessages, activityMessages);
