// TOTP secrets are sealed in the database with the configured key; secrets stored before the key was set
// are still read, so turning encryption on needs no migration.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { loadConfig } from '../platform/config.ts';
import type { AppContext } from '../platform/app-context.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';
import { openText, sealText } from '../platform/sealed-text.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './totp.service.ts';
import { totpCodeAt } from './core/totp.ts';
import { ensureUser } from './test-support.ts';

const KEY = 'a'.repeat(64);
let ctx: AppContext;
const clock = new Date('2030-09-10T10:00:00Z');

beforeAll(async () => {
  const db = openDatabase({ url: ':memory:' });
  await migrateToLatest(db);
  ctx = {
    db,
    blobs: null as never,
    config: loadConfig({ TALAPKER_TOTP_KEY: KEY }),
    now: () => clock,
    events: new EventBus(),
    memo: new Memo(),
  };
});
afterAll(async () => {
  await ctx.db.destroy();
});

const storedSecret = async (id: number) =>
  (await ctx.db.selectFrom('users').select('totp_secret').where('id', '=', id).executeTakeFirstOrThrow()).totp_secret;

it('stores the secret sealed, and still accepts codes from it', async () => {
  const u = await ensureUser(ctx, 'commission_analyst', { login: 'sealed-one' });
  const start = await startTotpEnrolment(ctx, u.id, 'test');
  if (!start.ok) throw new Error('enrolment failed');
  const stored = (await storedSecret(u.id)) ?? '';
  expect(stored).toMatch(/^sealed:v1:/);
  expect(stored).not.toContain(start.value.secret);
  const done = await confirmTotpEnrolment(ctx, u.id, await totpCodeAt(start.value.secret, clock), 'test');
  expect(done.ok).toBe(true);
});

it('still reads a secret stored in plain text before the key was set', async () => {
  const u = await ensureUser(ctx, 'commission_analyst', { login: 'plain-one' });
  const start = await startTotpEnrolment(ctx, u.id, 'test');
  if (!start.ok) throw new Error('enrolment failed');
  await ctx.db.updateTable('users').set({ totp_secret: start.value.secret }).where('id', '=', u.id).execute();
  const done = await confirmTotpEnrolment(ctx, u.id, await totpCodeAt(start.value.secret, clock), 'test');
  expect(done.ok).toBe(true);
});

it('seals with AES-256-GCM: a fresh nonce each time, and a wrong key or a changed byte is refused', () => {
  const key = Buffer.from(KEY, 'hex');
  const a = sealText(key, 'JBSWY3DPEHPK3PXP');
  expect(a).not.toBe(sealText(key, 'JBSWY3DPEHPK3PXP'));
  expect(openText(key, a)).toBe('JBSWY3DPEHPK3PXP');
  expect(() => openText(Buffer.alloc(32, 1), a)).toThrow();
  expect(() => openText(undefined, a)).toThrow(/no key/);
  const tampered = `${a.slice(0, -4)}AAAA`;
  expect(() => openText(key, tampered)).toThrow();
  expect(sealText(undefined, 'plain')).toBe('plain');
  expect(() => loadConfig({ TALAPKER_TOTP_KEY: 'short' })).toThrow(/TALAPKER_TOTP_KEY/);
});
