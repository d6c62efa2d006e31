// The changes between two filed versions of a report: the header's fields, the lines added, removed and
// changed in each section, and the scans.
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../domain/election.ts';
import { day } from '../../platform/web/index.ts';
import { t } from '../filing.messages.ts';
import type { FieldChange, SectionDiff } from '../core/filing-diff.ts';
import { fieldLabel, sectionLabels } from '../core/filing-labels.ts';
import type { LineSection } from '../core/filing.ts';
import type { PublicExpenditure, PublicReceipt, PublicRefund } from '../core/public-filing.ts';
import type { DiffView } from '../public-report.service.ts';
import { category, channel, donorType, money, refundKind, refundReason, reportKindLabel } from './common.tsx';

const MONEY_FIELDS = /(^|\.)(amount|openingBalance|closingBalance|receipts|expenditures|refunds)$/;
const DATE_FIELDS = new Set(['date', 'periodFrom', 'periodTo']);

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
    if (DATE_FIELDS.has(leaf)) return day(v, l);
  }
  return String(v);
}

function lineSummary(l: Locale, section: LineSection, line: PublicReceipt | PublicExpenditure | PublicRefund): string {
  switch (section) {
    case 'receipts': {
      const r = line as PublicReceipt;
      return `${day(r.date, l)} · ${r.donorName} · ${money(l, r.amount)}`;
    }
    case 'expenditures': {
      const e = line as PublicExpenditure;
      return `${day(e.date, l)} · ${e.payeeName} · ${category(l, e.category)} · ${money(l, e.amount)}`;
    }
    case 'refunds': {
      const f = line as PublicRefund;
      return `${day(f.date, l)} · ${f.receiptLineId} · ${refundReason(l, f.reason)} · ${money(l, f.amount)}`;
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

/** A table of changes, one row per field (and per line, when `byLine`): what it was and what it is. */
function ChangesTable(p: { locale: Locale; byLine: boolean; children: ComponentChildren }) {
  const l = p.locale;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {p.byLine ? <th scope="col">{fieldLabel('lineId', l)}</th> : null}
            <th scope="col">{t(l, 'filings.diff.change')}</th>
            <th scope="col">{t(l, 'filings.diff.before')}</th>
            <th scope="col">{t(l, 'filings.diff.after')}</th>
          </tr>
        </thead>
        <tbody>{p.children}</tbody>
      </table>
    </div>
  );
}

function SectionChanges(p: {
  locale: Locale;
  section: LineSection;
  diff: SectionDiff<PublicReceipt | PublicExpenditure | PublicRefund>;
}) {
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
      <ChangesTable locale={l} byLine>
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
      </ChangesTable>
      <p class="muted">{t(l, 'filings.diff.unchanged', { n: d.unchangedCount })}</p>
    </>
  );
}

export function DiffSection(p: { locale: Locale; view: DiffView | undefined; refused: boolean }) {
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
  const sections = diff as unknown as Record<
    LineSection,
    SectionDiff<PublicReceipt | PublicExpenditure | PublicRefund>
  >;
  return (
    <section aria-labelledby="diff">
      <h2 id="diff">{t(l, 'filings.diff.heading', { from: from.version, to: to.version })}</h2>
      <h3>{t(l, 'filings.diff.header')}</h3>
      {diff.header.length === 0 ? (
        <p>{t(l, 'filings.diff.headerSame')}</p>
      ) : (
        <ChangesTable locale={l} byLine={false}>
          <ChangesRows locale={l} changes={diff.header} />
        </ChangesTable>
      )}
      <h3>{t(l, 'filings.diff.lines')}</h3>
      {(['receipts', 'expenditures', 'refunds'] as const).map((s) => (
        <SectionChanges key={s} locale={l} section={s} diff={sections[s]} />
      ))}
      <h3>{t(l, 'filings.scans.title')}</h3>
      <p>
        {t(l, 'filings.diff.scans', {
          added: diff.attachments.added.length,
          removed: diff.attachments.removed.length,
          same: diff.attachments.unchangedCount,
        })}
      </p>
    </section>
  );
}
