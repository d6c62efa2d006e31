// Sign-in: password, then (when the user has it on) the TOTP code. Wrong attempts slow down further
// ones for that login and from that client address (core/login-delay.ts) instead of locking the
// account, and a rate limit per client address caps the load; all of it is held in the database so
// that every instance counts together.
import type { AppContext } from '../platform/app-context.ts';
import type { UserRow } from '../platform/db/tables/accounts.tables.ts';
import { err, ok, type Result } from '../platform/result.ts';
import { defaultAccountSettings, type AccountSettings } from './core/account.ts';
import { iso, MINUTE, plus } from './core/clock.ts';
import { crossesThreshold, delayAfter, secondsToWait, type DelayRule } from './core/login-delay.ts';
import { checkTotp } from './core/totp.ts';
import { totpSecretOf } from './totp.service.ts';
import {
  clearLoginDelay,
  countLoginAttempt,
  countLoginFailure,
  delayLoginUntil,
  deleteExpiredSessions,
  deleteSession,
  deleteStaleLoginAttempts,
  deleteStaleLoginDelays,
  findLoginDelays,
  findSessionWithUser,
  findUserByLogin,
  updateUser,
} from './account.repository.ts';
import { hashPassword, passwordNeedsRehash, verifyNothing, verifyPassword } from './password.ts';
import { createSession, type SessionGrant } from './session.service.ts';
import { recordUserActivity as log } from './account-activity.ts';
import { tellOwnerOfDelays } from './account-mail.ts';

export type LoginRefusalReason = 'invalid' | 'delayed' | 'rate_limited' | 'no_session';
export interface LoginRefusal {
  reason: LoginRefusalReason;
  /** For `delayed`: how long to wait before the next attempt is looked at. */
  retryAfterSeconds?: number;
}

export interface LoginInput {
  login: string;
  password: string;
  /** The client address, for the per-address limit and delays and the activity record. */
  ip: string;
}

const loginKey = (login: string) => `login:${login}`;
const ipKey = (ip: string) => `ip:${ip}`;

const ruleFor = (settings: AccountSettings, freeFailures: number): DelayRule => ({
  freeFailures,
  firstDelaySeconds: settings.firstDelaySeconds,
  maxDelaySeconds: settings.maxDelaySeconds,
});

/**
 * Counts this attempt against the address. Counting happens before the password is checked, so
 * guessing costs attempts whether or not the login exists. The counters are not written to the
 * activity log: they are bookkeeping, and logging them would let anyone grow an append-only log by
 * posting to the sign-in form.
 */
async function withinRateLimit(ctx: AppContext, ip: string, settings: AccountSettings): Promise<boolean> {
  const now = ctx.now();
  const cutoff = iso(plus(now, -settings.loginWindowMinutes * MINUTE));
  return (await countLoginAttempt(ctx.db, ipKey(ip), iso(now), cutoff)) <= settings.maxAttemptsPerIp;
}

/** Seconds the login and the address must still wait; such an attempt is refused unchecked. */
async function waitLeft(ctx: AppContext, login: string, ip: string): Promise<number> {
  const rows = await findLoginDelays(ctx.db, [loginKey(login), ipKey(ip)]);
  return Math.max(0, ...rows.map((r) => secondsToWait(r.retry_after, ctx.now())));
}

async function countFailure(ctx: AppContext, key: string, rule: DelayRule, settings: AccountSettings) {
  const now = ctx.now();
  const forgetBefore = iso(plus(now, -settings.failureMemoryMinutes * MINUTE));
  const failures = await countLoginFailure(ctx.db, key, iso(now), forgetBefore);
  const seconds = delayAfter(failures, rule);
  if (seconds > 0) await delayLoginUntil(ctx.db, key, iso(plus(now, seconds * 1000)));
  return failures;
}

/**
 * Counts a wrong password or code against the login (whether or not it names anyone, so delays
 * say nothing about which logins exist) and the address. When a user's failures first reach the
 * point where delays begin, the owner is told: in the activity log and, with SMTP, by mail.
 */
