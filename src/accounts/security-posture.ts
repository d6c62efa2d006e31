// Read-only facts about the accounts for the administrators' security review and the training
// overview: who they are (never a secret), when each last signed in and failed to, how many live
// sessions each has, and their API tokens. Judging the facts is the caller's.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { User } from './core/account.ts';
import { listUsers, toUser } from './account.repository.ts';

/** An account as the rest of the code sees it (no secret), with its sign-in facts. */
export interface AccountFacts extends Omit<User, 'updatedAt'> {
  /** The last completed sign-in the activity log holds. */
  lastSignInAt: string | undefined;
  /** Failed sign-ins since the date asked for. */
  failedSignIns: number;
  /** Sessions not yet expired: one per browser or device signed in. */
  liveSessions: number;
}

export interface TokenFacts {
  id: number;
  userId: number;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** Every account with its sign-in facts; failures are counted from `failuresSince` (ISO). */
export async function accountFacts(
  db: Kysely<Database>,
  nowIso: string,
  failuresSince: string,
): Promise<AccountFacts[]> {
  const [users, logins, failures, sessions] = await Promise.all([
    listUsers(db),
    db
      .selectFrom('activity_log')
      .select(['entity_id', sql<string>`max(at)`.as('last')])
      .where('entity_type', '=', 'user')
      .where('action', '=', 'user.login')
      .groupBy('entity_id')
      .execute(),
    db
      .selectFrom('activity_log')
      .select(['entity_id', sql<number | string>`count(*)`.as('n')])
      .where('entity_type', '=', 'user')
      .where('action', '=', 'user.login_failed')
      .where('at', '>=', failuresSince)
      .groupBy('entity_id')
      .execute(),
    db
      .selectFrom('sessions')
      .select(['user_id', sql<number | string>`count(*)`.as('n')])
      .where('expires_at', '>', nowIso)
      .groupBy('user_id')
      .execute(),
  ]);
  const last = new Map(logins.map((r) => [r.entity_id, r.last]));
  const failed = new Map(failures.map((r) => [r.entity_id, Number(r.n)]));
  const live = new Map(sessions.map((r) => [Number(r.user_id), Number(r.n)]));
  return users.map((row) => {
    const { updatedAt: _updatedAt, ...user } = toUser(row);
    return {
      ...user,
      lastSignInAt: last.get(String(user.id)),
      failedSignIns: failed.get(String(user.id)) ?? 0,
      liveSessions: live.get(user.id) ?? 0,
    };
  });
}

/** API tokens that are neither revoked nor expired. */
export async function liveTokenFacts(db: Kysely<Database>, nowIso: string): Promise<TokenFacts[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'label', 'created_at', 'expires_at', 'last_used_at'])
    .where('revoked_at', 'is', null)
    .where((w) => w.or([w('expires_at', 'is', null), w('expires_at', '>', nowIso)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    userId: Number(r.user_id),
    label: r.label,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
  }));
}

/** Whether the person has two-step sign-in on; false for nobody. */
export async function twoStepSignInOn(db: Kysely<Database>, userId: number): Promise<boolean> {
  const r = await db.selectFrom('users').select('totp_enabled').where('id', '=', userId).executeTakeFirst();
  return r?.totp_enabled === 1;
}
