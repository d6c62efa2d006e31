// Account use cases: users and their roles, sign-in with lock-out and a database-held rate limit,
// TOTP enrolment, server-side sessions with sliding expiry, and scoped API tokens. Every change
// of state that a person caused writes an activity record; secrets never enter that record.
import type { Kysely } from 'kysely';
import type { AppContext } from '../platform/app-context.ts';
import type { Database } from '../platform/db/schema.ts';
import type { SessionRow, UserRow } from '../platform/db/tables/accounts.tables.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, problem, type Problem, type Result } from '../platform/result.ts';
import {
  checkPassword,
  defaultAccountSettings,
  isCommissionStaff,
  newApiTokenSchema,
  newUserSchema,
  parseWith,
  type AccountSettings,
  type ApiToken,
  type Scope,
  type User,
} from './core/account.ts';
import {
  clearLoginAttempts,
  countActiveAdmins,
  countLoginAttempt,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  deleteStaleLoginAttempts,
  findApiTokenByHash,
  findApiTokenById,
  findSessionWithUser,
  findUserById,
  findUserByLogin,
  insertApiToken,
  insertSession,
  insertUser,
  listApiTokensOfUser,
  listUsers,
  recordFailedLogin,
  revokeApiTokenRow,
  toApiToken,
  toUser,
  touchApiToken,
  touchSession,
  updateUser,
} from './account.repository.ts';
import { dummyPasswordHash, generatePassword, hashPassword, passwordNeedsRehash, randomToken, sha256Hex, verifyPassword } from './password.ts';
import { checkTotp, newTotpSecret, totpUri } from './core/totp.ts';
import { grantableScopes, type Principal } from './core/authorization.ts';

const MINUTE = 60_000;
/** Sliding expiry is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = MINUTE;

const iso = (d: Date): string => d.toISOString();
const plus = (d: Date, ms: number): Date => new Date(d.getTime() + ms);

async function log(ctx: AppContext, db: Kysely<Database>, actor: string, action: string, userId: number, before?: unknown, after?: unknown) {
  await recordActivity(db, { actor, action, entityType: 'user', entityId: String(userId), before, after }, ctx.now());
}

// ---------------------------------------------------------------- users

export interface CreatedUser {
  user: User;
  /** The initial password, to be handed over once; never stored or logged in the clear. */
  password: string;
  generated: boolean;
}

export async function createUser(ctx: AppContext, input: unknown, actor: string, opts: { password?: string } = {}): Promise<Result<CreatedUser>> {
  const parsed = parseWith(newUserSchema, input);
  if (!parsed.ok) return parsed;
  const u = parsed.value;
  const problems: Problem[] = opts.password === undefined ? [] : checkPassword(opts.password);
  if (await findUserByLogin(ctx.db, u.login)) {
    problems.push(problem('login.taken', `The login "${u.login}" is already in use`, { field: 'login' }));
  }
  if (u.partyRegistrationNumber) {
    const party = await ctx.db.selectFrom('parties').select('registration_number').where('registration_number', '=', u.partyRegistrationNumber).executeTakeFirst();
    if (!party) {
      problems.push(problem('partyRegistrationNumber.unknown', `No party is registered as ${u.partyRegistrationNumber}`, { field: 'partyRegistrationNumber' }));
    }
  }
  if (problems.length > 0) return err(problems);

  const password = opts.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const now = iso(ctx.now());
  const user = await ctx.db.transaction().execute(async (tx) => {
    const row = await insertUser(tx, {
      login: u.login,
      display_name: u.displayName,
      role: u.role,
      party_registration_number: u.partyRegistrationNumber,
      bank: u.bank,
      password_hash: passwordHash,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    });
    const created = toUser(row);
    await log(ctx, tx, actor, 'user.create', row.id, null, created);
    return created;
  });
  return ok({ user, password, generated: opts.password === undefined });
}

export async function getUser(ctx: AppContext, id: number): Promise<User | undefined> {
  const row = await findUserById(ctx.db, id);
  return row ? toUser(row) : undefined;
}

export async function getUserByLogin(ctx: AppContext, login: string): Promise<User | undefined> {
  const row = await findUserByLogin(ctx.db, login.trim().toLowerCase());
  return row ? toUser(row) : undefined;
}

export async function listAllUsers(ctx: AppContext): Promise<User[]> {
  return (await listUsers(ctx.db)).map(toUser);
}

const unknownUser = (id: number): Problem => problem('user.unknown', `No user with id ${id}`, { field: 'user' });

/**
 * Disables a user and ends their sessions at once. Refuses to disable oneself or the last active
 * administrator, either of which would leave the commission unable to manage accounts.
 */
