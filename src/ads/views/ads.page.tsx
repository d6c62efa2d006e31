// The public page of an election's political advertising: per party, the platforms' figures for its own
// pages and for supporter pages beside its declared online advertising; the timeline with its table;
// each party's advertisers with the rate used and the source file; advertisers linked to nobody; the
// preliminary findings; the source files; downloads.
import type { Locale } from '../../domain/election.ts';
import { tyiyn, type Tyiyn } from '../../domain/money.ts';
import { DataTable, ElectionMoneyFrame, day, pick, som, type Column } from '../../platform/web/index.ts';
import { formatMinor } from '../core/ad-report.ts';
import type { ConvertedSpend, PartyAdSpend, SomTotal } from '../core/comparison.ts';
import type { ExchangeRate } from '../core/rates.ts';
import type { AdsOverview } from '../ads.service.ts';
import type { StoredAdFinding } from '../ads.repository.ts';
import { reportFilePath } from '../ads-export.ts';
import { t } from '../ads.messages.ts';
import { colourOf, timelineSvg } from './timeline-chart.ts';

export const adsPath = (electionId: string) => `/elections/${encodeURIComponent(electionId)}/ads`;

export function somRange(min: Tyiyn, max: Tyiyn, l: Locale): string {
  return min === max ? som(min, l) : `${som(min, l)} – ${som(max, l)}`;
}

export const rateText = (r: ExchangeRate, l: Locale) =>
  t(l, 'ads.rateOf', { currency: r.currency, rate: r.rate, date: day(r.date, l) });

/** Every rate a total used, in one line. */
function ratesText(totals: readonly SomTotal[], l: Locale): string {
  const texts = totals.flatMap((x) => x.rates.map((r) => rateText(r, l)));
  return [...new Set(texts)].join('; ') || '—';
}

function advertiserColumns(
  l: Locale,
  electionId: string,
  kindOf: (a: ConvertedSpend) => string,
): Column<ConvertedSpend>[] {
  return [
    {
      key: 'name',
      label: t(l, 'ads.col.advertiser'),
      rowHeader: true,
      cell: (a) => (
        <>
          {a.name}
          {a.pageId ? <span class="muted"> · {a.pageId}</span> : null}
          {a.disclaimer ? (
            <div class="muted">
              {t(l, 'ads.col.paidBy')}: {a.disclaimer}
            </div>
          ) : null}
        </>
      ),
    },
    { key: 'kind', label: t(l, 'ads.col.kind'), cell: kindOf },
    { key: 'ads', label: t(l, 'ads.col.ads'), numeric: true, cell: (a) => a.ads },
    {
      key: 'spend',
      label: t(l, 'ads.col.spend'),
      numeric: true,
      cell: (a) =>
        `${a.spend.min === a.spend.max ? formatMinor(a.spend.min) : `${formatMinor(a.spend.min)} – ${formatMinor(a.spend.max)}`} ${a.currency}`,
    },
    {
      key: 'som',
      label: t(l, 'ads.col.som'),
      numeric: true,
      cell: (a) => (a.som ? somRange(a.som.min, a.som.max, l) : t(l, 'ads.noRate')),
    },
    { key: 'rate', label: t(l, 'ads.col.rate'), cell: (a) => (a.som ? rateText(a.som.rate, l) : '—') },
    {
      key: 'file',
      label: t(l, 'ads.col.file'),
      cell: (a) => (
        <>
          <a href={`/${l}${reportFilePath(electionId, a.end.id)}`}>{a.end.fileName}</a>
          {a.base ? (
            <>
              {' − '}
              <a href={`/${l}${reportFilePath(electionId, a.base.id)}`}>{a.base.fileName}</a>
            </>
          ) : null}
        </>
      ),
    },
  ];
}

type Series = { party: string; name: string; colour: string; points: { day: string; min: Tyiyn }[] };

/** The party's page in the election: each table's rows lead there. */
const partyHref = (l: Locale, electionId: string, reg: string) =>
  `/${l}/elections/${encodeURIComponent(electionId)}/parties/${encodeURIComponent(reg)}`;

