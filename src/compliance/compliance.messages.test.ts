import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/election.ts';
import { FINDING_STATUSES, REMEDY_KINDS, SEVERITIES } from './core/finding.ts';
import { RULES } from './core/rules/index.ts';
import { compliance } from './index.ts';
import { t } from './compliance.messages.ts';

describe('compliance messages', () => {
  it('have a non-empty text in every language, for every rule, severity, status and remedy', () => {
    for (const catalogue of compliance.messages ?? []) {
      for (const [key, entry] of Object.entries(catalogue)) {
        for (const l of LOCALES) expect(entry[l]?.trim(), `${key} ${l}`).toBeTruthy();
      }
    }
    const keys = new Set((compliance.messages ?? []).flatMap((c) => Object.keys(c)));
    for (const r of RULES) expect(keys.has(`compliance.rule.${r.id}`), r.id).toBe(true);
    for (const s of SEVERITIES) expect(keys.has(`compliance.severity.${s}`), s).toBe(true);
    for (const s of FINDING_STATUSES) expect(keys.has(`compliance.status.${s}`), s).toBe(true);
    for (const k of REMEDY_KINDS) expect(keys.has(`compliance.remedy.${k}`), k).toBe(true);
  });

  it('word a registry row problem with its values', () => {
    for (const l of LOCALES) {
      expect(t(l, 'registry.row.field', { value: '2021-02-30', reason: 'x' })).toContain('2021-02-30');
      expect(t(l, 'registry.row.columns', { found: 6, expected: 7 })).toContain('7');
    }
  });
});
