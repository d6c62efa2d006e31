// The bank officer's upload page: the form (commission staff also name the bank), what the last upload
// brought, and the latest statements received with their original files.
import { renderPage } from '../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { num } from '../../platform/web/numbers.ts';
import { CSRF_FIELD } from '../../accounts/index.ts';
import type { StoredStatement } from '../statement.repository.ts';
import type { ReceivedStatement } from '../intake.service.ts';
import { Page, money, period } from './bank-page.tsx';
import { Problems } from './problems.tsx';
import '../bank-statement.messages.ts';

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
