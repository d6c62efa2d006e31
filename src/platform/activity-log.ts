// The append-only activity log: every change to the public record says who, when, what, before → after.
// Rows are only ever inserted; nothing in the code updates or deletes them.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.ts';

export interface ActivityEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export async function recordActivity(
  db: Kysely<Database> | Transaction<Database>,
  entry: ActivityEntry,
  at: Date = new Date(),
): Promise<void> {
  await db
    .insertInto('activity_log')
    .values({
      at: at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export async function activityFor(db: Kysely<Database>, entityType: string, entityId: string) {
  return db
    .selectFrom('activity_log')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}
