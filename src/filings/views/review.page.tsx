// One filed version under review: its status history and the commission's decision (a new status, with
// the reason the party and the public read).
import type { Locale } from '../../domain/election.ts';
import { renderPage } from '../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../platform/i18n/i18n.ts';
import { CsrfInput } from '../../accounts/index.ts';
import type { FormFields } from '../core/draft.ts';
import { REVIEW_TRANSITIONS } from '../core/review.ts';
import type { FilingStatusEvent } from '../filing.repository.ts';
import { reportPath, StatusBadge } from './common.tsx';
import { described, Done, ErrorSummary, FieldShell, fieldId, Page, Select, type FormError } from './form.tsx';

export function ReviewPage(p: {
  locale: Locale;
  csrfToken: string;
  filingId: number;
  title: string;
  status: Parameters<typeof StatusBadge>[0]['status'];
  isLatest: boolean;
  events: FilingStatusEvent[];
  canReview: boolean;
  errors?: FormError[];
  values?: FormFields;
  done?: string;
}) {
  const l = p.locale;
  const errors = p.errors ?? [];
  const next = REVIEW_TRANSITIONS[p.status];
  return renderPage(
    <Page
      locale={l}
      title={p.title}
      path={`/commission/reports/${p.filingId}`}
      crumbs={[{ href: `/${l}/commission/reports`, label: t(l, 'filings.review.title') }, { label: p.title }]}
    >
      <h1>{p.title}</h1>
      <Done text={p.done} />
      <ErrorSummary locale={l} errors={errors} />
      <p>
        <StatusBadge locale={l} status={p.status} /> · <a href={reportPath(l, p.filingId)}>{t(l, 'filings.review.public')}</a>
      </p>
      <h2>{t(l, 'filings.history.title')}</h2>
      <ol>
        {p.events.map((e) => (
          <li key={e.id}>
            {formatDateTime(l, e.at)} — {t(l, `filings.status.${e.status}`)} ({e.actor}){e.reason ? `: ${e.reason}` : ''}
          </li>
        ))}
      </ol>
      {p.canReview && p.isLatest && next.length > 0 ? (
        <form method="post" action={`/${l}/commission/reports/${p.filingId}/status`} class="stack" id="form-review" noValidate>
          <CsrfInput token={p.csrfToken} />
          <Select
            form="review"
            name="status"
            label={t(l, 'filings.review.newStatus')}
            errors={errors}
            value={p.values?.status}
            options={next.map((s) => [s, t(l, `filings.status.${s}`)])}
            required
          />
          <ReasonField locale={l} errors={errors} value={p.values?.reason} />
          <button type="submit">{t(l, 'filings.review.save')}</button>
        </form>
      ) : !p.isLatest ? (
        <p>{t(l, 'filings.review.notLatest')}</p>
      ) : null}
    </Page>,
  );
}

function ReasonField(p: { locale: Locale; errors: FormError[]; value: string | undefined }) {
  const id = fieldId('review', 'reason');
  const mine = p.errors.filter((e) => e.target === id);
  const hint = t(p.locale, 'filings.review.reasonHint');
  return (
    <FieldShell id={id} label={t(p.locale, 'filings.review.reason')} hint={hint} mine={mine}>
      <textarea id={id} name="reason" rows={4} cols={60} aria-invalid={mine.length ? 'true' : undefined} aria-describedby={described(id, hint, mine)}>
        {p.value ?? ''}
      </textarea>
    </FieldShell>
  );
}
