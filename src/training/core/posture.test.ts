import { describe, expect, it } from 'vitest';
import { securityPosture, type PostureAccount } from './posture.ts';

const now = new Date('2026-12-06T00:00:00Z');
const account = (id: number, over: Partial<PostureAccount> = {}): PostureAccount => ({
  id,
  login: `u${id}`,
  displayName: `User ${id}`,
  role: 'commission_analyst',
  disabled: false,
  totpEnabled: true,
  createdAt: '2026-11-01T00:00:00Z',
  lastSignInAt: '2026-12-01T00:00:00Z',
  failedSignIns: 0,
  liveSessions: 1,
  ...over,
});

describe('securityPosture', () => {
  it('names each kind of trouble once per account, and leaves disabled accounts out', () => {
    const items = securityPosture(
      [
        account(1, { totpEnabled: false }),
        account(2, { lastSignInAt: undefined, createdAt: '2026-01-01T00:00:00Z' }),
        account(3, { failedSignIns: 7, liveSessions: 5 }),
        account(4, { disabled: true, totpEnabled: false, failedSignIns: 50 }),
        account(5),
      ],
      [
        { id: 1, userId: 5, label: 'never', createdAt: '2026-11-01T00:00:00Z', expiresAt: null, lastUsedAt: null },
        {
          id: 2,
          userId: 5,
          label: 'soon',
          createdAt: '2026-01-01T00:00:00Z',
          expiresAt: '2026-12-10T00:00:00Z',
          lastUsedAt: '2026-12-01T00:00:00Z',
        },
        { id: 3, userId: 4, label: 'disabled', createdAt: '2026-01-01T00:00:00Z', expiresAt: null, lastUsedAt: null },
      ],
      now,
    );
    expect(items.map((i) => [i.kind, i.account.login, i.detail])).toEqual([
      ['no_totp', 'u1', ''],
      ['unused', 'u2', '339'],
      ['failed_sign_ins', 'u3', '7'],
      ['many_sessions', 'u3', '5'],
      ['token_unused', 'u5', 'never'],
      ['token_expiring', 'u5', 'soon'],
    ]);
  });
});
