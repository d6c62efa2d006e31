// The words of the finance report pages: every message in all three languages, every key the pages use
// present in the catalogue, and every message formats with the values the pages give it.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { LOCALES } from '../domain/election.ts';
import { describeProblem, filingWebMessages, t } from './filing.messages.ts';

const sources = readdirSync(new URL('.', import.meta.url), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('.test.'))
  .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
  .join('\n');

describe('finance report page messages', () => {
  it('have a non-empty text in every language', () => {
    for (const [key, entry] of Object.entries(filingWebMessages)) {
      for (const l of LOCALES) expect(entry[l]?.trim(), `${key} ${l}`).toBeTruthy();
    }
  });

  it('include the keys made at run time: statuses, the "add" buttons and every service problem', () => {
    // Keys written in the code are checked by the compiler (the typed `t`); these are built from values.
    for (const s of ['draft', 'filed', 'under_review', 'accepted', 'returned'])
      expect(t.has(`filings.status.${s}`), s).toBe(true);
    for (const s of ['receipts', 'expenditures', 'refunds']) expect(t.has(`filings.lines.add.${s}`), s).toBe(true);
    for (const m of sources.matchAll(/serviceProblem\('([a-z_.]+)'/g))
      expect(t.has(`filings.problem.${m[1]}`), m[1]).toBe(true);
    for (const m of sources.matchAll(/code: '((?:scan|form)\.[a-z_]+)'/g))
      expect(t.has(`filings.problem.${m[1]}`), m[1]).toBe(true);
    for (const m of sources.matchAll(/scanProblem\('([a-z_.]+)'/g))
      expect(t.has(`filings.problem.${m[1]}`), m[1]).toBe(true);
  });

  it('format with sample values in every language', () => {
    const params = {
      n: 3,
      days: 2,
      due: '1 Oct',
      filed: '3 Oct',
      kind: 'First',
      party: 'P',
      version: 2,
      total: 4,
      shown: 1000,
      from: 1,
      to: 2,
      id: 'R-1',
      row: 3,
      section: 'Receipts',
      at: 'now',
      name: 'x.pdf',
      q: 'x',
      added: 1,
      removed: 0,
      same: 2,
      detected: 'application/zip',
      limitMb: 50,
      fileName: 'x.pdf',
      mediaType: 'image/png',
      size: 10,
      fromLabel: 'A',
      toLabel: 'B',
      maximum: 2000,
      candidate: 'C',
      district: 'D',
      rate: '12.5',
    };
    for (const key of Object.keys(filingWebMessages))
      for (const l of LOCALES) expect(t.lookup(l, key, params), `${key} ${l}`).not.toBe(key);
  });

  it('describe the service problems in the reader’s language, and the format’s problems too', () => {
    const transition = { code: 'review.transition', message: 'x', params: { from: 'accepted', to: 'returned' } };
    expect(describeProblem(transition, 'ru')).toBe('Нельзя сменить статус «Принят» на «Возвращён».');
    expect(
      describeProblem({ code: 'amount.not_positive', message: 'x', params: { section: 'receipts' }, row: 2 }, 'en'),
    ).toBe('Receipts, line 2: The amount must be greater than zero.');
    expect(describeProblem({ code: 'no.such.code', message: 'Fallback text' }, 'ky')).toBe('Fallback text');
  });
});
