// Labels of statement intake, reconciliation and the bank figures on party pages, in Kyrgyz, Russian and
// English; also the problems intake and the parsers report, by code, so that a refused upload is
// explained in the uploader's language (messages without a translation fall back to the English text).
// Problem codes are looked up at run time (`t.lookup`); every other key is checked by the compiler.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './bank-statement.messages.json' with { type: 'json' };

export const bankStatementMessages = defineMessages(catalogue);

/** The translator of every bank-statement view: the portal's keys and these. */
export const t = translator(portalMessages, bankStatementMessages);
