import { describe, expect, it } from 'vitest';
import { defineMessages, translator } from './messages.ts';
import { portalMessages, t as portalT } from './portal.messages.ts';

const filingMessages = defineMessages({
  'test.count': {
    ky: '{n} отчет',
    ru: '{n, plural, one {# отчёт} few {# отчёта} other {# отчётов}}',
    en: '{n, plural, one {# report} other {# reports}}',
  },
  'nav.search': { ky: 'x', ru: 'x', en: 'shadowed' },
});

describe('typed messages', () => {
  const t = translator(portalMessages, filingMessages);

  it('formats ICU messages with params, in each locale', () => {
    expect(t('en', 'test.count', { n: 1 })).toBe('1 report');
    expect(t('en', 'test.count', { n: 3 })).toBe('3 reports');
    expect(t('ru', 'test.count', { n: 3 })).toBe('3 отчёта');
    expect(t('en', 'site.name')).toBe('Talapker');
  });

  it('an earlier catalogue wins over a later one with the same key', () => {
    expect(t('en', 'nav.search')).toBe('Search');
  });

  it('unknown keys do not compile; lookup handles keys made at run time', () => {
    // @ts-expect-error: not a key of the composed catalogues
    expect(t('en', 'no.such.key')).toBe('no.such.key');
    // @ts-expect-error: a capability's key is not a portal key
    expect(portalT('en', 'test.count', { n: 1 })).toBe('test.count');
    expect(t.lookup('en', 'no.such.key')).toBeUndefined();
    expect(t.lookup('en', 'test.count', { n: 2 })).toBe('2 reports');
    expect(t.has('test.count')).toBe(true);
    expect(t.keys).toContain('web.pager.next');
  });

  it('every portal message has all three languages', () => {
    for (const [key, m] of Object.entries(portalMessages))
      for (const l of ['ky', 'ru', 'en'] as const) expect(m[l], `${key}.${l}`).toBeTruthy();
  });
});
