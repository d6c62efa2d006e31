// A mobile group's visits as an iCalendar file (RFC 5545): one all-day event per visit, so that a voter
// abroad can put the dates in their own calendar. Lines end in CRLF and are folded at 75 octets.

export interface CalendarVisit {
  id: number;
  startsOn: string;
  endsOn: string;
  hours: string;
}

export interface CalendarInput {
  groupId: number;
  summary: string;
  location: string;
  description: string;
  visits: readonly CalendarVisit[];
  /** Host name for the events' UIDs. */
  host: string;
  stamp: Date;
}

/** TEXT escaping of §3.3.11. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 sequence (§3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basic = (day: string) => day.replace(/-/g, '');
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function groupCalendar(c: CalendarInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Talapker//Mobile groups//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const v of c.visits) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:mobile-group-${c.groupId}-visit-${v.id}@${c.host}`,
      `DTSTAMP:${utcStamp(c.stamp)}`,
      `DTSTART;VALUE=DATE:${basic(v.startsOn)}`,
      // DTEND of an all-day event is the day after the last one (exclusive).
      `DTEND;VALUE=DATE:${basic(nextDay(v.endsOn))}`,
      `SUMMARY:${escapeText(c.summary)}`,
      `LOCATION:${escapeText(c.location)}`,
      `DESCRIPTION:${escapeText(v.hours ? `${c.description}\n${v.hours}` : c.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
