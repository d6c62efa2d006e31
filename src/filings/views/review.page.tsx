// One filed version under review: its status history and the commission's decision (a new status, with
// the reason the party and the public read).
import type { Locale } from '../../domain/election.ts';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  Page,
  renderPage,
  Select,
  TextArea,
  type FieldError,
} from '../../platform/web/index.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';
import type { FormFields } from '../core/draft.ts';
import { REVIEW_TRANSITIONS } from '../core/review.ts';
import type { FilingStatusEvent } from '../filing.repository.ts';
import { reportPath, StatusBadge } from './common.tsx';

export function ReviewPage(p: {
  locale: Locale;
  csrfToken: string;
  filingId: number;
  title: string;
  status: Parameters<typeof StatusBadge>[0]['status'];
  isLatest: boolean;
  events: FilingStatusEvent[];
  canReview: boolean;
  errors?: FieldError[];
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
      <Notice text={p.done} />
      <ErrorSummary locale={l} errors={errors} title={t(l, 'filings.errors.title')} />
      <p>
        <StatusBadge locale={l} status={p.status} /> ·{' '}
        <a href={reportPath(l, p.filingId)}>{t(l, 'filings.review.public')}</a>
      </p>
      <h2>{t(l, 'filings.history.title')}</h2>
      <ol>
        {p.events.map((e) => (
          <li key={e.id}>
            {formatDateTime(l, e.at)} — {t(l, `filings.status.${e.status}`)} ({e.actor})
            {e.reason ? `: ${e.reason}` : ''}
          </li>
        ))}
      </ol>
      {p.canReview && p.isLatest && next.length > 0 ? (
        <form
          method="post"
          action={`/${l}/commission/reports/${p.filingId}/status`}
          class="stack"
          id="form-review"
          noValidate
        >
          <CsrfField token={p.csrfToken} />
          <Select
            locale={l}
            form="review"
            name="status"
            label={t(l, 'filings.review.newStatus')}
            errors={errors}
            value={p.values?.status}
            options={next.map((s) => ({ value: s, label: t(l, `filings.status.${s}`) }))}
            required
          />
          <TextArea
            locale={l}
            form="review"
            name="reason"
            label={t(l, 'filings.review.reason')}
            hint={t(l, 'filings.review.reasonHint')}
            errors={errors}
            value={p.values?.reason}
          />
          <button type="submit">{t(l, 'filings.review.save')}</button>
        </form>
      ) : !p.isLatest ? (
        <p>{t(l, 'filings.review.notLatest')}</p>
      ) : null}
    </Page>,
  );
}
