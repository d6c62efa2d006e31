// One filed version under review: the report exactly as filed, with what the public never sees (the
// donors' PINs and addresses), what the filing validation says of it, where the compliance findings on the
// campaign are, its status history and the commission's decision (a new status, with the reason the party
// and the public read).
import type { Locale } from '../../domain/election.ts';
import type { Problem } from '../../platform/result.ts';
import { formField, renderPage, Select, TextArea, type FieldError } from '../../platform/web/index.ts';
import { formatDate, formatDateTime, formatNumber } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';
import { ChecksSection } from './problem-lists.tsx';
import type { FormFields } from '../core/draft.ts';
import { sectionLabels } from '../core/filing-labels.ts';
import { LINE_SECTIONS, type LineSection } from '../core/filing.ts';
import { REVIEW_TRANSITIONS } from '../core/review.ts';
import type { Review } from '../review.service.ts';
import { reportPath, scanPath, StatusBadge } from './common.tsx';
import { lineAnchor, LinesOfSection } from './line-tables.tsx';
import { ReportFacts } from './report.page.tsx';
import { ScanList } from './scan-list.tsx';
import { StaffForm, StaffPage } from './staff-page.tsx';

/** The commission's findings on the campaign a report belongs to, served by the compliance screens. */
export const findingsPath = (l: Locale, electionId: string, reg: string) =>
  `/${l}/commission/findings?election=${encodeURIComponent(electionId)}&party=${encodeURIComponent(reg)}`;

export function ReviewPage(p: {
  locale: Locale;
  csrfToken: string;
  title: string;
  review: Review;
  canReview: boolean;
  errors?: FieldError[];
  values?: FormFields;
  done?: string;
}) {
  const l = p.locale;
  const { report, filed } = p.review;
  const filingId = report.filing.id;
  return renderPage(
    <StaffPage
      locale={l}
      title={p.title}
      path={`/commission/reports/${filingId}`}
      crumbs={[{ href: `/${l}/commission/reports`, label: t(l, 'filings.review.title') }, { label: p.title }]}
      done={p.done}
      errors={p.errors}
    >
      <p>
        <StatusBadge locale={l} status={report.filing.status} /> ·{' '}
        <a href={reportPath(l, filingId)}>{t(l, 'filings.review.public')}</a> ·{' '}
        <a href={findingsPath(l, report.election.id, report.chain.partyRegistrationNumber)}>
          {t(l, 'filings.review.findings')}
        </a>
      </p>
      <p class="older" role="note">
        {t(l, 'filings.review.private')}
      </p>
      <ChecksSection {...REVIEW_CHECKS} locale={l} problems={p.review.problems} />
      <section aria-labelledby="as-filed">
        <h2 id="as-filed">{t(l, 'filings.review.asFiled')}</h2>
        <p>
          {formatDate(l, filed.header.periodFrom)} – {formatDate(l, filed.header.periodTo)}
        </p>
        <ReportFacts locale={l} report={report} />
        {LINE_SECTIONS.map((section) => (
          <section key={section} aria-labelledby={section}>
            <h3 id={section}>
              {sectionLabels[section][l]} ({formatNumber(l, filed[section].length)})
            </h3>
            <LinesOfSection locale={l} doc={filed} section={section} filingId={filingId} withPrivate />
          </section>
        ))}
        <section aria-labelledby="scans">
          <h3 id="scans">{t(l, 'filings.scans.title')}</h3>
          <ScanList locale={l} scans={report.attachments.map((a) => ({ ...a, href: scanPath(filingId, a.sha256) }))} />
        </section>
      </section>
      <Decision {...p} />
    </StaffPage>,
  );
}

/** The status history of the version and, for the latest, the form that changes its status. */
function Decision(p: Parameters<typeof ReviewPage>[0]) {
  const l = p.locale;
  const { filing } = p.review.report;
  const next = REVIEW_TRANSITIONS[filing.status];
  const field = formField(
    l,
    { name: 'review', errors: p.errors ?? [], values: p.values },
    (name: 'status' | 'reason') => t(l, name === 'status' ? 'filings.review.newStatus' : 'filings.review.reason'),
  );
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t(l, 'filings.history.title')}</h2>
      <ol>
        {p.review.events.map((e) => (
          <li key={e.id}>
            {formatDateTime(l, e.at)} — {t(l, `filings.status.${e.status}`)} ({e.actor})
            {e.reason ? `: ${e.reason}` : ''}
          </li>
        ))}
      </ol>
      {p.canReview && filing.isLatest && next.length > 0 ? (
        <StaffForm action={`/${l}/commission/reports/${filing.id}/status`} id="form-review" csrfToken={p.csrfToken}>
          <Select
            {...field('status')}
            options={next.map((s) => ({ value: s, label: t(l, `filings.status.${s}`) }))}
            required
          />
          <TextArea {...field('reason')} hint={t(l, 'filings.review.reasonHint')} />
          <button type="submit">{t(l, 'filings.review.save')}</button>
        </StaffForm>
      ) : !filing.isLatest ? (
        <p>{t(l, 'filings.review.notLatest')}</p>
      ) : null}
    </section>
  );
}

/** Where on this page the thing a problem is about is shown: its line, the scans or the header. */
function checkTarget(p: Problem): string {
  const section = p.params?.section;
  const lineId = p.params?.lineId;
  if ((LINE_SECTIONS as readonly unknown[]).includes(section) && typeof lineId === 'string')
    return lineAnchor(section as LineSection, lineId);
  return section === 'attachments' ? 'scans' : 'as-filed';
}

/** What the filing validation says of the document as filed, errors first; each problem with its field's name. */
const REVIEW_CHECKS = {
  id: 'checks',
  keys: 'filings.reviewCheck',
  okWhen: 'no-problems',
  targetOf: checkTarget,
  withField: true,
} as const;