async function noteFailure(
  ctx: AppContext,
  name: string,
  user: UserRow | undefined,
  ip: string,
  settings: AccountSettings,
  what: 'password' | 'totp',
): Promise<LoginRefusal> {
  const loginRule = ruleFor(settings, settings.freeFailuresPerLogin);
  const failures = await countFailure(ctx, loginKey(name), loginRule, settings);
  await countFailure(ctx, ipKey(ip), ruleFor(settings, settings.freeFailuresPerIp), settings);
  if (!user) return { reason: 'invalid' };
  await log(ctx, ctx.db, `login:${user.login}`, 'user.login_failed', user.id, undefined, {
    failures,
    factor: what,
    ip,
  });
  if (crossesThreshold(failures, loginRule)) {
    const mailed = tellOwnerOfDelays(ctx, user, { failures, ip });
    await log(ctx, ctx.db, 'system', 'user.login_delayed', user.id, undefined, { failures, ip, mailed });
  }
  return { reason: 'invalid' };
}

async function housekeeping(ctx: AppContext, settings: AccountSettings): Promise<void> {
  const now = ctx.now();
  await deleteExpiredSessions(ctx.db, iso(now));
  await deleteStaleLoginAttempts(ctx.db, iso(plus(now, -settings.loginWindowMinutes * MINUTE)));
  await deleteStaleLoginDelays(ctx.db, iso(plus(now, -settings.failureMemoryMinutes * MINUTE)));
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
  if (!(await withinRateLimit(ctx, input.ip, settings))) return err({ reason: 'rate_limited' });
  const wait = await waitLeft(ctx, name, input.ip);
  if (wait > 0) return err({ reason: 'delayed', retryAfterSeconds: wait });

  const user = name ? await findUserByLogin(ctx.db, name) : undefined;
  if (!user || user.disabled === 1) {
    await verifyNothing(input.password);
    return err(await noteFailure(ctx, name, undefined, input.ip, settings, 'password'));
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    return err(await noteFailure(ctx, name, user, input.ip, settings, 'password'));
  }

  const now = ctx.now();
  const rehash = passwordNeedsRehash(user.password_hash) ? await hashPassword(input.password) : undefined;
  const pending = user.totp_enabled === 1;
  const grant = await ctx.db.transaction().execute(async (tx) => {
    if (rehash) await updateUser(tx, user.id, { password_hash: rehash, updated_at: iso(now) });
    const g = await createSession(ctx, user, !pending, settings, tx);
    await log(ctx, tx, `user:${user.login}`, pending ? 'user.login_password' : 'user.login', user.id, undefined, {
      ip: input.ip,
      secondFactorPending: pending,
    });
    return g;
  });
  if (!pending) await clearLoginDelay(ctx.db, loginKey(name));
  return ok(grant);
}

/**
 * The TOTP step of sign-in. A right code replaces the waiting session with a new one (a new
 * cookie, so a token seen before the second factor is worth nothing after it); wrong codes slow
 * down further attempts as wrong passwords do.
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
  if (!(await withinRateLimit(ctx, ip, settings))) return err({ reason: 'rate_limited' });
  const wait = await waitLeft(ctx, user.login, ip);
  if (wait > 0) return err({ reason: 'delayed', retryAfterSeconds: wait });
  const step =
    user.totp_enabled === 1 && user.totp_secret
      ? await checkTotp(totpSecretOf(ctx, user.totp_secret), code, now, user.totp_last_step)
      : null;
  if (step === null) return err(await noteFailure(ctx, user.login, user, ip, settings, 'totp'));

  const grant = await ctx.db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, { totp_last_step: step, updated_at: iso(now) });
    await deleteSession(tx, pendingSessionId);
    const g = await createSession(ctx, user, true, settings, tx);
    await log(ctx, tx, `user:${user.login}`, 'user.login', user.id, undefined, { ip, secondFactor: 'totp' });
    return g;
  });
  await clearLoginDelay(ctx.db, loginKey(user.login));
  return ok(grant);
}

/** Forgets the failures of a login, after its password was set anew. */
export async function forgetLoginFailures(ctx: AppContext, login: string): Promise<void> {
  await clearLoginDelay(ctx.db, loginKey(login));
}
