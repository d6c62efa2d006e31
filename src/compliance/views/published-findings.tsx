// The published findings as the public reads them, on the election's register and in a party's section:
// the findings the commission confirmed (public shape, no identity number of a person), the remedy the
// law sets and its state, and the statistics per rule. Shows only what it is given.
import type { Locale, Localized } from '../../domain/election.ts';
import { DataTable, pick, som, type Column } from '../../platform/web/index.ts';
import type { PublicFinding } from '../core/public-finding.ts';
import { t } from '../compliance.messages.ts';
import type { RuleStatistic } from '../publication.service.ts';
import { RemedyText, ruleTitle, severityText, StatusTag } from './finding-parts.tsx';

export function PublishedFindingsTable(p: {
  locale: Locale;
  findings: readonly PublicFinding[];
  partyNames?: ReadonlyMap<string, Localized>;
}) {
  const l = p.locale;
  const names = p.partyNames;
  const cols: Column<PublicFinding>[] = [
    { key: 'rule', label: t(l, 'compliance.col.rule'), rowHeader: true, cell: (f) => ruleTitle(f.rule, l) },
    ...(names
      ? [
          {
            key: 'party',
            label: t(l, 'compliance.col.party'),
            cell: (f: PublicFinding) => (names.get(f.party) ? pick(names.get(f.party) as Localized, l) : f.party),
          },
        ]
      : []),
    { key: 'severity', label: t(l, 'compliance.col.severity'), cell: (f) => severityText(f.severity, l) },
    { key: 'status', label: t(l, 'compliance.col.status'), cell: (f) => <StatusTag status={f.status} locale={l} /> },
    { key: 'donor', label: t(l, 'compliance.col.donor'), cell: (f) => f.donor?.name ?? '—' },
    {
      key: 'amount',
      label: t(l, 'compliance.col.amount'),
      numeric: true,
      cell: (f) => (f.amount !== null ? som(f.amount, l) : '—'),
    },
    {
      key: 'remedy',
      label: t(l, 'compliance.col.remedy'),
      cell: (f) => <RemedyText remedy={f.remedy} status={f.status} locale={l} />,
    },
  ];
  return (
    <DataTable
      locale={l}
      columns={cols}
      rows={p.findings}
      rowKey={(f) => f.id}
      rowId={(f) => `finding-${f.id}`}
      empty={t(l, 'compliance.none.published')}
    />
  );
}

export function RuleStatisticsTable(p: { locale: Locale; statistics: readonly RuleStatistic[] }) {
  const l = p.locale;
  const cols: Column<RuleStatistic>[] = [
    { key: 'rule', label: t(l, 'compliance.col.rule'), rowHeader: true, cell: (s) => ruleTitle(s.rule, l) },
    { key: 'findings', label: t(l, 'compliance.col.count'), numeric: true, cell: (s) => s.findings },
    { key: 'remedied', label: t(l, 'compliance.col.remediedCount'), numeric: true, cell: (s) => s.remedied },
    { key: 'amount', label: t(l, 'compliance.col.amount'), numeric: true, cell: (s) => som(s.amount, l) },
    {
      key: 'remedyAmount',
      label: t(l, 'compliance.col.remedyAmount'),
      numeric: true,
      cell: (s) => som(s.remedyAmount, l),
    },
  ];
  return (
    <DataTable
      locale={l}
      columns={cols}
      rows={p.statistics}
      rowKey={(s) => s.rule}
      empty={t(l, 'compliance.none.published')}
    />
  );
}
