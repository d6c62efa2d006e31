// Labels of the lottery pages, the hall screen and the browser verifier in Kyrgyz, Russian and
// English, and the translations of the problems a ceremony step can be refused with.
// Shell commands are never in here: ICU treats apostrophes and braces specially, so the pages
// build the commands in code and only the prose is translated. The lottery's typed translator is
// composed here with the portal's labels, which the page frame and kit use.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './lottery.messages.json' with { type: 'json' };

export const lotteryMessages = defineMessages(catalogue);

export const t = translator(portalMessages, lotteryMessages);
