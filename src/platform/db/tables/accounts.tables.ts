// Table types of the accounts capability (see migrations 0003-accounts and 0010-account-email):
// people who sign in, their server-side sessions, login-attempt counters, sign-in delays, password
// reset links and API tokens for machine filing.
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
  /** Set instead for the treasurer of a single-mandate candidate's fund: the fund they act for (0026). */
  candidate_fund_number: Generated<string | null>;
  /** Set for bank officers only: the bank they act for. */
  bank: string | null;
  password_hash: string;
  /** Base32 TOTP secret; present from enrolment start, used only once totp_enabled = 1. */
  totp_secret: string | null;
  totp_enabled: number;
  /** Last accepted TOTP time step, so that one code cannot be replayed within its window. */
  totp_last_step: number | null;
  disabled: number;
  /** Lower-case address for reset links and sign-in notices; staff-only, never on public pages. */
  email: Generated<string | null>;
  /** No longer written: sign-in failures slow down (login_delays) instead of locking the account. */
  failed_logins: number;
  /** No longer written, as failed_logins. */
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
  /** `ip:<address>` (sign-in) or `reset-ip:<address>` (reset links asked for). */
  key: string;
  window_start: string;
  attempts: number;
}

export interface LoginDelayTable {
  /** `login:<name>` or `ip:<address>`. */
  key: string;
  /** Failed attempts in a row under the key. */
  failures: number;
  /** The next attempt under the key is refused, unchecked, until this instant. */
  retry_after: string | null;
  last_failure_at: string;
}

export interface PasswordResetTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 (hex) of the token in the link; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
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
  login_delays: LoginDelayTable;
  password_resets: PasswordResetTable;
  api_tokens: ApiTokenTable;
}

export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type LoginDelayRow = Selectable<LoginDelayTable>;
export type PasswordResetRow = Selectable<PasswordResetTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
