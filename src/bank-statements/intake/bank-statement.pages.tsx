// Server-rendered pages of statement intake and reconciliation: the bank officer's upload page, the
// commission's register of electoral fund accounts, the commission's reconciliation screen (every
// finding with both sides as evidence, and the switch that publishes unreported money), and the bank
// section of the public party page. Forms carry the CSRF token; problems are shown in the reader's
// language with the line or element of the file they concern.
import type { ComponentChildren } from 'preact';
import { Layout, renderPage } from '../../platform/web/layout.tsx';
import { pick } from '../../platform/web/format.tsx';
import { formatDateTime, t } from '../../platform/i18n/i18n.ts';
import type { Election, Locale } from '../../domain/election.ts';
import type { Tyiyn } from '../../domain/money.ts';
import type { Problem } from '../../platform/result.ts';
import { day, num, som } from '../../platform/web/numbers.ts';
import { CSRF_FIELD } from '../../accounts/account.pages.tsx';
import type { BallotEntry } from '../../parties/party.repository.ts';
import type { FundAccount, Publication, RunSummary, StoredResult, StoredStatement } from './statement.repository.ts';
import type { Evidence } from './reconciliation.service.ts';
import type { ReceivedStatement } from './statement-intake.service.ts';
import type { PublicBankView } from './bank-public.service.ts';
import { balanceChart } from './balance-chart.ts';
import './bank-statement.messages.ts';

const STYLE = `.error-summary{border:3px solid var(--bad);padding:.5rem 1rem;margin:0 0 1rem}.error-summary h2{margin-top:0;color:var(--bad)}
.done{border-left:4px solid var(--ok);padding:.3rem .8rem;background:var(--soft)}form.stack .field{margin:0 0 1rem}form.stack label{display:block;font-weight:600}
.hint{color:var(--muted);margin:.1rem 0;font-size:.9rem}.field-error{color:var(--bad);font-weight:600;margin:.1rem 0}form.inline{display:inline}
.evidence{font-size:.9rem}.evidence dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .5rem;margin:0}.evidence dt{color:var(--muted)}.evidence dd{margin:0}
.findings caption{text-align:left;font-weight:600;padding:.3rem 0}.neg{color:var(--bad)}.chart-svg{max-width:100%;height:auto}`;

function translated(locale: Locale, key: string, params?: Record<string, string | number>): string | undefined {
  const s = t(locale, key, params);
  return s === key ? undefined : s;
}

