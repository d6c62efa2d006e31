// Words of the donor and payee pages and their downloads in Kyrgyz, Russian and English. Labels of
// donor types, channels and categories come from the filings capability, so they read as on the
// finance pages; the filters and the page frame use the web kit's words.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';

export const exploreMessages = defineMessages({
  'explore.donors': { ky: 'Кайрымдуулук берүүчүлөр', ru: 'Жертвователи', en: 'Donors' },
  'explore.payees': { ky: 'Төлөм алуучулар', ru: 'Получатели платежей', en: 'Payees' },
  'explore.section.title': {
    ky: 'Ким берди, кимге төлөндү',
    ru: 'Кто дал деньги и кому заплатили',
    en: 'Who gave, and who was paid',
  },
  'explore.section.lead': {
    ky: 'Бардык партиялар боюнча эң ири кайрымдуулук берүүчүлөр жана төлөм алуучулар, ар бири өз барагы менен.',
    ru: 'Крупнейшие жертвователи и получатели платежей по всем партиям, у каждого своя страница.',
    en: 'The largest donors and payees across every party, each with a page of their own.',
  },
  'explore.donor': { ky: 'Кайрымдуулук берүүчү', ru: 'Жертвователь', en: 'Donor' },
  'explore.payee': { ky: 'Төлөм алуучу', ru: 'Получатель платежей', en: 'Payee' },
  'explore.basis': {
    ky: 'Ар бир отчеттун акыркы тапшырылган версиясы эсептелет. Бир эле ЖИН же ИНН менен берилген саптар аты кандай жазылганына карабастан бир адамга бириктирилет; номери жок саптар аты боюнча топтолот жана белгиленет.',
    ru: 'Учитывается последняя поданная версия каждого отчёта. Строки с одним ПИН или ИНН объединяются в одно лицо, как бы ни было написано имя; строки без номера группируются по имени и отмечены.',
    en: 'The latest filed version of each report counts. Lines with the same PIN or INN are one person or organisation however the name was spelled; lines without a number are grouped by name and marked.',
  },
  'explore.privacy': {
    ky: 'Жеке адамдын ЖИНи эч качан көрсөтүлбөйт: идентификатор андан кайра эсептелбейт. Юридикалык жактын ИННи ачык.',
    ru: 'ПИН физического лица никогда не показывается, и восстановить его по идентификатору нельзя. ИНН юридического лица открыт.',
    en: 'A person’s PIN is never shown and cannot be worked out from the identifier. A legal entity’s INN is public.',
  },
  'explore.byName': {
    ky: 'номери жок: аты боюнча топтолгон',
    ru: 'без номера: сгруппировано по имени',
    en: 'no number: grouped by name',
  },
  'explore.col.rank': { ky: '№', ru: '№', en: 'No.' },
  'explore.col.id': { ky: 'Идентификатор', ru: 'Идентификатор', en: 'Identifier' },
  'explore.col.name': { ky: 'Аты', ru: 'Имя или название', en: 'Name' },
  'explore.col.inn': { ky: 'ИНН', ru: 'ИНН', en: 'INN' },
  'explore.col.basis': { ky: 'Кантип аныкталган', ru: 'Как определён', en: 'Identified by' },
  'explore.col.kind': { ky: 'Түрү', ru: 'Вид', en: 'Kind' },
  'explore.col.category': { ky: 'Категория', ru: 'Категория', en: 'Category' },
  'explore.col.parties': { ky: 'Партиялар', ru: 'Партии', en: 'Parties' },
  'explore.col.partyCount': { ky: 'Партиялардын саны', ru: 'Число партий', en: 'Number of parties' },
  'explore.col.party': { ky: 'Партия', ru: 'Партия', en: 'Party' },
  'explore.col.amount': { ky: 'Сумма, сом', ru: 'Сумма, сом', en: 'Amount, som' },
  'explore.col.total': { ky: 'Бардыгы, сом', ru: 'Всего, сом', en: 'Total, som' },
  'explore.col.count': { ky: 'Саптар', ru: 'Строк', en: 'Lines' },
  'explore.col.first': { ky: 'Биринчи', ru: 'Первая', en: 'First' },
  'explore.col.last': { ky: 'Акыркы', ru: 'Последняя', en: 'Last' },
  'explore.col.date': { ky: 'Күнү', ru: 'Дата', en: 'Date' },
  'explore.col.channel': { ky: 'Кантип келген', ru: 'Способ', en: 'Channel' },
  'explore.col.description': { ky: 'Эмне үчүн', ru: 'За что', en: 'What for' },
  'explore.basis.number': { ky: 'ЖИН же ИНН боюнча', ru: 'по ПИН или ИНН', en: 'PIN or INN' },
  'explore.basis.name': { ky: 'аты боюнча', ru: 'по имени', en: 'name' },
  'explore.filter.party': { ky: 'Партия', ru: 'Партия', en: 'Party' },
  'explore.filter.all': { ky: 'Баары', ru: 'Все', en: 'All' },
  'explore.filter.multi': {
    ky: 'Бир нече партия менен гана',
    ru: 'Только с несколькими партиями',
    en: 'Only with more than one party',
  },
  'explore.none': { ky: 'Эч нерсе табылган жок.', ru: 'Ничего не найдено.', en: 'Nothing found.' },
  'explore.shown': {
    ky: '{shown} / {n} көрсөтүлдү. Бардыгы жүктөп алууда.',
    ru: 'Показано {shown} из {n}. Все — в файле для скачивания.',
    en: '{shown} of {n} shown. All of them are in the download.',
  },
  'explore.download': { ky: 'Жүктөп алуу (CSV)', ru: 'Скачать (CSV)', en: 'Download (CSV)' },
  'explore.names': { ky: 'Отчеттордогу жазылышы', ru: 'Написания в отчётах', en: 'Spellings in the reports' },
  'explore.gifts': { ky: 'Бардык кайрымдуулуктар', ru: 'Все пожертвования', en: 'All gifts' },
  'explore.payments': { ky: 'Бардык төлөмдөр', ru: 'Все платежи', en: 'All payments' },
  'explore.byParty': { ky: 'Партиялар боюнча', ru: 'По партиям', en: 'By party' },
  'explore.finance': { ky: 'Шайлоо фонддору', ru: 'Избирательные фонды', en: 'Campaign finance' },
});

export const t = translator(portalMessages, exploreMessages);
export type ExploreKey = keyof typeof exploreMessages;
