// Words of the public finance pages, downloads and feeds in Kyrgyz, Russian and English. Labels of
// donor types, channels, categories and report kinds come from filings/filing-labels.ts, so a
// category reads the same on the treasurer's form and on the public page. The filters, sort links and
// pager of the listings use the web kit's words (`web.*` in the portal catalogue).
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './finance.messages.json' with { type: 'json' };

export const financeMessages = defineMessages(catalogue);

export type FinanceKey = keyof typeof financeMessages;

/** Finance's translator: its own words and the portal's (site name, navigation, the web kit's). */
export const t = translator(portalMessages, financeMessages);
