// Words for the keys of the breakdowns (size bands, months, weeks), shared by pages and downloads.
import type { Locale } from '../../domain/election.ts';
import { day, num } from '../../platform/web/index.ts';
import type { SizeBand } from '../core/breakdowns.ts';
import { t } from '../explore.messages.ts';

/** A size band in words: "up to 10,000 som", "10,000 to 50,000 som", "over 3,000,000 som". */
export function bandLabel(b: SizeBand, l: Locale): string {
  // Bands end on whole som; the message says "som" once.
  const figure = (x: number) => num(x / 100, l);
  if (b.upTo === null) return t(l, 'explore.band.over', { from: figure(b.above) });
  if (b.above === 0) return t(l, 'explore.band.upTo', { to: figure(b.upTo) });
  return t(l, 'explore.band.range', { from: figure(b.above), to: figure(b.upTo) });
}

const monthFormat = (l: Locale) => new Intl.DateTimeFormat(l, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A month (YYYY-MM) as the reader names it. */
export const monthLabel = (key: string, l: Locale) => monthFormat(l).format(new Date(`${key}-01T00:00:00Z`));

/** A week, named by its Monday. */
export const weekLabel = (key: string, l: Locale) => t(l, 'explore.week', { date: day(key, l) });
