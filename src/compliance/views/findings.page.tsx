// The commission's findings: filters by election, party, rule, severity and status, the counts per rule
// and status, the findings (each a link to its page), and, for an election, what is published of its
// findings with the administrator's form to decide it.
import type { Locale, Localized } from '../../domain/election.ts';
import {
  CsrfField,
  DataTable,
  Filter,
  FilterForm,
  Notice,
  Page,
  pick,
  renderPage,
  som,
  When,
  type Column,
} from '../../platform/web/index.ts';
import { FINDING_STATUSES, SEVERITIES } from '../core/finding.ts';
import { RULE_CATALOGUE } from '../core/rules/index.ts';
import { t } from '../compliance.messages.ts';
import type { PublicationDecision } from '../publication.repository.ts';
import type { FindingFilter } from '../review.repository.ts';
import type { FindingsScreen } from '../review.service.ts';
import { RemedyText, ruleTitle, severityText, statusText, StatusTag } from './finding-parts.tsx';

export interface FindingsPageProps {
  locale: Locale;
  filter: FindingFilter;
  screen: FindingsScreen;
  elections: ReadonlyArray<{ id: string; name: Localized }>;
  partyNames: ReadonlyMap<string, Localized>;
  /** The selected election's publication, when one election is selected. */
  publication?: { decision: PublicationDecision | undefined; canDecide: boolean; csrfToken: string } | undefined;
  done?: string | undefined;
}

type Row = FindingsScreen['findings'][number];

export const findingsPath = (l: Locale) => `/${l}/commission/findings`;
export const findingPath = (l: Locale, id: string) => `/${l}/commission/findings/${encodeURIComponent(id)}`;

function Choice(p: { name: string; label: string; value: string | undefined; options: Array<[string, string]> }) {
  return (
    <Filter label={p.label}>
      <select name={p.name}>
        <option value="">{'—'}</option>
        {p.options.map(([v, text]) => (
          <option key={v} value={v} selected={v === p.value}>
            {text}
          </option>
        ))}
      </select>
    </Filter>
  );
}

function columns(l: Locale, names: FindingsPageProps['partyNames']): Column<Row>[] {
  return [
    {
      key: 'rule',
      label: t(l, 'compliance.col.rule'),
      rowHeader: true,
      cell: (f) => <a href={findingPath(l, f.id)}>{ruleTitle(f.rule, l)}</a>,
    },
    {
      key: 'party',
      label: t(l, 'compliance.col.party'),
      cell: (f) => (names.get(f.party) ? pick(names.get(f.party) as Localized, l) : f.party),
    },
    { key: 'severity', label: t(l, 'compliance.col.severity'), cell: (f) => severityText(f.severity, l) },
    {
      key: 'status',
      label: t(l, 'compliance.col.status'),
      cell: (f) => <StatusTag status={f.status} locale={l} awaiting={f.awaitingAnswer} />,
    },
    {
      key: 'donor',
      label: t(l, 'compliance.col.donor'),
      cell: (f) => (f.donor ? `${f.donor.name}${f.donor.identifier ? ` (${f.donor.identifier})` : ''}` : '—'),
    },
    {
      key: 'amount',
      label: t(l, 'compliance.col.amount'),
      numeric: true,
      cell: (f) => (f.amount !== undefined ? som(f.amount, l) : '—'),
    },
    {
      key: 'remedy',
      label: t(l, 'compliance.col.remedy'),
      cell: (f) => <RemedyText remedy={f.remedy} status={f.status} locale={l} />,
    },
  ];
}

function Counts(p: { locale: Locale; counts: FindingsScreen['counts'] }) {
  const l = p.locale;
  const rules = [...new Set(p.counts.map((c) => c.rule))];
  const n = (rule: string, status: string) => p.counts.find((c) => c.rule === rule && c.status === status)?.n ?? 0;
  const rows = rules.map((rule) => ({ rule }));
  const cols: Column<{ rule: string }>[] = [
    { key: 'rule', label: t(l, 'compliance.col.rule'), rowHeader: true, cell: (r) => ruleTitle(r.rule, l) },
    ...FINDING_STATUSES.map((s) => ({
      key: s,
      label: statusText(s, l),
      numeric: true,
      cell: (r: { rule: string }) => n(r.rule, s),
    })),
    {
      key: 'total',
      label: t(l, 'compliance.col.total'),
      numeric: true,
      cell: (r) => FINDING_STATUSES.reduce((sum, s) => sum + n(r.rule, s), 0),
    },
  ];
  return (
    <section aria-labelledby="counts">
      <h2 id="counts">{t(l, 'compliance.counts.title')}</h2>
      <DataTable locale={l} columns={cols} rows={rows} rowKey={(r) => r.rule} empty={t(l, 'compliance.none')} />
    </section>
  );
}

