// Every label and problem of statement intake exists in ky, ru and en with the same placeholders, and
// every problem code that intake or the account register can raise has a translation.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LOCALES } from '../../src/domain/election.ts';
import { bankStatementMessages, t } from '../../src/bank-statements/bank-statement.messages.ts';

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]!))].sort();

describe('bank statement messages', () => {
  it('are complete in the three languages, with the same placeholders, and format', () => {
    for (const [key, entry] of Object.entries(bankStatementMessages)) {
      const names = placeholders(entry.en);
      for (const l of LOCALES) {
        expect(entry[l], `${key}.${l}`).toBeTruthy();
        expect(placeholders(entry[l]), `${key}.${l}`).toEqual(names);
        const params = Object.fromEntries(names.map((n) => [n, 1]));
        expect(() => t.lookup(l, key, params), `${key}.${l}`).not.toThrow();
      }
    }
  });

  it('translate every problem intake and the account register raise', () => {
    const sources = [
      'core/intake-checks.ts',
      'intake.service.ts',
      'account.service.ts',
      'http/bank-officer.routes.ts',
    ].map((f) => readFileSync(new URL(`../../src/bank-statements/${f}`, import.meta.url), 'utf8'));
    const codes = new Set(
      sources.flatMap((s) => [...s.matchAll(/problem\(\s*'((?:intake|account)\.[a-z_]+)'/g)].map((m) => m[1]!)),
    );
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) expect(t.has(`bank.problem.${code}`), code).toBe(true);
  });
});
