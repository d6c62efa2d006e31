// Kysely queries of the accounts tables: users, sessions, login-attempt counters, sign-in delays,
// password reset links and API tokens.
// Counters change with single UPDATE/UPSERT statements so that concurrent requests on several
// instances cannot lose an increment.
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type {
  ApiTokenRow,
  ApiTokenTable,
  PasswordResetRow,
  SessionRow,
  SessionTable,
  UserRow,
  UserTable,
} from '../platform/db/tables/accounts.tables.ts';
import { roleSchema, scopeSchema, type ApiToken, type Scope, type User } from './core/account.ts';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: roleSchema.parse(row.role),
    // What the treasurer files under: their party's number, or their candidate fund's.
    partyRegistrationNumber: row.party_registration_number ?? row.candidate_fund_number,
    bank: row.bank,
    totpEnabled: row.totp_enabled === 1,
    disabled: row.disabled === 1,
    email: row.email,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function parseScopes(text: string): Scope[] {
  // A scope this version does not know is dropped rather than trusted.
  return text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((s) => {
      const r = scopeSchema.safeParse(s);
      return r.success ? [r.data] : [];
    });
}

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    scopes: parseScopes(row.scopes),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

// ---- users ----

export async function insertUser(db: Kysely<Database>, row: Insertable<UserTable>): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findUserByLogin(db: Kysely<Database>, login: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

/** The user whose login is `name` or, failing that, the one user with that e-mail address. */
export async function findUserByLoginOrEmail(db: Kysely<Database>, name: string): Promise<UserRow | undefined> {
  const byLogin = await findUserByLogin(db, name);
  if (byLogin) return byLogin;
  const byEmail = await db.selectFrom('users').selectAll().where('email', '=', name).limit(2).execute();
  // An address two accounts share names neither of them.
  return byEmail.length === 1 ? byEmail[0] : undefined;
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('login').execute();
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'commission_admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function updateUser(
  db: Kysely<Database>,
  id: number,
  patch: Updateable<UserTable>,
): Promise<UserRow | undefined> {
  return db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Updates a user read earlier in the same transaction; users are never deleted, so the row is there. */
export async function updateExistingUser(
  db: Kysely<Database>,
  id: number,
  patch: Updateable<UserTable>,
): Promise<UserRow> {
  return db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

// ---- sessions ----

export async function insertSession(db: Kysely<Database>, row: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionWithUser(
  db: Kysely<Database>,
  id: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return undefined;
  const user = await findUserById(db, session.user_id);
  return user ? { session, user } : undefined;
}

export async function touchSession(
  db: Kysely<Database>,
  id: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: number, exceptId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function countSessionsOfUser(db: Kysely<Database>, userId: number): Promise<number> {
  const r = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function deleteExpiredSessions(db: Kysely<Database>, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
}

// ---- login attempts (rate limit) ----

/**
 * Counts an attempt under `key` in a fixed window and returns the count including this one.
 * One upsert, so instances sharing the database count together.
 */
export async function countLoginAttempt(
  db: Kysely<Database>,
  key: string,
  nowIso: string,
  windowStartCutoff: string,
): Promise<number> {
  const current = sql<boolean>`${sql.ref('login_attempts.window_start')} > ${windowStartCutoff}`;
  const row = await db
    .insertInto('login_attempts')
    .values({ key, window_start: nowIso, attempts: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when ${current} then ${sql.ref('login_attempts.attempts')} + 1 else 1 end`,
        window_start: sql<string>`case when ${current} then ${sql.ref('login_attempts.window_start')} else ${nowIso} end`,
      }),
    )
    .returning(['attempts'])
    .executeTakeFirstOrThrow();
  return Number(row.attempts);
}

export async function clearLoginAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

export async function deleteStaleLoginAttempts(db: Kysely<Database>, windowStartCutoff: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('window_start', '<=', windowStartCutoff).execute();
}

// ---- sign-in delays ----

export async function findLoginDelays(
  db: Kysely<Database>,
  keys: string[],
): Promise<Array<{ key: string; retry_after: string | null }>> {
  return db.selectFrom('login_delays').select(['key', 'retry_after']).where('key', 'in', keys).execute();
}

/**
 * Counts one more failure under `key` and returns the run's length; a run whose last failure is
 * older than `forgetBefore` starts again at 1. One upsert, so instances count together.
 */
export async function countLoginFailure(
  db: Kysely<Database>,
  key: string,
  nowIso: string,
  forgetBefore: string,
): Promise<number> {
  const current = sql<boolean>`${sql.ref('login_delays.last_failure_at')} > ${forgetBefore}`;
  const row = await db
    .insertInto('login_delays')
    .values({ key, failures: 1, retry_after: null, last_failure_at: nowIso })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${current} then ${sql.ref('login_delays.failures')} + 1 else 1 end`,
        last_failure_at: nowIso,
      }),
    )
    .returning(['failures'])
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Moves the key's next allowed attempt to `retryAfter`, never earlier than it already is. */
export async function delayLoginUntil(db: Kysely<Database>, key: string, retryAfter: string): Promise<void> {
  const later = sql<boolean>`${sql.ref('retry_after')} is not null and ${sql.ref('retry_after')} > ${retryAfter}`;
  await db
    .updateTable('login_delays')
    .set({ retry_after: sql<string>`case when ${later} then ${sql.ref('retry_after')} else ${retryAfter} end` })
    .where('key', '=', key)
    .execute();
}

export async function clearLoginDelay(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_delays').where('key', '=', key).execute();
}

export async function deleteStaleLoginDelays(db: Kysely<Database>, forgetBefore: string): Promise<void> {
  await db.deleteFrom('login_delays').where('last_failure_at', '<=', forgetBefore).execute();
}

// ---- password reset links ----

export async function insertPasswordReset(
  db: Kysely<Database>,
  row: { user_id: number; token_hash: string; created_at: string; expires_at: string },
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({ ...row, used_at: null })
    .execute();
}

export async function findPasswordResetByHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<PasswordResetRow | undefined> {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks every unused link of the user used; returns how many were, so that a link is used once only. */
export async function usePasswordResets(db: Kysely<Database>, userId: number, nowIso: string): Promise<number> {
  const r = await db
    .updateTable('password_resets')
    .set({ used_at: nowIso })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Takes one link: true only for the first caller while it is unused and unexpired. */
export async function takePasswordReset(db: Kysely<Database>, id: number, nowIso: string): Promise<boolean> {
  const r = await db
    .updateTable('password_resets')
    .set({ used_at: nowIso })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteStalePasswordResets(db: Kysely<Database>, expiredBefore: string): Promise<void> {
  await db.deleteFrom('password_resets').where('expires_at', '<=', expiredBefore).execute();
}

// ---- API tokens ----

export async function insertApiToken(db: Kysely<Database>, row: Insertable<ApiTokenTable>): Promise<ApiTokenRow> {
  return db.insertInto('api_tokens').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findApiTokenByHash(db: Kysely<Database>, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findApiTokenById(db: Kysely<Database>, id: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listApiTokensOfUser(db: Kysely<Database>, userId: number): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();
}

export async function revokeApiTokenRow(
  db: Kysely<Database>,
  id: number,
  revokedAt: string,
): Promise<ApiTokenRow | undefined> {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: revokedAt })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function touchApiToken(db: Kysely<Database>, id: number, lastUsedAt: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: lastUsedAt }).where('id', '=', id).execute();
}
