// Kysely queries of the accounts tables: users, sessions, login-attempt counters and API tokens.
// Counters change with single UPDATE/UPSERT statements so that concurrent requests on several
// instances cannot lose an increment.
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type {
  ApiTokenRow,
  ApiTokenTable,
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
    partyRegistrationNumber: row.party_registration_number,
    bank: row.bank,
    totpEnabled: row.totp_enabled === 1,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
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

/**
 * Counts one more failure; at the threshold the account locks until `lockUntil` and the count
 * starts again, so the next lock needs another full run of failures.
 */
export async function recordFailedLogin(
  db: Kysely<Database>,
  id: number,
  threshold: number,
  lockUntil: string,
  nowIso: string,
): Promise<{ failedLogins: number; lockedUntil: string | null }> {
  const reached = sql<boolean>`${sql.ref('failed_logins')} + 1 >= ${threshold}`;
  const row = await db
    .updateTable('users')
    .set({
      locked_until: sql<string | null>`case when ${reached} then ${lockUntil} else ${sql.ref('locked_until')} end`,
      failed_logins: sql<number>`case when ${reached} then 0 else ${sql.ref('failed_logins')} + 1 end`,
      updated_at: nowIso,
    })
    .where('id', '=', id)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { failedLogins: row.failed_logins, lockedUntil: row.locked_until };
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
