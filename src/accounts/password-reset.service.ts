// Self-service password reset by mail: a one-time link, valid for a while, kept only as a hash.
// Asking says the same whether or not the account exists or has an address, so the form tells
// nobody which logins or addresses are registered.
import type { AppContext } from '../platform/app-context.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import { defaultAccountSettings, type AccountSettings, type User } from './core/account.ts';
import { iso, MINUTE, plus } from './core/clock.ts';
import { checkPassword } from './core/password-rules.ts';
import {
  countLoginAttempt,
  deleteSessionsOfUser,
  deleteStalePasswordResets,
  findPasswordResetByHash,
  findUserById,
  findUserByLoginOrEmail,
  insertPasswordReset,
  takePasswordReset,
  toUser,
  updateExistingUser,
  usePasswordResets,
} from './account.repository.ts';
import type { Locale } from '../domain/election.ts';
import { hashPassword, randomToken, sha256Hex } from './password.ts';
import { recordUserActivity as log } from './account-activity.ts';
import { canSendMail } from './mailer.ts';
import { mailResetLink } from './account-mail.ts';
import { forgetLoginFailures } from './sign-in.service.ts';

/** The path of a reset link, under the portal's public address. */
export const resetPath = (locale: Locale, token: string) => `/${locale}/account/password-reset/${token}`;

/**
 * Sends a reset link to the account named by login or address, when it has an address and mail is
 * configured. Returns the sending (for tests) or undefined when nothing is sent; callers answer the
 * same either way and do not wait for the mail server.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  input: { loginOrEmail: string; locale: Locale; ip: string },
  settings: AccountSettings = defaultAccountSettings,
): Promise<{ sending: Promise<void> } | undefined> {
  const publicUrl = ctx.config.publicUrl;
  if (!canSendMail(ctx) || !publicUrl) return undefined;
  const now = ctx.now();
  // The same per-address budget as sign-in, so that the form cannot be used to flood mailboxes.
  const cutoff = iso(plus(now, -settings.loginWindowMinutes * MINUTE));
  if ((await countLoginAttempt(ctx.db, `reset-ip:${input.ip}`, iso(now), cutoff)) > settings.maxAttemptsPerIp)
    return undefined;
  await deleteStalePasswordResets(ctx.db, iso(plus(now, -24 * 60 * MINUTE)));
  const name = input.loginOrEmail.trim().toLowerCase();
  const user = name ? await findUserByLoginOrEmail(ctx.db, name) : undefined;
  if (!user || user.disabled === 1 || !user.email) return undefined;

  const token = randomToken();
  await ctx.db.transaction().execute(async (tx) => {
    await insertPasswordReset(tx, {
      user_id: user.id,
      token_hash: sha256Hex(token),
      created_at: iso(now),
      expires_at: iso(plus(now, settings.passwordResetMinutes * MINUTE)),
    });
    await log(ctx, tx, 'system', 'user.password_reset_requested', user.id, undefined, { ip: input.ip });
  });
  const link = `${publicUrl}${resetPath(input.locale, token)}`;
  // Wrapped, so that awaiting this function does not also wait for the mail server.
  return { sending: mailResetLink(ctx, user.email, user.login, link, settings.passwordResetMinutes) };
}

const invalidLink = () => problem('token.invalid', 'The link is not valid, has been used or has expired');

/** The user a reset link is for, while it is unused and unexpired. */
export async function userOfResetLink(ctx: AppContext, token: string): Promise<Result<User>> {
  const reset = await findPasswordResetByHash(ctx.db, sha256Hex(token));
  if (!reset || reset.used_at !== null || reset.expires_at <= iso(ctx.now())) return err([invalidLink()]);
  const user = await findUserById(ctx.db, reset.user_id);
  if (!user || user.disabled === 1) return err([invalidLink()]);
  return ok(toUser(user));
}

/**
 * Sets a new password through a reset link. The link is taken first (one of two concurrent posts
 * wins), every other outstanding link of the user dies with it, and every session of the user ends.
 */
export async function completePasswordReset(
  ctx: AppContext,
  token: string,
  newPassword: string,
  ip: string,
): Promise<Result<User>> {
  const problems = checkPassword(newPassword, 'newPassword');
  if (problems.length > 0) return err(problems);
  const reset = await findPasswordResetByHash(ctx.db, sha256Hex(token));
  if (!reset) return err([invalidLink()]);
  const passwordHash = await hashPassword(newPassword);
  const now = iso(ctx.now());
  const user = await ctx.db.transaction().execute(async (tx) => {
    if (!(await takePasswordReset(tx, reset.id, now))) return undefined;
    const row = await findUserById(tx, reset.user_id);
    if (!row || row.disabled === 1) return undefined;
    await usePasswordResets(tx, row.id, now);
    const changed = toUser(await updateExistingUser(tx, row.id, { password_hash: passwordHash, updated_at: now }));
    await deleteSessionsOfUser(tx, row.id);
    await log(ctx, tx, `user:${row.login}`, 'user.password_reset_by_link', row.id, undefined, { ip });
    return changed;
  });
  if (!user) return err([invalidLink()]);
  await forgetLoginFailures(ctx, user.login);
  return ok(user);
}
