// The Atom 1.0 feed (RFC 4287) of filed finance reports: one entry per filed version, amendments
// included, so a newsroom hears of every report and every correction the moment it is filed. One
// feed per language, for all elections or for one. Ids are UUIDs derived from the filing id, so an
// entry keeps its id whichever host name the feed was read through.
import { createHash } from 'node:crypto';
import type { Locale } from '../../domain/election.ts';
import { t } from '../finance.messages.ts';
import { pick } from '../../platform/web/format.tsx';
import { reportKindLabels } from '../../filings/index.ts';
import type { FilingAnnouncement } from './finance-view.ts';
import { labelOf } from './labels.ts';
import { day, som } from '../../platform/web/numbers.ts';

export const ATOM_MEDIA_TYPE = 'application/atom+xml; charset=utf-8';
/** How many of the latest filings a feed carries; older ones are on the pages and in the downloads. */
export const FEED_ENTRIES = 100;

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A name-based UUID (version 5 layout over SHA-1), stable for a given name. */
export function uuidFor(name: string): string {
  const h = createHash('sha1').update(`talapker:${name}`).digest();
  h.writeUInt8((h.readUInt8(6) & 0x0f) | 0x50, 6);
  h.writeUInt8((h.readUInt8(8) & 0x3f) | 0x80, 8);
  const x = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export interface FeedInput {
  locale: Locale;
  /** `https://host`, from the request, for absolute links. */
  origin: string;
  title: string;
  /** Path of the feed itself and of the page it follows, without the origin. */
  selfPath: string;
  alternatePath: string;
  /** What the feed covers (`all` or an election id), for its id. */
  scope: string;
  entries: readonly FilingAnnouncement[];
  /** `updated` of a feed with no entries yet. */
  now: Date;
}

export function atomFeed(p: FeedInput): string {
  const l = p.locale;
  const updated = p.entries[0]?.submittedAt ?? p.now.toISOString();
  const entries = p.entries.map((f) => {
    const party = f.partyShortName ? pick(f.partyShortName, l) : f.partyRegistrationNumber;
    const kind = labelOf(reportKindLabels, f.reportKind, l);
    const title =
      t(l, 'feed.entryTitle', { party, kind, version: f.version }) +
      (f.version > 1 ? ` (${t(l, 'feed.amendment')})` : '');
    const summary = t(l, 'feed.summary', {
      period: `${day(f.periodFrom, l)} – ${day(f.periodTo, l)}`,
      received: som(f.totalReceipts, l),
      spent: som(f.totalExpenditures, l),
      refunded: som(f.totalRefunds, l),
    });
    const href = `${p.origin}/${l}/elections/${encodeURIComponent(f.electionId)}/parties/${encodeURIComponent(f.partyRegistrationNumber)}/finance#filing-${f.filingId}`;
    const election = f.electionName ? pick(f.electionName, l) : f.electionId;
    return [
      '  <entry>',
      `    <id>${uuidFor(`filing:${f.filingId}`)}</id>`,
      `    <title type="text">${xml(title)}</title>`,
      `    <published>${xml(f.submittedAt)}</published>`,
      `    <updated>${xml(f.submittedAt)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(href)}"/>`,
      `    <category term="${xml(f.reportKind)}" label="${xml(kind)}"/>`,
      `    <summary type="text">${xml(`${election}. ${summary}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${l}">`,
    `  <id>${uuidFor(`feed:${p.scope}:${l}`)}</id>`,
    `  <title type="text">${xml(p.title)}</title>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <author><name>${xml(t(l, 'site.name'))}</name></author>`,
    `  <generator>Talapker</generator>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(p.origin + p.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(p.origin + p.alternatePath)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
