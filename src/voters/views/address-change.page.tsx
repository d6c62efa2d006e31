// The voter's request to vote elsewhere on election day: the form, and once sent, its number.
import type { Locale } from '../../domain/election.ts';
import {
  day,
  ErrorSummary,
  formField,
  Input,
  Notice,
  Page,
  Select,
  type FieldError,
} from '../../platform/web/index.ts';
import { t } from '../voters.messages.ts';
import { PinInput, PostForm, VotersNav, votersPath } from './parts.tsx';

export const REQUEST_REASONS = ['work', 'study', 'residence', 'other'] as const;

/** The label of each field the form sends back after a refusal (the PIN is never sent back). */
const LABELS = {
  surname: 'voters.field.fullSurname',
  givenName: 'voters.field.givenName',
  patronymic: 'voters.field.patronymic',
  toStation: 'voters.field.toStation',
  reason: 'voters.field.reason',
  contact: 'voters.field.contact',
} as const;

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
  const field = formField(l, { errors, values: p.values }, (name: keyof typeof LABELS) => t(l, LABELS[name]));
  const person = (name: keyof typeof LABELS, autocomplete: string) => (
    <Input {...field(name)} required maxLength={100} autocomplete={autocomplete} />
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
        <PostForm action={votersPath.change(l)} csrf={p.csrf}>
          <PinInput locale={l} errors={errors} />
          {person('surname', 'family-name')}
          {person('givenName', 'given-name')}
          {person('patronymic', 'additional-name')}
          <Input {...field('toStation')} hint={t(l, 'voters.field.toStationHint')} maxLength={12} required />
          <p>
            <a href={votersPath.stations(l)}>{t(l, 'voters.stations.title')}</a>
          </p>
          <Select
            {...field('reason')}
            required
            options={REQUEST_REASONS.map((r) => ({ value: r, label: t(l, `voters.reason.${r}`) }))}
          />
          <Input {...field('contact')} required maxLength={120} />
          <button type="submit">{t(l, 'voters.change.submit')}</button>
        </PostForm>
      ) : null}
      <p class="muted">{t(l, 'voters.lookup.privacy')}</p>
    </Page>
  );
}
