// Every word of the annual reports is there in Kyrgyz, Russian and English, and each reads as ICU MessageFormat
// with the same placeholders in every language.
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES } from '../domain/election.ts';
import { annualReportMessages } from './annual-reports.messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe('the annual reports’ catalogue', () => {
  it('has every message in every language, with the same placeholders', () => {
    for (const [key, m] of Object.entries(annualReportMessages)) {
      for (const l of LOCALES) {
        expect(m[l], `${key}.${l}`).toBeTruthy();
        expect(() => new IntlMessageFormat(m[l], l), `${key}.${l}`).not.toThrow();
        expect(placeholders(m[l]), `${key}.${l}`).toEqual(placeholders(m.en));
      }
    }
  });
});
