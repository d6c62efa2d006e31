import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, groupCalendar } from './icalendar.ts';

describe('mobile group calendars (RFC 5545)', () => {
  const ics = groupCalendar({
    groupId: 3,
    summary: 'Мобильная группа, Moscow',
    location: 'Посольство; Москва, ул. Большая Ордынка',
    description: 'biometrics, change of address',
    visits: [{ id: 7, startsOn: '2027-01-16', endsOn: '2027-01-18', hours: '09:00–18:00' }],
    host: 'talapker.example',
    stamp: new Date('2026-12-01T10:00:00Z'),
  });

  it('writes all-day events with an exclusive end and CRLF lines', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270116\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20270119\r\n');
    expect(ics).toContain('UID:mobile-group-3-visit-7@talapker.example\r\n');
    expect(ics).toContain('DTSTAMP:20261201T100000Z\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('escapes text and folds long lines at 75 octets without splitting a letter', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const folded = foldLine(`DESCRIPTION:${'Ж'.repeat(100)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(''),
    ).toBe(`DESCRIPTION:${'Ж'.repeat(100)}`);
  });
});
