// Words of the donor and payee pages and their downloads in Kyrgyz, Russian and English. Labels of
// donor types, channels and categories come from the filings capability, so they read as on the
// finance pages; the filters and the page frame use the web kit's words.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './explore.messages.json' with { type: 'json' };

export const exploreMessages = defineMessages(catalogue);

export const t = translator(portalMessages, exploreMessages);
export type ExploreKey = keyof typeof exploreMessages;
