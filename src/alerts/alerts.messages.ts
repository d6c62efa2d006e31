// Words of the alerts' screens and mail in Kyrgyz, Russian and English.
import { defineMessages, translator } from '../platform/i18n/messages.ts';
import { portalMessages } from '../platform/i18n/portal.messages.ts';
import catalogue from './alerts.messages.json' with { type: 'json' };

export const alertsMessages = defineMessages(catalogue);

export const t = translator(portalMessages, alertsMessages);
