// The compliance capability's messages: each rule's title (from the rules themselves, so that a rule and
// its title cannot drift), the words for severities, review states and remedies, and the problems of a
// registry file.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import type { Message } from '../platform/i18n/messages.ts';
import { RULE_CATALOGUE } from './core/rules/index.ts';

/** `compliance.rule.<rule id>`: the title of every rule. */
export const ruleTitleMessages: Readonly<Record<string, Message>> = Object.fromEntries(
  RULE_CATALOGUE.map((r) => [`compliance.rule.${r.id}`, r.title]),
);

export const complianceMessages = defineMessages({
  'compliance.severity.error': { ky: 'Бузуу', ru: 'Нарушение', en: 'Violation' },
  'compliance.severity.warning': { ky: 'Эскертүү', ru: 'Предупреждение', en: 'Warning' },
  'compliance.severity.notice': { ky: 'Көңүл буруу керек', ru: 'Стоит проверить', en: 'Worth a look' },
  'compliance.status.open': { ky: 'Каралууда', ru: 'Не рассмотрено', en: 'Open' },
  'compliance.status.confirmed': { ky: 'Ырасталды', ru: 'Подтверждено', en: 'Confirmed' },
  'compliance.status.dismissed': { ky: 'Четке кагылды', ru: 'Отклонено', en: 'Dismissed' },
  'compliance.status.remedied': { ky: 'Оңдолду', ru: 'Устранено', en: 'Remedied' },
  'compliance.status.resolved': { ky: 'Себеби жоюлду', ru: 'Причина устранена', en: 'Resolved' },
  'compliance.remedy.return_in_full': {
    ky: 'Толугу менен кайтаруу',
    ru: 'Вернуть полностью',
    en: 'Return in full',
  },
  'compliance.remedy.return_excess': { ky: 'Ашыкчасын кайтаруу', ru: 'Вернуть превышение', en: 'Return the excess' },
  'compliance.remedy.transfer_to_budget': {
    ky: 'Республикалык бюджетке которуу',
    ru: 'Перечислить в республиканский бюджет',
    en: 'Transfer to the republican budget',
  },
  'compliance.remedy.transfer_to_budget_or_social_fund': {
    ky: 'Бюджетке же Социалдык фондго которуу',
    ru: 'Перечислить в бюджет или Социальный фонд',
    en: 'Transfer to the budget or the Social Fund',
  },
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

export const t = translator(complianceMessages);
