// The commission's reconciliation screen: every party's bank and reported totals, its findings with both
// sides as evidence, matched pairs on each party's own page, the switch that publishes unreported money
// and its history, and the "run again" buttons.
import { CsrfField, DataTable, Notice, day, num, pick, renderPage, type Column } from '../../platform/web/index.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import type { Election, Locale } from '../../domain/election.ts';
import type { Publication, RunSummary } from '../reconciliation.repository.ts';
import type { FlaggedStatement, PartyReconciliation } from '../reconciliation-screen.service.ts';
import { t } from '../bank-statement.messages.ts';
import { BankPage, money, moneyIn, period } from './bank-page.tsx';
import { ResultHead, ResultRows, label } from './reconciliation-evidence.tsx';

export interface ReconciliationPageProps {
  locale: Locale;
  csrfToken: string;
  election: Election;
  toleranceDays: number;
  parties: PartyReconciliation[];
  publication: Publication | undefined;
  history: Publication[];
  canPublish: boolean;
  canRerun: boolean;
  /** Set on one party's page: only that party, with every matched pair. */
  single?: boolean;
}

const FINDING_KINDS = ['unreported', 'unsupported', 'amount_mismatch', 'date_mismatch', 'cash'] as const;

/** The bank's and the reports' totals of a run, side by side. */
function RunTotals(p: { run: RunSummary; name: string; locale: Locale }) {
  const l = p.locale;
  const r = p.run;
  const rows = [
    { label: t(l, 'bank.col.received'), bank: r.bankReceived, reported: r.reportedReceived },
    { label: t(l, 'bank.col.spent'), bank: r.bankSpent, reported: r.reportedSpent },
  ];
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'figure', label: t(l, 'bank.section.figure'), rowHeader: true, cell: (x) => x.label },
    { key: 'bank', label: t(l, 'bank.section.bank'), numeric: true, cell: (x) => money(x.bank, l) },
    { key: 'reported', label: t(l, 'bank.section.reported'), numeric: true, cell: (x) => money(x.reported, l) },
    {
      key: 'difference',
      label: t(l, 'bank.section.difference'),
      numeric: true,
      cell: (x) => money(x.bank - x.reported, l),
    },
  ];
  return <DataTable locale={l} columns={columns} rows={rows} caption={p.name} captionClass="muted" />;
}

/** How many results of each kind the run found. */
function KindCounts(p: { party: PartyReconciliation; run: RunSummary; locale: Locale }) {
  const l = p.locale;
  const run = p.run;
  const count = (k: 'matched' | (typeof FINDING_KINDS)[number]): number => {
    switch (k) {
      case 'matched':
        return run.matchedCount;
      case 'unreported':
        return run.unreportedCount;
      case 'unsupported':
        return run.unsupportedCount;
      case 'cash':
        return run.cashCount;
      case 'amount_mismatch':
      case 'date_mismatch':
        return p.party.findings.filter((f) => f.kind === k).length;
    }
  };
  return (
    <ul>
      {(['matched', ...FINDING_KINDS] as const).map((k) => (
        <li key={k}>
          {t(l, `bank.recon.kind.${k}`)}: {num(count(k), l)}
        </li>
      ))}
    </ul>
  );
}

/** Statements the commission is warned about, each with what is wrong and its amount in its own currency. */
function StatementWarnings(p: { flagged: readonly FlaggedStatement[]; locale: Locale }) {
  const l = p.locale;
  if (p.flagged.length === 0) return null;
  return (
    <Notice kind="warn" text={t(l, 'bank.recon.warnings')}>
      <ul>
        {p.flagged.flatMap((f) => {
          const s = f.statement;
          const params = {
            number: s.statementNumber ?? `(${s.sequence})`,
            account: f.accountNumber,
            period: period(s, l),
            currency: s.currency,
            closing: moneyIn(s.closing, s.currency, l),
          };
          return [
            f.foreignCurrency ? (
              <li key={`${s.id}-currency`} data-warning="foreign_currency">
                {t(l, 'bank.recon.warn.foreignCurrency', params)}
              </li>
            ) : null,
            f.negativeClosing ? (
              <li key={`${s.id}-negative`} data-warning="negative_closing">
                {t(l, 'bank.recon.warn.negativeClosing', params)}
              </li>
            ) : null,
          ];
        })}
      </ul>
    </Notice>
  );
}

/** The party's name on the ballot, or its registration number when it is not on it. */
const partyName = (x: PartyReconciliation, l: Locale): string => (x.name ? pick(x.name, l) : x.registrationNumber);

