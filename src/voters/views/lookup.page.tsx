// "Where do I vote?": the form (PIN and the surname's first letters, posted so the PIN is never in an
// address), and its answer: the station with address, map link and hours, the biometric status and,
// when it is missing, where and until when to register. A query that does not match says so plainly.
import type { Locale } from '../../domain/election.ts';
import { day, ErrorSummary, Input, Notice, Page, pick, type FieldError } from '../../platform/web/index.ts';
import type { LookupAnswer } from '../lookup.service.ts';
import { t } from '../voters.messages.ts';
import { countryName, LimitedNotice, PinInput, PostForm, StationCard, VotersNav, votersPath } from './parts.tsx';

export interface LookupPageProps {
  locale: Locale;
  csrf: string;
  loading: boolean;
  errors?: FieldError[];
  /** What was typed of the surname, shown again; the PIN never is. */
  letters?: string;
  answer?: LookupAnswer;
  /** Seconds to wait when the limit was reached. */
  limitedFor?: number;
}

function Answer(p: { locale: Locale; answer: LookupAnswer }) {
  const l = p.locale;
  const a = p.answer;
  if (!a.found)
    return (
      <div role="status">
        <Notice kind="warn" text={t(l, 'voters.lookup.notFound')} />
      </div>
    );
  return (
    <section aria-labelledby="your-station" role="status">
      <h2 id="your-station">{t(l, 'voters.lookup.yourStation')}</h2>
      {a.movedByRequest ? <p>{t(l, 'voters.lookup.moved')}</p> : null}
      <StationCard locale={l} station={a.station} />
      {a.biometricRegistered ? (
        <p class="check-ok">{t(l, 'voters.lookup.bioYes')}</p>
      ) : (
        <div class="note-box">
          <p>{t(l, 'voters.lookup.bioNo')}</p>
          {a.station.country === 'KG' ? (
            <p>{t(l, 'voters.lookup.bioHome')}</p>
          ) : a.registerAt.length === 0 ? (
            <p>{t(l, 'voters.lookup.bioNoGroup')}</p>
          ) : (
            <>
              <p>{t(l, 'voters.lookup.bioAbroad')}</p>
              <ul>
                {a.registerAt.map((g) => (
                  <li key={g.id}>
                    {countryName(l, g.country)}, {g.city}: {pick(g.address, l)} —{' '}
                    {g.visits.map((v) => `${day(v.startsOn, l)}–${day(v.endsOn, l)} ${v.hours}`).join('; ')}
                  </li>
                ))}
              </ul>
            </>
          )}
          {a.until ? <p>{t(l, 'voters.lookup.until', { day: day(a.until, l) })}</p> : null}
        </div>
      )}
    </section>
  );
}

export function LookupPage(p: LookupPageProps) {
  const l = p.locale;
  const title = t(l, 'voters.lookup.title');
  const errors = p.errors ?? [];
  return (
    <Page locale={l} title={title} path="/voters/lookup" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <VotersNav locale={l} current="lookup" />
      <p>{t(l, 'voters.lookup.lead')}</p>
      {p.loading ? <Notice kind="note" text={t(l, 'voters.lookup.loading')} /> : null}
      <LimitedNotice locale={l} seconds={p.limitedFor} />
      {p.answer ? <Answer locale={l} answer={p.answer} /> : null}
      <ErrorSummary locale={l} errors={errors} />
      <PostForm action={votersPath.lookup(l)} csrf={p.csrf}>
        <PinInput locale={l} errors={errors} />
        <Input
          locale={l}
          name="surname"
          label={t(l, 'voters.field.surname')}
          maxLength={60}
          value={p.letters}
          required
          errors={errors}
        />
        <button type="submit">{t(l, p.answer ? 'voters.lookup.again' : 'voters.lookup.submit')}</button>
      </PostForm>
      <p class="muted">{t(l, 'voters.lookup.privacy')}</p>
    </Page>
  );
}
