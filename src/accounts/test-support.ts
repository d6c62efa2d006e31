// Helpers for other capabilities' HTTP tests: sign in as any role in one call and get the cookie
// and CSRF token to send, or an API token with chosen scopes. They go through the same service
// code as real sign-ins (sessions rows, token hashes), skipping only the password form.
import { isFundNumber } from '../races/index.ts';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { AppContext } from '../platform/app-context.ts';
import { defaultAccountSettings, type AccountSettings, type Role, type Scope, type User } from './core/account.ts';
import { createUser, getUserByLogin } from './user.service.ts';
import { createSession } from './session.service.ts';
import { createApiToken } from './token.service.ts';
import { findUserById } from './account.repository.ts';
import { authPlugin, CSRF_HEADER, SESSION_COOKIE } from './http/auth.plugin.ts';
import { accountRoutes } from './http/account.routes.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface LoginAsOptions {
  login?: string;
  /** Party of a treasurer (created as a minimal party row when missing). */
  party?: string;
  /** Bank of a bank officer. */
  bank?: string;
  displayName?: string;
}

export interface SignedIn {
  user: User;
  /** `talapker_session=…`, ready for a `cookie` header. */
  cookie: string;
  csrfToken: string;
  /** Both headers a state-changing request needs: `{ cookie, 'x-csrf-token' }`. */
  headers: { cookie: string; 'x-csrf-token': string };
}

let serial = 0;

/** A minimal registered party, so that a treasurer can be bound to it. */
export async function ensureParty(ctx: AppContext, registrationNumber: string): Promise<void> {
  const found = await ctx.db
    .selectFrom('parties')
    .select('registration_number')
    .where('registration_number', '=', registrationNumber)
    .executeTakeFirst();
  if (found) return;
  const now = ctx.now().toISOString();
  const name = `Test party ${registrationNumber}`;
  await ctx.db
    .insertInto('parties')
    .values({
      registration_number: registrationNumber,
      name_ky: name,
      name_ru: name,
      name_en: name,
      short_name_ky: registrationNumber,
      short_name_ru: registrationNumber,
      short_name_en: registrationNumber,
      leader: '',
      founded_on: null,
      address: '',
      phone: '',
      website: '',
      logo_blob_key: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Finds or creates a user of the role (password TEST_PASSWORD); binds treasurers and bank officers. */
export async function ensureUser(ctx: AppContext, role: Role, opts: LoginAsOptions = {}): Promise<User> {
  const party = role === 'party_treasurer' ? (opts.party ?? 'TEST-PARTY-A') : null;
  const bank = role === 'bank_officer' ? (opts.bank ?? 'TESTBANK') : null;
  const login =
    opts.login ?? `${role.replace(/_/g, '-')}-${party ?? bank ?? 'x'}`.toLowerCase().replace(/[^a-z0-9._@-]/g, '-');
  const existing = await getUserByLogin(ctx, login);
  if (existing) return existing;
  // A candidate fund's number names a fund the races already have, not a party to make up.
  if (party && !isFundNumber(party)) await ensureParty(ctx, party);
  const r = await createUser(
    ctx,
    { login, role, displayName: opts.displayName ?? `${role} ${++serial}`, partyRegistrationNumber: party, bank },
    'test',
    { password: TEST_PASSWORD },
  );
  if (!r.ok) throw new Error(`loginAs could not create ${login}: ${r.error.map((p) => p.message).join('; ')}`);
  return r.value.user;
}

/**
 * Signs in as a user of `role` on `app` (which must have authPlugin registered) and returns the
 * cookie and a CSRF token for it. The same login returns the same user on later calls.
 */
export async function loginAs(
  app: FastifyInstance,
  ctx: AppContext,
  role: Role,
  opts: LoginAsOptions = {},
): Promise<SignedIn> {
  const user = await ensureUser(ctx, role, opts);
  const row = await findUserById(ctx.db, user.id);
  if (!row) throw new Error('user vanished');
  const settings = app.hasDecorator('accountSettings') ? app.accountSettings : defaultAccountSettings;
  const grant = await createSession(ctx, row, true, settings);
  const cookie = `${SESSION_COOKIE}=${grant.token}`;
  const res = await app.inject({ method: 'GET', url: '/account/csrf-token', headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`csrf-token answered ${res.statusCode}: is authPlugin registered?`);
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return { user, cookie, csrfToken, headers: { cookie, [CSRF_HEADER]: csrfToken } as SignedIn['headers'] };
}

/** An API token of a user of `role` with the given scopes: `{ authorization: 'Bearer …' }`. */
export async function bearerAs(
  ctx: AppContext,
  role: Role,
  scopes: Scope[],
  opts: LoginAsOptions = {},
): Promise<{ user: User; token: string; headers: { authorization: string } }> {
  const user = await ensureUser(ctx, role, opts);
  const r = await createApiToken(ctx, { userId: user.id }, { label: `test ${++serial}`, scopes }, 'test');
  if (!r.ok) throw new Error(`bearerAs: ${r.error.map((p) => p.message).join('; ')}`);
  return { user, token: r.value.token, headers: { authorization: `Bearer ${r.value.token}` } };
}

/**
 * A Fastify app with the form parser, authPlugin and the account pages; `register` adds the
 * routes under test. Cookies are not Secure by default here because app.inject speaks http.
 */
export async function buildAuthTestApp(
  ctx: AppContext,
  register?: (app: FastifyInstance) => void | Promise<void>,
  settings: Partial<AccountSettings> = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(formbody);
  await app.register(authPlugin(ctx, { ...defaultAccountSettings, ...settings }));
  accountRoutes(app, ctx);
  if (register) await register(app);
  await app.ready();
  return app;
}
