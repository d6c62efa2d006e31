// Words of the transparency log's pages in Kyrgyz, Russian and English.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './log.messages.json' with { type: 'json' };

export const logMessages = defineMessages(catalogue);

export const t = translator(portalMessages, logMessages);
