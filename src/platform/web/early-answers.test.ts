import { describe, expect, it } from 'vitest';
import { hasCookie } from './early-answers.ts';

describe('hasCookie', () => {
  it('finds the cookie by its exact name, wherever it stands', () => {
    expect(hasCookie('talapker_session=abc', 'talapker_session')).toBe(true);
    expect(hasCookie('theme=dark; talapker_session=abc; lang=ru', 'talapker_session')).toBe(true);
    expect(hasCookie('theme=dark;talapker_session=abc', 'talapker_session')).toBe(true);
    expect(hasCookie('talapker_session=', 'talapker_session')).toBe(true);
  });

  it('does not take a longer name or a value containing the name for it', () => {
    expect(hasCookie('x_talapker_session=abc', 'talapker_session')).toBe(false);
    expect(hasCookie('talapker_session_old=abc', 'talapker_session')).toBe(false);
    expect(hasCookie('pref=talapker_session=abc', 'talapker_session')).toBe(false);
    expect(hasCookie('note=a;b talapker_session=abc', 'talapker_session')).toBe(false);
    expect(hasCookie('talapker_session', 'talapker_session')).toBe(false);
    expect(hasCookie('', 'talapker_session')).toBe(false);
    expect(hasCookie(undefined, 'talapker_session')).toBe(false);
  });
});
