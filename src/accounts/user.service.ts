// Users and their roles: creation (with a generated or given password), disabling and enabling,
// the administrator's password reset and one's own password change. Every change writes an
// activity record; the password itself never enters it.
import { isFundNumber, listCandidateFunds } from '../races/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import { err, ok, problem, type Problem, type Result } from '../platform/result.ts';
import { findParty } from '../parties/index.ts';
import { newUserSchema, optionalEmailSchema, parseWith, type User } from './core/account.ts';
import { checkPassword } from './core/password-rules.ts';
import { iso } from './core/clock.ts';
import {
  countActiveAdmins,
  deleteSessionsOfUser,
  findUserById,
  findUserByLogin,
  insertUser,
  listUsers,
  toUser,
  updateExistingUser,
} from './account.repository.ts';
import { generatePassword, hashPassword, verifyPassword } from './password.ts';
import { recordUserActivity as log, unknownUser } from './account-activity.ts';
import { forgetLoginFailures } from './sign-in.service.ts';

export interface CreatedUser {
  user: User;
  /** The initial password, to be handed over once; never stored or logged in the clear. */
  password: string;
  generated: boolean;
}

export async function createUser(
  ctx: AppContext,
  input: unknown,
  actor: string,
  opts: { password?: string } = {},
): Promise<Result<CreatedUser>> {
  const parsed = parseWith(newUserSchema, input);
  if (!parsed.ok) return parsed;
  const u = parsed.value;
  const problems: Problem[] = opts.password === undefined ? [] : checkPassword(opts.password);
  if (await findUserByLogin(ctx.db, u.login)) {
    problems.push(problem('login.taken', `The login "${u.login}" is already in use`, { field: 'login' }));
  }
  // A treasurer acts for a party, or for a single-mandate candidate's fund (by the fund's number).
  if (u.partyRegistrationNumber && !(await isFilerNumber(ctx, u.partyRegistrationNumber))) {
    problems.push(
      problem('partyRegistrationNumber.unknown', `No party is registered as ${u.partyRegistrationNumber}`, {
        field: 'partyRegistrationNumber',
      }),
    );
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
      ...(u.partyRegistrationNumber !== null && isFundNumber(u.partyRegistrationNumber)
        ? { party_registration_number: null, candidate_fund_number: u.partyRegistrationNumber }
        : { party_registration_number: u.partyRegistrationNumber }),
      bank: u.bank,
      email: u.email,
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

/**
 * Disables a user and ends their sessions at once. Refuses to disable oneself or the last active
 * administrator, either of which would leave the commission unable to manage accounts.
 */
export async function disableUser(
  ctx: AppContext,
  userId: number,
  actor: string,
  opts: { byUserId?: number } = {},
): Promise<Result<User>> {
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  if (opts.byUserId === userId)
    return err([problem('user.self', 'You cannot disable your own account', { field: 'user' })]);
  if (row.disabled === 1) return ok(toUser(row));
  if (row.role === 'commission_admin' && (await countActiveAdmins(ctx.db)) <= 1) {
    return err([problem('user.last_admin', 'The last active administrator cannot be disabled', { field: 'user' })]);
  }
  const user = await ctx.db.transaction().execute(async (tx) => {
    const changed = toUser(await updateExistingUser(tx, userId, { disabled: 1, updated_at: iso(ctx.now()) }));
    await deleteSessionsOfUser(tx, userId);
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
    const changed = toUser(
      await updateExistingUser(tx, userId, {
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        updated_at: iso(ctx.now()),
      }),
    );
    await log(ctx, tx, actor, 'user.enable', userId, toUser(row), changed);
    return changed;
  });
  return ok(user);
}

/**
 * An administrator sets a new password (generated unless given), which also forgets failed sign-ins and
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
    const after = await updateExistingUser(tx, userId, {
      password_hash: passwordHash,
      failed_logins: 0,
      locked_until: null,
      ...(opts.clearTotp ? { totp_secret: null, totp_enabled: 0, totp_last_step: null } : {}),
      updated_at: iso(ctx.now()),
    });
    await deleteSessionsOfUser(tx, userId);
    const changed = toUser(after);
    await log(ctx, tx, actor, 'user.password_reset', userId, toUser(row), {
      ...changed,
      totpCleared: opts.clearTotp === true,
    });
    return changed;
  });
  await forgetLoginFailures(ctx, user.login);
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
    problems.unshift(
      problem('currentPassword.wrong', 'The current password is not correct', { field: 'currentPassword' }),
    );
  }
  if (problems.length > 0) return err(problems);
  const passwordHash = await hashPassword(input.newPassword);
  const user = await ctx.db.transaction().execute(async (tx) => {
    const changed = toUser(
      await updateExistingUser(tx, userId, { password_hash: passwordHash, updated_at: iso(ctx.now()) }),
    );
    await deleteSessionsOfUser(tx, userId, keepSessionId);
    await log(ctx, tx, actor, 'user.password_change', userId, undefined, undefined);
    return changed;
  });
  return ok(user);
}

/** Sets or clears the user's e-mail address (for reset links and sign-in notices). */
export async function setEmail(ctx: AppContext, userId: number, input: unknown, actor: string): Promise<Result<User>> {
  const parsed = parseWith(optionalEmailSchema, input);
  if (!parsed.ok) return err(parsed.error.map((p) => ({ ...p, field: 'email', code: 'email.invalid' })));
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  const user = await ctx.db.transaction().execute(async (tx) => {
    const changed = toUser(await updateExistingUser(tx, userId, { email: parsed.value, updated_at: iso(ctx.now()) }));
    await log(ctx, tx, actor, 'user.email_change', userId, { email: row.email }, { email: changed.email });
    return changed;
  });
  return ok(user);
}

async function isFilerNumber(ctx: AppContext, reg: string): Promise<boolean> {
  if (isFundNumber(reg)) return (await listCandidateFunds(ctx.db, { fundNumber: reg })).length > 0;
  return (await findParty(ctx.db, reg)) !== undefined;
}
