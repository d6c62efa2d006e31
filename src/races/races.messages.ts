// Words of the races (districts and their candidates) in Kyrgyz, Russian and English, and the
// translation of every problem a district or candidate file can be refused with.
// Apostrophes are typographic (’): ICU MessageFormat treats the ASCII one specially.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './races.messages.json' with { type: 'json' };

export const racesMessages = defineMessages(catalogue);

export const t = translator(racesMessages, portalMessages);