function partyColumns(l: Locale, electionId: string, partyName: (reg: string) => string): Column<PartyAdSpend>[] {
  return [
    {
      key: 'party',
      label: t(l, 'ads.col.party'),
      rowHeader: true,
      cell: (x) => <a href={partyHref(l, electionId, x.party)}>{partyName(x.party)}</a>,
    },
    { key: 'own', label: t(l, 'ads.col.own'), numeric: true, cell: (x) => somRange(x.own.min, x.own.max, l) },
    {
      key: 'supporter',
      label: t(l, 'ads.col.supporter'),
      numeric: true,
      cell: (x) => somRange(x.supporter.min, x.supporter.max, l),
    },
    { key: 'declared', label: t(l, 'ads.col.declaredShort'), numeric: true, cell: (x) => som(x.declared, l) },
    {
      key: 'difference',
      label: t(l, 'ads.col.difference'),
      numeric: true,
      cell: (x) => (x.own.min > x.declared ? <strong>{som(tyiyn(x.own.min - x.declared), l)}</strong> : '—'),
    },
  ];
}

/** The chart and the table that says the same, whose first column carries each party's colour. */
function TimelineSection(p: { locale: Locale; overview: AdsOverview; series: Series[] }) {
  const l = p.locale;
  const chartTitle = t(l, 'ads.timeline');
  const svg = timelineSvg(p.series, chartTitle, l);
  return (
    <section aria-labelledby="ads-timeline">
      <h2 id="ads-timeline">{chartTitle}</h2>
      {svg ? <div class="chart" dangerouslySetInnerHTML={{ __html: svg }} /> : null}
      <DataTable
        locale={l}
        caption={chartTitle}
        captionClass="sr-only"
        columns={[
          {
            key: 'party',
            label: t(l, 'ads.col.party'),
            rowHeader: true,
            cell: (s: Series) => (
              <>
                <span class="sw" style={`background:${s.colour}`} aria-hidden="true" />{' '}
                <a href={partyHref(l, p.overview.election.id, s.party)}>{s.name}</a>
              </>
            ),
          },
          ...p.overview.timeline.map((d) => ({
            key: d.day,
            label: day(d.day, l),
            numeric: true,
            cell: (s: Series) => som(s.points.find((x) => x.day === d.day)?.min ?? tyiyn(0), l),
          })),
        ]}
        rows={p.series.filter((s) => s.points.some((x) => x.min > 0))}
        rowKey={(s) => s.name}
      />
    </section>
  );
}

