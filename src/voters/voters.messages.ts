// Words of voter services in Kyrgyz, Russian and English.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './voters.messages.json' with { type: 'json' };

export const votersMessages = defineMessages(catalogue);

export const t = translator(votersMessages, portalMessages);
