// Labels of the commission's programme form (a party's programme: text per language and the original
// PDF) in Kyrgyz, Russian and English, and the problems it can be refused with.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import { electionMessages } from '../elections/index.ts';

export const programmeMessages = defineMessages({
  'commission.party.programme': { ky: 'Программа', ru: 'Программа', en: 'Programme' },
  'commission.party.programmeLanguages': {
    ky: 'Тексти бар тилдер: {languages}',
    ru: 'Текст есть на языках: {languages}',
    en: 'Text in: {languages}',
  },
  'commission.party.attachProgramme': {
    ky: 'Программаны тиркөө',
    ru: 'Прикрепить программу',
    en: 'Attach the programme',
  },
  'commission.lang.ky': { ky: 'кыргызча', ru: 'кыргызский', en: 'Kyrgyz' },
  'commission.lang.ru': { ky: 'орусча', ru: 'русский', en: 'Russian' },
  'commission.lang.en': { ky: 'англисче', ru: 'английский', en: 'English' },
  'commission.field.textKy': {
    ky: 'Программанын тексти кыргызча',
    ru: 'Текст программы на кыргызском',
    en: 'Programme text in Kyrgyz',
  },
  'commission.field.textRu': {
    ky: 'Программанын тексти орусча',
    ru: 'Текст программы на русском',
    en: 'Programme text in Russian',
  },
  'commission.field.textEn': {
    ky: 'Программанын тексти англисче',
    ru: 'Текст программы на английском',
    en: 'Programme text in English',
  },
  'commission.field.pdf': { ky: 'Түп нускасы (PDF)', ru: 'Оригинал (PDF)', en: 'Original (PDF)' },
  'commission.hint.pdf': {
    ky: 'Милдеттүү эмес. Жаңы файл мурункусунун ордуна сакталат.',
    ru: 'Необязательно. Новый файл заменяет прежний.',
    en: 'Optional. A new file replaces the earlier one.',
  },
  'commission.action.attach': { ky: 'Программаны сактоо', ru: 'Сохранить программу', en: 'Save the programme' },
  'commission.done.programme': {
    ky: 'Программа сакталды.',
    ru: 'Программа сохранена.',
    en: 'The programme was saved.',
  },
  'commission.problem.commission.no_text': {
    ky: 'Программанын текстин жок дегенде бир тилде жазыңыз.',
    ru: 'Введите текст программы хотя бы на одном языке.',
    en: 'Enter the programme’s text in at least one language.',
  },
  'programme.shownIn.ky': {
    ky: 'Программа кыргызча көрсөтүлдү.',
    ru: 'Программы нет на русском языке; показан текст на кыргызском.',
    en: 'The programme is not available in English; shown in Kyrgyz.',
  },
  'programme.shownIn.ru': {
    ky: 'Программанын кыргызча тексти жок; орусча тексти көрсөтүлдү.',
    ru: 'Программа показана на русском языке.',
    en: 'The programme is not available in English; shown in Russian.',
  },
  'programme.shownIn.en': {
    ky: 'Программанын кыргызча тексти жок; англисче тексти көрсөтүлдү.',
    ru: 'Программы нет на русском языке; показан текст на английском.',
    en: 'The programme is shown in English.',
  },
  'commission.problem.file.type_refused': {
    ky: 'PDF файлын гана тиркөөгө болот.',
    ru: 'Прикрепить можно только файл PDF.',
    en: 'Only a PDF file can be attached.',
  },
});

/** The capability's typed translator: a key missing from these catalogues does not compile. */
export const t = translator(portalMessages, electionMessages, programmeMessages);