function FindingsSection(p: {
  locale: Locale;
  findings: readonly StoredAdFinding[];
  partyName: (reg: string) => string;
}) {
  const l = p.locale;
  if (p.findings.length === 0) return null;
  return (
    <section aria-labelledby="ads-findings">
      <h2 id="ads-findings">{t(l, 'ads.findings')}</h2>
      <p class="muted">{t(l, 'ads.findings.lead')}</p>
      <ul>
        {p.findings.map((f) => (
          <li key={f.id}>
            <strong>{p.partyName(f.party)}</strong>: {t(l, `ads.rule.${f.rule}`)}
            {f.excess !== undefined ? ` — ${som(f.excess, l)}` : f.amount !== undefined ? ` — ${som(f.amount, l)}` : ''}
            {Array.isArray(f.evidence.rates) && f.evidence.rates.length > 0
              ? ` (${(f.evidence.rates as ExchangeRate[]).map((r) => rateText(r, l)).join('; ')})`
              : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FilesSection(p: { locale: Locale; overview: AdsOverview }) {
  const l = p.locale;
  const e = p.overview.election;
  return (
    <section aria-labelledby="ads-files">
      <h2 id="ads-files">{t(l, 'ads.files')}</h2>
      <DataTable
        locale={l}
        columns={[
          {
            key: 'file',
            label: t(l, 'ads.col.file'),
            rowHeader: true,
            cell: (r: AdsOverview['reports'][number]) => (
              <a href={`/${l}${reportFilePath(e.id, r.id)}`}>{r.fileName}</a>
            ),
          },
          { key: 'source', label: t(l, 'ads.col.source'), cell: (r) => r.source },
          {
            key: 'period',
            label: t(l, 'ads.col.period'),
            cell: (r) => `${r.from ? day(r.from, l) : t(l, 'ads.allDates')} – ${day(r.to, l)}`,
          },
          { key: 'rows', label: t(l, 'ads.col.rows'), numeric: true, cell: (r) => r.rowCount },
        ]}
        rows={p.overview.reports}
        rowKey={(r) => r.id}
      />
    </section>
  );
}

function PartyAdvertisers(p: { locale: Locale; electionId: string; spend: PartyAdSpend; partyName: string }) {
  const l = p.locale;
  const x = p.spend;
  return (
    <section aria-labelledby={`ads-party-${x.party}`}>
      <h2 id={`ads-party-${x.party}`}>{t(l, 'ads.advertisersOf', { party: p.partyName })}</h2>
      <p>
        {t(l, 'ads.col.declared')}: <strong>{som(x.declared, l)}</strong>
      </p>
      <DataTable
        locale={l}
        columns={advertiserColumns(l, p.electionId, (a) =>
          x.supporterAdvertisers.includes(a) ? t(l, 'ads.kind.supporter') : t(l, 'ads.kind.own'),
        )}
        rows={[...x.ownAdvertisers, ...x.supporterAdvertisers]}
        rowKey={(a) => a.key}
      />
    </section>
  );
}

export function AdsPage(p: { locale: Locale; overview: AdsOverview; findings: readonly StoredAdFinding[] }) {
  const l = p.locale;
  const o = p.overview;
  const e = o.election;
  const title = t(l, 'ads.title');
  const nameOf = new Map(o.ballot.map((b) => [b.party.registrationNumber, pick(b.party.shortName, l)]));
  const partyName = (reg: string) => nameOf.get(reg) ?? reg;
  const withSpend = o.comparison.parties.filter((x) => x.own.max > 0 || x.supporter.max > 0 || x.declared > 0);
  const series: Series[] = o.comparison.parties.map((x, i) => ({
    party: x.party,
    name: partyName(x.party),
    colour: colourOf(i),
    points: o.timeline.map((d) => ({ day: d.day, min: d.parties.find((y) => y.party === x.party)?.min ?? tyiyn(0) })),
  }));
  const open = p.findings.filter((f) => f.status === 'open' && f.rule !== 'ads.unlinked_advertiser');
  const base = `/${l}${adsPath(e.id)}`;
  return (
    <ElectionMoneyFrame
      locale={l}
      election={e}
      title={title}
      documentTitle={`${title}: ${pick(e.name, l)}`}
      path={adsPath(e.id)}
      crumbs={[{ label: title }]}
      basis={t(l, 'ads.basis')}
    >
      {o.reports.length === 0 ? (
        <p>{t(l, 'ads.none')}</p>
      ) : (
        <>
          <p>
            {day(o.period.from, l)} – {day(o.period.to, l)} · <a href={`${base}.csv`}>{t(l, 'ads.download.csv')}</a> ·{' '}
            <a href={`${base}.json`}>{t(l, 'ads.download.json')}</a>
          </p>
          <section aria-labelledby="ads-by-party">
            <h2 id="ads-by-party">{t(l, 'ads.byParty')}</h2>
            <DataTable locale={l} columns={partyColumns(l, e.id, partyName)} rows={withSpend} rowKey={(x) => x.party} />
            <p class="muted">
              {t(l, 'ads.col.rate')}:{' '}
              {ratesText(
                o.comparison.parties.flatMap((x) => [x.own, x.supporter]),
                l,
              )}
            </p>
          </section>
          <TimelineSection locale={l} overview={o} series={series} />
          <FindingsSection locale={l} findings={open} partyName={partyName} />
          {withSpend
            .filter((x) => x.ownAdvertisers.length + x.supporterAdvertisers.length > 0)
            .map((x) => (
              <PartyAdvertisers key={x.party} locale={l} electionId={e.id} spend={x} partyName={partyName(x.party)} />
            ))}
          {o.comparison.unlinked.length > 0 ? (
            <section aria-labelledby="ads-unlinked">
              <h2 id="ads-unlinked">{t(l, 'ads.unlinked')}</h2>
              <DataTable
                locale={l}
                columns={advertiserColumns(l, e.id, () => '—')}
                rows={o.comparison.unlinked}
                rowKey={(a) => a.key}
              />
            </section>
          ) : null}
          <FilesSection locale={l} overview={o} />
        </>
      )}
    </ElectionMoneyFrame>
  );
}
