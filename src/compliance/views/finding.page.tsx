// One finding as the commission reads it: why (the rule, its article), the donor with their identity
// number, the amount, the remedy and its state, the evidence, the review history, and the analyst's
// forms (confirm, dismiss with a reason, reopen, ask the party with a deadline). Confirm, dismiss and
// reopen go through the kit's confirmation step; a refused form comes back with its errors.
import type { Locale } from '../../domain/election.ts';
import {
  CsrfField,
  DateInput,
  ErrorSummary,
  Notice,
  Page,
  renderPage,
  som,
  TextArea,
  type FieldError,
} from '../../platform/web/index.ts';
import type { ReviewAction } from '../core/review-transitions.ts';
import { ruleInfo } from '../core/rules/index.ts';
import { articleIn } from '../core/article.ts';
import { t } from '../compliance.messages.ts';
import type { FindingWithHistory } from '../review.service.ts';
import { Evidence, History, RemedyText, ruleTitle, severityText, StatusTag } from './finding-parts.tsx';
import { findingPath, findingsPath } from './findings.page.tsx';

export interface FindingPageProps {
  locale: Locale;
  found: FindingWithHistory;
  partyName: string;
  electionName: string;
  canReview: boolean;
  csrfToken: string;
  /** The refused form, its errors and values. */
  failed?: { action: ReviewAction; errors: FieldError[]; values: Record<string, string> } | undefined;
  done?: string | undefined;
}

const FIELD_LABEL: Record<
  string,
  'compliance.field.reason' | 'compliance.field.question' | 'compliance.field.deadline'
> = { reason: 'compliance.field.reason', question: 'compliance.field.question', deadline: 'compliance.field.deadline' };

function ActionForm(p: {
  l: Locale;
  id: string;
  action: ReviewAction;
  csrfToken: string;
  failed: FindingPageProps['failed'];
  fields: Array<'reason' | 'question' | 'deadline'>;
  button:
    | 'compliance.action.confirm'
    | 'compliance.action.dismiss'
    | 'compliance.action.reopen'
    | 'compliance.action.request';
}) {
  const l = p.l;
  const mine = p.failed?.action === p.action ? p.failed : undefined;
  return (
    <form method="post" action={`${findingPath(l, p.id)}/review`} class="stack" noValidate>
      <CsrfField token={p.csrfToken} />
      <input type="hidden" name="action" value={p.action} />
      {p.fields.map((name) =>
        name === 'deadline' ? (
          <DateInput
            key={name}
            locale={l}
            name={name}
            form={p.action}
            label={t(l, FIELD_LABEL[name] ?? 'compliance.field.deadline')}
            value={mine?.values[name]}
            errors={mine?.errors}
          />
        ) : (
          <TextArea
            key={name}
            locale={l}
            name={name}
            form={p.action}
            label={t(l, FIELD_LABEL[name] ?? 'compliance.field.reason')}
            value={mine?.values[name]}
            errors={mine?.errors}
          />
        ),
      )}
      <button type="submit">{t(l, p.button)}</button>
    </form>
  );
}

function Actions(p: { l: Locale; found: FindingWithHistory; csrfToken: string; failed: FindingPageProps['failed'] }) {
  const { l, found } = p;
  const s = found.finding.status;
  const id = found.finding.id;
  const common = { l, id, csrfToken: p.csrfToken, failed: p.failed };
  return (
    <section aria-labelledby="actions">
      <h2 id="actions">{t(l, 'compliance.actions')}</h2>
      {p.failed ? (
        <ErrorSummary
          locale={l}
          errors={p.failed.errors}
          form={p.failed.action}
          labelOf={(f) => (FIELD_LABEL[f] ? t(l, FIELD_LABEL[f]) : undefined)}
        />
      ) : null}
      {s === 'open' || s === 'remedied' ? (
        <ActionForm {...common} action="confirm" fields={[]} button="compliance.action.confirm" />
      ) : null}
      {s === 'open' ? (
        <ActionForm {...common} action="dismiss" fields={['reason']} button="compliance.action.dismiss" />
      ) : null}
      {s === 'confirmed' || s === 'dismissed' ? (
        <ActionForm {...common} action="reopen" fields={['reason']} button="compliance.action.reopen" />
      ) : null}
      {(s === 'open' || s === 'confirmed') && !found.waiting ? (
        <ActionForm
          {...common}
          action="request_explanation"
          fields={['question', 'deadline']}
          button="compliance.action.request"
        />
      ) : null}
    </section>
  );
}

export function FindingPage(p: FindingPageProps) {
  const l = p.locale;
  const f = p.found.finding;
  const info = ruleInfo(f.rule);
  const title = ruleTitle(f.rule, l);
  return renderPage(
    <Page
      locale={l}
      title={title}
      path={`/commission/findings/${encodeURIComponent(f.id)}`}
      crumbs={[{ href: findingsPath(l), label: t(l, 'compliance.title.findings') }, { label: title }]}
    >
      <h1>{title}</h1>
      <Notice text={p.done} />
      <p>
        <StatusTag status={f.status} locale={l} awaiting={p.found.waiting !== undefined} /> ·{' '}
        {severityText(f.severity, l)} · <code>{f.id}</code>
      </p>
      <section aria-labelledby="why">
        <h2 id="why">{t(l, 'compliance.why')}</h2>
        <dl class="facts">
          <div>
            <dt>{t(l, 'compliance.article')}</dt>
            <dd>{articleIn(info?.article ?? String(f.evidence.article ?? '—'), l)}</dd>
          </div>
          <div>
            <dt>{t(l, 'compliance.col.election')}</dt>
            <dd>{p.electionName}</dd>
          </div>
          <div>
            <dt>{t(l, 'compliance.col.party')}</dt>
            <dd>{p.partyName}</dd>
          </div>
          <div>
            <dt>{t(l, 'compliance.col.donor')}</dt>
            <dd>
              {f.donor ? f.donor.name : '—'}
              {f.donor?.identifier ? (
                <>
                  {' '}
                  <code>{f.donor.identifier}</code>
                </>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t(l, 'compliance.col.lines')}</dt>
            <dd>{f.lineIds.join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t(l, 'compliance.col.amount')}</dt>
            <dd>{f.amount !== undefined ? som(f.amount, l) : '—'}</dd>
          </div>
          {f.excess !== undefined ? (
            <div>
              <dt>{t(l, 'compliance.col.excess')}</dt>
              <dd>{som(f.excess, l)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t(l, 'compliance.col.remedy')}</dt>
            <dd>
              <RemedyText remedy={f.remedy} status={f.status} locale={l} />
            </dd>
          </div>
        </dl>
      </section>
      <Evidence evidence={f.evidence} locale={l} />
      <History events={p.found.history} locale={l} showActors />
      {p.canReview ? <Actions l={l} found={p.found} csrfToken={p.csrfToken} failed={p.failed} /> : null}
    </Page>,
  );
}
