// Labels of training in Kyrgyz, Russian and English: the staff's courses, lessons and quizzes, the
// certificate and its public check, the page of requirements still missing, the commission's overview
// and the administrators' security review. Apostrophes are typographic (’): ICU treats ' specially.
import { defineMessages, translator } from '../platform/i18n/i18n.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './training.messages.json' with { type: 'json' };

export const trainingMessages = defineMessages(catalogue);

export const t = translator(portalMessages, trainingMessages);
export type TrainingKey = keyof typeof trainingMessages;
