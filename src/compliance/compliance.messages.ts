// Labels of the findings of the preliminary check in Kyrgyz, Russian and English: the commission's
// review screens, the treasurer's requests, the public register and party section, and the problems of
// the review forms (keyed by problem code). Rule titles are the rules' own (core/rules/).
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import type { Message } from '../platform/i18n/messages.ts';
import { RULE_CATALOGUE } from './core/rules/index.ts';

/** `compliance.rule.<rule id>`: the title of every rule, from the rules themselves so the two cannot drift. */
export const ruleTitleMessages: Readonly<Record<string, Message>> = Object.fromEntries(
  RULE_CATALOGUE.map((r) => [`compliance.rule.${r.id}`, r.title]),
);

export const complianceMessages = defineMessages({
  'compliance.title.findings': { ky: 'Текшерүүнүн жыйынтыктары', ru: 'Результаты проверки', en: 'Findings' },
  'compliance.title.treasurer': {
    ky: 'Комиссиянын түшүндүрмө суроолору',
    ru: 'Запросы комиссии о разъяснении',
    en: 'The commission’s requests for explanation',
  },
  'compliance.title.register': {
    ky: 'Каржылоону алдын ала текшерүүнүн жыйынтыктары',
    ru: 'Результаты предварительной проверки финансирования',
    en: 'Findings of the preliminary check of campaign finance',
  },
  'compliance.intro.findings': {
    ky: 'Ар бир кайрымдуулук мамлекеттик реестрлер менен салыштырылат. Жыйынтыкты ырастаңыз, себебин көрсөтүп четке кагыңыз же партиядан түшүндүрмө сураңыз.',
    ru: 'Каждое пожертвование сверяется с государственными реестрами. Подтвердите результат, отклоните его с указанием причины или запросите разъяснение у партии.',
    en: 'Every donation is checked against the state registries. Confirm a finding, dismiss it with a reason, or ask the party for an explanation.',
  },
  'compliance.intro.register': {
    ky: 'Комиссия ырастаган жыйынтыктар, мыйзам белгилеген чара жана анын абалы. Жеке адамдардын ПИНи жарыяланбайт.',
    ru: 'Подтверждённые комиссией результаты, мера, установленная законом, и её состояние. ПИН физических лиц не публикуется.',
    en: 'Findings the commission confirmed, the remedy the law sets and its state. Individuals’ identity numbers are never published.',
  },
  'compliance.intro.treasurer': {
    ky: 'Комиссия партияңыздын отчетторундагы жыйынтыктар боюнча түшүндүрмө сурады. Белгиленген мөөнөткө чейин жооп бериңиз.',
    ru: 'Комиссия запросила разъяснения по результатам проверки отчётов вашей партии. Ответьте до указанного срока.',
    en: 'The commission asked for an explanation of findings in your party’s reports. Answer by the deadline.',
  },
  'compliance.none': { ky: 'Жыйынтыктар жок.', ru: 'Результатов нет.', en: 'No findings.' },
  'compliance.none.requests': {
    ky: 'Жооп күткөн суроолор жок.',
    ru: 'Запросов, ожидающих ответа, нет.',
    en: 'No requests are waiting for your answer.',
  },
  'compliance.none.published': {
    ky: 'Комиссия ырастаган жыйынтыктар жок.',
    ru: 'Подтверждённых комиссией результатов нет.',
    en: 'The commission has confirmed no findings.',
  },
  'compliance.shown': {
    ky: '{total} ичинен {shown} көрсөтүлдү',
    ru: 'Показано {shown} из {total}',
    en: 'Showing {shown} of {total}',
  },
  'compliance.counts.title': { ky: 'Эрежелер боюнча', ru: 'По правилам', en: 'By rule' },
  'compliance.col.rule': { ky: 'Эреже', ru: 'Правило', en: 'Rule' },
  'compliance.col.election': { ky: 'Шайлоо', ru: 'Выборы', en: 'Election' },
  'compliance.col.party': { ky: 'Партия', ru: 'Партия', en: 'Party' },
  'compliance.col.severity': { ky: 'Оордугу', ru: 'Серьёзность', en: 'Severity' },
  'compliance.col.status': { ky: 'Абалы', ru: 'Статус', en: 'Status' },
  'compliance.col.donor': { ky: 'Кайрымдуулук кылуучу', ru: 'Жертвователь', en: 'Donor' },
  'compliance.col.amount': { ky: 'Сумма', ru: 'Сумма', en: 'Amount' },
  'compliance.col.excess': { ky: 'Ашыгы', ru: 'Превышение', en: 'Excess' },
  'compliance.col.remedy': { ky: 'Чара', ru: 'Мера', en: 'Remedy' },
  'compliance.col.lines': { ky: 'Саптар', ru: 'Строки', en: 'Lines' },
  'compliance.col.total': { ky: 'Бардыгы', ru: 'Всего', en: 'Total' },
  'compliance.col.count': { ky: 'Саны', ru: 'Количество', en: 'Findings' },
  'compliance.col.remediedCount': { ky: 'Чарасы көрүлгөн', ru: 'Мера исполнена', en: 'Remedied' },
  'compliance.col.remedyAmount': { ky: 'Чаранын суммасы', ru: 'Сумма меры', en: 'Remedy amount' },
  'compliance.col.deadline': { ky: 'Мөөнөтү', ru: 'Срок', en: 'Deadline' },
  'compliance.col.question': { ky: 'Суроо', ru: 'Вопрос', en: 'Question' },
  'compliance.filter.any': { ky: 'баары', ru: 'все', en: 'any' },
  'compliance.severity.error': { ky: 'бузуу', ru: 'нарушение', en: 'error' },
  'compliance.severity.warning': { ky: 'эскертүү', ru: 'предупреждение', en: 'warning' },
  'compliance.severity.notice': { ky: 'көңүл буруу', ru: 'к сведению', en: 'notice' },
  'compliance.status.open': { ky: 'каралууда', ru: 'на рассмотрении', en: 'open' },
  'compliance.status.confirmed': { ky: 'ырасталды', ru: 'подтверждено', en: 'confirmed' },
  'compliance.status.dismissed': { ky: 'четке кагылды', ru: 'отклонено', en: 'dismissed' },
  'compliance.status.remedied': { ky: 'чара көрүлдү', ru: 'мера исполнена', en: 'remedied' },
  'compliance.status.resolved': { ky: 'себеби жоюлду', ru: 'причина устранена', en: 'resolved' },
  'compliance.awaiting': { ky: 'жооп күтүлүүдө', ru: 'ожидает ответа', en: 'awaiting answer' },
  'compliance.remedy.return_in_full': {
    ky: 'толугу менен кайтаруу',
    ru: 'вернуть полностью',
    en: 'return in full',
  },
  'compliance.remedy.return_excess': { ky: 'ашыгын кайтаруу', ru: 'вернуть превышение', en: 'return the excess' },
  'compliance.remedy.transfer_to_budget': {
    ky: 'бюджетке которуу',
    ru: 'перечислить в бюджет',
    en: 'transfer to the budget',
  },
  'compliance.remedy.transfer_to_budget_or_social_fund': {
    ky: 'бюджетке же Социалдык фондго которуу',
    ru: 'перечислить в бюджет или Социальный фонд',
    en: 'transfer to the budget or the Social Fund',
  },
  'compliance.remedy.text': {
    ky: '{kind}: {amount}, {deadline} чейин',
    ru: '{kind}: {amount}, до {deadline}',
    en: '{kind}: {amount} by {deadline}',
  },
  'compliance.remedy.done': { ky: 'аткарылды', ru: 'исполнена', en: 'done' },
  'compliance.remedy.pending': { ky: 'аткарыла элек', ru: 'не исполнена', en: 'not yet done' },
  'compliance.why': { ky: 'Эмне үчүн', ru: 'Почему', en: 'Why' },
  'compliance.article': { ky: 'Мыйзамдын беренеси', ru: 'Статья закона', en: 'Article of law' },
  'compliance.evidence': { ky: 'Далилдер', ru: 'Доказательства', en: 'Evidence' },
  'compliance.evidence.line': { ky: 'Отчеттун сабы', ru: 'Строка отчёта', en: 'Report line' },
  'compliance.evidence.lines': { ky: 'Отчеттордун саптары', ru: 'Строки отчётов', en: 'Report lines' },
  'compliance.evidence.registry': {
    ky: 'Реестрдеги жазуу ({date} абалы боюнча)',
    ru: 'Запись реестра (по состоянию на {date})',
    en: 'Registry record (as of {date})',
  },
  'compliance.evidence.computation': { ky: 'Эсеп', ru: 'Расчёт', en: 'Computation' },
  'compliance.history': { ky: 'Кароонун тарыхы', ru: 'История рассмотрения', en: 'Review history' },
  'compliance.history.none': {
    ky: 'Азырынча каралган жок.',
    ru: 'Ещё не рассматривалось.',
    en: 'Not reviewed yet.',
  },
  'compliance.event.confirm': { ky: 'Ырасталды', ru: 'Подтверждено', en: 'Confirmed' },
  'compliance.event.dismiss': { ky: 'Четке кагылды', ru: 'Отклонено', en: 'Dismissed' },
  'compliance.event.reopen': { ky: 'Кайра ачылды', ru: 'Открыто заново', en: 'Reopened' },
  'compliance.event.request_explanation': {
    ky: 'Түшүндүрмө суралды, мөөнөтү {deadline}',
    ru: 'Запрошено разъяснение, срок {deadline}',
    en: 'Explanation requested, due {deadline}',
  },
  'compliance.event.answer': { ky: 'Партия жооп берди', ru: 'Партия ответила', en: 'The party answered' },
  'compliance.event.remedy_recorded': {
    ky: 'Чара отчетто жазылды',
    ru: 'Мера отражена в отчёте',
    en: 'Remedy recorded in a report',
  },
  'compliance.actions': { ky: 'Чечим', ru: 'Решение', en: 'Decision' },
  'compliance.action.confirm': { ky: 'Ырастоо', ru: 'Подтвердить', en: 'Confirm' },
  'compliance.action.dismiss': { ky: 'Четке кагуу', ru: 'Отклонить', en: 'Dismiss' },
  'compliance.action.reopen': { ky: 'Кайра ачуу', ru: 'Открыть заново', en: 'Reopen' },
  'compliance.action.request': {
    ky: 'Түшүндүрмө суроо',
    ru: 'Запросить разъяснение',
    en: 'Ask for an explanation',
  },
  'compliance.action.answer': { ky: 'Жооп жөнөтүү', ru: 'Отправить ответ', en: 'Send the answer' },
  'compliance.action.publish': { ky: 'Чечимди сактоо', ru: 'Сохранить решение', en: 'Save the decision' },
  'compliance.action.yes': { ky: 'Ооба, улантуу', ru: 'Да, продолжить', en: 'Yes, go ahead' },
  'compliance.action.cancel': { ky: 'Жокко чыгаруу', ru: 'Отмена', en: 'Cancel' },
  'compliance.field.reason': { ky: 'Себеби', ru: 'Причина', en: 'Reason' },
  'compliance.field.question': { ky: 'Партияга суроо', ru: 'Вопрос партии', en: 'Question to the party' },
  'compliance.field.deadline': { ky: 'Жооп берүү мөөнөтү', ru: 'Срок ответа', en: 'Answer by' },
  'compliance.field.answer': { ky: 'Жообуңуз', ru: 'Ваш ответ', en: 'Your answer' },
  'compliance.confirm.title': { ky: 'Ырастаңыз', ru: 'Подтвердите', en: 'Please confirm' },
  'compliance.confirm.review': {
    ky: '«{action}»: бул кадам тарыхта биротоло калат.',
    ru: '«{action}»: этот шаг навсегда останется в истории.',
    en: '“{action}”: this step stays in the history for good.',
  },
  'compliance.confirm.publish': {
    ky: 'Бул шайлоо боюнча чечим коомдук барактарда жана API аркылуу бир нече мүнөттүн ичинде көрүнөт (барактар кэште бир нече мүнөт сакталат).',
    ru: 'Решение по этим выборам отразится на публичных страницах и в API в течение нескольких минут (страницы кэшируются на несколько минут).',
    en: 'The decision shows on the public pages and in the API within a few minutes (pages are cached for a few minutes).',
  },
  'compliance.publication.title': { ky: 'Жарыялоо', ru: 'Публикация', en: 'Publication' },
  'compliance.publication.findings': {
    ky: 'Ырасталган жыйынтыктарды жарыялоо',
    ru: 'Публиковать подтверждённые результаты',
    en: 'Publish the confirmed findings',
  },
  'compliance.publication.statistics': {
    ky: 'Эрежелер боюнча статистиканы жарыялоо',
    ru: 'Публиковать статистику по правилам',
    en: 'Publish the statistics per rule',
  },
  'compliance.publication.state.none': {
    ky: 'Бул шайлоонун жыйынтыктары жарыяланган жок.',
    ru: 'Результаты по этим выборам не опубликованы.',
    en: 'Nothing of this election’s findings is published.',
  },
  'compliance.publication.state.on': {
    ky: 'Жарыяланган: {what} ({date}, {actor}).',
    ru: 'Опубликовано: {what} ({date}, {actor}).',
    en: 'Published: {what} ({date}, {actor}).',
  },
  'compliance.publication.chooseElection': {
    ky: 'Жарыялоону чечүү үчүн шайлоону тандаңыз.',
    ru: 'Чтобы решить о публикации, выберите выборы.',
    en: 'Choose an election to decide what is published.',
  },
  'compliance.statistics': {
    ky: 'Эрежелер боюнча статистика',
    ru: 'Статистика по правилам',
    en: 'Statistics per rule',
  },
  'compliance.section.more': {
    ky: 'Шайлоонун бардык жыйынтыктары',
    ru: 'Все результаты по выборам',
    en: 'All findings of the election',
  },
  'compliance.done.confirm': { ky: 'Ырасталды.', ru: 'Подтверждено.', en: 'Confirmed.' },
  'compliance.done.dismiss': { ky: 'Четке кагылды.', ru: 'Отклонено.', en: 'Dismissed.' },
  'compliance.done.reopen': { ky: 'Кайра ачылды.', ru: 'Открыто заново.', en: 'Reopened.' },
  'compliance.done.request_explanation': {
    ky: 'Суроо партияга жөнөтүлдү.',
    ru: 'Запрос отправлен партии.',
    en: 'The request was sent to the party.',
  },
  'compliance.done.answer': { ky: 'Жообуңуз жөнөтүлдү.', ru: 'Ваш ответ отправлен.', en: 'Your answer was sent.' },
  'compliance.done.publication': { ky: 'Чечим сакталды.', ru: 'Решение сохранено.', en: 'The decision was saved.' },
  'review.reason_required': { ky: 'Себебин жазыңыз.', ru: 'Укажите причину.', en: 'Give a reason.' },
  'review.question_required': { ky: 'Суроону жазыңыз.', ru: 'Напишите вопрос.', en: 'Write the question.' },
  'review.answer_required': { ky: 'Жоопту жазыңыз.', ru: 'Напишите ответ.', en: 'Write the answer.' },
  'review.deadline_invalid': {
    ky: 'Мөөнөттү ЖЖЖЖ-АА-КК түрүндө жазыңыз.',
    ru: 'Укажите срок в виде ГГГГ-ММ-ДД.',
    en: 'Enter the deadline as YYYY-MM-DD.',
  },
  'review.deadline_past': {
    ky: 'Мөөнөт өтүп кеткен күн боло албайт.',
    ru: 'Срок не может быть в прошлом.',
    en: 'The deadline cannot be in the past.',
  },
  'review.text_too_long': { ky: 'Текст өтө узун.', ru: 'Текст слишком длинный.', en: 'The text is too long.' },
  'review.not_allowed': {
    ky: 'Бул абалдагы жыйынтык үчүн бул кадам мүмкүн эмес.',
    ru: 'Этот шаг невозможен для результата в этом статусе.',
    en: 'This step is not possible for a finding in this state.',
  },
  'review.request_waiting': {
    ky: 'Мурунку суроо жооп күтүүдө.',
    ru: 'Предыдущий запрос ещё ждёт ответа.',
    en: 'An earlier request is still waiting for an answer.',
  },
  'review.no_request': {
    ky: 'Жооп күткөн суроо жок.',
    ru: 'Нет запроса, ожидающего ответа.',
    en: 'There is no request waiting for an answer.',
  },
  'review.unknown_action': { ky: 'Белгисиз кадам.', ru: 'Неизвестный шаг.', en: 'Unknown step.' },
  'registry.header': {
    ky: 'Файлдын баш сабы туура эмес: {expected} күтүлөт.',
    ru: 'Неверная строка заголовка: ожидается {expected}.',
    en: 'Wrong header row: {expected} expected.',
  },
  'registry.row.columns': {
    ky: 'Сапта {found} мамыча, {expected} күтүлөт.',
    ru: 'В строке {found} столбцов, ожидается {expected}.',
    en: 'The row has {found} columns, {expected} expected.',
  },
  'registry.row.field': {
    ky: '«{value}» мааниси туура эмес: {reason}.',
    ru: 'Недопустимое значение «{value}»: {reason}.',
    en: 'Value “{value}” not accepted: {reason}.',
  },
});

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, complianceMessages);
