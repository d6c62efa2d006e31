// Server-side sessions: created at sign-in, found by the SHA-256 of the cookie's token, sliding
// expiry capped by a hard limit from sign-in, deleted at sign-out; and the principal a session or
// an API token acts as.
import type { Kysely } from 'kysely';
import type { AppContext } from '../platform/app-context.ts';
import type { Database } from '../platform/db/schema.ts';
import type { SessionRow, UserRow } from '../platform/db/tables/accounts.tables.ts';
import {
  defaultAccountSettings,
  isCommissionStaff,
  type AccountSettings,
  type Scope,
  type User,
} from './core/account.ts';
import type { Principal } from './core/authorization.ts';
import { iso, MINUTE, plus } from './core/clock.ts';
import { deleteSession, findSessionWithUser, insertSession, toUser, touchSession } from './account.repository.ts';
import { randomToken, sha256Hex } from './password.ts';
import { recordUserActivity as log } from './account-activity.ts';

/** Sliding expiry is written at most this often, so reading pages does not write on every request. */
export const TOUCH_EVERY_MS = MINUTE;

export interface SessionGrant {
  /** The cookie value; only its SHA-256 is stored. */
  token: string;
  sessionId: string;
  csrfSecret: string;
  expiresAt: string;
  user: User;
  secondFactorPending: boolean;
}

function sessionExpiry(createdAt: Date, now: Date, settings: AccountSettings): Date {
  const idle = plus(now, settings.sessionIdleMinutes * MINUTE).getTime();
  const hard = plus(createdAt, settings.sessionMaxHours * 60 * MINUTE).getTime();
  return new Date(Math.min(idle, hard));
}

export async function createSession(
  ctx: AppContext,
  user: UserRow,
  secondFactorDone: boolean,
  settings: AccountSettings = defaultAccountSettings,
  db: Kysely<Database> = ctx.db,
): Promise<SessionGrant> {
  const token = randomToken();
  const id = sha256Hex(token);
  const now = ctx.now();
  const expiresAt = iso(sessionExpiry(now, now, settings));
  const csrfSecret = randomToken(18);
  await insertSession(db, {
    id,
    user_id: user.id,
    created_at: iso(now),
    expires_at: expiresAt,
    last_seen_at: iso(now),
    csrf_secret: csrfSecret,
    second_factor_done: secondFactorDone ? 1 : 0,
  });
  return { token, sessionId: id, csrfSecret, expiresAt, user: toUser(user), secondFactorPending: !secondFactorDone };
}

export interface LiveSession {
  session: SessionRow;
  user: UserRow;
}

/**
 * The live session a cookie token names, or null. Expired sessions are deleted when met; a live
 * one's expiry slides forward, but never past the hard limit counted from sign-in.
 */
export async function lookupSession(
  ctx: AppContext,
  token: string,
  settings: AccountSettings = defaultAccountSettings,
): Promise<LiveSession | null> {
  if (!token) return null;
  const id = sha256Hex(token);
  const found = await findSessionWithUser(ctx.db, id);
  if (!found) return null;
  const now = ctx.now();
  const { session, user } = found;
  const hardEnd = plus(new Date(session.created_at), settings.sessionMaxHours * 60 * MINUTE);
  if (session.expires_at <= iso(now) || hardEnd <= now || user.disabled === 1) {
    await deleteSession(ctx.db, id);
    return null;
  }
  if (now.getTime() - new Date(session.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
    const expiresAt = iso(sessionExpiry(new Date(session.created_at), now, settings));
    await touchSession(ctx.db, id, iso(now), expiresAt);
    return { session: { ...session, last_seen_at: iso(now), expires_at: expiresAt }, user };
  }
  return found;
}

/** Sign-out: the session row goes, so the cookie is worthless on every instance at once. */
export async function revokeSession(ctx: AppContext, sessionId: string, actor: string): Promise<void> {
  const found = await findSessionWithUser(ctx.db, sessionId);
  if (!found) return;
  await ctx.db.transaction().execute(async (tx) => {
    await deleteSession(tx, sessionId);
    await log(ctx, tx, actor, 'user.logout', found.user.id);
  });
}

export function principalFromUser(
  user: UserRow,
  settings: AccountSettings,
  via: { kind: 'session' } | { kind: 'token'; tokenId: number; scopes: readonly Scope[] },
): Principal {
  const u = toUser(user);
  const mustEnrolTotp = settings.requireTotpForCommissionStaff && isCommissionStaff(u.role) && !u.totpEnabled;
  return {
    userId: u.id,
    login: u.login,
    displayName: u.displayName,
    role: u.role,
    partyRegistrationNumber: u.partyRegistrationNumber,
    bank: u.bank,
    scopes: via.kind === 'token' ? via.scopes : null,
    via: via.kind,
    ...(via.kind === 'token' ? { tokenId: via.tokenId } : {}),
    ...(mustEnrolTotp ? { mustEnrolTotp: true } : {}),
  };
}
