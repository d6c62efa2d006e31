// What the finance report pages share: paths, labels of the format's values, the status badge, the page
// frame with its breadcrumbs, the deadline note, a party's totals and those a report states.
import { isFundNumber } from '../../races/index.ts';
import { Fragment, type ComponentChildren } from 'preact';
import type { Election, Locale, Party } from '../../domain/election.ts';
import { tyiyn } from '../../domain/money.ts';
import { Page, pick, som, type Crumb } from '../../platform/web/index.ts';
import { formatDate } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';
import {
  donorTypeLabels,
  fieldLabel,
  expenditureCategoryLabels,
  receiptChannelLabels,
  refundKindLabels,
  refundReasonLabels,
  reportKindLabels,
} from '../core/filing-labels.ts';
import { LINE_SECTIONS, type LineSection, type ReportKind } from '../core/filing.ts';
import type { FilingStatus } from '../core/review.ts';
import type { Deadline } from '../core/deadlines.ts';
import type { PartyTotals } from '../filing-search.repository.ts';

export const money = (l: Locale, n: number) => som(tyiyn(n), l);
export const reportKindLabel = (l: Locale, kind: ReportKind | string) =>
  (reportKindLabels as Record<string, { ky: string; ru: string; en: string }>)[kind]?.[l] ?? kind;
export const reportPath = (l: Locale, filingId: number) => `/${l}/reports/${filingId}`;
export const partyReportsPath = (l: Locale, electionId: string, reg: string) =>
  `/${l}/elections/${encodeURIComponent(electionId)}/parties/${encodeURIComponent(reg)}/reports`;
export const scanPath = (filingId: number, sha256: string) => `/reports/${filingId}/scans/${sha256}`;
export const csvPath = (filingId: number, section: LineSection) => `/reports/${filingId}/${section}.csv`;

export function StatusBadge(p: { locale: Locale; status: FilingStatus }) {
  return <span class={`status status-${p.status}`}>{t(p.locale, `filings.status.${p.status}`)}</span>;
}

/** The frame of the public finance pages. */
export function FinancePage(p: {
  locale: Locale;
  title: string;
  path: string;
  synthetic: boolean;
  crumbs: Crumb[];
  children: ComponentChildren;
}) {
  return (
    <Page locale={p.locale} title={p.title} path={p.path} synthetic={p.synthetic} crumbs={p.crumbs}>
      {p.children}
    </Page>
  );
}

/** The name of a party, or of any filer with a name (a candidate's fund); its number when unknown. */
export function partyName(l: Locale, party: Pick<Party, 'name'> | undefined, reg: string): string {
  return party ? pick(party.name, l) : reg;
}

export function electionCrumbs(l: Locale, election: Election, party: Pick<Party, 'name'> | undefined, reg: string) {
  return [
    { href: `/${l}/`, label: t(l, 'nav.elections') },
    { href: `/${l}/elections/${election.id}`, label: pick(election.name, l) },
    // A candidate's fund has no party page: its races are where it is shown.
    isFundNumber(reg)
      ? { href: `/${l}/elections/${election.id}/races`, label: partyName(l, party, reg) }
      : { href: `/${l}/elections/${election.id}/parties/${encodeURIComponent(reg)}`, label: partyName(l, party, reg) },
    { href: partyReportsPath(l, election.id, reg), label: t(l, 'filings.reports.title') },
  ];
}

export function LateNote(p: { locale: Locale; deadline: Deadline | undefined }) {
  const d = p.deadline;
  if (!d) return null;
  const l = p.locale;
  return d.daysLate > 0 ? (
    <span class="late">
      {t(l, 'filings.deadline.late', { days: d.daysLate, due: formatDate(l, d.due), filed: formatDate(l, d.filedOn) })}
    </span>
  ) : (
    <span>{t(l, 'filings.deadline.onTime', { due: formatDate(l, d.due), filed: formatDate(l, d.filedOn) })}</span>
  );
}

export function PartyTotalsFacts(p: { locale: Locale; totals: PartyTotals }) {
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

/** The totals a report's header states, section by section, as entries of the surrounding `<dl>`. */
export function HeaderTotals(p: { locale: Locale; totals: Record<LineSection, number> }) {
  const l = p.locale;
  return (
    <>
      {LINE_SECTIONS.map((section) => (
        <Fragment key={section}>
          <dt>{fieldLabel(`totals.${section}`, l)}</dt>
          <dd>{money(l, p.totals[section])}</dd>
        </Fragment>
      ))}
    </>
  );
}

export const donorType = (l: Locale, v: string) =>
  (donorTypeLabels as Record<string, { ky: string; ru: string; en: string }>)[v]?.[l] ?? v;
export const channel = (l: Locale, v: string) =>
  (receiptChannelLabels as Record<string, { ky: string; ru: string; en: string }>)[v]?.[l] ?? v;
export const category = (l: Locale, v: string) =>
  (expenditureCategoryLabels as Record<string, { ky: string; ru: string; en: string }>)[v]?.[l] ?? v;
export const refundKind = (l: Locale, v: string) =>
  (refundKindLabels as Record<string, { ky: string; ru: string; en: string }>)[v]?.[l] ?? v;
export const refundReason = (l: Locale, v: string) =>
  (refundReasonLabels as Record<string, { ky: string; ru: string; en: string }>)[v]?.[l] ?? v;
