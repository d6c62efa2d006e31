// Rows of webhook subscriptions, their deliveries and the e-mail subscriptions (migration 0022). The
// tables are declared here, beside their only reader, and added to the database type per query.
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

export type AlertTables = {
  alert_webhooks: {
    id: Generated<number>;
    election_id: string;
    party_registration_number: string | null;
    url: string;
    secret: string;
    status: string;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  alert_deliveries: {
    id: string;
    webhook_id: number;
    event: string;
    body: string;
    status: string;
    attempts: number;
    last_status: number | null;
    last_error: string | null;
    next_attempt_at: string | null;
    created_at: string;
    updated_at: string;
  };
  alert_email_subscriptions: {
    id: Generated<number>;
    email: string;
    election_id: string;
    party_registration_number: string | null;
    locale: string;
    confirm_token_hash: string | null;
    unsubscribe_token: string;
    status: string;
    created_at: string;
    confirmed_at: string | null;
    updated_at: string;
  };
};

export type WebhookStatus = 'active' | 'failing' | 'removed';

export interface Webhook {
  id: number;
  electionId: string;
  party: string | null;
  url: string;
  /** As stored: sealed when a key is configured. */
  storedSecret: string;
  status: WebhookStatus;
  createdBy: string;
  createdAt: string;
}

export interface Delivery {
  id: string;
  webhookId: number;
  event: string;
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

const alerts = (db: Kysely<Database>) => db.withTables<AlertTables>();

const webhookOf = (r: Selectable<AlertTables['alert_webhooks']>): Webhook => ({
  id: Number(r.id),
  electionId: r.election_id,
  party: r.party_registration_number,
  url: r.url,
  storedSecret: r.secret,
  status: r.status as WebhookStatus,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const deliveryOf = (r: AlertTables['alert_deliveries']): Delivery => ({
  id: r.id,
  webhookId: Number(r.webhook_id),
  event: r.event,
  body: r.body,
  status: r.status as Delivery['status'],
  attempts: Number(r.attempts),
  lastStatus: r.last_status === null ? null : Number(r.last_status),
  lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
});

export async function insertWebhook(
  db: Kysely<Database>,
  w: { electionId: string; party: string | null; url: string; storedSecret: string; createdBy: string; at: string },
): Promise<number> {
  const row = await alerts(db)
    .insertInto('alert_webhooks')
    .values({
      election_id: w.electionId,
      party_registration_number: w.party,
      url: w.url,
      secret: w.storedSecret,
      status: 'active',
      created_by: w.createdBy,
      created_at: w.at,
      updated_at: w.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findWebhook(db: Kysely<Database>, id: number): Promise<Webhook | undefined> {
  const r = await alerts(db).selectFrom('alert_webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return r && webhookOf(r);
}

/** Every subscription not removed, newest first; of one election when given. */
export async function listWebhooks(db: Kysely<Database>, electionId?: string): Promise<Webhook[]> {
  let q = alerts(db).selectFrom('alert_webhooks').selectAll().where('status', '!=', 'removed');
  if (electionId !== undefined) q = q.where('election_id', '=', electionId);
  return (await q.orderBy('id', 'desc').execute()).map(webhookOf);
}

export async function setWebhookStatus(
  db: Kysely<Database>,
  id: number,
  status: WebhookStatus,
  at: string,
): Promise<boolean> {
  const r = await alerts(db)
    .updateTable('alert_webhooks')
    .set({ status, updated_at: at })
    .where('id', '=', id)
    .where('status', '!=', 'removed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertDelivery(
  db: Kysely<Database>,
  d: { id: string; webhookId: number; event: string; body: string; at: string },
): Promise<void> {
  await alerts(db)
    .insertInto('alert_deliveries')
    .values({
      id: d.id,
      webhook_id: d.webhookId,
      event: d.event,
      body: d.body,
      status: 'pending',
      attempts: 0,
      last_status: null,
      last_error: null,
      next_attempt_at: d.at,
      created_at: d.at,
      updated_at: d.at,
    })
    .execute();
}

export async function findDelivery(db: Kysely<Database>, id: string): Promise<Delivery | undefined> {
  const r = await alerts(db).selectFrom('alert_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return r && deliveryOf(r);
}

export async function listDeliveries(db: Kysely<Database>, webhookId: number, limit = 20): Promise<Delivery[]> {
  return (
    await alerts(db)
      .selectFrom('alert_deliveries')
      .selectAll()
      .where('webhook_id', '=', webhookId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute()
  ).map(deliveryOf);
}

/** Records one attempt: its answer, and what happens next (another attempt at `nextAttemptAt`, or none). */
export async function recordAttempt(
  db: Kysely<Database>,
  id: string,
  a: {
    attempts: number;
    status: Delivery['status'];
    lastStatus: number | null;
    lastError: string | null;
    nextAttemptAt: string | null;
    at: string;
  },
): Promise<void> {
  await alerts(db)
    .updateTable('alert_deliveries')
    .set({
      attempts: a.attempts,
      status: a.status,
      last_status: a.lastStatus,
      last_error: a.lastError === null ? null : a.lastError.slice(0, 1000),
      next_attempt_at: a.nextAttemptAt,
      updated_at: a.at,
    })
    .where('id', '=', id)
    .execute();
}

export interface EmailSubscription {
  id: number;
  email: string;
  electionId: string;
  party: string | null;
  locale: string;
  unsubscribeToken: string;
  status: 'pending' | 'confirmed' | 'unsubscribed';
  createdAt: string;
}

const subscriptionOf = (r: Selectable<AlertTables['alert_email_subscriptions']>): EmailSubscription => ({
  id: Number(r.id),
  email: r.email,
  electionId: r.election_id,
  party: r.party_registration_number,
  locale: r.locale,
  unsubscribeToken: r.unsubscribe_token,
  status: r.status as EmailSubscription['status'],
  createdAt: r.created_at,
});

export async function insertSubscription(
  db: Kysely<Database>,
  s: {
    email: string;
    electionId: string;
    party: string | null;
    locale: string;
    confirmTokenHash: string;
    unsubscribeToken: string;
    at: string;
  },
): Promise<number> {
  const row = await alerts(db)
    .insertInto('alert_email_subscriptions')
    .values({
      email: s.email,
      election_id: s.electionId,
      party_registration_number: s.party,
      locale: s.locale,
      confirm_token_hash: s.confirmTokenHash,
      unsubscribe_token: s.unsubscribeToken,
      status: 'pending',
      created_at: s.at,
      confirmed_at: null,
      updated_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A pending subscription by the hash of its confirmation token. */
export async function findPendingByConfirmHash(
  db: Kysely<Database>,
  hash: string,
): Promise<EmailSubscription | undefined> {
  const r = await alerts(db)
    .selectFrom('alert_email_subscriptions')
    .selectAll()
    .where('confirm_token_hash', '=', hash)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return r && subscriptionOf(r);
}

export async function findByUnsubscribeToken(
  db: Kysely<Database>,
  token: string,
): Promise<EmailSubscription | undefined> {
  const r = await alerts(db)
    .selectFrom('alert_email_subscriptions')
    .selectAll()
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
  return r && subscriptionOf(r);
}

/** Moves a subscription on (pending → confirmed, any → unsubscribed); the confirmation token is spent either way. */
export async function setSubscriptionStatus(
  db: Kysely<Database>,
  id: number,
  status: 'confirmed' | 'unsubscribed',
  at: string,
): Promise<void> {
  await alerts(db)
    .updateTable('alert_email_subscriptions')
    .set({
      status,
      confirm_token_hash: null,
      updated_at: at,
      ...(status === 'confirmed' ? { confirmed_at: at } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** The confirmed subscriptions of an election (each party's and the whole election's). */
export async function confirmedSubscriptions(db: Kysely<Database>, electionId: string): Promise<EmailSubscription[]> {
  return (
    await alerts(db)
      .selectFrom('alert_email_subscriptions')
      .selectAll()
      .where('election_id', '=', electionId)
      .where('status', '=', 'confirmed')
      .orderBy('id')
      .execute()
  ).map(subscriptionOf);
}

export async function findSubscription(db: Kysely<Database>, id: number): Promise<EmailSubscription | undefined> {
  const r = await alerts(db)
    .selectFrom('alert_email_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r && subscriptionOf(r);
}

/** How many subscriptions were asked for `email` since `since`, whatever became of them. */
export async function countRequestsSince(db: Kysely<Database>, email: string, since: string): Promise<number> {
  const row = await alerts(db)
    .selectFrom('alert_email_subscriptions')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
