// The form that registers a party in an election, optionally filled from a party of an earlier one.
import { CsrfField, DateInput, Input, pick, renderPage, Select, type FieldError } from '../../platform/web/index.ts';
import type { Election, Locale, Party } from '../../domain/election.ts';
import {
  CommissionErrors,
  CommissionPage,
  commissionElectionPath,
  enc,
  newPartyPath,
  partiesPath,
  type FormValues,
} from '../../elections/index.ts';
import type { PartyField } from '../http/party.form.ts';
import { t } from '../party.messages.ts';

export interface NewPartyProps {
  locale: Locale;
  csrfToken: string;
  election: Election;
  /** Parties of other elections that this one does not have yet. */
  known: Party[];
  from?: string | undefined;
  /** The registration number names a party record that exists: registering updates it. */
  existing: boolean;
  values?: FormValues;
  errors?: FieldError[];
}

/** "Start from a party of an earlier election": a GET form that fills the registration form. */
function FromEarlier(p: { l: Locale; action: string; known: Party[]; from: string | undefined }) {
  const l = p.l;
  return (
    <form method="get" action={p.action} class="stack">
      <fieldset>
        <legend>{t(l, 'commission.newParty.from')}</legend>
        <p class="hint">{t(l, 'commission.newParty.fromHelp')}</p>
        <Select
          locale={l}
          name="fromParty"
          label={t(l, 'commission.field.fromParty')}
          value={p.from}
          placeholder
          options={p.known.map((x) => ({
            value: x.registrationNumber,
            label: `${pick(x.name, l)} (${x.registrationNumber})`,
          }))}
        />
        <button type="submit">{t(l, 'commission.action.fill')}</button>
      </fieldset>
    </form>
  );
}

export function NewPartyPage(p: NewPartyProps) {
  const l = p.locale;
  const e = p.election;
  const v = p.values ?? {};
  const errors = p.errors ?? [];
  const title = t(l, 'commission.title.newParty');
  const field = (name: PartyField) => ({
    locale: l,
    errors,
    name,
    label: t(l, `commission.field.${name}`),
    value: v[name],
  });
  const shortName = t(l, 'commission.hint.shortName');
  return renderPage(
    <CommissionPage
      l={l}
      title={title}
      path={`/commission/elections/${enc(e.id)}/register-party`}
      synthetic={e.synthetic}
      crumbs={[{ href: commissionElectionPath(l, e.id), label: pick(e.name, l) }, { label: title }]}
    >
      <h1>{title}</h1>
      <p class="muted">{pick(e.name, l)}</p>
      <CommissionErrors l={l} errors={errors} tr={t} />
      {p.known.length > 0 ? <FromEarlier l={l} action={newPartyPath(l, e.id)} known={p.known} from={p.from} /> : null}
      <form method="post" action={partiesPath(l, e.id)} class="stack" noValidate>
        <CsrfField token={p.csrfToken} />
        <fieldset>
          <legend>{t(l, 'commission.newParty.details')}</legend>
          {p.existing ? (
            <p class="hint" role="note">
              {t(l, 'commission.newParty.existing')}
            </p>
          ) : null}
          <Input {...field('registrationNumber')} required hint={t(l, 'commission.hint.registrationNumber')} />
          <Input {...field('nameKy')} required />
          <Input {...field('nameRu')} required />
          <Input {...field('nameEn')} hint={t(l, 'commission.hint.nameEn')} />
          <Input {...field('shortNameKy')} hint={shortName} />
          <Input {...field('shortNameRu')} hint={shortName} />
          <Input {...field('shortNameEn')} hint={shortName} />
          <Input {...field('leader')} />
          <DateInput {...field('foundedOn')} />
          <Input {...field('address')} />
          <Input {...field('phone')} type="tel" />
          <Input {...field('website')} type="url" />
        </fieldset>
        <button type="submit">{t(l, 'commission.action.register')}</button>
      </form>
    </CommissionPage>,
  );
}
