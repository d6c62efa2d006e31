// The administrators' security review of the accounts: what each account's facts say needs doing.
// Disabled accounts are left out: they cannot sign in, so none of it matters until they are enabled.
import type { TokenFacts } from '../../accounts/index.ts';

export interface PostureAccount {
  id: number;
  login: string;
  displayName: string;
  role: string;
  disabled: boolean;
  totpEnabled: boolean;
  createdAt: string;
  lastSignInAt: string | undefined;
  failedSignIns: number;
  liveSessions: number;
}

/** A live API token as the accounts report it. */
export type PostureToken = TokenFacts;

export interface PostureThresholds {
  /** Not signed in for this many days (or never, for an account this old). */
  unusedDays: number;
  /** Failed sign-ins counted over `failureDays`… */
  failedSignIns: number;
  failureDays: number;
  /** A token expiring within this many days. */
  expiringDays: number;
  /** Live sessions on more devices than this. */
  sessions: number;
}

export const DEFAULT_THRESHOLDS: PostureThresholds = {
  unusedDays: 90,
  failedSignIns: 5,
  failureDays: 30,
  expiringDays: 14,
  sessions: 3,
};

export type PostureKind =
  'no_totp' | 'unused' | 'failed_sign_ins' | 'many_sessions' | 'token_unused' | 'token_expiring';
export const POSTURE_KINDS: readonly PostureKind[] = [
  'no_totp',
  'unused',
  'failed_sign_ins',
  'many_sessions',
  'token_unused',
  'token_expiring',
];

export interface PostureItem {
  kind: PostureKind;
  account: PostureAccount;
  /** The figure behind it: days, failures, sessions; the token's label for token items. */
  detail: string;
  /** ISO day or instant the item is about (last sign-in, expiry), when there is one. */
  when?: string | undefined;
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: Date): number => Math.floor((to.getTime() - Date.parse(from)) / DAY);

/** Every item of the review, grouped by kind in POSTURE_KINDS order, accounts by login within. */
export function securityPosture(
  accounts: readonly PostureAccount[],
  tokens: readonly PostureToken[],
  now: Date,
  t: PostureThresholds = DEFAULT_THRESHOLDS,
): PostureItem[] {
  const active = accounts.filter((a) => !a.disabled);
  const byId = new Map(active.map((a) => [a.id, a]));
  const items: PostureItem[] = [];
  for (const a of active) {
    if (!a.totpEnabled) items.push({ kind: 'no_totp', account: a, detail: '' });
    const since = a.lastSignInAt ?? a.createdAt;
    const idle = daysBetween(since, now);
    if (idle >= t.unusedDays) items.push({ kind: 'unused', account: a, detail: String(idle), when: a.lastSignInAt });
    if (a.failedSignIns >= t.failedSignIns)
      items.push({ kind: 'failed_sign_ins', account: a, detail: String(a.failedSignIns) });
    if (a.liveSessions > t.sessions) items.push({ kind: 'many_sessions', account: a, detail: String(a.liveSessions) });
  }
  for (const tok of tokens) {
    const a = byId.get(tok.userId);
    if (!a) continue;
    if (tok.lastUsedAt === null)
      items.push({ kind: 'token_unused', account: a, detail: tok.label, when: tok.createdAt });
    if (tok.expiresAt !== null && daysBetween(now.toISOString(), new Date(tok.expiresAt)) < t.expiringDays)
      items.push({ kind: 'token_expiring', account: a, detail: tok.label, when: tok.expiresAt });
  }
  const order = (k: PostureKind) => POSTURE_KINDS.indexOf(k);
  return items.sort((x, y) => order(x.kind) - order(y.kind) || x.account.login.localeCompare(y.account.login));
}
