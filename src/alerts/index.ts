// Alerts for newsrooms: webhooks that receive a signed POST the moment a party (or any party of an
// election) files a report, delivered through the SQL job queue with retries on a widening schedule,
// and the commission's screen that manages them; Atom feeds of one party's reports and of the reports
// naming one donor; and e-mail notices of filed reports, confirmed by a mailed link before any is sent. It listens to the filings capability's `filing.filed`
// event and sends nothing the public report page does not show.
import type { Capability } from '../platform/capability.ts';
import { defineRoutes } from '../platform/web/index.ts';
import { COMMISSION_AUTH } from '../elections/index.ts';
import { alertsMessages, t } from './alerts.messages.ts';
import { announceFiling, startDeliveryWorker } from './webhook.service.ts';
import { webhookCommissionRoutes } from './http/commission.routes.tsx';
import { feedRoutes } from './http/feed.routes.ts';
import { subscriptionRoutes } from './http/subscription.routes.tsx';
import { webhooksPath } from './views/webhooks.page.tsx';

/** Every site route of the alerts, for the server and the authorisation tests. */
export const alertsRoutes = () => [...feedRoutes(), ...subscriptionRoutes(), ...webhookCommissionRoutes()];

export const alerts: Capability = {
  name: 'alerts',
  messages: [alertsMessages],
  async routes(app, ctx) {
    await defineRoutes(app, ctx, alertsRoutes(), { auth: COMMISSION_AUTH });
  },
  work: startDeliveryWorker,
  subscribe(events, ctx) {
    events.on('filing.filed', 'alerts', async (f) => {
      await announceFiling(ctx, f);
    });
  },
  staffLinks: (locale, may) =>
    may('election.manage') ? [{ href: webhooksPath(locale), label: t(locale, 'alerts.webhooks.title') }] : [],
};

export {
  createWebhook,
  removeWebhook,
  drainDeliveries,
  drainMail,
  WEBHOOK_QUEUE,
  MAIL_QUEUE,
} from './webhook.service.ts';
export { verifySignature, SIGNATURE_HEADER, EVENT_HEADER, DELIVERY_HEADER } from './core/webhook.ts';
