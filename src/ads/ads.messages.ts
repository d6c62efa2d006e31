// Words of the political advertising pages in Kyrgyz, Russian and English.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './ads.messages.json' with { type: 'json' };

export const adsMessages = defineMessages(catalogue);

export type AdsMessageKey = keyof typeof adsMessages;
export const t = translator(portalMessages, adsMessages);
