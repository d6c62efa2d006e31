// A request's status for whoever has its number and the surname's first letters: the status, the
// station asked for, the dates and, when refused, the reason; nothing personal.
import type { Locale } from '../../domain/election.ts';
import { day, ErrorSummary, Input, Notice, Page, When, type FieldError } from '../../platform/web/index.ts';
import type { PublicStatus } from '../address-change.service.ts';
import { t } from '../voters.messages.ts';
import { LimitedNotice, PostForm, VotersNav, votersPath } from './parts.tsx';

export interface RequestStatusPageProps {
  locale: Locale;
  csrf: string;
  errors?: FieldError[];
  number?: string | undefined;
  /** Undefined before a query; null when nothing matched. */
  status?: PublicStatus | null;
  limitedFor?: number;
}

const statusText = (l: Locale, s: string) => t.lookup(l, `voters.status.${s}`) ?? s;

export function RequestStatusPage(p: RequestStatusPageProps) {
  const l = p.locale;
  const title = t(l, 'voters.status.title');
  const errors = p.errors ?? [];
  const s = p.status;
  return (
    <Page locale={l} title={title} path="/voters/address-change/status" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <VotersNav locale={l} current="status" />
      <LimitedNotice locale={l} seconds={p.limitedFor} />
      {s === null ? (
        <div role="status">
          <Notice kind="warn" text={t(l, 'voters.status.notFound')} />
        </div>
      ) : null}
      {s ? (
        <section aria-labelledby="request-status" role="status">
          <h2 id="request-status">{s.number}</h2>
          <p>{t(l, 'voters.status.current', { status: statusText(l, s.status) })}</p>
          {s.refusal ? (
            <p>{t(l, 'voters.refusal.label', { reason: t.lookup(l, `voters.refusal.${s.refusal}`) ?? s.refusal })}</p>
          ) : null}
          <dl>
            <dt>{t(l, 'voters.field.toStation')}</dt>
            <dd>{s.toStation}</dd>
            <dt>{t(l, 'voters.status.filedOn')}</dt>
            <dd>{day(s.filedOn, l)}</dd>
          </dl>
          <h3>{t(l, 'voters.status.history')}</h3>
          <ul>
            {s.history.map((h, i) => (
              <li key={i}>
                <When iso={h.at} locale={l} />: {statusText(l, h.status)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ErrorSummary locale={l} errors={errors} />
      <PostForm action={votersPath.status(l)} csrf={p.csrf}>
        <Input
          locale={l}
          name="number"
          label={t(l, 'voters.field.number')}
          value={p.number}
          maxLength={20}
          required
          errors={errors}
        />
        <Input locale={l} name="surname" label={t(l, 'voters.field.surname')} maxLength={60} required errors={errors} />
        <button type="submit">{t(l, 'voters.status.submit')}</button>
      </PostForm>
    </Page>
  );
}