export async function disableUser(ctx: AppContext, userId: number, actor: string, opts: { byUserId?: number } = {}): Promise<Result<User>> {
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  if (opts.byUserId === userId) return err([problem('user.self', 'You cannot disable your own account', { field: 'user' })]);
  if (row.disabled === 1) return ok(toUser(row));
  if (row.role === 'commission_admin' && (await countActiveAdmins(ctx.db)) <= 1) {
    return err([problem('user.last_admin', 'The last active administrator cannot be disabled', { field: 'user' })]);
  }
  const user = await ctx.db.transaction().execute(async (tx) => {
    const after = await updateUser(tx, userId, { disabled: 1, updated_at: iso(ctx.now()) });
    await deleteSessionsOfUser(tx, userId);
    const changed = toUser(after!);
    await log(ctx, tx, actor, 'user.disable', userId, toUser(row), changed);
    return changed;
  });
  return ok(user);
}

export async function enableUser(ctx: AppContext, userId: number, actor: string): Promise<Result<User>> {
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  if (row.disabled === 0) return ok(toUser(row));
  const user = await ctx.db.transaction().execute(async (tx) => {
    const after = await updateUser(tx, userId, { disabled: 0, failed_logins: 0, locked_until: null, updated_at: iso(ctx.now()) });
    const changed = toUser(after!);
    await log(ctx, tx, actor, 'user.enable', userId, toUser(row), changed);
    return changed;
  });
  return ok(user);
}

/**
 * An administrator sets a new password (generated unless given), which also lifts a lock-out and
 * ends the user's sessions. `clearTotp` is for a lost authenticator: the user enrols again.
 */
export async function resetPassword(
  ctx: AppContext,
  userId: number,
  actor: string,
  opts: { password?: string; clearTotp?: boolean } = {},
): Promise<Result<{ user: User; password: string; generated: boolean }>> {
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  if (opts.password !== undefined) {
    const problems = checkPassword(opts.password);
    if (problems.length > 0) return err(problems);
  }
  const password = opts.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const user = await ctx.db.transaction().execute(async (tx) => {
    const after = await updateUser(tx, userId, {
      password_hash: passwordHash,
      failed_logins: 0,
      locked_until: null,
      ...(opts.clearTotp ? { totp_secret: null, totp_enabled: 0, totp_last_step: null } : {}),
      updated_at: iso(ctx.now()),
    });
    await deleteSessionsOfUser(tx, userId);
    const changed = toUser(after!);
    await log(ctx, tx, actor, 'user.password_reset', userId, toUser(row), { ...changed, totpCleared: opts.clearTotp === true });
    return changed;
  });
  return ok({ user, password, generated: opts.password === undefined });
}

/** The user changes their own password; their other sessions end, the current one stays. */
export async function changePassword(
  ctx: AppContext,
  userId: number,
  input: { currentPassword: string; newPassword: string },
  actor: string,
  keepSessionId?: string,
): Promise<Result<User>> {
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  const problems = checkPassword(input.newPassword, 'newPassword');
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    problems.unshift(problem('currentPassword.wrong', 'The current password is not correct', { field: 'currentPassword' }));
  }
  if (problems.length > 0) return err(problems);
  const passwordHash = await hashPassword(input.newPassword);
  const user = await ctx.db.transaction().execute(async (tx) => {
    const after = await updateUser(tx, userId, { password_hash: passwordHash, updated_at: iso(ctx.now()) });
    await deleteSessionsOfUser(tx, userId, keepSessionId);
    const changed = toUser(after!);
    await log(ctx, tx, actor, 'user.password_change', userId, undefined, undefined);
    return changed;
  });
  return ok(user);
}

