import { describe, expect, it } from 'vitest';
import { parseTrainingRequirements } from '../../platform/config.ts';
import { missingRequirements, monthsBefore } from './requirements.ts';
import { certificateCode, normaliseCertificateCode } from './certificate-code.ts';
import { renderLessonMarkdown } from './markdown.ts';

const reqs = parseTrainingRequirements(
  'commission_admin=totp,cyber-hygiene@12;commission_analyst=cyber-hygiene',
  false,
);

describe('requirements', () => {
  it('reads the installation’s setting, with the default only in production', () => {
    expect(reqs).toEqual([
      { role: 'commission_admin', totp: true, courses: [{ id: 'cyber-hygiene', withinMonths: 12 }] },
      { role: 'commission_analyst', totp: false, courses: [{ id: 'cyber-hygiene', withinMonths: undefined }] },
    ]);
    expect(parseTrainingRequirements(undefined, false)).toEqual([]);
    expect(parseTrainingRequirements(undefined, true).map((r) => r.role)).toEqual([
      'commission_admin',
      'commission_analyst',
    ]);
    expect(parseTrainingRequirements('off', true)).toEqual([]);
    expect(() => parseTrainingRequirements('admin=cyber hygiene', false)).toThrow(/cannot read/);
  });
  it('lists what is missing, and a pass older than the window as missing', () => {
    const today = '2026-12-06';
    expect(missingRequirements(reqs, { role: 'commission_admin', totpEnabled: false, passedOn: {} }, today)).toEqual([
      { kind: 'totp' },
      { kind: 'course', courseId: 'cyber-hygiene', withinMonths: 12, lapsedOn: undefined },
    ]);
    const recent = { role: 'commission_admin', totpEnabled: true, passedOn: { 'cyber-hygiene': '2026-01-10' } };
    expect(missingRequirements(reqs, recent, today)).toEqual([]);
    const old = { ...recent, passedOn: { 'cyber-hygiene': '2025-12-06' } };
    expect(missingRequirements(reqs, old, today)).toEqual([
      { kind: 'course', courseId: 'cyber-hygiene', withinMonths: 12, lapsedOn: '2025-12-06' },
    ]);
    expect(missingRequirements(reqs, { role: 'party_treasurer', totpEnabled: false, passedOn: {} }, today)).toEqual([]);
  });
  it('counts months on the calendar', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 12)).toBe('2025-01-15');
  });
});

describe('certificate codes', () => {
  const code = certificateCode(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 31]));
  it('are grouped, and read back however they are typed', () => {
    expect(code).toMatch(/^TC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(normaliseCertificateCode(code)).toBe(code);
    expect(normaliseCertificateCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseCertificateCode(code.replace(/0/g, 'O'))).toBe(code);
  });
  it('tell a mistyped code from a code', () => {
    const last = code.slice(-1);
    const typo = code.slice(0, -1) + (last === '2' ? '3' : '2');
    expect(normaliseCertificateCode(typo)).toBeUndefined();
    expect(normaliseCertificateCode('hello')).toBeUndefined();
  });
});

describe('lesson Markdown', () => {
  it('shows raw HTML as text and drops unsafe links and foreign images', () => {
    const html = renderLessonMarkdown(
      'Hi <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://cec.kg) ![p](https://evil.example/p.png)',
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://cec.kg">ok</a>');
    expect(html).not.toContain('<img');
  });
});
