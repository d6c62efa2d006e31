// Scoped API tokens: created for their owner (never broader than the owner's role), stored only as
// a SHA-256, verified on each Bearer request, revoked by their owner.
import type { AppContext } from '../platform/app-context.ts';
import type { UserRow } from '../platform/db/tables/accounts.tables.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import {
  defaultAccountSettings,
  newApiTokenSchema,
  parseWith,
  type AccountSettings,
  type ApiToken,
} from './core/account.ts';
import { grantableScopes } from './core/authorization.ts';
import { iso, MINUTE, plus } from './core/clock.ts';
import {
  findApiTokenByHash,
  findApiTokenById,
  findUserById,
  insertApiToken,
  listApiTokensOfUser,
  revokeApiTokenRow,
  toApiToken,
  toUser,
  touchApiToken,
} from './account.repository.ts';
import { randomToken, sha256Hex } from './password.ts';
import { unknownUser } from './account-activity.ts';
import { TOUCH_EVERY_MS } from './session.service.ts';

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
    return err([
      problem('scopes.not_allowed', `Your role cannot hold: ${refused.join(', ')}`, {
        field: 'scopes',
        params: { scopes: refused.join(', ') },
      }),
    ]);
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
    await recordActivity(
      tx,
      { actor, action: 'api_token.create', entityType: 'api_token', entityId: String(t.id), before: null, after: t },
      now,
    );
    return t;
  });
  return ok({ token, apiToken });
}

export async function listApiTokens(ctx: AppContext, userId: number): Promise<ApiToken[]> {
  return (await listApiTokensOfUser(ctx.db, userId)).map(toApiToken);
}

/** The live token and its owner, or null for an unknown, revoked, expired or disabled one. */
export async function verifyApiToken(
  ctx: AppContext,
  token: string,
): Promise<{ user: UserRow; apiToken: ApiToken } | null> {
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
export async function revokeApiToken(
  ctx: AppContext,
  userId: number,
  tokenId: number,
  actor: string,
): Promise<Result<ApiToken>> {
  const row = await findApiTokenById(ctx.db, tokenId);
  if (!row || row.user_id !== userId)
    return err([problem('token.unknown', `No token ${tokenId} of yours`, { field: 'token' })]);
  if (row.revoked_at !== null) return ok(toApiToken(row));
  const now = ctx.now();
  const revoked = await ctx.db.transaction().execute(async (tx) => {
    const after = await revokeApiTokenRow(tx, tokenId, iso(now));
    const t = toApiToken(after ?? row);
    await recordActivity(
      tx,
      {
        actor,
        action: 'api_token.revoke',
        entityType: 'api_token',
        entityId: String(tokenId),
        before: toApiToken(row),
        after: t,
      },
      now,
    );
    return t;
  });
  return ok(revoked);
}
