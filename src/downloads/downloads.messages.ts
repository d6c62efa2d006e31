// Words of the open-data page in Kyrgyz, Russian and English; the page frame uses the web kit's words.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './downloads.messages.json' with { type: 'json' };

export const downloadsMessages = defineMessages(catalogue);

export const t = translator(portalMessages, downloadsMessages);
