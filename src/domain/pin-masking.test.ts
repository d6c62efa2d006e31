import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskPins, publicIdentifier } from './pin-masking.ts';

const PIN = '20405199001234';
const M14 = '••••••••••••••';

/** The digits of a text with every separator between two digits taken out: what a reader would copy. */
const joined = (s: string): string =>
  s.replace(/(?<=\p{Nd})[\s.\-\u00ad\u200b-\u200d\u2060\ufeff\u2010-\u2015\u2212]+(?=\p{Nd})/gu, '');

/**
 * Independent of the implementation: walks the text character by character and reports every maximal
 * number (digits joined by spaces, dots or hyphens) that holds a run of groups adding up to 14 digits.
 * Numbers that are only dates, IBANs or unbroken runs of 15+ digits are the documented exceptions, so the
 * generators below do not make them.
 */
function survivingPins(s: string): string[] {
  const found: string[] = [];
  const groups: string[] = [];
  const flush = () => {
    for (let i = 0; i < groups.length; i++) {
      let n = 0;
      for (let j = i; j < groups.length && n < 14; j++) {
        n += groups[j]!.length;
        if (n === 14) found.push(groups.slice(i, j + 1).join(''));
      }
    }
    groups.length = 0;
  };
  let current = '';
  let gap = '';
  for (const ch of s) {
    if (/\p{Nd}/u.test(ch)) {
      if (current === '' && gap !== '' && !/^[\s]*[.\-]?[\s]*$/.test(gap)) flush();
      current += ch;
      gap = '';
    } else {
      if (current !== '') groups.push(current);
      current = '';
      gap += ch;
      if (!/^[\s]*[.\-]?[\s]*$/.test(gap)) flush();
    }
  }
  if (current !== '') groups.push(current);
  flush();
  return found;
}

