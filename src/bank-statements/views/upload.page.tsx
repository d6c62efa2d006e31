// The bank officer's upload page: the form (commission staff also name the bank), what the last upload
// brought or why it was refused, and the latest statements received with their original files.
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
  Input,
  Notice,
  num,
  renderPage,
  type Column,
} from '../../platform/web/index.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import type { StoredStatement } from '../statement.repository.ts';
import type { ReceivedStatement } from '../intake.service.ts';
import { t } from '../bank-statement.messages.ts';
import { BankPage, moneyIn, period } from './bank-page.tsx';
import { PROBLEMS_SHOWN, problemText, uploadErrors } from './problems.tsx';

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
  /** What a taken upload still warns about (a negative closing balance, the parsers' warnings). */
  warnings?: Problem[];
  bankValue?: string;
}

export function UploadPage(p: UploadPageProps) {
  const l = p.locale;
  const title = t(l, 'bank.upload.title');
  const problems = p.problems ?? [];
  const errors = uploadErrors(l, problems);
  return renderPage(
    <BankPage locale={l} title={title} path="/bank/statements">
      <h1>
        {title}
        {p.bank ? ` — ${p.bank}` : ''}
      </h1>
      <ErrorSummary locale={l} errors={errors} title={t(l, 'bank.upload.refused')} />
      {problems.length > PROBLEMS_SHOWN ? <p>… {problems.length - PROBLEMS_SHOWN}</p> : null}
      <Received locale={l} received={p.received ?? []} />
      {p.warnings && p.warnings.length > 0 ? (
        <Notice kind="warn">
          <ul>
            {p.warnings.slice(0, PROBLEMS_SHOWN).map((w, i) => (
              <li key={i}>{problemText(l, w)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p>{t(l, 'bank.upload.intro')}</p>
      {p.canUpload ? (
        // The token is the first field, so the reader checks it before the file arrives.
        <form method="post" action={`/${l}/bank/statements`} encType="multipart/form-data" class="stack">
          <CsrfField token={p.csrfToken} />
          {p.bank === null ? (
            <Input
              locale={l}
              name="bank"
              label={t(l, 'bank.upload.bank')}
              hint={t(l, 'bank.upload.bankHint')}
              value={p.bankValue ?? ''}
              errors={errors}
              required
            />
          ) : null}
          <Field locale={l} name="statement" label={t(l, 'bank.upload.file')} errors={errors} required>
            {(a) => (
              <input
                id={a.id}
                name="statement"
                type="file"
                required
                aria-invalid={a.invalid}
                aria-describedby={a.describedBy}
              />
            )}
          </Field>
          <button type="submit">{t(l, 'bank.upload.submit')}</button>
        </form>
      ) : null}
      <h2>{t(l, 'bank.upload.recent')}</h2>
      <DataTable
        locale={l}
        columns={statementColumns(l, p.accountNumbers)}
        rows={p.statements}
        rowKey={(s) => s.id}
        empty={<span class="muted">{t(l, 'bank.upload.none')}</span>}
      />
    </BankPage>,
  );
}

/** What the last upload brought: each statement, received now or before. */
function Received(p: { locale: Locale; received: readonly ReceivedStatement[] }) {
  const l = p.locale;
  if (p.received.length === 0) return null;
  const fresh = p.received.filter((r) => r.status === 'received').length;
  return (
    <Notice kind="done" text={t(l, 'bank.upload.received', { n: fresh })}>
      <ul>
        {p.received.map((r) => (
          <li key={r.statementId}>
            {r.accountNumber}, {r.statementNumber ? `№ ${r.statementNumber}, ` : ''}
            {period(r, l)}:{' '}
            {r.status === 'received' ? t(l, 'bank.upload.status.received') : t(l, 'bank.upload.alreadyReceived')}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

function statementColumns(l: Locale, accountNumbers: ReadonlyMap<number, string>): Column<StoredStatement>[] {
  return [
    {
      key: 'account',
      label: t(l, 'bank.col.account'),
      cell: (s) => `${accountNumbers.get(s.accountId) ?? s.accountId} (${s.bank})`,
    },
    { key: 'party', label: t(l, 'bank.col.party'), cell: (s) => s.partyRegistrationNumber },
    { key: 'number', label: t(l, 'bank.col.number'), cell: (s) => s.statementNumber ?? `(${s.sequence})` },
    { key: 'period', label: t(l, 'bank.col.period'), cell: (s) => period(s, l) },
    { key: 'opening', label: t(l, 'bank.col.opening'), numeric: true, cell: (s) => moneyIn(s.opening, s.currency, l) },
    { key: 'closing', label: t(l, 'bank.col.closing'), numeric: true, cell: (s) => moneyIn(s.closing, s.currency, l) },
    {
      key: 'transactions',
      label: t(l, 'bank.col.transactions'),
      numeric: true,
      cell: (s) => num(s.transactionCount, l),
    },
    { key: 'format', label: t(l, 'bank.col.format'), cell: (s) => s.format },
    {
      key: 'uploaded',
      label: t(l, 'bank.col.uploaded'),
      cell: (s) => `${formatDateTime(l, s.uploadedAt)} (${s.uploadedBy})`,
    },
    {
      key: 'original',
      label: t(l, 'bank.col.original'),
      cell: (s) => <a href={`/${l}/bank/statements/${s.id}/original`}>{t(l, 'bank.download')}</a>,
    },
  ];
}
