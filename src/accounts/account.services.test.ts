import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import type { AppContext } from '../platform/app-context.ts';
import { loadConfig } from '../platform/config.ts';
import { activityFor } from '../platform/activity-log.ts';
import { defaultAccountSettings, type AccountSettings } from './core/account.ts';
import { changePassword, createUser, disableUser, enableUser, getUserByLogin, resetPassword } from './user.service.ts';
import { completeSecondFactor, login } from './sign-in.service.ts';
import { lookupSession, principalFromUser, revokeSession } from './session.service.ts';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from './totp.service.ts';
import { createApiToken, revokeApiToken, verifyApiToken } from './token.service.ts';
import { countSessionsOfUser, findUserById } from './account.repository.ts';
import { totpCodeAt } from './core/totp.ts';
import { ensureParty, TEST_PASSWORD } from './test-support.ts';
import { can } from './core/authorization.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';

const MIN = 60_000;

describeEachDatabase('accounts service', (get) => {
  let clock = new Date('2030-09-10T10:00:00Z');
  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const ctx = (): AppContext => ({
    db: get().db,
    blobs: null as never,
    config: loadConfig({}),
    now: () => clock,
    events: new EventBus(),
    memo: new Memo(),
  });
  const settings: AccountSettings = {
    ...defaultAccountSettings,
    freeFailuresPerLogin: 3,
    firstDelaySeconds: 1,
    maxDelaySeconds: 60,
    maxAttemptsPerIp: 1000,
  };
  let ip = 0;
  // Each test signs in from its own address so that the per-address limit is tested on purpose only.
  const nextIp = () => `10.0.0.${++ip}`;

  async function user(loginName: string, role = 'commission_analyst', extra: Record<string, unknown> = {}) {
    const r = await createUser(ctx(), { login: loginName, role, displayName: loginName, ...extra }, 'test', {
      password: TEST_PASSWORD,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value.user;
  }

  beforeAll(async () => {
    await ensureParty(ctx(), 'PARTY-A');
  });

  it('creates a user with an argon2id hash and records it without secrets', async () => {
    const r = await createUser(
      ctx(),
      { login: ' Aigul.T ', role: 'party_treasurer', partyRegistrationNumber: 'PARTY-A', displayName: 'Айгүл' },
      'cli:root',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.user).toMatchObject({
      login: 'aigul.t',
      role: 'party_treasurer',
      partyRegistrationNumber: 'PARTY-A',
      bank: null,
      disabled: false,
    });
    expect(r.value.generated).toBe(true);
    expect(r.value.password.length).toBeGreaterThanOrEqual(20);
    const row = await findUserById(get().db, r.value.user.id);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    const log = await activityFor(get().db, 'user', String(r.value.user.id));
    expect(log.map((x) => x.action)).toEqual(['user.create']);
    expect(log[0]!.actor).toBe('cli:root');
    expect(log[0]!.after_json).not.toContain('argon2');
    expect(log[0]!.after_json).not.toContain(r.value.password);
  });

  it('refuses a taken login, a treasurer without a known party, a bound analyst and a short password', async () => {
    const taken = await createUser(ctx(), { login: 'aigul.t', role: 'auditor' }, 'test');
    expect(!taken.ok && taken.error.map((p) => p.code)).toEqual(['login.taken']);
    const noParty = await createUser(ctx(), { login: 'treasurer-x', role: 'party_treasurer' }, 'test');
    expect(!noParty.ok && noParty.error.map((p) => p.code)).toEqual(['partyRegistrationNumber.required']);
    const unknownParty = await createUser(
      ctx(),
      { login: 'treasurer-y', role: 'party_treasurer', partyRegistrationNumber: 'NOPE' },
      'test',
    );
    expect(!unknownParty.ok && unknownParty.error.map((p) => p.code)).toEqual(['partyRegistrationNumber.unknown']);
    const bound = await createUser(ctx(), { login: 'analyst-z', role: 'commission_analyst', bank: 'BANK-1' }, 'test');
    expect(!bound.ok && bound.error.map((p) => p.code)).toEqual(['bank.not_allowed']);
    const officer = await createUser(ctx(), { login: 'officer-z', role: 'bank_officer' }, 'test');
    expect(!officer.ok && officer.error.map((p) => p.code)).toEqual(['bank.required']);
    const short = await createUser(ctx(), { login: 'shorty', role: 'auditor' }, 'test', { password: 'short' });
    expect(!short.ok && short.error.map((p) => [p.code, p.field])).toEqual([['password.too_short', 'password']]);
    const role = await createUser(ctx(), { login: 'nobody', role: 'president' }, 'test');
    expect(!role.ok && role.error.map((p) => p.code)).toEqual(['role.invalid']);
  });

  it('signs in with the right password and refuses a wrong one or an unknown login alike', async () => {
    const u = await user('login-ok');
    const good = await login(ctx(), { login: 'LOGIN-OK', password: TEST_PASSWORD, ip: nextIp() }, settings);
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    expect(good.value.secondFactorPending).toBe(false);
    const live = await lookupSession(ctx(), good.value.token, settings);
    expect(live?.user.id).toBe(u.id);
    expect(live?.session.id).not.toBe(good.value.token);
    const bad = await login(ctx(), { login: 'login-ok', password: 'wrong password!!', ip: nextIp() }, settings);
    expect(!bad.ok && bad.error.reason).toBe('invalid');
    const nobody = await login(ctx(), { login: 'no-such-user', password: TEST_PASSWORD, ip: nextIp() }, settings);
    expect(!nobody.ok && nobody.error.reason).toBe('invalid');
    const actions = (await activityFor(get().db, 'user', String(u.id))).map((x) => x.action);
    expect(actions).toEqual(['user.create', 'user.login', 'user.login_failed']);
  });

  it('slows further attempts after N failures instead of locking, and tells the owner once', async () => {
    const u = await user('locky');
    const attempt = (password: string) => login(ctx(), { login: 'locky', password, ip: nextIp() }, settings);
    const reason = async (password: string) => {
      const r = await attempt(password);
      return r.ok ? 'ok' : r.error;
    };
    expect(await reason('wrong-1-xxxxxxx')).toEqual({ reason: 'invalid' });
    expect(await reason('wrong-2-xxxxxxx')).toEqual({ reason: 'invalid' });
    expect(await reason('wrong-3-xxxxxxx')).toEqual({ reason: 'invalid' });
    // Inside the delay even the right password is not looked at.
    expect(await reason(TEST_PASSWORD)).toEqual({ reason: 'delayed', retryAfterSeconds: 1 });
    tick(1000);
    expect(await reason('wrong-4-xxxxxxx')).toEqual({ reason: 'invalid' });
    expect(await reason(TEST_PASSWORD)).toEqual({ reason: 'delayed', retryAfterSeconds: 2 });
    tick(2000);
    expect(await reason('wrong-5-xxxxxxx')).toEqual({ reason: 'invalid' });
    for (let i = 0; i < 10; i++) {
      tick(60_000);
      await attempt(`wrong-x-${i}-xxxxxx`);
    }
    // Capped: the owner never waits longer than the cap, and the right password then signs in.
    expect(await reason(TEST_PASSWORD)).toEqual({ reason: 'delayed', retryAfterSeconds: 60 });
    tick(60_000);
    expect((await attempt(TEST_PASSWORD)).ok).toBe(true);
    // A success ends the run: the next wrong password carries no delay.
    expect(await reason('wrong-6-xxxxxxx')).toEqual({ reason: 'invalid' });
    expect((await attempt(TEST_PASSWORD)).ok).toBe(true);

    const log = await activityFor(get().db, 'user', String(u.id));
    const actions = log.map((x) => x.action);
    expect(actions.filter((a) => a === 'user.login_failed')).toHaveLength(16);
    expect(actions.filter((a) => a === 'user.login_delayed')).toHaveLength(1);
    expect(actions).not.toContain('user.locked');
  });

  it('delays an address that tries many logins, and an unknown login like a known one', async () => {
    const s: AccountSettings = { ...settings, freeFailuresPerIp: 4 };
    const address = nextIp();
    for (let i = 0; i < 4; i++)
      await login(ctx(), { login: `someone-${i}`, password: 'whatever-what', ip: address }, s);
    const fromAddress = await login(ctx(), { login: 'login-ok', password: TEST_PASSWORD, ip: address }, s);
    expect(!fromAddress.ok && fromAddress.error.reason).toBe('delayed');
    expect((await login(ctx(), { login: 'login-ok', password: TEST_PASSWORD, ip: nextIp() }, s)).ok).toBe(true);

    for (let i = 0; i < 3; i++) await login(ctx(), { login: 'ghost', password: 'whatever-what', ip: nextIp() }, s);
    const ghost = await login(ctx(), { login: 'ghost', password: 'whatever-what', ip: nextIp() }, s);
    expect(!ghost.ok && ghost.error.reason).toBe('delayed');
  });

  it('rate-limits per address in the database, and forgets after the window', async () => {
    await user('spray-target');
    const tight: AccountSettings = { ...settings, freeFailuresPerIp: 100, maxAttemptsPerIp: 5 };
    const address = nextIp();
    for (let i = 0; i < 5; i++)
      await login(ctx(), { login: `someone-${i}`, password: 'whatever-whatever', ip: address }, tight);
    const fromAddress = await login(ctx(), { login: 'spray-target', password: TEST_PASSWORD, ip: address }, tight);
    expect(!fromAddress.ok && fromAddress.error.reason).toBe('rate_limited');

    tick(16 * MIN);
    expect((await login(ctx(), { login: 'spray-target', password: TEST_PASSWORD, ip: address }, tight)).ok).toBe(true);
  });

  it('ends sessions after idle time, slides expiry with use, and caps them at the hard limit', async () => {
    await user('sessiony');
    const s: AccountSettings = { ...settings, sessionIdleMinutes: 30, sessionMaxHours: 2 };
    const g = await login(ctx(), { login: 'sessiony', password: TEST_PASSWORD, ip: nextIp() }, s);
    if (!g.ok) throw new Error('login failed');
    tick(20 * MIN);
    expect(await lookupSession(ctx(), g.value.token, s)).not.toBeNull();
    tick(20 * MIN); // 40 min since sign-in, 20 since last use
    expect(await lookupSession(ctx(), g.value.token, s)).not.toBeNull();
    for (let i = 0; i < 3; i++) {
      tick(25 * MIN); // in use every 25 minutes: the idle limit never strikes
      expect(await lookupSession(ctx(), g.value.token, s)).not.toBeNull();
    }
    tick(25 * MIN); // 2 h 20 min since sign-in: past the hard limit
    expect(await lookupSession(ctx(), g.value.token, s)).toBeNull();

    const idle = await login(ctx(), { login: 'sessiony', password: TEST_PASSWORD, ip: nextIp() }, s);
    if (!idle.ok) throw new Error('login failed');
    tick(31 * MIN);
    expect(await lookupSession(ctx(), idle.value.token, s)).toBeNull();
    expect(await lookupSession(ctx(), 'not-a-token', s)).toBeNull();
  });

  it('signs out by deleting the session row and records it', async () => {
    const u = await user('leaver');
    const g = await login(ctx(), { login: 'leaver', password: TEST_PASSWORD, ip: nextIp() }, settings);
    if (!g.ok) throw new Error('login failed');
    await revokeSession(ctx(), g.value.sessionId, 'user:leaver');
    expect(await lookupSession(ctx(), g.value.token, settings)).toBeNull();
    expect((await activityFor(get().db, 'user', String(u.id))).map((x) => x.action)).toContain('user.logout');
  });

  it('disables a user (ending their sessions), but never oneself or the last administrator', async () => {
    const admin = await user('only-admin', 'commission_admin');
    const u = await user('to-disable');
    const g = await login(ctx(), { login: 'to-disable', password: TEST_PASSWORD, ip: nextIp() }, settings);
    if (!g.ok) throw new Error('login failed');
    const r = await disableUser(ctx(), u.id, 'user:only-admin', { byUserId: admin.id });
    expect(r.ok && r.value.disabled).toBe(true);
    expect(await lookupSession(ctx(), g.value.token, settings)).toBeNull();
    expect(await countSessionsOfUser(get().db, u.id)).toBe(0);
    const again = await login(ctx(), { login: 'to-disable', password: TEST_PASSWORD, ip: nextIp() }, settings);
    expect(!again.ok && again.error.reason).toBe('invalid');

    const self = await disableUser(ctx(), admin.id, 'user:only-admin', { byUserId: admin.id });
    expect(!self.ok && self.error[0]!.code).toBe('user.self');
    const last = await disableUser(ctx(), admin.id, 'cli:root');
    expect(!last.ok && last.error[0]!.code).toBe('user.last_admin');

    const back = await enableUser(ctx(), u.id, 'user:only-admin');
    expect(back.ok && back.value.disabled).toBe(false);
    const actions = (await activityFor(get().db, 'user', String(u.id))).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('resets a password: the new one works, the old one and old sessions do not, delays are lifted', async () => {
    const u = await user('forgetful');
    const g = await login(ctx(), { login: 'forgetful', password: TEST_PASSWORD, ip: nextIp() }, settings);
    if (!g.ok) throw new Error('login failed');
    for (let i = 0; i < 3; i++)
      await login(ctx(), { login: 'forgetful', password: `bad-password-${i}`, ip: nextIp() }, settings);
    const r = await resetPassword(ctx(), u.id, 'cli:root');
    if (!r.ok) throw new Error('reset failed');
    expect(await lookupSession(ctx(), g.value.token, settings)).toBeNull();
    expect((await login(ctx(), { login: 'forgetful', password: TEST_PASSWORD, ip: nextIp() }, settings)).ok).toBe(
      false,
    );
    expect((await login(ctx(), { login: 'forgetful', password: r.value.password, ip: nextIp() }, settings)).ok).toBe(
      true,
    );
    const log = await activityFor(get().db, 'user', String(u.id));
    const entry = log.find((x) => x.action === 'user.password_reset');
    expect(entry?.after_json).not.toContain(r.value.password);
  });

  it('changes one’s own password only with the current one, keeping the current session', async () => {
    const u = await user('changer');
    const a = await login(ctx(), { login: 'changer', password: TEST_PASSWORD, ip: nextIp() }, settings);
    const b = await login(ctx(), { login: 'changer', password: TEST_PASSWORD, ip: nextIp() }, settings);
    if (!a.ok || !b.ok) throw new Error('login failed');
    const wrong = await changePassword(
      ctx(),
      u.id,
      { currentPassword: 'not the password', newPassword: 'a brand new passphrase' },
      'user:changer',
    );
    expect(!wrong.ok && wrong.error.map((p) => p.code)).toEqual(['currentPassword.wrong']);
    const short = await changePassword(
      ctx(),
      u.id,
      { currentPassword: TEST_PASSWORD, newPassword: 'short' },
      'user:changer',
    );
    expect(!short.ok && short.error.map((p) => [p.code, p.field])).toEqual([['newPassword.too_short', 'newPassword']]);
    const r = await changePassword(
      ctx(),
      u.id,
      { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
      'user:changer',
      a.value.sessionId,
    );
    expect(r.ok).toBe(true);
    expect(await lookupSession(ctx(), a.value.token, settings)).not.toBeNull();
    expect(await lookupSession(ctx(), b.value.token, settings)).toBeNull();
    expect(
      (await login(ctx(), { login: 'changer', password: 'a brand new passphrase', ip: nextIp() }, settings)).ok,
    ).toBe(true);
  });

  it('enrols TOTP, then asks for a code at sign-in, refuses a wrong or replayed code, and rotates the session', async () => {
    const u = await user('two-step');
    const start = await startTotpEnrolment(ctx(), u.id, 'user:two-step');
    if (!start.ok) throw new Error('enrolment failed');
    expect(start.value.uri).toMatch(/^otpauth:\/\/totp\/Talapker:two-step\?/);
    expect((await confirmTotpEnrolment(ctx(), u.id, '000000', 'user:two-step')).ok).toBe(false);
    const confirmed = await confirmTotpEnrolment(
      ctx(),
      u.id,
      await totpCodeAt(start.value.secret, clock),
      'user:two-step',
    );
    expect(confirmed.ok && confirmed.value.totpEnabled).toBe(true);

    tick(MIN);
    const g = await login(ctx(), { login: 'two-step', password: TEST_PASSWORD, ip: nextIp() }, settings);
    if (!g.ok) throw new Error('login failed');
    expect(g.value.secondFactorPending).toBe(true);
    const pending = await lookupSession(ctx(), g.value.token, settings);
    expect(pending?.session.second_factor_done).toBe(0);

    const wrong = await completeSecondFactor(ctx(), g.value.sessionId, '123456', nextIp(), settings);
    expect(!wrong.ok && wrong.error.reason).toBe('invalid');
    const code = await totpCodeAt(start.value.secret, clock);
    const done = await completeSecondFactor(ctx(), g.value.sessionId, code, nextIp(), settings);
    if (!done.ok) throw new Error(`second factor refused: ${done.error.reason}`);
    expect(done.value.token).not.toBe(g.value.token);
    expect(await lookupSession(ctx(), g.value.token, settings)).toBeNull();
    expect((await lookupSession(ctx(), done.value.token, settings))?.session.second_factor_done).toBe(1);

    // The same code a second time, within its window, is a replay.
    const g2 = await login(ctx(), { login: 'two-step', password: TEST_PASSWORD, ip: nextIp() }, settings);
    if (!g2.ok) throw new Error('login failed');
    const replay = await completeSecondFactor(ctx(), g2.value.sessionId, code, nextIp(), settings);
    expect(replay.ok).toBe(false);

    const off = await disableTotp(
      ctx(),
      u.id,
      await totpCodeAt(start.value.secret, new Date(clock.getTime() + 30_000)),
      'user:two-step',
      settings,
    );
    expect(off.ok && off.value.totpEnabled).toBe(false);
    const actions = (await activityFor(get().db, 'user', String(u.id))).map((x) => x.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.totp_enrolment_start',
        'user.totp_enable',
        'user.login_password',
        'user.login',
        'user.totp_disable',
      ]),
    );
  });

  it('wrong TOTP codes slow further attempts and keep the waiting session', async () => {
    const u = await user('two-step-lock');
    const start = await startTotpEnrolment(ctx(), u.id, 'user:x');
    if (!start.ok) throw new Error('enrolment failed');
    await confirmTotpEnrolment(ctx(), u.id, await totpCodeAt(start.value.secret, clock), 'user:x');
    tick(MIN);
    const g = await login(ctx(), { login: 'two-step-lock', password: TEST_PASSWORD, ip: nextIp() }, settings);
    if (!g.ok) throw new Error('login failed');
    const reasons: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await completeSecondFactor(ctx(), g.value.sessionId, '999999', nextIp(), settings);
      reasons.push(r.ok ? 'ok' : r.error.reason);
    }
    expect(reasons).toEqual(['invalid', 'invalid', 'invalid', 'delayed']);
    expect(await lookupSession(ctx(), g.value.token, settings)).not.toBeNull();
  });

  it('makes commission staff without TOTP a principal that may do nothing when the setting is on', async () => {
    await user('staff-no-totp', 'commission_admin');
    const row = await findUserById(get().db, (await getUserByLogin(ctx(), 'staff-no-totp'))!.id);
    const strict = principalFromUser(row!, { ...settings, requireTotpForCommissionStaff: true }, { kind: 'session' });
    expect(strict.mustEnrolTotp).toBe(true);
    expect(can(strict, 'users.manage')).toBe(false);
    const lax = principalFromUser(row!, settings, { kind: 'session' });
    expect(can(lax, 'users.manage')).toBe(true);
  });

  it('creates scoped API tokens, stores only their hash, verifies, expires and revokes them', async () => {
    await ensureParty(ctx(), 'PARTY-T');
    const u = await user('machine-treasurer', 'party_treasurer', { partyRegistrationNumber: 'PARTY-T' });
    const refused = await createApiToken(
      ctx(),
      { userId: u.id },
      { label: 'x', scopes: ['statements:write'] },
      'user:machine-treasurer',
      settings,
    );
    expect(!refused.ok && refused.error[0]!.code).toBe('scopes.not_allowed');
    const empty = await createApiToken(
      ctx(),
      { userId: u.id },
      { label: 'x', scopes: [] },
      'user:machine-treasurer',
      settings,
    );
    expect(empty.ok).toBe(false);

    const r = await createApiToken(
      ctx(),
      { userId: u.id },
      { label: 'Accounting system', scopes: ['filings:read', 'filings:write'], expiresInDays: 30 },
      'user:machine-treasurer',
      settings,
    );
    if (!r.ok) throw new Error('token refused');
    expect(r.value.token).toMatch(/^tlk_/);
    const stored = await get()
      .db.selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', r.value.apiToken.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(r.value.token);
    expect(stored.scopes).toBe('filings:read filings:write');

    const v = await verifyApiToken(ctx(), r.value.token);
    expect(v?.user.id).toBe(u.id);
    expect(v?.apiToken.scopes).toEqual(['filings:read', 'filings:write']);
    expect(await verifyApiToken(ctx(), `${r.value.token}x`)).toBeNull();
    expect(await verifyApiToken(ctx(), 'Bearer nonsense')).toBeNull();

    const other = await user('someone-else', 'auditor');
    const notMine = await revokeApiToken(ctx(), other.id, r.value.apiToken.id, 'user:someone-else');
    expect(!notMine.ok && notMine.error[0]!.code).toBe('token.unknown');
    const revoked = await revokeApiToken(ctx(), u.id, r.value.apiToken.id, 'user:machine-treasurer');
    expect(revoked.ok && revoked.value.revokedAt).toBeTruthy();
    expect(await verifyApiToken(ctx(), r.value.token)).toBeNull();

    const short = await createApiToken(
      ctx(),
      { userId: u.id },
      { label: 'short-lived', scopes: ['filings:read'], expiresInDays: 1 },
      'user:machine-treasurer',
      settings,
    );
    if (!short.ok) throw new Error('token refused');
    expect(await verifyApiToken(ctx(), short.value.token)).not.toBeNull();
    tick(25 * 60 * MIN);
    expect(await verifyApiToken(ctx(), short.value.token)).toBeNull();

    const log = await activityFor(get().db, 'api_token', String(r.value.apiToken.id));
    expect(log.map((x) => x.action)).toEqual(['api_token.create', 'api_token.revoke']);
    expect(JSON.stringify(log)).not.toContain(r.value.token);
  });

  it('ignores the tokens of a disabled user', async () => {
    await user('keep-admin', 'commission_admin');
    const u = await user('machine-auditor', 'auditor');
    const r = await createApiToken(
      ctx(),
      { userId: u.id },
      { label: 'reader', scopes: ['audit:read'] },
      'user:machine-auditor',
      settings,
    );
    if (!r.ok) throw new Error('token refused');
    expect(await verifyApiToken(ctx(), r.value.token)).not.toBeNull();
    await disableUser(ctx(), u.id, 'cli:root');
    expect(await verifyApiToken(ctx(), r.value.token)).toBeNull();
  });
});
