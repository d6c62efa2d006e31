// One filed version of a report, itemised line by line, with its scans, its versions, its status history,
// the downloads and, when asked for, the changes from another version. Nothing here can show a PIN or an
// address: the page only ever receives the public document made by toPublicDocument. A version filed in
// the v2 format adds its gifts in kind and its loans (report-v2-sections.tsx) when it has any.
import { VerifyLink } from '../../transparency-log/index.ts';
import { filingRef } from '../filing-log.ts';
import type { Locale } from '../../domain/election.ts';
import { formatDate, formatDateTime, formatNumber } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';
import { fieldLabel, sectionLabels } from '../core/filing-labels.ts';
import { LINE_SECTIONS } from '../core/filing.ts';
import { FILING_FORMAT_V2 } from '../core/filing-v2.ts';
import { publicV1Part } from '../core/public-filing.ts';
import type { FilingSummary } from '../filing.repository.ts';
import { DataTable, type Column } from '../../platform/web/index.ts';
import type { DiffView, PublicReport } from '../public-report.service.ts';
import {
  csvPath,
  electionCrumbs,
  FinancePage,
  HeaderTotals,
  LateNote,
  money,
  partyName,
  reportKindLabel,
  reportPath,
  scanPath,
  StatusBadge,
} from './common.tsx';
import { LinesOfSection } from './line-tables.tsx';
import { ScanList } from './scan-list.tsx';
import { DiffSection } from './diff-section.tsx';
import { NewLineSections, newLinesCsvPath, newSectionTitle } from './report-v2-sections.tsx';

export function ReportPage(p: { locale: Locale; report: PublicReport; diff?: DiffView; diffRefused?: boolean }) {
  const l = p.locale;
  const r = p.report;
  const v2 = r.doc.format === FILING_FORMAT_V2 ? r.doc : undefined;
  const doc = publicV1Part(r.doc);
  const h = doc.header;
  const name = partyName(l, r.party, r.chain.partyRegistrationNumber);
  const kind = reportKindLabel(l, r.chain.reportKind);
  const returned = [...r.events]
    .reverse()
    .find((e) => e.filingId === r.filing.id && e.status === r.filing.status && e.reason !== '');
  return (
    <FinancePage
      locale={l}
      title={`${kind}: ${name} — ${t(l, 'filings.versions.short', { n: r.filing.version })}`}
      path={`/reports/${r.filing.id}`}
      synthetic={r.election.synthetic}
      crumbs={[
        ...electionCrumbs(l, r.election, r.party, r.chain.partyRegistrationNumber),
        { label: `${kind}, ${t(l, 'filings.versions.short', { n: r.filing.version })}` },
      ]}
    >
      <h1>
        {kind}: {name}
      </h1>
      <p>
        {formatDate(l, h.periodFrom)} – {formatDate(l, h.periodTo)} ·{' '}
        {t(l, 'filings.versions.ofTotal', { n: r.filing.version, total: r.versions.length })} ·{' '}
        <StatusBadge locale={l} status={r.filing.status} /> · <VerifyLink locale={l} logRef={filingRef(r.filing.id)} />
      </p>
      {r.filing.id !== r.latest.id ? (
        <p class="older" role="note">
          {t(l, 'filings.versions.older')}{' '}
          <a href={reportPath(l, r.latest.id)}>{t(l, 'filings.versions.seeLatest', { n: r.latest.version })}</a>
        </p>
      ) : null}
      {returned ? (
        <p class="older" role="note">
          <strong>{t(l, `filings.status.${returned.status}`)}:</strong> {returned.reason}
        </p>
      ) : null}
      <ReportFacts locale={l} report={r} />
      <p class="muted">{t(l, 'filings.privacy')}</p>

      {p.diff || p.diffRefused ? <DiffSection locale={l} view={p.diff} refused={p.diffRefused === true} /> : null}

      {LINE_SECTIONS.map((section) => (
        <section key={section} aria-labelledby={section}>
          <h2 id={section}>
            {sectionLabels[section][l]} ({formatNumber(l, doc[section].length)})
          </h2>
          <LinesOfSection locale={l} doc={doc} section={section} filingId={r.filing.id} />
        </section>
      ))}
      {v2 ? <NewLineSections locale={l} doc={v2} filingId={r.filing.id} /> : null}
      <section aria-labelledby="scans">
        <h2 id="scans">{t(l, 'filings.scans.title')}</h2>
        <ScanList
          locale={l}
          scans={r.attachments.map((a) => ({
            ...a,
            href: scanPath(r.filing.id, a.sha256),
            read: r.scanTexts.get(a.sha256),
          }))}
        />
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
                {formatDateTime(l, e.at)}: {t(l, 'filings.versions.short', { n: v?.version ?? 0 })} —{' '}
                {t(l, `filings.status.${e.status}`)}
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
              <a href={csvPath(r.filing.id, s)}>{sectionLabels[s][l]} (CSV)</a>
            </li>
          ))}
          {v2
            ? (['inKind', 'loans'] as const).map((s) => (
                <li key={s}>
                  <a href={newLinesCsvPath(r.filing.id, s)}>{newSectionTitle(l, s)} (CSV)</a>
                </li>
              ))
            : null}
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
  const short = (v: FilingSummary) => t(l, 'filings.versions.short', { n: v.version });
  const columns: Column<FilingSummary>[] = [
    {
      key: 'version',
      label: t(l, 'filings.versions.version'),
      rowHeader: true,
      cell: (v) => (
        <>
          {v.id === p.current ? (
            <span aria-current="page">{short(v)}</span>
          ) : (
            <a href={reportPath(l, v.id)}>{short(v)}</a>
          )}
          {v.isLatest ? ` (${t(l, 'filings.versions.latest')})` : ''}
        </>
      ),
    },
    {
      key: 'filedAt',
      label: t(l, 'filings.field.filedAt'),
      cell: (v) => (v.submittedAt ? formatDateTime(l, v.submittedAt) : '—'),
    },
    { key: 'status', label: t(l, 'filings.field.status'), cell: (v) => <StatusBadge locale={l} status={v.status} /> },
    { key: 'receipts', label: t(l, 'filings.field.receipts'), numeric: true, cell: (v) => money(l, v.totalReceipts) },
    {
      key: 'expenditures',
      label: t(l, 'filings.field.expenditures'),
      numeric: true,
      cell: (v) => money(l, v.totalExpenditures),
    },
    {
      key: 'compare',
      label: t(l, 'filings.versions.compare'),
      cell: (v) =>
        v.id === p.current ? (
          '—'
        ) : (
          <a href={`${reportPath(l, p.current)}?diff=${v.id}#diff`}>
            {t(l, 'filings.versions.compareWith', { n: v.version })}
          </a>
        ),
    },
  ];
  return <DataTable locale={l} columns={columns} rows={p.versions} rowKey={(v) => v.id} />;
}

/** When it was filed and against which deadline, the account, the signer and the figures of the header. */
export function ReportFacts(p: { locale: Locale; report: PublicReport }) {
  const l = p.locale;
  const r = p.report;
  const h = r.doc.header;
  return (
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
      <HeaderTotals locale={l} totals={h.totals} />
      <dt>{fieldLabel('closingBalance', l)}</dt>
      <dd>{money(l, h.closingBalance)}</dd>
    </dl>
  );
}
