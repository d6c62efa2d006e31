// The comparison as data: one JSON resource for the API and the JSON download, and a CSV of every
// advertiser with its figures, its rate and its source file. Amounts in som are decimal strings with
// two places (as finance's downloads); amounts in the report's currency likewise.
import type { Locale } from '../domain/election.ts';
import { toDecimalString, tyiyn } from '../domain/money.ts';
import { csvDocument, csvNumeral } from '../platform/csv.ts';
import { pick } from '../platform/web/index.ts';
import { formatMinor } from './core/ad-report.ts';
import type { ConvertedSpend, SomTotal } from './core/comparison.ts';
import type { ExchangeRate } from './core/rates.ts';
import type { AdsOverview } from './ads.service.ts';
import type { StoredAdFinding } from './ads.repository.ts';
import { t } from './ads.messages.ts';

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

/** Where a stored report's original file is served. */
export const reportFilePath = (electionId: string, reportId: number) =>
  `/elections/${encodeURIComponent(electionId)}/ads/files/${reportId}`;

const somText = (n: number) => toDecimalString(tyiyn(n));

const totalResource = (s: SomTotal) => ({
  min: somText(s.min),
  max: somText(s.max),
  rates: s.rates,
  unconverted: s.unconverted,
});

function advertiserResource(a: ConvertedSpend, electionId: string, kind: 'own' | 'supporter' | null) {
  return {
    key: a.key,
    name: a.name,
    pageId: a.pageId,
    disclaimer: a.disclaimer,
    source: a.source,
    link: kind,
    ads: a.ads,
    currency: a.currency,
    spend: { min: formatMinor(a.spend.min), max: formatMinor(a.spend.max) },
    som: a.som ? { min: somText(a.som.min), max: somText(a.som.max) } : null,
    rate: a.som ? a.som.rate : null,
    includesEarlierDays: a.includesEarlier,
    report: {
      id: a.end.id,
      file: a.end.fileName,
      sha256: a.end.sha256,
      from: a.end.from,
      to: a.end.to,
      href: reportFilePath(electionId, a.end.id),
    },
    subtracted: a.base ? { id: a.base.id, file: a.base.fileName, sha256: a.base.sha256, to: a.base.to } : null,
  };
}

/** The public resource of one election's advertising; findings only in their public shape. */
export function adsResource(o: AdsOverview, findings: readonly StoredAdFinding[]) {
  const e = o.election.id;
  return {
    electionId: e,
    period: o.period,
    parties: o.comparison.parties.map((p) => ({
      partyRegistrationNumber: p.party,
      own: totalResource(p.own),
      supporter: totalResource(p.supporter),
      declared: somText(p.declared),
      filed: p.filed,
      aboveDeclaration: p.own.min > p.declared ? somText(p.own.min - p.declared) : null,
      advertisers: [
        ...p.ownAdvertisers.map((a) => advertiserResource(a, e, 'own')),
        ...p.supporterAdvertisers.map((a) => advertiserResource(a, e, 'supporter')),
      ],
    })),
    unlinked: o.comparison.unlinked.map((a) => advertiserResource(a, e, null)),
    timeline: o.timeline.map((d) => ({
      day: d.day,
      parties: d.parties.map((x) => ({ partyRegistrationNumber: x.party, min: somText(x.min), max: somText(x.max) })),
    })),
    reports: o.reports.map((r) => ({
      id: r.id,
      source: r.source,
      currency: r.currency,
      from: r.from,
      to: r.to,
      range: r.range,
      file: r.fileName,
      sha256: r.sha256,
      rows: r.rowCount,
      href: reportFilePath(e, r.id),
    })),
    findings: findings
      .filter((f) => f.status === 'open')
      .map((f) => ({
        id: f.id,
        rule: f.rule,
        severity: f.severity,
        partyRegistrationNumber: f.party || null,
        amount: f.amount !== undefined ? somText(f.amount) : null,
        difference: f.excess !== undefined ? somText(f.excess) : null,
        rates: (f.evidence.rates as ExchangeRate[] | undefined) ?? [],
      })),
  };
}

export type AdsResource = ReturnType<typeof adsResource>;

export function adsCsv(o: AdsOverview, l: Locale): string {
  const partyName = new Map(o.ballot.map((b) => [b.party.registrationNumber, pick(b.party.shortName, l)]));
  const header = [
    t(l, 'ads.col.party'),
    t(l, 'ads.col.kind'),
    t(l, 'ads.col.advertiser'),
    'page_id',
    t(l, 'ads.col.paidBy'),
    t(l, 'ads.col.source'),
    'currency',
    'spend_min',
    'spend_max',
    'som_min',
    'som_max',
    'rate',
    'rate_date',
    t(l, 'ads.col.declared'),
    t(l, 'ads.col.file'),
    'sha256',
  ];
  const num = (s: string) => csvNumeral(s);
  const row = (a: ConvertedSpend, party: string, kind: string, declared: string) => [
    party ? (partyName.get(party) ?? party) : '',
    kind,
    a.name,
    a.pageId ?? '',
    a.disclaimer ?? '',
    a.source,
    a.currency,
    num(formatMinor(a.spend.min)),
    num(formatMinor(a.spend.max)),
    a.som ? num(somText(a.som.min)) : '',
    a.som ? num(somText(a.som.max)) : '',
    a.som ? num(a.som.rate.rate) : '',
    a.som ? a.som.rate.date : '',
    declared ? num(declared) : '',
    a.end.fileName,
    a.end.sha256,
  ];
  const rows = [
    ...o.comparison.parties.flatMap((p) => [
      ...p.ownAdvertisers.map((a) => row(a, p.party, t(l, 'ads.kind.own'), somText(p.declared))),
      ...p.supporterAdvertisers.map((a) => row(a, p.party, t(l, 'ads.kind.supporter'), somText(p.declared))),
    ]),
    ...o.comparison.unlinked.map((a) => row(a, '', '', '')),
  ];
  return csvDocument(header, rows);
}
