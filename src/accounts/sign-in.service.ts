// Sign-in: password, then (when the user has it on) the TOTP code; lock-out after repeated
// failures and a rate limit per login and per client address, both held in the database so that
// every instance counts together.
import type { AppContext } from '../platform/app-context.ts';
import type { UserRow } from '../platform/db/tables/accounts.tables.ts';
import { err, ok, type Result } from '../platform/result.ts';
import { defaultAccountSettings, type AccountSettings } from './core/account.ts';
import { iso, MINUTE, plus } from './core/clock.ts';
import { checkTotp } from './core/totp.ts';
import { totpSecretOf } from './totp.service.ts';
import {
  clearLoginAttempts,
  countLoginAttempt,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  deleteStaleLoginAttempts,
  findSessionWithUser,
  findUserByLogin,
  recordFailedLogin,
  updateUser,
} from './account.repository.ts';
import { hashPassword, passwordNeedsRehash, verifyNothing, verifyPassword } from './password.ts';
import { createSession, type SessionGrant } from './session.service.ts';
import { recordUserActivity as log } from './account-activity.ts';

export type LoginRefusalReason = 'invalid' | 'locked' | 'rate_limited' | 'no_session';
export interface LoginRefusal {
  reason: LoginRefusalReason;
}

export interface LoginInput {
  login: string;
  password: string;
  /** The client address, for the per-address rate limit and the activity record. */
  ip: string;
}

const loginKey = (login: string) => `login:${login}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Counts this attempt against the login and the address. Counting happens before the password is
 * checked, so guessing costs attempts whether or not the login exists. The counters are not
 * written to the activity log: they are bookkeeping, and logging them would let anyone grow an
 * append-only log by posting to the sign-in form.
 */
async function withinRateLimit(
  ctx: AppContext,
  login: string,
  ip: string,
  settings: AccountSettings,
): Promise<boolean> {
  const now = ctx.now();
  const cutoff = iso(plus(now, -settings.loginWindowMinutes * MINUTE));
  const byLogin = await countLoginAttempt(ctx.db, loginKey(login), iso(now), cutoff);
  const byIp = await countLoginAttempt(ctx.db, ipKey(ip), iso(now), cutoff);
  return byLogin <= settings.maxAttemptsPerLogin && byIp <= settings.maxAttemptsPerIp;
}

async function noteFailure(
  ctx: AppContext,
  user: UserRow,
  ip: string,
  settings: AccountSettings,
  what: 'password' | 'totp',
): Promise<LoginRefusal> {
  const now = ctx.now();
  const lockUntil = iso(plus(now, settings.lockoutMinutes * MINUTE));
  return ctx.db.transaction().execute(async (tx) => {
    const r = await recordFailedLogin(tx, user.id, settings.maxFailedLogins, lockUntil, iso(now));
    const lockedNow = r.lockedUntil === lockUntil;
    await log(
      ctx,
      tx,
      `login:${user.login}`,
      'user.login_failed',
      user.id,
      { failedLogins: user.failed_logins },
      { failedLogins: r.failedLogins, factor: what, ip },
    );
    if (lockedNow) {
      await log(
        ctx,
        tx,
        'system',
        'user.locked',
        user.id,
        { lockedUntil: user.locked_until },
        { lockedUntil: r.lockedUntil },
      );
      await deleteSessionsOfUser(tx, user.id);
    }
    return { reason: lockedNow ? 'locked' : 'invalid' };
  });
}

async function housekeeping(ctx: AppContext, settings: AccountSettings): Promise<void> {
  const now = ctx.now();
  await deleteExpiredSessions(ctx.db, iso(now));
  await deleteStaleLoginAttempts(ctx.db, iso(plus(now, -settings.loginWindowMinutes * MINUTE)));
}

/**
 * Checks a login and password. On success a session starts; when the user has TOTP on, that
 * session waits for the code (`completeSecondFactor`) and grants nothing until then.
 */
export async function login(
  ctx: AppContext,
  input: LoginInput,
  settings: AccountSettings = defaultAccountSettings,
): Promise<Result<SessionGrant, LoginRefusal>> {
  const name = input.login.trim().toLowerCase();
  await housekeeping(ctx, settings);
  if (!(await withinRateLimit(ctx, name, input.ip, settings))) return err({ reason: 'rate_limited' });

  const user = name ? await findUserByLogin(ctx.db, name) : undefined;
  if (!user || user.disabled === 1) {
    await verifyNothing(input.password);
    return err({ reason: 'invalid' });
  }
  const now = ctx.now();
  if (user.locked_until && user.locked_until > iso(now)) {
    await verifyNothing(input.password);
    return err({ reason: 'locked' });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    return err(await noteFailure(ctx, user, input.ip, settings, 'password'));
  }

  const rehash = passwordNeedsRehash(user.password_hash) ? await hashPassword(input.password) : undefined;
  const pending = user.totp_enabled === 1;
  const grant = await ctx.db.transaction().execute(async (tx) => {
    if (user.failed_logins !== 0 || user.locked_until !== null || rehash) {
      await updateUser(tx, user.id, {
        failed_logins: 0,
        locked_until: null,
        ...(rehash ? { password_hash: rehash } : {}),
        updated_at: iso(now),
      });
    }
    const g = await createSession(ctx, user, !pending, settings, tx);
    await log(ctx, tx, `user:${user.login}`, pending ? 'user.login_password' : 'user.login', user.id, undefined, {
      ip: input.ip,
      secondFactorPending: pending,
    });
    return g;
  });
  if (!pending) await clearLoginAttempts(ctx.db, loginKey(name));
  return ok(grant);
}

/**
 * The TOTP step of sign-in. A right code replaces the waiting session with a new one (a new
 * cookie, so a token seen before the second factor is worth nothing after it); wrong codes count
 * towards the same lock-out as wrong passwords.
 */
export async function completeSecondFactor(
  ctx: AppContext,
  pendingSessionId: string,
  code: string,
  ip: string,
  settings: AccountSettings = defaultAccountSettings,
): Promise<Result<SessionGrant, LoginRefusal>> {
  const found = await findSessionWithUser(ctx.db, pendingSessionId);
  const now = ctx.now();
  if (
    !found ||
    found.session.second_factor_done === 1 ||
    found.session.expires_at <= iso(now) ||
    found.user.disabled === 1
  ) {
    return err({ reason: 'no_session' });
  }
  const { user } = found;
  if (!(await withinRateLimit(ctx, user.login, ip, settings))) return err({ reason: 'rate_limited' });
  if (user.locked_until && user.locked_until > iso(now)) return err({ reason: 'locked' });
  const step =
    user.totp_enabled === 1 && user.totp_secret
      ? await checkTotp(totpSecretOf(ctx, user.totp_secret), code, now, user.totp_last_step)
      : null;
  if (step === null) return err(await noteFailure(ctx, user, ip, settings, 'totp'));

  const grant = await ctx.db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, { totp_last_step: step, failed_logins: 0, locked_until: null, updated_at: iso(now) });
    await deleteSession(tx, pendingSessionId);
    const g = await createSession(ctx, user, true, settings, tx);
    await log(ctx, tx, `user:${user.login}`, 'user.login', user.id, undefined, { ip, secondFactor: 'totp' });
    return g;
  });
  await clearLoginAttempts(ctx.db, loginKey(user.login));
  return ok(grant);
}
