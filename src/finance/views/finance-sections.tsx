// The finance sections of the election page and of a party's page: the figures, the next report
// deadline, late and missing reports, and links to the finance pages and the itemised listings.
import type { Locale } from '../../domain/election.ts';
import { t } from '../finance.messages.ts';
import { electionOver, isSatisfied, nextDeadline } from '../../domain/report-deadlines.ts';
import { flaggedReports, type ElectionFinanceView, type PartyFinanceView } from '../core/finance-view.ts';
import { electionFinancePath, expendituresPath, partyFinancePath, partyQuery, receiptsPath } from '../core/paths.ts';
import { day } from '../../platform/web/numbers.ts';
import { Figures, StateView, reportKindLabel } from './finance-parts.tsx';

/**
 * The kinds of report nobody waits for any more: every party of the ballot (or the one party shown)
 * has filed them, or filed a later report that takes them in.
 */
function doneKinds(parties: readonly PartyFinanceView[]): Set<string> {
  if (parties.length === 0) return new Set();
  const kinds = new Set(parties.flatMap((x) => x.reports.map((r) => r.kind)));
  return new Set(
    [...kinds].filter((k) => parties.every((x) => x.reports.some((r) => r.kind === k && isSatisfied(r.status)))),
  );
}

function DeadlineLine(p: { view: ElectionFinanceView; parties: readonly PartyFinanceView[]; locale: Locale }) {
  const l = p.locale;
  const over = electionOver(p.view.election.status);
  const next = nextDeadline(p.view.deadlines, p.view.now, { over, done: doneKinds(p.parties) });
  if (!next) return null;
  const kind = reportKindLabel(next.kind, l);
  return (
    <p>
      {next.daysLeft === 0
        ? t(l, 'deadline.nextToday', { kind })
        : t(l, 'deadline.next', { kind, date: day(next.dueDate, l), days: next.daysLeft })}
    </p>
  );
}

export function ElectionFinanceSection(p: { view: ElectionFinanceView; locale: Locale }) {
  const l = p.locale;
  const v = p.view;
  const { late, missing } = flaggedReports(v);
  return (
    <section aria-labelledby="finance">
      <h2 id="finance">{t(l, 'finance.title')}</h2>
      <Figures totals={v.total} locale={l} />
      <DeadlineLine view={v} parties={v.parties.filter((x) => x.entry !== null)} locale={l} />
      {late + missing > 0 ? (
        <p class="flag">
          <span aria-hidden="true">⚠ </span>
          {t(l, 'deadline.flagged', { late, missing })}
        </p>
      ) : null}
      <p>
        <a href={`/${l}${electionFinancePath(v.election.id)}`}>{t(l, 'finance.electionPage')}</a> ·{' '}
        <a href={`/${l}${receiptsPath(v.election.id)}`}>{t(l, 'finance.itemisedReceipts')}</a> ·{' '}
        <a href={`/${l}${expendituresPath(v.election.id)}`}>{t(l, 'finance.itemisedExpenditures')}</a>
      </p>
    </section>
  );
}

export function PartyFinanceSection(p: { view: ElectionFinanceView; party: PartyFinanceView; locale: Locale }) {
  const l = p.locale;
  const x = p.party;
  const flagged = x.reports.filter((r) => r.status.state === 'late' || r.status.state === 'missing');
  const e = p.view.election;
  return (
    <section aria-labelledby="finance">
      <h2 id="finance">{t(l, 'finance.title')}</h2>
      <Figures totals={x.totals} locale={l} />
      {flagged.length > 0 ? (
        <ul>
          {flagged.map((r) => (
            <li key={r.kind}>
              {reportKindLabel(r.kind, l)}: <StateView state={r.status} locale={l} />
            </li>
          ))}
        </ul>
      ) : null}
      <DeadlineLine view={p.view} parties={[x]} locale={l} />
      <p>
        <a href={`/${l}${partyFinancePath(e.id, x.registrationNumber)}`}>{t(l, 'finance.partyPage')}</a> ·{' '}
        <a href={`/${l}${receiptsPath(e.id)}?${partyQuery(x.registrationNumber)}`}>{t(l, 'finance.receipts')}</a> ·{' '}
        <a href={`/${l}${expendituresPath(e.id)}?${partyQuery(x.registrationNumber)}`}>
          {t(l, 'finance.expenditures')}
        </a>
      </p>
    </section>
  );
}
