// Public pages of finance reports: a party's reports in an election (every chain, its status and its
// versions, the reports still missing), one filed version itemised line by line with its scans, its
// versions and a line-by-line diff between any two, the search in donors and scanned documents, and the
// finance sections that the election and party pages show. Nothing here can show a PIN or an address:
// the pages only ever receive the public documents made by toPublicFiling.
import type { ComponentChildren } from 'preact';
import type { Election, Locale, Party } from '../domain/election.ts';
import { formatSom, tyiyn } from '../domain/money.ts';
import { Layout } from '../platform/web/layout.tsx';
import { pick } from '../platform/web/format.tsx';
import { formatDate, formatDateTime, formatNumber, t } from '../platform/i18n/i18n.ts';
import type { FieldChange, FilingDiff, SectionDiff } from './filing-diff.ts';
import {
  donorTypeLabels,
  expenditureCategoryLabels,
  fieldLabel,
  receiptChannelLabels,
  refundKindLabels,
  refundReasonLabels,
  reportKindLabels,
  sectionLabels,
} from './filing-labels.ts';
import type { LineSection, ReportKind } from './filing.ts';
import type { ChainWithVersions, DocumentHit, DonorHit, FilingStatus, FilingSummary, PartyTotals } from './filing.repository.ts';
import type { Deadline, PublicExpenditure, PublicReceipt, PublicRefund, PublicReport } from './filing.service.ts';
import './filing-web.messages.ts';

export const FINANCE_STYLE = `.status{display:inline-block;padding:0 .45rem;border-radius:4px;font-weight:600;font-size:.9rem;border:1px solid currentColor}
.status-filed{color:#0b5cad}.status-under_review{color:#7a4d00}.status-accepted{color:var(--ok)}.status-returned{color:var(--bad)}.status-draft{color:var(--muted)}
.late{color:var(--bad);font-weight:600}.scans{list-style:none;padding:0;display:grid;gap:1rem}.scans li{border:1px solid var(--line);border-radius:6px;padding:.5rem}
.scans iframe{width:100%;height:32rem;border:1px solid var(--line)}.scans img{max-width:100%;height:auto;border:1px solid var(--line)}
.diff-add{background:#e6f4ea}.diff-del{background:#fdecea}.diff-del td,.diff-add td{border-bottom-color:#fff}.totals dd{font-variant-numeric:tabular-nums}
.older{border-left:4px solid #e8d48a;background:var(--warn-bg);padding:.4rem .8rem}.snippet{color:var(--muted);font-size:.9rem}`;

const money = (l: Locale, n: number) => formatSom(tyiyn(n), l);
export const reportKindLabel = (l: Locale, kind: ReportKind | string) => (reportKindLabels as Record<string, { ky: string; ru: string; en: string }>)[kind]?.[l] ?? kind;
export const reportPath = (l: Locale, filingId: number) => `/${l}/reports/${filingId}`;
export const partyReportsPath = (l: Locale, electionId: string, reg: string) => `/${l}/elections/${encodeURIComponent(electionId)}/parties/${encodeURIComponent(reg)}/reports`;
export const scanPath = (filingId: number, sha256: string) => `/reports/${filingId}/scans/${sha256}`;
export const csvPath = (filingId: number, section: LineSection) => `/reports/${filingId}/${section}.csv`;

export function StatusBadge(p: { locale: Locale; status: FilingStatus }) {
  return <span class={`status status-${p.status}`}>{t(p.locale, `filings.status.${p.status}`)}</span>;
}

function FinancePage(p: { locale: Locale; title: string; path: string; synthetic: boolean; crumbs: { href?: string; label: string }[]; children: ComponentChildren }) {
  return (
    <Layout locale={p.locale} title={p.title} path={p.path} synthetic={p.synthetic} crumbs={p.crumbs} head={<style>{FINANCE_STYLE}</style>}>
      {p.children}
    </Layout>
  );
}

function partyName(l: Locale, party: Party | undefined, reg: string): string {
  return party ? pick(party.name, l) : reg;
}

function electionCrumbs(l: Locale, election: Election, party: Party | undefined, reg: string) {
  return [
    { href: `/${l}/`, label: t(l, 'nav.elections') },
    { href: `/${l}/elections/${election.id}`, label: pick(election.name, l) },
    { href: `/${l}/elections/${election.id}/parties/${encodeURIComponent(reg)}`, label: partyName(l, party, reg) },
    { href: partyReportsPath(l, election.id, reg), label: t(l, 'filings.reports.title') },
  ];
}

