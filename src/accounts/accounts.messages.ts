// Labels of sign-in, account and user-management pages in Kyrgyz, Russian and English, and the
// accounts' typed translator (with the portal's labels, which the page frame and kit use).
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './accounts.messages.json' with { type: 'json' };

export const accountMessages = defineMessages(catalogue);

export const t = translator(portalMessages, accountMessages);