describe('maskPins', () => {
  it('masks a PIN written whole, split by spaces, dots or hyphens, and after a label', () => {
    expect(maskPins(`Взнос ${PIN}`)).toBe(`Взнос ${M14}`);
    expect(maskPins('Взнос от 2040 5199 0012 34, спасибо')).toBe('Взнос от •••• •••• •••• ••, спасибо');
    expect(maskPins('20405.19900.1234')).toBe('•••••.•••••.••••');
    expect(maskPins('2-040519-90-01234')).toBe('•-••••••-••-•••••');
    expect(maskPins('ПИН 2040 5199 0012 34')).toBe('ПИН •••• •••• •••• ••');
    expect(maskPins(`ПИН${PIN}`)).toBe(`ПИН${M14}`);
    expect(maskPins(`PIN:${PIN}; ИНН ${PIN}`)).toBe(`PIN:${M14}; ИНН ${M14}`);
    // Several spaces, a no-break space, a zero-width space: still one number to a reader.
    expect(maskPins('2040  5199\u00a00012\u200b34')).toBe('••••  ••••\u00a0••••\u200b••');
    // Digits of other scripts are digits (full-width here).
    expect(maskPins('２０４０５１９９００１２３４')).toBe(M14);
  });

  it('masks a 14-digit run whatever its first digit: in free text an INN and a PIN cannot be told apart', () => {
    expect(maskPins('ИНН 01203201710055')).toBe(`ИНН ${M14}`);
    expect(maskPins('98765432109876')).toBe(M14);
  });

  it('masks the PIN and keeps the numbers around it', () => {
    expect(maskPins(`р/с 1240000000000001, ПИН ${PIN}, 1 500 000,00 сом`)).toBe(
      `р/с 1240000000000001, ПИН ${M14}, 1 500 000,00 сом`,
    );
    // A number joined to the PIN by a space cannot hide it: the groups that add up to 14 are masked.
    expect(maskPins('5 2040 5199 0012 34')).toBe('5 •••• •••• •••• ••');
    expect(maskPins('1240 0000 0000 0001 2040 5199 0012 34')).toBe('1240 0000 0000 0001 •••• •••• •••• ••');
  });

  it('after a personal-number label, masks the number whatever its length (a mistyped PIN is still one)', () => {
    expect(maskPins('ПИН 2040519900123')).toBe('ПИН •••••••••••••');
    expect(maskPins('жин: 204051990012345')).toBe('жин: •••••••••••••••');
    expect(maskPins('PIN-код 1234')).toBe('PIN-код 1234');
    // A word that merely begins like the label is no label.
    expect(maskPins('Пинчук 123')).toBe('Пинчук 123');
  });

  it('keeps amounts, dates, periods, phone numbers and account numbers', () => {
    for (const text of [
      'Оплата 150 000,00 сом',
      'Сумма 1 500 000.00',
      '1.500.000,00',
      'по договору №12345 от 15.09.2020',
      'за период 01.09.2020-30.09.2020',
      'с 2020-09-01 по 2020-09-30',
      '21.09.2020 28.09.2020',
      'тел. +996 555 123 456',
      // Kyrgyz accounts have 16 digits, written whole or in groups of four.
      'р/с 1240000000000001',
      'р/с 1240 0000 0000 0001',
      // An unbroken run of 15 or more digits is some other number (accounts, IBAN bodies, references).
      'ref 204051990012345',
      'ref 12345678901234567890',
      // An IBAN with a valid check number, printed in groups or whole.
      'IBAN DE89 3704 0044 0532 0130 00',
      'IBAN GB82WEST12345698765432',
      'IBAN GB82 WEST 1234 5698 7654 32',
      'без цифр',
      '',
    ]) {
      expect(maskPins(text), text).toBe(text);
    }
  });

  it('masks a date run into other digits when they add up to 14 (documented false positive: when in doubt, mask)', () => {
    expect(maskPins('15.09.2020 150000')).toBe('••.••.•••• ••••••');
    // A PIN written with its birth date as a date is a PIN.
    expect(maskPins('2 04.05.1990 01234')).toBe('• ••.••.•••• •••••');
    // An IBAN whose check number fails is not one.
    expect(maskPins('DE00 3704 0044 0532 0130 00')).not.toBe('DE00 3704 0044 0532 0130 00');
  });

  it('leaves null and undefined alone', () => {
    expect(maskPins(null)).toBeNull();
    expect(maskPins(undefined)).toBeUndefined();
  });

  describe('properties', () => {
    const digit = fc.constantFrom(...'0123456789');
    const pin = fc.array(digit, { minLength: 14, maxLength: 14 }).map((d) => d.join(''));
    const sep = fc.constantFrom(' ', '.', '-', '  ', ' - ', '\u00a0', '\u200b', ' . ');
    /** A PIN cut into groups at random places, joined by random separators. */
    const splitPin = fc
      .tuple(
        pin,
        fc.uniqueArray(fc.integer({ min: 1, max: 13 }), { maxLength: 6 }),
        fc.array(sep, { minLength: 6, maxLength: 6 }),
      )
      .map(([p, cuts, seps]) => {
        const at = [...cuts].sort((a, b) => a - b);
        let out = '';
        let from = 0;
        at.forEach((c, i) => {
          out += p.slice(from, c) + seps[i]!;
          from = c;
        });
        return { pin: p, text: out + p.slice(from) };
      });
    const words = fc
      .array(
        fc.constantFrom('Взнос', 'от', 'ПИН', 'PIN:', 'ИНН', 'сом', '1 500,00', '№15', 'x', ' ', ', ', '(', ')', '\n'),
        { maxLength: 8 },
      )
      .map((w) => w.join(' '));
    const boundary = fc.constantFrom(' ', ', ', ': ', '(', ')', ' ПИН ', 'ПИН', 'PIN ', '№', ' x ');

    it('no planted PIN survives, however it is split and whatever surrounds it', () => {
      fc.assert(
        fc.property(words, boundary, splitPin, boundary, words, (before, b1, p, b2, after) => {
          const out = maskPins(`${before}${b1}${p.text}${b2}${after}`);
          expect(joined(out)).not.toContain(p.pin);
        }),
        { numRuns: 2000 },
      );
    });

    it('no run of groups adding up to 14 digits survives in any text of digits, separators and words', () => {
      const piece = fc.oneof(
        fc.array(digit, { minLength: 1, maxLength: 9 }).map((d) => d.join('')),
        sep,
        fc.constantFrom('a', 'б', ',', ';', '/', ' ПИН ', '\n'),
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
          const text = pieces.join('');
          const out = maskPins(text);
          // Dates, IBANs and unbroken 15+ digit runs are the documented exceptions; texts that have them are skipped.
          fc.pre(
            !/\p{Nd}{15}/u.test(text) &&
              !/(?<!\p{Nd})\p{Nd}{1,4}[.\-\/]\p{Nd}{1,2}[.\-\/]\p{Nd}{2,4}(?!\p{Nd})/u.test(text),
          );
          expect(survivingPins(out)).toEqual([]);
        }),
        { numRuns: 3000 },
      );
    });

    it('changes only digits, into bullets, and masking twice changes nothing more', () => {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 .-aбПИН,\u00a0'), maxLength: 80 }), (text) => {
          const out = maskPins(text);
          const a = [...text];
          const b = [...out];
          expect(b.length).toBe(a.length);
          a.forEach((ch, i) => {
            if (b[i] !== ch) {
              expect(ch).toMatch(/\p{Nd}/u);
              expect(b[i]).toBe('•');
            }
          });
          expect(maskPins(out)).toBe(out);
        }),
        { numRuns: 2000 },
      );
    });
  });
});

describe('publicIdentifier', () => {
  it("withholds a person's PIN, with or without a label or separators, and keeps an organisation's INN", () => {
    expect(publicIdentifier(PIN)).toBeNull();
    expect(publicIdentifier(`ПИН ${PIN}`)).toBeNull();
    expect(publicIdentifier('ПИН 2040 5199 0012 34')).toBeNull();
    expect(publicIdentifier('12011990004567')).toBeNull();
    expect(publicIdentifier('01203201710055')).toBe('01203201710055');
    expect(publicIdentifier('ИНН 01203201710055')).toBe('01203201710055');
    expect(publicIdentifier(null)).toBeNull();
    expect(publicIdentifier('')).toBeNull();
    // Anything else is free text, masked as such.
    expect(publicIdentifier(`OKPO 12345678 / ${PIN}`)).toBe(`OKPO 12345678 / ${M14}`);
  });
});
