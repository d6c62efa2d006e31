// The activity records of account changes, and the problem every use case gives for a user id that
// names nobody. Secrets (passwords, hashes, TOTP secrets, tokens) never enter a record.
import type { Kysely } from 'kysely';
import type { AppContext } from '../platform/app-context.ts';
import type { Database } from '../platform/db/schema.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { problem, type Problem } from '../platform/result.ts';

export async function recordUserActivity(
  ctx: AppContext,
  db: Kysely<Database>,
  actor: string,
  action: string,
  userId: number,
  before?: unknown,
  after?: unknown,
): Promise<void> {
  await recordActivity(db, { actor, action, entityType: 'user', entityId: String(userId), before, after }, ctx.now());
}

export const unknownUser = (id: number): Problem => problem('user.unknown', `No user with id ${id}`, { field: 'user' });
