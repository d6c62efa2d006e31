// Accounts: the roles people hold, the scopes API tokens carry, the settings of sign-in, and the
// zod schemas that parse every account input once at the edge into Result values.
import { z } from 'zod';
import { err, ok, type Problem, type Result } from '../../platform/result.ts';
import type { AccountConfig } from '../../platform/config.ts';

export const ROLES = ['commission_admin', 'commission_analyst', 'party_treasurer', 'bank_officer', 'auditor'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Commission staff must pass a second factor when `requireTotpForCommissionStaff` is on. */
export const COMMISSION_STAFF: readonly Role[] = ['commission_admin', 'commission_analyst'];
export const isCommissionStaff = (role: Role): boolean => COMMISSION_STAFF.includes(role);

/**
 * What an API token may be used for. A token never widens what its owner's role allows; it only
 * narrows it (see authorization.ts for which actions each scope opens).
 */
export const SCOPES = [
  'filings:read',
  'filings:write',
  'filings:submit',
  'statements:read',
  'statements:write',
  'findings:read',
  'audit:read',
] as const;
export const scopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof scopeSchema>;

/** A user as the rest of the code sees it: no password hash, no TOTP secret. */
export interface User {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  partyRegistrationNumber: string | null;
  bank: string | null;
  totpEnabled: boolean;
  disabled: boolean;
  /** Staff-only: for reset links and sign-in notices; never on public pages. */
  email: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApiToken {
  id: number;
  userId: number;
  label: string;
  scopes: Scope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface AccountSettings {
  /** Wrong passwords (or TOTP codes) in a row for one login before each further attempt must wait… */
  freeFailuresPerLogin: number;
  /** …and from one client address, where several people may sit behind one address. */
  freeFailuresPerIp: number;
  /** The first wait; each further failure doubles it… */
  firstDelaySeconds: number;
  /** …up to this, so that nobody can keep an owner out for long. */
  maxDelaySeconds: number;
  /** A run of failures is forgotten after this long without another one. */
  failureMemoryMinutes: number;
  /** How long a password reset link stays valid. */
  passwordResetMinutes: number;
  /** A session ends after this long without a request (sliding expiry)… */
  sessionIdleMinutes: number;
  /** …and in any case this long after sign-in. */
  sessionMaxHours: number;
  /**
   * Sign-in attempts are counted per client address in windows of this length. There is no such
   * limit per login: anyone could use it to keep the owner out; the delays above cover a login.
   */
  loginWindowMinutes: number;
  maxAttemptsPerIp: number;
  /** When on, commission administrators and analysts can do nothing until they enrol TOTP. */
  requireTotpForCommissionStaff: boolean;
  /**
   * `auto`: the Secure cookie flag follows the request's protocol (X-Forwarded-Proto behind a
   * proxy), so plain-http tests and a laptop demo still work; `always` in production.
   */
  secureCookies: 'auto' | 'always' | 'never';
  /** Default lifetime of a new API token. */
  apiTokenDays: number;
}

export const defaultAccountSettings: AccountSettings = {
  freeFailuresPerLogin: 5,
  freeFailuresPerIp: 20,
  firstDelaySeconds: 1,
  maxDelaySeconds: 300,
  failureMemoryMinutes: 60,
  passwordResetMinutes: 30,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  loginWindowMinutes: 15,
  maxAttemptsPerIp: 100,
  requireTotpForCommissionStaff: false,
  secureCookies: 'auto',
  apiTokenDays: 90,
};

/** Settings from the portal's configuration, read once where the server is built. */
export function accountSettingsFromConfig(c: AccountConfig): AccountSettings {
  return {
    ...defaultAccountSettings,
    secureCookies: c.cookieSecure,
    requireTotpForCommissionStaff: c.requireTotpForCommissionStaff ?? false,
    sessionIdleMinutes: c.sessionIdleMinutes ?? defaultAccountSettings.sessionIdleMinutes,
    sessionMaxHours: c.sessionMaxHours ?? defaultAccountSettings.sessionMaxHours,
  };
}

// Forms send '' for an empty field; the domain says null.
const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{2,63}$/);
/** An e-mail address, kept lower-case; '' on a form means none. */
export const emailSchema = z.string().trim().toLowerCase().max(254).email();
export const optionalEmailSchema = z.preprocess(emptyToNull, emailSchema.nullable()).default(null);
export const partyRegistrationNumberSchema = z.string().trim().min(1).max(40);
export const bankSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,40}$/);

export const newUserSchema = z
  .object({
    login: loginSchema,
    displayName: z.string().trim().max(200).default(''),
    role: roleSchema,
    partyRegistrationNumber: z.preprocess(emptyToNull, partyRegistrationNumberSchema.nullable()).default(null),
    bank: z.preprocess(emptyToNull, bankSchema.nullable()).default(null),
    email: optionalEmailSchema,
  })
  .superRefine((u, c) => {
    // A treasurer acts for exactly one party and a bank officer for exactly one bank; nobody else
    // is bound, so that a binding can never silently widen or narrow another role.
    const needsParty = u.role === 'party_treasurer';
    const needsBank = u.role === 'bank_officer';
    if (needsParty && !u.partyRegistrationNumber) {
      c.addIssue({
        code: 'custom',
        path: ['partyRegistrationNumber'],
        message: 'A party treasurer needs a party',
        params: { problem: 'partyRegistrationNumber.required' },
      });
    }
    if (!needsParty && u.partyRegistrationNumber) {
      c.addIssue({
        code: 'custom',
        path: ['partyRegistrationNumber'],
        message: 'Only a party treasurer is bound to a party',
        params: { problem: 'partyRegistrationNumber.not_allowed' },
      });
    }
    if (needsBank && !u.bank) {
      c.addIssue({
        code: 'custom',
        path: ['bank'],
        message: 'A bank officer needs a bank',
        params: { problem: 'bank.required' },
      });
    }
    if (!needsBank && u.bank) {
      c.addIssue({
        code: 'custom',
        path: ['bank'],
        message: 'Only a bank officer is bound to a bank',
        params: { problem: 'bank.not_allowed' },
      });
    }
  });
export type NewUser = z.infer<typeof newUserSchema>;

export const newApiTokenSchema = z.object({
  label: z.string().trim().min(1).max(100),
  scopes: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(scopeSchema).min(1)),
  expiresInDays: z.coerce.number().int().min(1).max(366).optional(),
});
export type NewApiToken = z.infer<typeof newApiTokenSchema>;

/** Turns zod issues into problems whose code names the field, e.g. `password.too_short`. */
export function problemsFromZod(error: z.ZodError): Problem[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.') || 'input';
    const custom = i.code === 'custom' ? (i.params as { problem?: string } | undefined)?.problem : undefined;
    const kind = i.code === 'too_small' ? 'too_short' : i.code === 'too_big' ? 'too_long' : 'invalid';
    return { code: custom ?? `${field}.${kind}`, message: i.message, field, severity: 'error' as const };
  });
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const r = schema.safeParse(input);
  return r.success ? ok(r.data) : err(problemsFromZod(r.error));
}
