// The treasurer's side of a request for explanation: each finding of their party the commission asked
// about, in the public shape (the registry's personal data stays with the commission), the question and
// its deadline, the history, and the answer form.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, ErrorSummary, Notice, TextArea, type FieldError } from '../../platform/web/index.ts';
import { day, Page, renderPage, som } from '../../platform/web/index.ts';
import type { PublicFinding } from '../core/public-finding.ts';
import { t } from '../compliance.messages.ts';
import type { ReviewEvent } from '../review.repository.ts';
import { History, RemedyText, ruleTitle, StatusTag } from './finding-parts.tsx';

export interface OpenRequest {
  finding: PublicFinding;
  history: ReviewEvent[];
  waiting: ReviewEvent;
}

export interface TreasurerFindingsProps {
  locale: Locale;
  requests: readonly OpenRequest[];
  csrfToken: string;
  failed?: { findingId: string; errors: FieldError[]; answer: string } | undefined;
  done?: string | undefined;
}

export const treasurerFindingsPath = (l: Locale) => `/${l}/treasurer/findings`;

function Request(p: { l: Locale; r: OpenRequest; csrfToken: string; failed: TreasurerFindingsProps['failed'] }) {
  const { l, r } = p;
  const f = r.finding;
  const mine = p.failed?.findingId === f.id ? p.failed : undefined;
  const form = `answer-${f.id}`;
  return (
    <article aria-labelledby={`h-${f.id}`} class="card">
      <h2 id={`h-${f.id}`}>{ruleTitle(f.rule, l)}</h2>
      <p>
        <StatusTag status={f.status} locale={l} /> · <code>{f.id}</code> · {f.lineIds.join(', ')}
        {f.donor ? ` · ${f.donor.name}` : ''}
        {f.amount !== null ? ` · ${som(f.amount, l)}` : ''}
      </p>
      <p>
        <RemedyText remedy={f.remedy} status={f.status} locale={l} />
      </p>
      <dl class="facts">
        <div>
          <dt>{t(l, 'compliance.col.question')}</dt>
          <dd>
            <blockquote>{r.waiting.reason}</blockquote>
          </dd>
        </div>
        <div>
          <dt>{t(l, 'compliance.col.deadline')}</dt>
          <dd>{r.waiting.deadline ? day(r.waiting.deadline, l) : '—'}</dd>
        </div>
      </dl>
      <History events={r.history} locale={l} showActors={false} />
      {mine ? (
        <ErrorSummary locale={l} errors={mine.errors} form={form} labelOf={() => t(l, 'compliance.field.answer')} />
      ) : null}
      <form
        method="post"
        action={`/${l}/treasurer/findings/${encodeURIComponent(f.id)}/answer`}
        class="stack"
        noValidate
      >
        <CsrfField token={p.csrfToken} />
        <TextArea
          locale={l}
          name="answer"
          form={form}
          label={t(l, 'compliance.field.answer')}
          value={mine?.answer}
          errors={mine?.errors}
        />
        <button type="submit">{t(l, 'compliance.action.answer')}</button>
      </form>
    </article>
  );
}

export function TreasurerFindingsPage(p: TreasurerFindingsProps) {
  const l = p.locale;
  const title = t(l, 'compliance.title.treasurer');
  return renderPage(
    <Page locale={l} title={title} path="/treasurer/findings">
      <h1>{title}</h1>
      <Notice text={p.done} />
      <p>{t(l, 'compliance.intro.treasurer')}</p>
      {p.requests.length === 0 ? <p>{t(l, 'compliance.none.requests')}</p> : null}
      {p.requests.map((r) => (
        <Request key={r.finding.id} l={l} r={r} csrfToken={p.csrfToken} failed={p.failed} />
      ))}
    </Page>,
  );
}
