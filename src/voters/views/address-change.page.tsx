// The voter's request to vote elsewhere on election day: the form, and once sent, its number.
import type { Locale } from '../../domain/election.ts';
import {
  CsrfField,
  day,
  ErrorSummary,
  Input,
  Notice,
  Page,
  Select,
  type FieldError,
} from '../../platform/web/index.ts';
import { t } from '../voters.messages.ts';
import { VotersNav, votersPath } from './parts.tsx';

export const REQUEST_REASONS = ['work', 'study', 'residence', 'other'] as const;

export interface AddressChangePageProps {
  locale: Locale;
  csrf: string;
  /** The last day requests are taken; undefined when no election is coming. */
  lastDay: string | undefined;
  open: boolean;
  errors?: FieldError[];
  /** Values typed, shown again after a refusal (never the PIN). */
  values?: Record<string, string | undefined>;
  /** The number of the request just filed. */
  filed?: string;
}

export function AddressChangePage(p: AddressChangePageProps) {
  const l = p.locale;
  const title = t(l, 'voters.change.title');
  const errors = p.errors ?? [];
  const v = p.values ?? {};
  const field = (
    name: string,
    label: Parameters<typeof t>[1],
    extra: { maxLength?: number; autocomplete?: string } = {},
  ) => (
    <Input
      locale={l}
      name={name}
      label={t(l, label)}
      value={v[name]}
      required
      errors={errors}
      maxLength={extra.maxLength ?? 100}
      {...(extra.autocomplete ? { autocomplete: extra.autocomplete } : {})}
    />
  );
  return (
    <Page locale={l} title={title} path="/voters/address-change" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <VotersNav locale={l} current="change" />
      {p.filed ? (
        <Notice kind="done">
          <p>{t(l, 'voters.change.filed', { number: p.filed })}</p>
          <p>
            <a href={votersPath.status(l)}>{t(l, 'voters.nav.status')}</a>
          </p>
        </Notice>
      ) : null}
      {p.lastDay ? (
        <p>{t(l, 'voters.change.lead', { day: day(p.lastDay, l) })}</p>
      ) : (
        <p>{t(l, 'voters.change.noElection')}</p>
      )}
      <ErrorSummary locale={l} errors={errors} />
      {p.open && !p.filed ? (
        <form method="post" action={votersPath.change(l)} novalidate>
          <CsrfField token={p.csrf} />
          <Input
            locale={l}
            name="pin"
            label={t(l, 'voters.field.pin')}
            inputMode="numeric"
            maxLength={20}
            required
            errors={errors}
          />
          {field('surname', 'voters.field.fullSurname', { autocomplete: 'family-name' })}
          {field('givenName', 'voters.field.givenName', { autocomplete: 'given-name' })}
          {field('patronymic', 'voters.field.patronymic', { autocomplete: 'additional-name' })}
          <Input
            locale={l}
            name="toStation"
            label={t(l, 'voters.field.toStation')}
            hint={t(l, 'voters.field.toStationHint')}
            value={v.toStation}
            maxLength={12}
            required
            errors={errors}
          />
          <p>
            <a href={votersPath.stations(l)}>{t(l, 'voters.stations.title')}</a>
          </p>
          <Select
            locale={l}
            name="reason"
            label={t(l, 'voters.field.reason')}
            value={v.reason}
            required
            errors={errors}
            options={REQUEST_REASONS.map((r) => ({ value: r, label: t(l, `voters.reason.${r}`) }))}
          />
          {field('contact', 'voters.field.contact', { maxLength: 120 })}
          <button type="submit">{t(l, 'voters.change.submit')}</button>
        </form>
      ) : null}
      <p class="muted">{t(l, 'voters.lookup.privacy')}</p>
    </Page>
  );
}