/** Where in the file a problem is, in words: "line 12", "element Ntry/Amt". */
export function problemWhere(locale: Locale, p: Problem): string | undefined {
  const parts: string[] = [];
  if (p.row !== undefined) parts.push(t(locale, 'bank.where.row', { row: p.row }));
  if (p.field !== undefined && !/^statement\[\d+\]$/.test(p.field) && !['file', 'input'].includes(p.field)) parts.push(t(locale, 'bank.where.field', { field: p.field }));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** A problem in the reader's language; the English message when the code has no translation. */
export function problemText(locale: Locale, p: Problem): string {
  const params = p.params ?? {};
  const kind = p.code.split('.').pop() ?? 'invalid';
  return translated(locale, `bank.problem.${p.code}`, params) ?? translated(locale, `bank.problem.generic.${kind}`) ?? p.message;
}

export function Problems(p: { locale: Locale; problems: Problem[]; title: string }) {
  if (p.problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{p.title}</h2>
      <ul>
        {p.problems.slice(0, 100).map((x, i) => {
          const where = problemWhere(p.locale, x);
          return (
            <li key={i} data-code={x.code}>
              {where ? <strong>{where}: </strong> : null}
              {problemText(p.locale, x)}
            </li>
          );
        })}
      </ul>
      {p.problems.length > 100 ? <p>… {p.problems.length - 100}</p> : null}
    </div>
  );
}

function Page(p: { locale: Locale; title: string; path: string; children: ComponentChildren }) {
  return (
    <Layout locale={p.locale} title={p.title} path={p.path} head={<style>{STYLE}</style>} crumbs={[{ href: `/${p.locale}/account`, label: t(p.locale, 'accounts.title.account') }, { label: p.title }]}>
      {p.children}
    </Layout>
  );
}

const Csrf = ({ token }: { token: string }) => <input type="hidden" name={CSRF_FIELD} value={token} />;

const money = (x: Tyiyn | number | null, l: Locale) => (x === null ? '—' : som(x as Tyiyn, l));
const period = (s: { from: string; to: string }, l: Locale) => `${day(s.from, l)} – ${day(s.to, l)}`;

// ---------------------------------------------------------------- upload

export interface UploadPageProps {
  locale: Locale;
  csrfToken: string;
  /** The officer's bank; null for commission staff, who name the bank in the form. */
  bank: string | null;
  canUpload: boolean;
  statements: StoredStatement[];
  accountNumbers: ReadonlyMap<number, string>;
  problems?: Problem[];
  received?: ReceivedStatement[];
  bankValue?: string;
}

export function UploadPage(p: UploadPageProps) {
  const l = p.locale;
  const title = t(l, 'bank.upload.title');
  const fresh = (p.received ?? []).filter((r) => r.status === 'received').length;
  return renderPage(
    <Page locale={l} title={title} path="/bank/statements">
      <h1>
        {title}
        {p.bank ? ` — ${p.bank}` : ''}
      </h1>
      <Problems locale={l} problems={p.problems ?? []} title={t(l, 'bank.upload.refused')} />
      {p.received && p.received.length > 0 ? (
        <div class="done" role="status">
          <p>{t(l, 'bank.upload.received', { n: fresh })}</p>
          <ul>
            {p.received.map((r) => (
              <li key={r.statementId}>
                {r.accountNumber}, {r.statementNumber ? `№ ${r.statementNumber}, ` : ''}
                {period(r, l)}: {r.status === 'received' ? t(l, 'bank.upload.status.received') : t(l, 'bank.upload.alreadyReceived')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{t(l, 'bank.upload.intro')}</p>
      {p.canUpload ? (
        <form method="post" action={`/${l}/bank/statements?${CSRF_FIELD}=${encodeURIComponent(p.csrfToken)}`} encType="multipart/form-data" class="stack">
          {p.bank === null ? (
            <div class="field">
              <label for="f-bank">{t(l, 'bank.upload.bank')}</label>
              <p class="hint" id="f-bank-hint">
                {t(l, 'bank.upload.bankHint')}
              </p>
              <input id="f-bank" name="bank" type="text" value={p.bankValue ?? ''} aria-describedby="f-bank-hint" required />
            </div>
          ) : null}
          <div class="field">
            <label for="f-statement">{t(l, 'bank.upload.file')}</label>
            <input id="f-statement" name="statement" type="file" required />
          </div>
          <button type="submit">{t(l, 'bank.upload.submit')}</button>
        </form>
      ) : null}
      <h2>{t(l, 'bank.upload.recent')}</h2>
      <StatementTable locale={l} statements={p.statements} accountNumbers={p.accountNumbers} />
    </Page>,
  );
}

function StatementTable(p: { locale: Locale; statements: StoredStatement[]; accountNumbers: ReadonlyMap<number, string> }) {
  const l = p.locale;
  if (p.statements.length === 0) return <p class="muted">{t(l, 'bank.upload.none')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t(l, 'bank.col.account')}</th>
            <th scope="col">{t(l, 'bank.col.party')}</th>
            <th scope="col">{t(l, 'bank.col.number')}</th>
            <th scope="col">{t(l, 'bank.col.period')}</th>
            <th scope="col" class="num">
              {t(l, 'bank.col.opening')}
            </th>
            <th scope="col" class="num">
              {t(l, 'bank.col.closing')}
            </th>
            <th scope="col" class="num">
              {t(l, 'bank.col.transactions')}
            </th>
            <th scope="col">{t(l, 'bank.col.format')}</th>
            <th scope="col">{t(l, 'bank.col.uploaded')}</th>
            <th scope="col">{t(l, 'bank.col.original')}</th>
          </tr>
        </thead>
        <tbody>
          {p.statements.map((s) => (
            <tr key={s.id}>
              <td>
                {p.accountNumbers.get(s.accountId) ?? s.accountId} ({s.bank})
              </td>
              <td>{s.partyRegistrationNumber}</td>
              <td>{s.statementNumber ?? `(${s.sequence})`}</td>
              <td>{period(s, l)}</td>
              <td class="num">{money(s.opening, l)}</td>
              <td class="num">{money(s.closing, l)}</td>
              <td class="num">{num(s.transactionCount, l)}</td>
              <td>{s.format}</td>
              <td>
                {formatDateTime(l, s.uploadedAt)} ({s.uploadedBy})
              </td>
              <td>
                <a href={`/${l}/bank/statements/${s.id}/original`}>{t(l, 'bank.download')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------- accounts

export interface AccountsPageProps {
  locale: Locale;
  csrfToken: string;
  accounts: FundAccount[];
  elections: Election[];
  canRegister: boolean;
  problems?: Problem[];
  values?: Record<string, string>;
  registered?: string;
}

const ACCOUNT_FIELDS = ['electionId', 'partyRegistrationNumber', 'bank', 'accountNumber', 'currency', 'openedOn'] as const;

export function AccountsPage(p: AccountsPageProps) {
  const l = p.locale;
  const title = t(l, 'bank.accounts.title');
  const errors = p.problems ?? [];
  const errorOf = (f: string) => errors.filter((e) => e.field === f || e.field?.startsWith(`${f}.`));
  return renderPage(
    <Page locale={l} title={title} path="/commission/accounts">
      <h1>{title}</h1>
      <p>{t(l, 'bank.accounts.intro')}</p>
      {p.registered ? (
        <p class="done" role="status">
          {t(l, 'bank.accounts.registered', { account: p.registered })}
        </p>
      ) : null}
      <Problems locale={l} problems={errors} title={t(l, 'accounts.errors.title')} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(l, 'bank.col.election')}</th>
              <th scope="col">{t(l, 'bank.col.party')}</th>
              <th scope="col">{t(l, 'bank.col.bank')}</th>
              <th scope="col">{t(l, 'bank.col.account')}</th>
              <th scope="col">{t(l, 'bank.col.openedOn')}</th>
              <th scope="col">{t(l, 'bank.col.registeredBy')}</th>
            </tr>
          </thead>
          <tbody>
            {p.accounts.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={`/${l}/commission/elections/${a.electionId}/reconciliation`}>{a.electionId}</a>
                </td>
                <td>{a.partyRegistrationNumber}</td>
                <td>{a.bank}</td>
                <td>
                  {a.accountNumber} ({a.currency})
                </td>
                <td>{day(a.openedOn, l)}</td>
                <td>{a.registeredBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.canRegister ? (
        <>
          <h2 id="register">{t(l, 'bank.accounts.register')}</h2>
          <form method="post" action={`/${l}/commission/accounts`} class="stack" noValidate>
            <Csrf token={p.csrfToken} />
            {ACCOUNT_FIELDS.map((f) => {
              const mine = errorOf(f);
              const id = `f-${f}`;
              return (
                <div class="field" key={f}>
                  <label for={id}>{t(l, `bank.field.${f}`)}</label>
                  {mine.length ? (
                    <p class="field-error" id={`${id}-error`}>
                      {mine.map((e) => problemText(l, e)).join(' ')}
                    </p>
                  ) : null}
                  {f === 'electionId' ? (
                    <select id={id} name={f} aria-invalid={mine.length ? 'true' : undefined} aria-describedby={mine.length ? `${id}-error` : undefined}>
                      {p.elections.map((e) => (
                        <option value={e.id} key={e.id} selected={p.values?.[f] === e.id}>
                          {pick(e.name, l)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={id}
                      name={f}
                      type="text"
                      value={p.values?.[f] ?? (f === 'currency' ? 'KGS' : '')}
                      aria-invalid={mine.length ? 'true' : undefined}
                      aria-describedby={mine.length ? `${id}-error` : undefined}
                    />
                  )}
                </div>
              );
            })}
            <button type="submit">{t(l, 'bank.accounts.register')}</button>
          </form>
        </>
      ) : null}
    </Page>,
  );
}

// ---------------------------------------------------------------- reconciliation

export interface PartyReconciliation {
  registrationNumber: string;
  name: string;
  run: RunSummary | undefined;
  findings: StoredResult[];
  matched: StoredResult[];
  matchedTotal: number;
}

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

function BankSide(p: { e: Evidence['bank']; locale: Locale }) {
  const l = p.locale;
  const b = p.e;
  if (!b) return <span class="muted">{t(l, 'bank.recon.nothing')}</span>;
  return (
    <div class="evidence">
      <dl>
        <dt>{t(l, 'bank.col.date')}</dt>
        <dd>{day(b.bookingDate, l)}</dd>
        <dt>{t(l, 'bank.col.amount')}</dt>
        <dd class={b.amount < 0 ? 'neg' : undefined}>{money(b.amount, l)}</dd>
        <dt>{t(l, 'bank.col.counterparty')}</dt>
        <dd>
          {b.counterpartyName ?? '—'}
          {b.counterpartyId ? ` (${b.counterpartyId})` : ''}
        </dd>
        {b.counterpartyAccount ? (
          <>
            <dt>{t(l, 'bank.col.account')}</dt>
            <dd>{b.counterpartyAccount}</dd>
          </>
        ) : null}
        {b.remittance ? (
          <>
            <dt>{t(l, 'bank.col.purpose')}</dt>
            <dd>{b.remittance}</dd>
          </>
        ) : null}
        {b.bankReference ? (
          <>
            <dt>{t(l, 'bank.col.reference')}</dt>
            <dd>{b.bankReference}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

function ReportSide(p: { e: Evidence['report']; locale: Locale }) {
  const l = p.locale;
  const r = p.e;
  if (!r) return <span class="muted">{t(l, 'bank.recon.nothing')}</span>;
  return (
    <div class="evidence">
      <dl>
        <dt>{t(l, 'bank.recon.reportSide')}</dt>
        <dd>{t(l, 'bank.recon.line', { section: t(l, `bank.recon.section.${r.section}`), lineId: r.lineId })}</dd>
        <dt>{t(l, 'bank.col.date')}</dt>
        <dd>{day(r.date, l)}</dd>
        <dt>{t(l, 'bank.col.amount')}</dt>
        <dd>{money(r.amount, l)}</dd>
        <dt>{t(l, 'bank.col.counterparty')}</dt>
        <dd>
          {r.name}
          {r.inn ? ` (${r.inn})` : ''}
        </dd>
        {r.reference ? (
          <>
            <dt>{t(l, 'bank.col.reference')}</dt>
            <dd>{r.reference}</dd>
          </>
        ) : null}
        {r.channel && r.channel !== 'bank_transfer' ? (
          <>
            <dt>{t(l, 'bank.col.channel')}</dt>
            <dd>{r.channel}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

function Reasons(p: { e: Evidence; locale: Locale }) {
  const l = p.locale;
  const e = p.e;
  const parts: string[] = [];
  if (e.basis === 'identifier') parts.push(t(l, 'bank.recon.evidence.identifier'));
  if (e.basis === 'name') parts.push(t(l, 'bank.recon.evidence.name'));
  if (e.basis === 'amount_and_date') parts.push(t(l, 'bank.recon.evidence.amount_and_date'));
  if (e.daysApart !== undefined && e.daysApart > 0) parts.push(t(l, 'bank.recon.evidence.days', { days: e.daysApart }));
  if (e.amountDifference !== undefined && e.amountDifference !== 0) parts.push(`${t(l, 'bank.recon.difference')}: ${money(e.amountDifference, l)}${e.slip ? ` (${translated(l, `bank.recon.slip.${e.slip}`) ?? e.slip})` : ''}`);
  return <>{parts.join('; ') || '—'}</>;
}

function ResultRows(p: { results: StoredResult[]; locale: Locale; kindColumn: boolean }) {
  const l = p.locale;
  return (
    <tbody>
      {p.results.map((r) => {
        const e = r.evidence as Evidence;
        return (
          <tr key={r.id} data-kind={r.kind}>
            {p.kindColumn ? (
              <th scope="row">
                {t(l, `bank.recon.kind.${r.kind}`)} ({t(l, `bank.recon.direction.${r.direction}`)})
              </th>
            ) : null}
            <td>
              <BankSide e={e.bank} locale={l} />
            </td>
            <td>
              <ReportSide e={e.report} locale={l} />
            </td>
            <td>
              <Reasons e={e} locale={l} />
            </td>
          </tr>
        );
      })}
    </tbody>
  );
}

function ResultHead(p: { locale: Locale; kindColumn: boolean }) {
  const l = p.locale;
  return (
    <thead>
      <tr>
        {p.kindColumn ? <th scope="col">{t(l, 'bank.col.status')}</th> : null}
        <th scope="col">{t(l, 'bank.recon.bankSide')}</th>
        <th scope="col">{t(l, 'bank.recon.reportSide')}</th>
        <th scope="col">{t(l, 'bank.recon.difference')}</th>
      </tr>
    </thead>
  );
}

function PartyBlock(p: { party: PartyReconciliation; locale: Locale; election: Election; csrfToken: string; canRerun: boolean; detailHref?: string }) {
  const l = p.locale;
  const x = p.party;
  const run = x.run;
  const id = `party-${x.registrationNumber.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <section aria-labelledby={id} data-party={x.registrationNumber}>
      <h2 id={id}>{x.name}</h2>
      {!run ? (
        <p class="muted">{t(l, 'bank.recon.noRun')}</p>
      ) : (
        <>
          <p class="muted">
            {t(l, 'bank.recon.ranAt', { when: formatDateTime(l, run.ranAt), trigger: t(l, `bank.recon.trigger.${run.trigger}`) })}
            {run.bankAsOf ? ` · ${t(l, 'bank.section.asOf', { date: day(run.bankAsOf, l) })}` : ''}
          </p>
          <div class="table-wrap">
            <table>
              <caption class="muted">{x.name}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(l, 'bank.section.figure')}</th>
                  <th scope="col" class="num">
                    {t(l, 'bank.section.bank')}
                  </th>
                  <th scope="col" class="num">
                    {t(l, 'bank.section.reported')}
                  </th>
                  <th scope="col" class="num">
                    {t(l, 'bank.section.difference')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t(l, 'bank.col.received')}</th>
                  <td class="num">{money(run.bankReceived, l)}</td>
                  <td class="num">{money(run.reportedReceived, l)}</td>
                  <td class="num">{money(run.bankReceived - run.reportedReceived, l)}</td>
                </tr>
                <tr>
                  <th scope="row">{t(l, 'bank.col.spent')}</th>
                  <td class="num">{money(run.bankSpent, l)}</td>
                  <td class="num">{money(run.reportedSpent, l)}</td>
                  <td class="num">{money(run.bankSpent - run.reportedSpent, l)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <ul>
            {(['matched', ...FINDING_KINDS] as const).map((k) => (
              <li key={k}>
                {t(l, `bank.recon.kind.${k}`)}:{' '}
                {num(
                  k === 'matched'
                    ? run.matchedCount
                    : k === 'unreported'
                      ? run.unreportedCount
                      : k === 'unsupported'
                        ? run.unsupportedCount
                        : k === 'cash'
                          ? run.cashCount
                          : x.findings.filter((f) => f.kind === k).length,
                  l,
                )}
              </li>
            ))}
          </ul>
          {x.findings.length > 0 ? (
            <div class="table-wrap">
              <table class="findings">
                <caption>
                  {x.name}: {FINDING_KINDS.map((k) => t(l, `bank.recon.kind.${k}`)).join(', ')}
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
                  {x.name}: {t(l, 'bank.recon.kind.matched')} ({num(x.matchedTotal, l)})
                </caption>
                <ResultHead locale={l} kindColumn={false} />
                <ResultRows results={x.matched} locale={l} kindColumn={false} />
              </table>
              {x.matchedTotal > x.matched.length ? <p class="muted">… {num(x.matchedTotal - x.matched.length, l)}</p> : null}
            </div>
          ) : null}
        </>
      )}
      {p.canRerun ? (
        <form method="post" action={`/${l}/commission/elections/${p.election.id}/reconciliation/run`} class="inline">
          <Csrf token={p.csrfToken} />
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
  const title = `${t(l, 'bank.recon.title')}: ${only ? only.name : pick(p.election.name, l)}`;
  const published = p.publication?.published === true;
  return renderPage(
    <Page locale={l} title={title} path={`/commission/elections/${p.election.id}/reconciliation${only ? `/${encodeURIComponent(only.registrationNumber)}` : ''}`}>
      <h1>{title}</h1>
      <p>{t(l, 'bank.recon.intro', { days: p.toleranceDays })}</p>
      {only ? (
        <p>
          <a href={`/${l}/commission/elections/${p.election.id}/reconciliation`}>{t(l, 'bank.recon.allParties', { election: pick(p.election.name, l) })}</a>
        </p>
      ) : null}
      <section aria-labelledby="publication">
        <h2 id="publication">{t(l, 'bank.recon.publication')}</h2>
        <p role="status" data-published={published ? '1' : '0'}>
          {published ? t(l, 'bank.recon.published') : t(l, 'bank.recon.notPublished')}
        </p>
        {p.canPublish ? (
          <form method="post" action={`/${l}/commission/elections/${p.election.id}/reconciliation/publication`} class="inline">
            <Csrf token={p.csrfToken} />
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
          {...(p.single ? {} : { detailHref: `/${l}/commission/elections/${p.election.id}/reconciliation/${encodeURIComponent(x.registrationNumber)}` })}
        />
      ))}
    </Page>,
  );
}

export function partyNameOf(entry: BallotEntry | undefined, reg: string, l: Locale): string {
  return entry ? pick(entry.party.name, l) : reg;
}

// ---------------------------------------------------------------- public section of the party page

export function BankPartySection(p: { view: PublicBankView; locale: Locale }) {
  const l = p.locale;
  const v = p.view;
  const base = `/api/v1/elections/${encodeURIComponent(v.electionId)}/parties/${encodeURIComponent(v.partyRegistrationNumber)}`;
  if (v.bank.asOf === null) {
    return (
      <section aria-labelledby="bank-figures">
        <h2 id="bank-figures">{t(l, 'bank.section.title')}</h2>
        <p class="muted">{t(l, 'bank.section.none')}</p>
      </section>
    );
  }
  const chart = balanceChart(v.series, l);
  const row = (key: string, bank: Tyiyn, reported: Tyiyn, difference: Tyiyn) => (
    <tr>
      <th scope="row">{t(l, key)}</th>
      <td class="num">{som(bank, l)}</td>
      <td class="num">{som(reported, l)}</td>
      <td class={difference === 0 ? 'num' : 'num neg'}>{som(difference, l)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="bank-figures" class="bank-figures">
      <style dangerouslySetInnerHTML={{ __html: '.bank-figures .neg{color:var(--bad)}.bank-figures .chart-svg{max-width:100%;height:auto}' }} />
      <h2 id="bank-figures">{t(l, 'bank.section.title')}</h2>
      <p>{t(l, 'bank.section.asOf', { date: day(v.bank.asOf, l) })}</p>
      <div class="table-wrap">
        <table>
          <caption class="muted">{t(l, 'bank.section.reportedAsOf', { date: day(v.bank.asOf, l) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(l, 'bank.section.figure')}</th>
              <th scope="col" class="num">
                {t(l, 'bank.section.bank')}
              </th>
              <th scope="col" class="num">
                {t(l, 'bank.section.reported')}
              </th>
              <th scope="col" class="num">
                {t(l, 'bank.section.difference')}
              </th>
            </tr>
          </thead>
          <tbody>
            {row('bank.col.received', v.bank.received, v.reported.received, v.difference.received)}
            {row('bank.col.spent', v.bank.spent, v.reported.spent, v.difference.spent)}
            {row('bank.col.balance', v.bank.balance, v.reported.balance, v.difference.balance)}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="bank-balance-chart">
        <h3 id="bank-balance-chart">{chart.title}</h3>
        {chart.svg ? <div class="chart" dangerouslySetInnerHTML={{ __html: chart.svg }} /> : null}
        <details>
          <summary>{chart.title}</summary>
          <div class="table-wrap">
            <table>
              <caption class="muted">{chart.title}</caption>
              <thead>
                <tr>
                  {chart.head.map((h, i) => (
                    <th scope="col" class={i > 0 ? 'num' : undefined} key={i}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chart.rows.map((r, i) => (
                  <tr key={i}>
                    <th scope="row">{r[0]}</th>
                    <td class="num">{r[1]}</td>
                    <td class="num">{r[2]}</td>
                    <td class="num">{r[3]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
      <section aria-labelledby="bank-unreported">
        <h3 id="bank-unreported">{t(l, 'bank.section.unreported')}</h3>
        {v.unreported === null ? (
          <p class="muted" data-unreported="hidden">
            {t(l, 'bank.section.unreportedHidden')}
          </p>
        ) : v.unreported.length === 0 ? (
          <p data-unreported="none">{t(l, 'bank.section.unreportedNone')}</p>
        ) : (
          <div class="table-wrap">
            <table data-unreported="list">
              <caption class="muted">{t(l, 'bank.section.unreported')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(l, 'bank.col.date')}</th>
                  <th scope="col" class="num">
                    {t(l, 'bank.col.amount')}
                  </th>
                  <th scope="col">{t(l, 'bank.col.counterparty')}</th>
                  <th scope="col">{t(l, 'bank.col.purpose')}</th>
                </tr>
              </thead>
              <tbody>
                {v.unreported.map((u, i) => (
                  <tr key={i}>
                    <th scope="row">{day(u.date, l)}</th>
                    <td class="num">{som(u.amount, l)}</td>
                    <td>
                      {u.counterpartyName ?? '—'}
                      {u.counterpartyId ? ` (${u.counterpartyId})` : ''}
                    </td>
                    <td>{u.purpose ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p>
        {t(l, 'bank.section.downloads')}: <a href={`${base}/bank`}>JSON</a> · <a href={`${base}/bank.csv`}>CSV</a>
        {v.unreported !== null ? (
          <>
            {' '}
            · <a href={`${base}/bank-unreported.csv`}>CSV ({t(l, 'bank.section.unreported')})</a>
          </>
        ) : null}
      </p>
    </section>
  );
}
