// Enrolment in two-step sign-in (TOTP): a secret is stored at the start but used for sign-in only
// once the user has proved with a code that their authenticator holds it; turning it off also
// takes a code, and commission staff may not turn it off where the setting requires it.
import type { AppContext } from '../platform/app-context.ts';
import { err, ok, problem, type Problem, type Result } from '../platform/result.ts';
import { defaultAccountSettings, isCommissionStaff, type AccountSettings, type User } from './core/account.ts';
import { iso } from './core/clock.ts';
import { checkTotp, newTotpSecret, totpUri } from './core/totp.ts';
import { openText, sealText } from '../platform/sealed-text.ts';
import { findUserById, toUser, updateExistingUser, updateUser } from './account.repository.ts';
import { recordUserActivity as log, unknownUser } from './account-activity.ts';

const alreadyOn = (): Problem => problem('totp.already_enabled', 'Two-step sign-in is already on', { field: 'code' });
const wrongCode = (): Problem => problem('code.invalid', 'The code is not correct or has expired', { field: 'code' });

/** The secret as the authenticator has it, from its stored (sealed or, from before a key was set, plain) form. */
export const totpSecretOf = (ctx: AppContext, stored: string): string => openText(ctx.config.accounts.totpKey, stored);

/**
 * Starts (or restarts) enrolment: a fresh secret is stored but not yet used for sign-in until the
 * user proves, with a code, that their authenticator has it.
 */
export async function startTotpEnrolment(
  ctx: AppContext,
  userId: number,
  actor: string,
): Promise<Result<{ secret: string; uri: string }>> {
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  if (row.totp_enabled === 1) return err([alreadyOn()]);
  const secret = newTotpSecret();
  await ctx.db.transaction().execute(async (tx) => {
    await updateUser(tx, userId, {
      totp_secret: sealText(ctx.config.accounts.totpKey, secret),
      totp_last_step: null,
      updated_at: iso(ctx.now()),
    });
    await log(ctx, tx, actor, 'user.totp_enrolment_start', userId);
  });
  return ok({ secret, uri: totpUri(row.login, secret) });
}

/** The secret of an enrolment in progress, to show again after a wrong code. */
export async function pendingTotpSecret(
  ctx: AppContext,
  userId: number,
): Promise<{ secret: string; uri: string } | null> {
  const row = await findUserById(ctx.db, userId);
  if (!row || row.totp_enabled === 1 || !row.totp_secret) return null;
  const secret = totpSecretOf(ctx, row.totp_secret);
  return { secret, uri: totpUri(row.login, secret) };
}

/** Where a user stands with two-step sign-in, as the TOTP page shows it. */
export type TotpState = { kind: 'on' } | { kind: 'off' } | { kind: 'enrolling'; secret: string; uri: string };

export async function totpState(ctx: AppContext, userId: number): Promise<TotpState> {
  const row = await findUserById(ctx.db, userId);
  if (row?.totp_enabled === 1) return { kind: 'on' };
  const pending = await pendingTotpSecret(ctx, userId);
  return pending ? { kind: 'enrolling', ...pending } : { kind: 'off' };
}

export async function confirmTotpEnrolment(
  ctx: AppContext,
  userId: number,
  code: string,
  actor: string,
): Promise<Result<User>> {
  const row = await findUserById(ctx.db, userId);
  if (!row) return err([unknownUser(userId)]);
  if (row.totp_enabled === 1) return err([alreadyOn()]);
  if (!row.totp_secret) return err([problem('totp.not_started', 'Start enrolment first', { field: 'code' })]);
  const now = ctx.now();
  const step = await checkTotp(totpSecretOf(ctx, row.totp_secret), code, now, null);
  if (step === null) return err([wrongCode()]);
  const user = await ctx.db.transaction().execute(async (tx) => {
    const changed = toUser(
      await updateExistingUser(tx, userId, { totp_enabled: 1, totp_last_step: step, updated_at: iso(now) }),
    );
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
  const step = await checkTotp(totpSecretOf(ctx, row.totp_secret), code, now, row.totp_last_step);
  if (step === null) return err([wrongCode()]);
  const user = await ctx.db.transaction().execute(async (tx) => {
    const changed = toUser(
      await updateExistingUser(tx, userId, {
        totp_enabled: 0,
        totp_secret: null,
        totp_last_step: null,
        updated_at: iso(now),
      }),
    );
    await log(ctx, tx, actor, 'user.totp_disable', userId, { totpEnabled: true }, { totpEnabled: false });
    return changed;
  });
  return ok(user);
}
