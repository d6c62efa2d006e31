// The search in donors (any script, by phonetic key) and in the text of scanned documents.
import type { Locale, Party } from '../../domain/election.ts';
import { DataTable, day, pick, SearchForm, type Column } from '../../platform/web/index.ts';
import { t } from '../filing.messages.ts';
import { fieldLabel } from '../core/filing-labels.ts';
import type { DocumentHit, DonorHit } from '../filing-search.repository.ts';
import { donorType, FinancePage, money, reportKindLabel, reportPath } from './common.tsx';

/** Receipts whose donor matched, each a link to its line in the report. */
function donorColumns(l: Locale, partyName: (reg: string) => string): Column<DonorHit>[] {
  return [
    {
      key: 'donorName',
      label: fieldLabel('donorName', l),
      cell: (d) => <a href={`${reportPath(l, d.filingId)}#receipt-${encodeURIComponent(d.lineId)}`}>{d.donorName}</a>,
    },
    { key: 'donorType', label: fieldLabel('donorType', l), cell: (d) => donorType(l, d.donorType) },
    { key: 'party', label: t(l, 'ballot.party'), cell: (d) => partyName(d.partyRegistrationNumber) },
    { key: 'date', label: fieldLabel('date', l), cell: (d) => day(d.date, l) },
    { key: 'amount', label: fieldLabel('amount', l), numeric: true, cell: (d) => money(l, d.amount) },
  ];
}

export function ReportSearchPage(p: {
  locale: Locale;
  q: string;
  documents: DocumentHit[];
  donors: DonorHit[];
  partyNames: Map<string, Party>;
  synthetic: boolean;
}) {
  const l = p.locale;
  const reg = (r: string) => {
    const party = p.partyNames.get(r);
    return party ? pick(party.name, l) : r;
  };
  return (
    <FinancePage
      locale={l}
      title={t(l, 'filings.search.title')}
      path={`/reports/search${p.q ? `?q=${encodeURIComponent(p.q)}` : ''}`}
      synthetic={p.synthetic}
      crumbs={[{ href: `/${l}/`, label: t(l, 'nav.elections') }, { label: t(l, 'filings.search.title') }]}
    >
      <h1>{t(l, 'filings.search.title')}</h1>
      <SearchForm
        action={`/${l}/reports/search`}
        q={p.q}
        label={t(l, 'filings.search.label')}
        button={t(l, 'filings.search.button')}
      />
      {p.q ? (
        <>
          <h2>{t(l, 'filings.search.donors', { n: p.donors.length })}</h2>
          {p.donors.length > 0 ? (
            <DataTable
              locale={l}
              columns={donorColumns(l, reg)}
              rows={p.donors}
              rowKey={(d) => `${d.filingId}-${d.lineId}`}
            />
          ) : null}
          <h2>{t(l, 'filings.search.documents', { n: p.documents.length })}</h2>
          <ul>
            {p.documents.map((d) => (
              <li key={`${d.filingId}-${d.sha256}`}>
                <a href={`${reportPath(l, d.filingId)}#scans`}>{d.fileName}</a> — {reg(d.chain.partyRegistrationNumber)}
                , {reportKindLabel(l, d.chain.reportKind)}, {t(l, 'filings.versions.short', { n: d.version })}
                <br />
                {d.machineRead ? <span class="muted">({t(l, 'filings.search.machineRead')}) </span> : null}
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
