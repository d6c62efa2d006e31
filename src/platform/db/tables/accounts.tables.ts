// Table types of the accounts capability (see migration 0003-accounts): people who sign in,
// their server-side sessions, login-attempt counters and API tokens for machine filing.
// Secrets are never stored in the clear where a hash will do: sessions and tokens are kept as
// SHA-256 of the random value the client holds, passwords as argon2id hashes.
import type { Generated, Selectable } from 'kysely';

export interface UserTable {
  id: Generated<number>;
  /** Lower-case sign-in name, unique. */
  login: string;
  display_name: string;
  /** One of the roles in src/accounts/account.ts. */
  role: string;
  /** Set for party treasurers only: the party they act for. */
  party_registration_number: string | null;
  /** Set for bank officers only: the bank they act for. */
  bank: string | null;
  password_hash: string;
  /** Base32 TOTP secret; present from enrolment start, used only once totp_enabled = 1. */
  totp_secret: string | null;
  totp_enabled: number;
  /** Last accepted TOTP time step, so that one code cannot be replayed within its window. */
  totp_last_step: number | null;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the random token in the cookie; the token itself is never stored. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  csrf_secret: string;
  /** 0 while a password-verified session still waits for its TOTP code. */
  second_factor_done: number;
}

export interface LoginAttemptTable {
  /** `login:<name>` or `ip:<address>`. */
  key: string;
  window_start: string;
  attempts: number;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  /** Space-separated scopes, e.g. `filings:read filings:write`. */
  scopes: string;
  label: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface AccountsTables {
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  api_tokens: ApiTokenTable;
}

export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
