import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snippetAround } from './text-snippet.ts';

const TEXT = [
  'Синтетическая демонстрационная программа',
  '',
  'Здравоохранение',
  'Врачам в сельской местности будут предоставляться жильё и дополнительные выплаты. Первичная медицинская',
  'помощь станет ближе к дому.',
].join('\n');

const plain = (s: string) => s.replace(/…/g, '');

describe('a snippet around a phrase', () => {
  it('shows the phrase as the text writes it, with whole words around it', () => {
    const s = snippetAround(TEXT, 'СЕЛЬСКОЙ местности', 25);
    expect(s.hit).toBe('сельской местности');
    expect(s.before).toBe('…Здравоохранение Врачам в ');
    expect(s.after).toBe(' будут предоставляться…');
  });

  it('meets the phrase across a line break, and puts the text on one line', () => {
    const s = snippetAround(TEXT, 'медицинская помощь', 30);
    expect(s.hit).toBe('медицинская помощь');
    expect(s.after).toBe(' станет ближе к дому.');
    expect(s.before).not.toContain('\n');
    expect(s.before.startsWith('…')).toBe(true);
  });

  it('shows the start of the text when the phrase is not in it', () => {
    const s = snippetAround(TEXT, 'коррупция', 20);
    expect(s).toEqual({ before: '', hit: '', after: 'Синтетическая демонстрационная программа…' });
    expect(snippetAround('Short.', '')).toEqual({ before: '', hit: '', after: 'Short.' });
  });

  it('is a piece of the text, around the phrase, and never much longer than asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('word', 'сөз', 'Слово', 'x', '𝒜𝒷', ' ', '\n', '.'), { maxLength: 80 }),
        fc.nat(),
        fc.nat({ max: 12 }),
        fc.integer({ min: 1, max: 40 }),
        (parts, at, length, context) => {
          const text = parts.join('');
          const chars = Array.from(text);
          const from = at % (chars.length + 1);
          const phrase = chars.slice(from, from + length).join('');
          const s = snippetAround(text, phrase, context);
          const whole = `${plain(s.before)}${s.hit}${plain(s.after)}`;
          expect(text.replace(/\s+/g, ' ')).toContain(whole);
          if (phrase.trim() !== '') expect(s.hit.toLowerCase()).toBe(phrase.trim().replace(/\s+/g, ' ').toLowerCase());
          expect(plain(s.before).length).toBeLessThanOrEqual(context + 1);
          expect(plain(s.after).length).toBeLessThanOrEqual(2 * context + 1);
        },
      ),
      { numRuns: 500 },
    );
  });
});