// ---------------------------------------------------------------- sessions

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
export async function lookupSession(ctx: AppContext, token: string, settings: AccountSettings = defaultAccountSettings): Promise<LiveSession | null> {
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

// ---------------------------------------------------------------- sign-in

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
async function withinRateLimit(ctx: AppContext, login: string, ip: string, settings: AccountSettings): Promise<boolean> {
  const now = ctx.now();
  const cutoff = iso(plus(now, -settings.loginWindowMinutes * MINUTE));
  const byLogin = await countLoginAttempt(ctx.db, loginKey(login), iso(now), cutoff);
  const byIp = await countLoginAttempt(ctx.db, ipKey(ip), iso(now), cutoff);
  return byLogin <= settings.maxAttemptsPerLogin && byIp <= settings.maxAttemptsPerIp;
}

async function noteFailure(ctx: AppContext, user: UserRow, ip: string, settings: AccountSettings, what: 'password' | 'totp'): Promise<LoginRefusal> {
  const now = ctx.now();
  const lockUntil = iso(plus(now, settings.lockoutMinutes * MINUTE));
  return ctx.db.transaction().execute(async (tx) => {
    const r = await recordFailedLogin(tx, user.id, settings.maxFailedLogins, lockUntil, iso(now));
    const lockedNow = r.lockedUntil === lockUntil;
    await log(ctx, tx, `login:${user.login}`, 'user.login_failed', user.id, { failedLogins: user.failed_logins }, { failedLogins: r.failedLogins, factor: what, ip });
    if (lockedNow) {
      await log(ctx, tx, 'system', 'user.locked', user.id, { lockedUntil: user.locked_until }, { lockedUntil: r.lockedUntil });
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
export async function login(ctx: AppContext, input: LoginInput, settings: AccountSettings = defaultAccountSettings): Promise<Result<SessionGrant, LoginRefusal>> {
  const name = input.login.trim().toLowerCase();
  await housekeeping(ctx, settings);
  if (!(await withinRateLimit(ctx, name, input.ip, settings))) return err({ reason: 'rate_limited' });

  const user = name ? await findUserByLogin(ctx.db, name) : undefined;
  if (!user || user.disabled === 1) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    return err({ reason: 'invalid' });
  }
  const now = ctx.now();
  if (user.locked_until && user.locked_until > iso(now)) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    return err({ reason: 'locked' });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    return err(await noteFailure(ctx, user, input.ip, settings, 'password'));
  }

  const rehash = passwordNeedsRehash(user.password_hash) ? await hashPassword(input.password) : undefined;
  const pending = user.totp_enabled === 1;
  const grant = await ctx.db.transaction().execute(async (tx) => {
    if (user.failed_logins !== 0 || user.locked_until !== null || rehash) {
      await updateUser(tx, user.id, { failed_logins: 0, locked_until: null, ...(rehash ? { password_hash: rehash } : {}), updated_at: iso(now) });
    }
    const g = await createSession(ctx, user, !pending, settings, tx);
    await log(ctx, tx, `user:${user.login}`, pending ? 'user.login_password' : 'user.login', user.id, undefined, { ip: input.ip, secondFactorPending: pending });
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
  if (!found || found.session.second_factor_done === 1 || found.session.expires_at <= iso(now) || found.user.disabled === 1) {
    return err({ reason: 'no_session' });
  }
  const { user } = found;
  if (!(await withinRateLimit(ctx, user.login, ip, settings))) return err({ reason: 'rate_limited' });
  if (user.locked_until && user.locked_until > iso(now)) return err({ reason: 'locked' });
  const step = user.totp_enabled === 1 && user.totp_secret ? await checkTotp(user.totp_secret, code, now, user.totp_last_step) : null;
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

// ---------------------------------------------------------------- TOTP enrolment

/**
 * Starts (or restarts) enrolment: a fresh secret is stored but not yet used for sign-in until the
 * user proves, with a code, that their authenticator has it.
 */
export async function startTotpEnrolment(ctx: AppContext, userId: number, actor: string): Promise<Result<{ secret: string; uri: string }>> {
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  if (row.totp_enabled === 1) return err([problem('totp.already_enabled', 'Two-step sign-in is already on', { field: 'code' })]);
  const secret = newTotpSecret();
  await ctx.db.transaction().execute(async (tx) => {
    await updateUser(tx, userId, { totp_secret: secret, totp_last_step: null, updated_at: iso(ctx.now()) });
    await log(ctx, tx, actor, 'user.totp_enrolment_start', userId);
  });
  return ok({ secret, uri: totpUri(row.login, secret) });
}

/** The secret of an enrolment in progress, to show again after a wrong code. */
export async function pendingTotpSecret(ctx: AppContext, userId: number): Promise<{ secret: string; uri: string } | null> {
  const row = await findUserById(ctx.db, userId);
  if (!row || row.totp_enabled === 1 || !row.totp_secret) return null;
  return { secret: row.totp_secret, uri: totpUri(row.login, row.totp_secret) };
}

const wrongCode = (): Problem => problem('code.invalid', 'The code is not correct or has expired', { field: 'code' });

export async function confirmTotpEnrolment(ctx: AppContext, userId: number, code: string, actor: string): Promise<Result<User>> {
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  if (row.totp_enabled === 1) return err([problem('totp.already_enabled', 'Two-step sign-in is already on', { field: 'code' })]);
  if (!row.totp_secret) return err([problem('totp.not_started', 'Start enrolment first', { field: 'code' })]);
  const now = ctx.now();
  const step = await checkTotp(row.totp_secret, code, now, null);
  if (step === null) return err([wrongCode()]);
  const user = await ctx.db.transaction().execute(async (tx) => {
    const after = await updateUser(tx, userId, { totp_enabled: 1, totp_last_step: step, updated_at: iso(now) });
    const changed = toUser(after!);
    await log(ctx, tx, actor, 'user.totp_enable', userId, { totpEnabled: false }, { totpEnabled: true });
    return changed;
  });
  return ok(user);
}

export async function disableTotp(
  ctx: AppContext,
  userId: number,
  code: string,
  actor: string,
  settings: AccountSettings = defaultAccountSettings,
): Promise<Result<User>> {
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  if (row.totp_enabled !== 1 || !row.totp_secret) return ok(toUser(row));
  if (settings.requireTotpForCommissionStaff && isCommissionStaff(toUser(row).role)) {
    return err([problem('totp.required', 'Commission staff must keep two-step sign-in on', { field: 'code' })]);
  }
  const now = ctx.now();
  const step = await checkTotp(row.totp_secret, code, now, row.totp_last_step);
  if (step === null) return err([wrongCode()]);
  const user = await ctx.db.transaction().execute(async (tx) => {
    const after = await updateUser(tx, userId, { totp_enabled: 0, totp_secret: null, totp_last_step: null, updated_at: iso(now) });
    const changed = toUser(after!);
    await log(ctx, tx, actor, 'user.totp_disable', userId, { totpEnabled: true }, { totpEnabled: false });
    return changed;
  });
  return ok(user);
}

// ---------------------------------------------------------------- API tokens

const TOKEN_PREFIX = 'tlk_';

export async function createApiToken(
  ctx: AppContext,
  owner: { userId: number },
  input: unknown,
  actor: string,
  settings: AccountSettings = defaultAccountSettings,
): Promise<Result<{ token: string; apiToken: ApiToken }>> {
  const parsed = parseWith(newApiTokenSchema, input);
  if (!parsed.ok) return parsed;
  const row = await findUserById(ctx.db, owner.userId);
  if (!row || row.disabled === 1) return err([unknownUser(owner.userId)]);
  const allowed = grantableScopes(toUser(row).role);
  const refused = parsed.value.scopes.filter((s) => !allowed.includes(s));
  if (refused.length > 0) {
    return err([problem('scopes.not_allowed', `Your role cannot hold: ${refused.join(', ')}`, { field: 'scopes', params: { scopes: refused.join(', ') } })]);
  }
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const now = ctx.now();
  const days = parsed.value.expiresInDays ?? settings.apiTokenDays;
  const scopes = [...new Set(parsed.value.scopes)];
  const apiToken = await ctx.db.transaction().execute(async (tx) => {
    const inserted = await insertApiToken(tx, {
      user_id: row.id,
      token_hash: sha256Hex(token),
      scopes: scopes.join(' '),
      label: parsed.value.label,
      created_at: iso(now),
      expires_at: iso(plus(now, days * 24 * 60 * MINUTE)),
      revoked_at: null,
      last_used_at: null,
    });
    const t = toApiToken(inserted);
    await recordActivity(tx, { actor, action: 'api_token.create', entityType: 'api_token', entityId: String(t.id), before: null, after: t }, now);
    return t;
  });
  return ok({ token, apiToken });
}

export async function listApiTokens(ctx: AppContext, userId: number): Promise<ApiToken[]> {
  return (await listApiTokensOfUser(ctx.db, userId)).map(toApiToken);
}

/** The live token and its owner, or null for an unknown, revoked, expired or disabled one. */
export async function verifyApiToken(ctx: AppContext, token: string): Promise<{ user: UserRow; apiToken: ApiToken } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await findApiTokenByHash(ctx.db, sha256Hex(token));
  const now = ctx.now();
  if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= iso(now))) return null;
  const user = await findUserById(ctx.db, row.user_id);
  if (!user || user.disabled === 1) return null;
  // Last use is bookkeeping, not a change a person made: throttled and not in the activity log.
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() >= TOUCH_EVERY_MS) {
    await touchApiToken(ctx.db, row.id, iso(now));
  }
  return { user, apiToken: toApiToken(row) };
}

/** Revokes one of the user's own tokens (administrators end others' by disabling the user). */
export async function revokeApiToken(ctx: AppContext, userId: number, tokenId: number, actor: string): Promise<Result<ApiToken>> {
  const row = await findApiTokenById(ctx.db, tokenId);
  if (!row || row.user_id !== userId) return err([problem('token.unknown', `No token ${tokenId} of yours`, { field: 'token' })]);
  if (row.revoked_at !== null) return ok(toApiToken(row));
  const now = ctx.now();
  const revoked = await ctx.db.transaction().execute(async (tx) => {
    const after = await revokeApiTokenRow(tx, tokenId, iso(now));
    const t = toApiToken(after ?? row);
    await recordActivity(tx, { actor, action: 'api_token.revoke', entityType: 'api_token', entityId: String(tokenId), before: toApiToken(row), after: t }, now);
    return t;
  });
  return ok(revoked);
}