function PartyBlock(p: {
  party: PartyReconciliation;
  locale: Locale;
  election: Election;
  csrfToken: string;
  canRerun: boolean;
  detailHref?: string;
}) {
  const l = p.locale;
  const x = p.party;
  const run = x.run;
  const name = partyName(x, l);
  const id = `party-${x.registrationNumber.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <section aria-labelledby={id} data-party={x.registrationNumber}>
      <h2 id={id}>{name}</h2>
      <StatementWarnings flagged={x.flagged} locale={l} />
      {!run ? (
        <p class="muted">{t(l, 'bank.recon.noRun')}</p>
      ) : (
        <>
          <p class="muted">
            {t(l, 'bank.recon.ranAt', {
              when: formatDateTime(l, run.ranAt),
              trigger: label(l, `bank.recon.trigger.${run.trigger}`),
            })}
            {run.bankAsOf ? ` · ${t(l, 'bank.section.asOf', { date: day(run.bankAsOf, l) })}` : ''}
          </p>
          <RunTotals run={run} name={name} locale={l} />
          <KindCounts party={x} run={run} locale={l} />
          {x.findings.length > 0 ? (
            <div class="table-wrap">
              <table class="findings">
                <caption>
                  {name}: {FINDING_KINDS.map((k) => t(l, `bank.recon.kind.${k}`)).join(', ')}
                </caption>
                <ResultHead locale={l} kindColumn />
                <ResultRows results={x.findings} locale={l} kindColumn />
              </table>
            </div>
          ) : null}
          {p.detailHref ? (
            <p>
              <a href={p.detailHref}>
                {t(l, 'bank.recon.kind.matched')}: {num(x.matchedTotal, l)} — {t(l, 'bank.recon.details')}
              </a>
            </p>
          ) : x.matched.length > 0 ? (
            <div class="table-wrap">
              <table class="findings">
                <caption>
                  {name}: {t(l, 'bank.recon.kind.matched')} ({num(x.matchedTotal, l)})
                </caption>
                <ResultHead locale={l} kindColumn={false} />
                <ResultRows results={x.matched} locale={l} kindColumn={false} />
              </table>
              {x.matchedTotal > x.matched.length ? (
                <p class="muted">… {num(x.matchedTotal - x.matched.length, l)}</p>
              ) : null}
            </div>
          ) : null}
        </>
      )}
      {p.canRerun ? (
        <form method="post" action={`/${l}/commission/elections/${p.election.id}/reconciliation/run`} class="inline">
          <CsrfField token={p.csrfToken} />
          <input type="hidden" name="party" value={x.registrationNumber} />
          <button type="submit">{t(l, 'bank.recon.rerun')}</button>
        </form>
      ) : null}
    </section>
  );
}

export function ReconciliationPage(p: ReconciliationPageProps) {
  const l = p.locale;
  const only = p.single ? p.parties[0] : undefined;
  const title = `${t(l, 'bank.recon.title')}: ${only ? partyName(only, l) : pick(p.election.name, l)}`;
  const published = p.publication?.published === true;
  return renderPage(
    <BankPage
      locale={l}
      title={title}
      path={`/commission/elections/${p.election.id}/reconciliation${only ? `/${encodeURIComponent(only.registrationNumber)}` : ''}`}
    >
      <h1>{title}</h1>
      <p>{t(l, 'bank.recon.intro', { days: p.toleranceDays })}</p>
      {only ? (
        <p>
          <a href={`/${l}/commission/elections/${p.election.id}/reconciliation`}>
            {t(l, 'bank.recon.allParties', { election: pick(p.election.name, l) })}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="publication">
        <h2 id="publication">{t(l, 'bank.recon.publication')}</h2>
        <p role="status" data-published={published ? '1' : '0'}>
          {published ? t(l, 'bank.recon.published') : t(l, 'bank.recon.notPublished')}
        </p>
        {p.canPublish ? (
          <form
            method="post"
            action={`/${l}/commission/elections/${p.election.id}/reconciliation/publication`}
            class="inline"
          >
            <CsrfField token={p.csrfToken} />
            <input type="hidden" name="published" value={published ? '0' : '1'} />
            <button type="submit">{published ? t(l, 'bank.recon.unpublish') : t(l, 'bank.recon.publish')}</button>
          </form>
        ) : null}
        {p.history.length > 0 ? (
          <details>
            <summary>{t(l, 'bank.recon.history')}</summary>
            <ul>
              {p.history.map((h, i) => (
                <li key={i}>
                  {formatDateTime(l, h.at)}: {h.published ? t(l, 'bank.recon.on') : t(l, 'bank.recon.off')} ({h.actor})
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      {p.parties.length === 0 ? <p class="muted">{t(l, 'bank.recon.noParties')}</p> : null}
      {p.parties.map((x) => (
        <PartyBlock
          key={x.registrationNumber}
          party={x}
          locale={l}
          election={p.election}
          csrfToken={p.csrfToken}
          canRerun={p.canRerun}
          {...(p.single
            ? {}
            : {
                detailHref: `/${l}/commission/elections/${p.election.id}/reconciliation/${encodeURIComponent(x.registrationNumber)}`,
              })}
        />
      ))}
    </BankPage>,
  );
}