function LateNote(p: { locale: Locale; deadline: Deadline | undefined }) {
  const d = p.deadline;
  if (!d) return null;
  const l = p.locale;
  return d.daysLate > 0 ? (
    <span class="late">{t(l, 'filings.deadline.late', { days: d.daysLate, due: formatDate(l, d.due), filed: formatDate(l, d.filedOn) })}</span>
  ) : (
    <span>{t(l, 'filings.deadline.onTime', { due: formatDate(l, d.due), filed: formatDate(l, d.filedOn) })}</span>
  );
}

// ---------------------------------------------------------------- a party's reports

export interface ChainRow {
  entry: ChainWithVersions;
  deadline: Deadline | undefined;
}

export interface MissingReport {
  kind: ReportKind;
  due: string;
}

export function PartyReportsPage(p: {
  locale: Locale;
  election: Election;
  party: Party | undefined;
  reg: string;
  chains: ChainRow[];
  missing: MissingReport[];
  totals: PartyTotals | undefined;
}) {
  const l = p.locale;
  const name = partyName(l, p.party, p.reg);
  return (
    <FinancePage
      locale={l}
      title={`${t(l, 'filings.reports.title')}: ${name}`}
      path={partyReportsPath(l, p.election.id, p.reg).slice(3)}
      synthetic={p.election.synthetic}
      crumbs={[...electionCrumbs(l, p.election, p.party, p.reg).slice(0, 3), { label: t(l, 'filings.reports.title') }]}
    >
      <h1>
        {t(l, 'filings.reports.title')}: {name}
      </h1>
      <p class="muted">{t(l, 'filings.reports.intro')}</p>
      {p.totals ? <PartyTotalsFacts locale={l} totals={p.totals} /> : null}
      {p.chains.length === 0 ? <p>{t(l, 'filings.reports.none')}</p> : null}
      {p.chains.length > 0 ? (
        <div class="table-wrap">
          <table>
            <caption class="muted" style="text-align:left">
              {t(l, 'filings.reports.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(l, 'filings.field.reportKind')}</th>
                <th scope="col">{t(l, 'filings.field.period')}</th>
                <th scope="col">{t(l, 'filings.field.status')}</th>
                <th scope="col">{t(l, 'filings.field.filedOn')}</th>
                <th scope="col" class="num">{t(l, 'filings.field.receipts')}</th>
                <th scope="col" class="num">{t(l, 'filings.field.expenditures')}</th>
                <th scope="col">{t(l, 'filings.versions.title')}</th>
              </tr>
            </thead>
            <tbody>
              {p.chains.map(({ entry, deadline }) => {
                const latest = entry.versions.find((v) => v.isLatest) ?? entry.versions.at(-1)!;
                return (
                  <tr key={entry.chain.id}>
                    <th scope="row">
                      <a href={reportPath(l, latest.id)}>{reportKindLabel(l, entry.chain.reportKind)}</a>
                    </th>
                    <td>
                      {formatDate(l, entry.chain.periodFrom)} – {formatDate(l, entry.chain.periodTo)}
                    </td>
                    <td>
                      <StatusBadge locale={l} status={latest.status} />
                    </td>
                    <td>
                      {entry.versions[0]?.submittedAt ? formatDate(l, entry.versions[0].submittedAt.slice(0, 10)) : '—'}
                      {deadline && deadline.daysLate > 0 ? (
                        <>
                          <br />
                          <LateNote locale={l} deadline={deadline} />
                        </>
                      ) : null}
                    </td>
                    <td class="num">{money(l, latest.totalReceipts)}</td>
                    <td class="num">{money(l, latest.totalExpenditures)}</td>
                    <td>
                      {entry.versions.map((v, i) => (
                        <span key={v.id}>
                          {i > 0 ? ', ' : ''}
                          <a href={reportPath(l, v.id)}>{t(l, 'filings.versions.short', { n: v.version })}</a>
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {p.missing.length > 0 ? (
        <>
          <h2>{t(l, 'filings.missing.title')}</h2>
          <ul>
            {p.missing.map((m) => (
              <li key={m.kind} class="late">
                {t(l, 'filings.missing.item', { kind: reportKindLabel(l, m.kind), due: formatDate(l, m.due) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={`/api/v1/elections/${encodeURIComponent(p.election.id)}/parties/${encodeURIComponent(p.reg)}/filings`}>{t(l, 'filings.reports.json')}</a>
      </p>
    </FinancePage>
  );
}

function PartyTotalsFacts(p: { locale: Locale; totals: PartyTotals }) {
  const l = p.locale;
  return (
    <dl class="facts totals">
      <dt>{t(l, 'filings.totals.received')}</dt>
      <dd>{money(l, p.totals.receipts)}</dd>
      <dt>{t(l, 'filings.totals.spent')}</dt>
      <dd>{money(l, p.totals.expenditures)}</dd>
      <dt>{t(l, 'filings.totals.refunded')}</dt>
      <dd>{money(l, p.totals.refunds)}</dd>
    </dl>
  );
}

// ---------------------------------------------------------------- one report

const donorType = (l: Locale, v: string) => (donorTypeLabels as Record<string, { ky: string; ru: string; en: string }>)[v]?.[l] ?? v;
const channel = (l: Locale, v: string) => (receiptChannelLabels as Record<string, { ky: string; ru: string; en: string }>)[v]?.[l] ?? v;
const category = (l: Locale, v: string) => (expenditureCategoryLabels as Record<string, { ky: string; ru: string; en: string }>)[v]?.[l] ?? v;
const refundKind = (l: Locale, v: string) => (refundKindLabels as Record<string, { ky: string; ru: string; en: string }>)[v]?.[l] ?? v;
const refundReason = (l: Locale, v: string) => (refundReasonLabels as Record<string, { ky: string; ru: string; en: string }>)[v]?.[l] ?? v;

/** Lines shown on the page per section; the CSV download has every line. */
export const PAGE_LINES = 1000;

function Shown(p: { locale: Locale; shown: number; total: number; filingId: number; section: LineSection }) {
  if (p.shown >= p.total) return null;
  return (
    <p class="muted">
      {t(p.locale, 'filings.lines.truncated', { shown: p.shown, total: p.total })} <a href={csvPath(p.filingId, p.section)}>{t(p.locale, 'filings.download.csv')}</a>
    </p>
  );
}

function ReceiptsTable(p: { locale: Locale; lines: PublicReceipt[]; total: number; filingId: number }) {
  const l = p.locale;
  const shown = p.lines.slice(0, PAGE_LINES);
  return (
    <>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{fieldLabel('lineId', l)}</th>
              <th scope="col">{fieldLabel('date', l)}</th>
              <th scope="col">{fieldLabel('donorName', l)}</th>
              <th scope="col">{fieldLabel('donorType', l)}</th>
              <th scope="col">{fieldLabel('channel', l)}</th>
              <th scope="col">{fieldLabel('bankReference', l)}</th>
              <th scope="col" class="num">{fieldLabel('amount', l)}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.lineId} id={`receipt-${r.lineId}`}>
                <td>{r.lineId}</td>
                <td>{r.date}</td>
                <td>
                  {r.donorName}
                  {r.donorInn ? <span class="muted"> ({t(l, 'filings.field.inn')} {r.donorInn})</span> : null}
                </td>
                <td>{donorType(l, r.donorType)}</td>
                <td>{channel(l, r.channel)}</td>
                <td>{r.bankReference ?? ''}</td>
                <td class="num">{money(l, r.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>
                {t(l, 'filings.totals.section')}
              </th>
              <td class="num">{money(l, p.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Shown locale={l} shown={shown.length} total={p.lines.length} filingId={p.filingId} section="receipts" />
    </>
  );
}

function ExpendituresTable(p: { locale: Locale; lines: PublicExpenditure[]; total: number; filingId: number }) {
  const l = p.locale;
  const shown = p.lines.slice(0, PAGE_LINES);
  return (
    <>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{fieldLabel('lineId', l)}</th>
              <th scope="col">{fieldLabel('date', l)}</th>
              <th scope="col">{fieldLabel('category', l)}</th>
              <th scope="col">{fieldLabel('payeeName', l)}</th>
              <th scope="col">{fieldLabel('documentNumber', l)}</th>
              <th scope="col">{fieldLabel('description', l)}</th>
              <th scope="col" class="num">{fieldLabel('amount', l)}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.lineId} id={`expenditure-${e.lineId}`}>
                <td>{e.lineId}</td>
                <td>{e.date}</td>
                <td>{category(l, e.category)}</td>
                <td>
                  {e.payeeName}
                  {e.payeeInn ? <span class="muted"> ({t(l, 'filings.field.inn')} {e.payeeInn})</span> : null}
                </td>
                <td>{e.documentNumber}</td>
                <td>{e.description}</td>
                <td class="num">{money(l, e.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>
                {t(l, 'filings.totals.section')}
              </th>
              <td class="num">{money(l, p.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Shown locale={l} shown={shown.length} total={p.lines.length} filingId={p.filingId} section="expenditures" />
    </>
  );
}

function RefundsTable(p: { locale: Locale; lines: PublicRefund[]; total: number; filingId: number }) {
  const l = p.locale;
  const shown = p.lines.slice(0, PAGE_LINES);
  return (
    <>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{fieldLabel('lineId', l)}</th>
              <th scope="col">{fieldLabel('date', l)}</th>
              <th scope="col">{fieldLabel('receiptLineId', l)}</th>
              <th scope="col">{fieldLabel('kind', l)}</th>
              <th scope="col">{fieldLabel('reason', l)}</th>
              <th scope="col" class="num">{fieldLabel('amount', l)}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.lineId} id={`refund-${f.lineId}`}>
                <td>{f.lineId}</td>
                <td>{f.date}</td>
                <td>
                  <a href={`#receipt-${f.receiptLineId}`}>{f.receiptLineId}</a>
                </td>
                <td>{refundKind(l, f.kind)}</td>
                <td>{refundReason(l, f.reason)}</td>
                <td class="num">{money(l, f.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                {t(l, 'filings.totals.section')}
              </th>
              <td class="num">{money(l, p.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Shown locale={l} shown={shown.length} total={p.lines.length} filingId={p.filingId} section="refunds" />
    </>
  );
}

function formatSize(l: Locale, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(l, bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(l, Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(l, Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

export interface ScanItem {
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** Where the file is served inline. */
  href: string;
}

/** Scans with an inline viewer: PDFs in a frame, images as images; each with a download link. */
export function ScanList(p: { locale: Locale; scans: ScanItem[]; viewer?: boolean; actions?: (s: ScanItem) => ComponentChildren }) {
  const l = p.locale;
  if (p.scans.length === 0) return <p>{t(l, 'filings.scans.none')}</p>;
  return (
    <ul class="scans">
      {p.scans.map((s) => (
        <li key={s.sha256}>
          <p>
            <strong>{s.fileName}</strong> <span class="muted">({formatSize(l, s.size)})</span> ·{' '}
            <a href={`${s.href}?download=1`} download={s.fileName}>
              {t(l, 'filings.scans.download')}
            </a>{' '}
            · <a href={s.href}>{t(l, 'filings.scans.open')}</a>
            {p.actions ? p.actions(s) : null}
          </p>
          {p.viewer === false ? null : s.mediaType === 'application/pdf' ? (
            <iframe src={s.href} title={t(l, 'filings.scans.viewerTitle', { name: s.fileName })} loading="lazy" />
          ) : (
            <img src={s.href} alt={t(l, 'filings.scans.imageAlt', { name: s.fileName })} loading="lazy" />
          )}
        </li>
      ))}
    </ul>
  );
}

export interface DiffView {
  from: FilingSummary;
  to: FilingSummary;
  diff: FilingDiff;
}

export function ReportPage(p: { locale: Locale; report: PublicReport; diff?: DiffView; diffRefused?: boolean }) {
  const l = p.locale;
  const r = p.report;
  const doc = r.doc;
  const h = doc.header;
  const name = partyName(l, r.party, r.chain.partyRegistrationNumber);
  const kind = reportKindLabel(l, r.chain.reportKind);
  const returned = [...r.events].reverse().find((e) => e.filingId === r.filing.id && e.status === r.filing.status && e.reason !== '');
  return (
    <FinancePage
      locale={l}
      title={`${kind}: ${name} — ${t(l, 'filings.versions.short', { n: r.filing.version })}`}
      path={`/reports/${r.filing.id}`}
      synthetic={r.election.synthetic}
      crumbs={[...electionCrumbs(l, r.election, r.party, r.chain.partyRegistrationNumber), { label: `${kind}, ${t(l, 'filings.versions.short', { n: r.filing.version })}` }]}
    >
      <h1>
        {kind}: {name}
      </h1>
      <p>
        {formatDate(l, h.periodFrom)} – {formatDate(l, h.periodTo)} · {t(l, 'filings.versions.ofTotal', { n: r.filing.version, total: r.versions.length })} ·{' '}
        <StatusBadge locale={l} status={r.filing.status} />
      </p>
      {r.filing.id !== r.latest.id ? (
        <p class="older" role="note">
          {t(l, 'filings.versions.older')} <a href={reportPath(l, r.latest.id)}>{t(l, 'filings.versions.seeLatest', { n: r.latest.version })}</a>
        </p>
      ) : null}
      {returned ? (
        <p class="older" role="note">
          <strong>{t(l, `filings.status.${returned.status}`)}:</strong> {returned.reason}
        </p>
      ) : null}
      <dl class="facts totals">
        <dt>{t(l, 'filings.field.filedAt')}</dt>
        <dd>{r.filing.submittedAt ? formatDateTime(l, r.filing.submittedAt) : '—'}</dd>
        {r.deadline ? (
          <>
            <dt>{t(l, 'filings.field.deadline')}</dt>
            <dd>
              <LateNote locale={l} deadline={r.deadline} />
            </dd>
          </>
        ) : null}
        <dt>{fieldLabel('account.bank', l)}</dt>
        <dd>{h.account.bank}</dd>
        <dt>{fieldLabel('account.number', l)}</dt>
        <dd>{h.account.number}</dd>
        <dt>{fieldLabel('signer.name', l)}</dt>
        <dd>
          {h.signer.name}, {h.signer.position}
        </dd>
        <dt>{fieldLabel('openingBalance', l)}</dt>
        <dd>{money(l, h.openingBalance)}</dd>
        <dt>{fieldLabel('totals.receipts', l)}</dt>
        <dd>{money(l, h.totals.receipts)}</dd>
        <dt>{fieldLabel('totals.expenditures', l)}</dt>
        <dd>{money(l, h.totals.expenditures)}</dd>
        <dt>{fieldLabel('totals.refunds', l)}</dt>
        <dd>{money(l, h.totals.refunds)}</dd>
        <dt>{fieldLabel('closingBalance', l)}</dt>
        <dd>{money(l, h.closingBalance)}</dd>
      </dl>
      <p class="muted">{t(l, 'filings.privacy')}</p>

      {p.diff || p.diffRefused ? <DiffSection locale={l} view={p.diff} refused={p.diffRefused === true} /> : null}

      <section aria-labelledby="receipts">
        <h2 id="receipts">
          {sectionLabels.receipts[l]} ({formatNumber(l, doc.receipts.length)})
        </h2>
        <ReceiptsTable locale={l} lines={doc.receipts} total={h.totals.receipts} filingId={r.filing.id} />
      </section>
      <section aria-labelledby="expenditures">
        <h2 id="expenditures">
          {sectionLabels.expenditures[l]} ({formatNumber(l, doc.expenditures.length)})
        </h2>
        <ExpendituresTable locale={l} lines={doc.expenditures} total={h.totals.expenditures} filingId={r.filing.id} />
      </section>
      <section aria-labelledby="refunds">
        <h2 id="refunds">
          {sectionLabels.refunds[l]} ({formatNumber(l, doc.refunds.length)})
        </h2>
        <RefundsTable locale={l} lines={doc.refunds} total={h.totals.refunds} filingId={r.filing.id} />
      </section>
      <section aria-labelledby="scans">
        <h2 id="scans">{t(l, 'filings.scans.title')}</h2>
        <ScanList locale={l} scans={r.attachments.map((a) => ({ ...a, href: scanPath(r.filing.id, a.sha256) }))} />
      </section>
      <section aria-labelledby="versions">
        <h2 id="versions">{t(l, 'filings.versions.title')}</h2>
        <VersionsTable locale={l} versions={r.versions} current={r.filing.id} />
      </section>
      <section aria-labelledby="history">
        <h2 id="history">{t(l, 'filings.history.title')}</h2>
        <ol>
          {r.events.map((e) => {
            const v = r.versions.find((x) => x.id === e.filingId);
            return (
              <li key={e.id}>
                {formatDateTime(l, e.at)}: {t(l, 'filings.versions.short', { n: v?.version ?? 0 })} — {t(l, `filings.status.${e.status}`)}
                {e.reason ? `: ${e.reason}` : ''}
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="downloads">
        <h2 id="downloads">{t(l, 'filings.download.title')}</h2>
        <ul class="downloads">
          {(['receipts', 'expenditures', 'refunds'] as const).map((s) => (
            <li key={s}>
              <a href={csvPath(r.filing.id, s)}>
                {sectionLabels[s][l]} (CSV)
              </a>
            </li>
          ))}
          <li>
            <a href={`/api/v1/filings/${r.filing.id}`}>JSON</a>
          </li>
        </ul>
      </section>
    </FinancePage>
  );
}

function VersionsTable(p: { locale: Locale; versions: FilingSummary[]; current: number }) {
  const l = p.locale;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t(l, 'filings.versions.version')}</th>
            <th scope="col">{t(l, 'filings.field.filedAt')}</th>
            <th scope="col">{t(l, 'filings.field.status')}</th>
            <th scope="col" class="num">{t(l, 'filings.field.receipts')}</th>
            <th scope="col" class="num">{t(l, 'filings.field.expenditures')}</th>
            <th scope="col">{t(l, 'filings.versions.compare')}</th>
          </tr>
        </thead>
        <tbody>
          {p.versions.map((v) => (
            <tr key={v.id}>
              <th scope="row">
                {v.id === p.current ? (
                  <span aria-current="page">{t(l, 'filings.versions.short', { n: v.version })}</span>
                ) : (
                  <a href={reportPath(l, v.id)}>{t(l, 'filings.versions.short', { n: v.version })}</a>
                )}
                {v.isLatest ? ` (${t(l, 'filings.versions.latest')})` : ''}
              </th>
              <td>{v.submittedAt ? formatDateTime(l, v.submittedAt) : '—'}</td>
              <td>
                <StatusBadge locale={l} status={v.status} />
              </td>
              <td class="num">{money(l, v.totalReceipts)}</td>
              <td class="num">{money(l, v.totalExpenditures)}</td>
              <td>
                {v.id === p.current ? (
                  '—'
                ) : (
                  <a href={`${reportPath(l, p.current)}?diff=${v.id}#diff`}>{t(l, 'filings.versions.compareWith', { n: v.version })}</a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------- the diff

const MONEY_FIELDS = /(^|\.)(amount|openingBalance|closingBalance|receipts|expenditures|refunds)$/;

function showValue(l: Locale, field: string, v: string | number | undefined): string {
  if (v === undefined) return '—';
  if (typeof v === 'number' && MONEY_FIELDS.test(field)) return money(l, v);
  if (typeof v === 'string') {
    const leaf = field.split('.').pop() ?? '';
    if (leaf === 'donorType') return donorType(l, v);
    if (leaf === 'channel') return channel(l, v);
    if (leaf === 'category') return category(l, v);
    if (leaf === 'kind') return refundKind(l, v);
    if (leaf === 'reason') return refundReason(l, v);
    if (leaf === 'reportKind') return reportKindLabel(l, v);
  }
  return String(v);
}

function lineSummary(l: Locale, section: LineSection, line: PublicReceipt | PublicExpenditure | PublicRefund): string {
  switch (section) {
    case 'receipts': {
      const r = line as PublicReceipt;
      return `${r.date} · ${r.donorName} · ${money(l, r.amount)}`;
    }
    case 'expenditures': {
      const e = line as PublicExpenditure;
      return `${e.date} · ${e.payeeName} · ${category(l, e.category)} · ${money(l, e.amount)}`;
    }
    case 'refunds': {
      const f = line as PublicRefund;
      return `${f.date} · ${f.receiptLineId} · ${refundReason(l, f.reason)} · ${money(l, f.amount)}`;
    }
  }
}

function ChangesRows(p: { locale: Locale; changes: FieldChange[]; lineId?: string }) {
  const l = p.locale;
  return (
    <>
      {p.changes.map((c, i) => (
        <tr key={`${p.lineId ?? ''}-${c.field}`}>
          {p.lineId !== undefined ? <td>{i === 0 ? p.lineId : ''}</td> : null}
          <td>{fieldLabel(c.field, l)}</td>
          <td class="diff-del">{showValue(l, c.field, c.before)}</td>
          <td class="diff-add">{showValue(l, c.field, c.after)}</td>
        </tr>
      ))}
    </>
  );
}

function SectionChanges(p: { locale: Locale; section: LineSection; diff: SectionDiff<PublicReceipt | PublicExpenditure | PublicRefund> }) {
  const l = p.locale;
  const d = p.diff;
  if (d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0) {
    return (
      <p>
        {sectionLabels[p.section][l]}: {t(l, 'filings.diff.noChange', { n: d.unchangedCount })}
      </p>
    );
  }
  return (
    <>
      <h4>{sectionLabels[p.section][l]}</h4>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{fieldLabel('lineId', l)}</th>
              <th scope="col">{t(l, 'filings.diff.change')}</th>
              <th scope="col">{t(l, 'filings.diff.before')}</th>
              <th scope="col">{t(l, 'filings.diff.after')}</th>
            </tr>
          </thead>
          <tbody>
            {d.removed.map((line) => (
              <tr key={`del-${line.lineId}`} class="diff-del">
                <td>{line.lineId}</td>
                <td>{t(l, 'filings.diff.removed')}</td>
                <td>{lineSummary(l, p.section, line)}</td>
                <td>—</td>
              </tr>
            ))}
            {d.added.map((line) => (
              <tr key={`add-${line.lineId}`} class="diff-add">
                <td>{line.lineId}</td>
                <td>{t(l, 'filings.diff.added')}</td>
                <td>—</td>
                <td>{lineSummary(l, p.section, line)}</td>
              </tr>
            ))}
            {d.changed.map((c) => (
              <ChangesRows key={`chg-${c.lineId}`} locale={l} changes={c.changes} lineId={c.lineId} />
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">{t(l, 'filings.diff.unchanged', { n: d.unchangedCount })}</p>
    </>
  );
}

function DiffSection(p: { locale: Locale; view: DiffView | undefined; refused: boolean }) {
  const l = p.locale;
  if (!p.view) {
    return (
      <section aria-labelledby="diff">
        <h2 id="diff">{t(l, 'filings.diff.title')}</h2>
        <p>{t(l, 'filings.diff.refused')}</p>
      </section>
    );
  }
  const { from, to, diff } = p.view;
  const sections = diff as unknown as Record<LineSection, SectionDiff<PublicReceipt | PublicExpenditure | PublicRefund>>;
  return (
    <section aria-labelledby="diff">
      <h2 id="diff">{t(l, 'filings.diff.heading', { from: from.version, to: to.version })}</h2>
      <h3>{t(l, 'filings.diff.header')}</h3>
      {diff.header.length === 0 ? (
        <p>{t(l, 'filings.diff.headerSame')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'filings.diff.change')}</th>
                <th scope="col">{t(l, 'filings.diff.before')}</th>
                <th scope="col">{t(l, 'filings.diff.after')}</th>
              </tr>
            </thead>
            <tbody>
              <ChangesRows locale={l} changes={diff.header} />
            </tbody>
          </table>
        </div>
      )}
      <h3>{t(l, 'filings.diff.lines')}</h3>
      {(['receipts', 'expenditures', 'refunds'] as const).map((s) => (
        <SectionChanges key={s} locale={l} section={s} diff={sections[s]} />
      ))}
      <h3>{t(l, 'filings.scans.title')}</h3>
      <p>
        {t(l, 'filings.diff.scans', { added: diff.attachments.added.length, removed: diff.attachments.removed.length, same: diff.attachments.unchangedCount })}
      </p>
    </section>
  );
}

// ---------------------------------------------------------------- search

export function ReportSearchPage(p: {
  locale: Locale;
  q: string;
  documents: DocumentHit[];
  donors: DonorHit[];
  partyNames: Map<string, Party>;
  synthetic: boolean;
}) {
  const l = p.locale;
  const reg = (r: string) => (p.partyNames.get(r) ? pick(p.partyNames.get(r)!.name, l) : r);
  return (
    <FinancePage
      locale={l}
      title={t(l, 'filings.search.title')}
      path={`/reports/search${p.q ? `?q=${encodeURIComponent(p.q)}` : ''}`}
      synthetic={p.synthetic}
      crumbs={[{ href: `/${l}/`, label: t(l, 'nav.elections') }, { label: t(l, 'filings.search.title') }]}
    >
      <h1>{t(l, 'filings.search.title')}</h1>
      <form class="search-form" method="get" action={`/${l}/reports/search`} role="search">
        <label for="q" class="muted" style="flex-basis:100%">
          {t(l, 'filings.search.label')}
        </label>
        <input id="q" name="q" type="search" value={p.q} autocomplete="off" />
        <button type="submit">{t(l, 'filings.search.button')}</button>
      </form>
      {p.q ? (
        <>
          <h2>{t(l, 'filings.search.donors', { n: p.donors.length })}</h2>
          {p.donors.length > 0 ? (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{fieldLabel('donorName', l)}</th>
                    <th scope="col">{fieldLabel('donorType', l)}</th>
                    <th scope="col">{t(l, 'ballot.party')}</th>
                    <th scope="col">{fieldLabel('date', l)}</th>
                    <th scope="col" class="num">{fieldLabel('amount', l)}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.donors.map((d) => (
                    <tr key={`${d.filingId}-${d.lineId}`}>
                      <td>
                        <a href={`${reportPath(l, d.filingId)}#receipt-${encodeURIComponent(d.lineId)}`}>{d.donorName}</a>
                      </td>
                      <td>{donorType(l, d.donorType)}</td>
                      <td>{reg(d.partyRegistrationNumber)}</td>
                      <td>{d.date}</td>
                      <td class="num">{money(l, d.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <h2>{t(l, 'filings.search.documents', { n: p.documents.length })}</h2>
          <ul>
            {p.documents.map((d) => (
              <li key={`${d.filingId}-${d.sha256}`}>
                <a href={`${reportPath(l, d.filingId)}#scans`}>{d.fileName}</a> — {reg(d.chain.partyRegistrationNumber)}, {reportKindLabel(l, d.chain.reportKind)},{' '}
                {t(l, 'filings.versions.short', { n: d.version })}
                <br />
                <span class="snippet">{snippet(d.extractedText, p.q)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </FinancePage>
  );
}

/** A few words around the first match, so that a reader sees why the document was found. */
export function snippet(text: string, q: string): string {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return text.slice(0, 160);
  const from = Math.max(0, at - 70);
  const to = Math.min(text.length, at + q.length + 70);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

// ---------------------------------------------------------------- sections of other pages

/** On the election page: money received and spent by each party, latest versions only. */
export function FinanceElectionSection(p: { locale: Locale; electionId: string; rows: Array<{ party: Party | undefined; totals: PartyTotals }> }) {
  const l = p.locale;
  return (
    <section aria-labelledby="finance">
      <h2 id="finance">{t(l, 'filings.section.title')}</h2>
      {p.rows.length === 0 ? (
        <p>{t(l, 'filings.reports.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="muted" style="text-align:left">
              {t(l, 'filings.section.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(l, 'ballot.party')}</th>
                <th scope="col" class="num">{t(l, 'filings.field.reports')}</th>
                <th scope="col" class="num">{t(l, 'filings.totals.received')}</th>
                <th scope="col" class="num">{t(l, 'filings.totals.spent')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.totals.partyRegistrationNumber}>
                  <th scope="row">
                    <a href={partyReportsPath(l, p.electionId, r.totals.partyRegistrationNumber)}>{partyName(l, r.party, r.totals.partyRegistrationNumber)}</a>
                  </th>
                  <td class="num">{formatNumber(l, r.totals.reports)}</td>
                  <td class="num">{money(l, r.totals.receipts)}</td>
                  <td class="num">{money(l, r.totals.expenditures)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/${l}/reports/search`}>{t(l, 'filings.search.title')}</a>
      </p>
    </section>
  );
}

/** On the party page: the party's totals and a link to its reports. */
export function FinancePartySection(p: { locale: Locale; electionId: string; reg: string; totals: PartyTotals | undefined; reports: number }) {
  const l = p.locale;
  return (
    <section aria-labelledby="finance">
      <h2 id="finance">{t(l, 'filings.section.title')}</h2>
      {p.totals ? <PartyTotalsFacts locale={l} totals={p.totals} /> : <p>{t(l, 'filings.reports.none')}</p>}
      <p>
        <a href={partyReportsPath(l, p.electionId, p.reg)}>{t(l, 'filings.section.allReports', { n: p.reports })}</a>
      </p>
    </section>
  );
}
