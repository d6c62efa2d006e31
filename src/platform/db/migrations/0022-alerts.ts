// Alerts for newsrooms: webhooks subscribed to an election's filings (all of them or one party's), each
// delivery kept with its attempts so that a failing endpoint can be seen and retried, and e-mail
// subscriptions confirmed by a one-time link (double opt-in) before anything is sent to them.
import type { Kysely } from 'kysely';
import { idColumn } from '../migration-helpers.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await idColumn(db, db.schema.createTable('alert_webhooks'))
    .addColumn('election_id', 'text', (c) => c.notNull())
    // Null: every party's filings in the election.
    .addColumn('party_registration_number', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    // Sealed with the configured key when there is one; shown in plain once, at creation.
    .addColumn('secret', 'text', (c) => c.notNull())
    // active | failing (a delivery was given up on; the next success makes it active again) | removed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alert_webhooks_election')
    .on('alert_webhooks')
    .columns(['election_id', 'status'])
    .execute();

  await db.schema
    .createTable('alert_deliveries')
    // A random id, sent as X-Talapker-Delivery, so the receiver can tell a retry from a new event.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'bigint', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    // The exact bytes signed and sent, the same on every attempt.
    .addColumn('body', 'text', (c) => c.notNull())
    // pending | delivered | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_deliveries_webhook').on('alert_deliveries').columns(['webhook_id']).execute();

  await idColumn(db, db.schema.createTable('alert_email_subscriptions'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('party_registration_number', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    // SHA-256 of the one-time confirmation token; null once confirmed.
    .addColumn('confirm_token_hash', 'text')
    // The token of every message's unsubscribe link, kept as it is since each message carries it; it
    // can do nothing but stop this one subscription.
    .addColumn('unsubscribe_token', 'text', (c) => c.notNull())
    // pending | confirmed | unsubscribed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alert_email_subscriptions_election')
    .on('alert_email_subscriptions')
    .columns(['election_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_email_subscriptions').execute();
  await db.schema.dropTable('alert_deliveries').execute();
  await db.schema.dropTable('alert_webhooks').execute();
}
