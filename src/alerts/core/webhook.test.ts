import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, retryDelay, MAX_ATTEMPTS, signature, verifySignature, wants } from './webhook.ts';

describe('webhook rules', () => {
  it('accepts http and https only, without credentials', () => {
    expect(checkWebhookUrl('https://news.example/hook').ok).toBe(true);
    expect(checkWebhookUrl(' http://127.0.0.1:8080/x ').ok).toBe(true);
    for (const bad of ['ftp://x/y', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'https://u:p@x/']) {
      expect(checkWebhookUrl(bad).ok, bad).toBe(false);
    }
  });

  it('signs the exact body with the secret (RFC 4231 test case 2)', () => {
    expect(signature('Jefe', 'what do ya want for nothing?')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(
      verifySignature('Jefe', 'what do ya want for nothing?', signature('Jefe', 'what do ya want for nothing?')),
    ).toBe(true);
    expect(
      verifySignature('Jefe', 'what do ya want for nothing!', signature('Jefe', 'what do ya want for nothing?')),
    ).toBe(false);
  });

  it('waits longer after each failure and gives up after the last attempt', () => {
    expect(retryDelay(1)).toBe(60_000);
    expect(retryDelay(2)).toBe(300_000);
    expect(retryDelay(MAX_ATTEMPTS - 1)).toBe(12 * 3_600_000);
    expect(retryDelay(MAX_ATTEMPTS)).toBeUndefined();
  });

  it('matches a party subscription to that party only, an election subscription to every party', () => {
    expect(wants({ electionId: 'e', party: 'A' }, 'e', 'A')).toBe(true);
    expect(wants({ electionId: 'e', party: 'A' }, 'e', 'B')).toBe(false);
    expect(wants({ electionId: 'e', party: null }, 'e', 'B')).toBe(true);
    expect(wants({ electionId: 'e', party: null }, 'f', 'B')).toBe(false);
  });
});
