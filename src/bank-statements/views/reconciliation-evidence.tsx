// Both sides of a reconciliation result as evidence: the bank transaction, the report line and why they
// were tied (or how they differ), as table rows of the commission's reconciliation screen.
import type { Locale } from '../../domain/election.ts';
import { day } from '../../platform/web/index.ts';
import type { StoredResult } from '../reconciliation.repository.ts';
import type { Evidence } from '../reconciliation.service.ts';
import { t } from '../bank-statement.messages.ts';
import { money } from './bank-page.tsx';

/** A label whose key is made from stored data (a result's kind): the key itself when there is none. */
export const label = (l: Locale, key: string): string => t.lookup(l, key) ?? key;

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
  if (e.amountDifference !== undefined && e.amountDifference !== 0)
    parts.push(
      `${t(l, 'bank.recon.difference')}: ${money(e.amountDifference, l)}${e.slip ? ` (${t.lookup(l, `bank.recon.slip.${e.slip}`) ?? e.slip})` : ''}`,
    );
  return <>{parts.join('; ') || '—'}</>;
}

export function ResultRows(p: { results: StoredResult[]; locale: Locale; kindColumn: boolean }) {
  const l = p.locale;
  return (
    <tbody>
      {p.results.map((r) => {
        const e = r.evidence as Evidence;
        return (
          <tr key={r.id} data-kind={r.kind}>
            {p.kindColumn ? (
              <th scope="row">
                {label(l, `bank.recon.kind.${r.kind}`)} ({t(l, `bank.recon.direction.${r.direction}`)})
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

export function ResultHead(p: { locale: Locale; kindColumn: boolean }) {
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