function Publication(p: { locale: Locale; electionId: string; pub: NonNullable<FindingsPageProps['publication']> }) {
  const l = p.locale;
  const d = p.pub.decision;
  const on = d && (d.publishFindings || d.publishStatistics);
  const what = d
    ? [
        d.publishFindings ? t(l, 'compliance.publication.findings') : '',
        d.publishStatistics ? t(l, 'compliance.publication.statistics') : '',
      ]
        .filter(Boolean)
        .join('; ')
    : '';
  return (
    <section aria-labelledby="publication">
      <h2 id="publication">{t(l, 'compliance.publication.title')}</h2>
      <p>
        {on ? (
          <>
            {t(l, 'compliance.publication.state.on', { what, date: d.at.slice(0, 10), actor: d.actor })}{' '}
            <When iso={d.at} locale={l} />
          </>
        ) : (
          t(l, 'compliance.publication.state.none')
        )}
      </p>
      {p.pub.canDecide ? (
        <form
          method="post"
          action={`/${l}/commission/elections/${encodeURIComponent(p.electionId)}/findings/publication`}
          class="stack"
        >
          <CsrfField token={p.pub.csrfToken} />
          <label>
            <input type="checkbox" name="publishFindings" value="1" checked={d?.publishFindings ?? false} />{' '}
            {t(l, 'compliance.publication.findings')}
          </label>
          <label>
            <input type="checkbox" name="publishStatistics" value="1" checked={d?.publishStatistics ?? false} />{' '}
            {t(l, 'compliance.publication.statistics')}
          </label>
          <button type="submit">{t(l, 'compliance.action.publish')}</button>
        </form>
      ) : null}
    </section>
  );
}

export function FindingsPage(p: FindingsPageProps) {
  const l = p.locale;
  const f = p.filter;
  const title = t(l, 'compliance.title.findings');
  const parties = [...new Set(p.screen.scopes.filter((s) => !f.electionId || s.electionId === f.electionId))].map(
    (s) => s.party,
  );
  const filtered = Object.values(f).some((v) => v);
  return renderPage(
    <Page locale={l} title={title} path="/commission/findings">
      <h1>{title}</h1>
      <Notice text={p.done} />
      <p>{t(l, 'compliance.intro.findings')}</p>
      <FilterForm locale={l} action={findingsPath(l)} resetHref={filtered ? findingsPath(l) : null}>
        <Choice
          name="election"
          label={t(l, 'compliance.col.election')}
          value={f.electionId}
          options={p.elections.map((e) => [e.id, pick(e.name, l)])}
        />
        <Choice
          name="party"
          label={t(l, 'compliance.col.party')}
          value={f.party}
          options={[...new Set(parties)].map((reg) => [
            reg,
            p.partyNames.get(reg) ? pick(p.partyNames.get(reg) as Localized, l) : reg,
          ])}
        />
        <Choice
          name="rule"
          label={t(l, 'compliance.col.rule')}
          value={f.rule}
          options={RULE_CATALOGUE.map((r) => [r.id, r.title[l]])}
        />
        <Choice
          name="severity"
          label={t(l, 'compliance.col.severity')}
          value={f.severity}
          options={SEVERITIES.map((s) => [s, severityText(s, l)])}
        />
        <Choice
          name="status"
          label={t(l, 'compliance.col.status')}
          value={f.status}
          options={FINDING_STATUSES.map((s) => [s, statusText(s, l)])}
        />
      </FilterForm>
      {f.electionId && p.publication ? <Publication locale={l} electionId={f.electionId} pub={p.publication} /> : null}
      {!f.electionId ? <p class="muted">{t(l, 'compliance.publication.chooseElection')}</p> : null}
      <Counts locale={l} counts={p.screen.counts} />
      <h2>{t(l, 'compliance.title.findings')}</h2>
      <p class="muted">{t(l, 'compliance.shown', { shown: p.screen.findings.length, total: p.screen.total })}</p>
      <DataTable
        locale={l}
        columns={columns(l, p.partyNames)}
        rows={p.screen.findings}
        rowKey={(x) => x.id}
        empty={t(l, 'compliance.none')}
      />
    </Page>,
  );
}
