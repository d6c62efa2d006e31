// The form that registers a party in an election, optionally filled from a party of an earlier one.
import { renderPage } from '../../platform/web/layout.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/web/format.tsx';
import type { Election, Locale, Party } from '../../domain/election.ts';
import { CsrfInput } from '../../accounts/index.ts';
import {
  CommissionPage,
  commissionElectionPath,
  DateInput,
  enc,
  ErrorSummary,
  Input,
  newPartyPath,
  partiesPath,
  Select,
  type FormError,
  type FormValues,
} from '../../elections/index.ts';

export function NewPartyPage(p: {
  locale: Locale;
  csrfToken: string;
  election: Election;
  /** Parties of other elections that this one does not have yet. */
  known: Party[];
  from?: string | undefined;
  /** The registration number names a party record that exists: registering updates it. */
  existing: boolean;
  values?: FormValues;
  errors?: FormError[];
}) {
  const l = p.locale;
  const e = p.election;
  const v = p.values ?? {};
  const errors = p.errors ?? [];
  const title = t(l, 'commission.title.newParty');
  const common = { l, errors };
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
      <ErrorSummary l={l} errors={errors} />
      {p.known.length > 0 ? (
        <form method="get" action={newPartyPath(l, e.id)} class="stack">
          <fieldset>
            <legend>{t(l, 'commission.newParty.from')}</legend>
            <p class="hint">{t(l, 'commission.newParty.fromHelp')}</p>
            <Select
              l={l}
              errors={[]}
              name="fromParty"
              value={p.from}
              placeholder
              options={p.known.map((x) => ({ value: x.registrationNumber, label: `${pick(x.name, l)} (${x.registrationNumber})` }))}
            />
            <button type="submit">{t(l, 'commission.action.fill')}</button>
          </fieldset>
        </form>
      ) : null}
      <form method="post" action={partiesPath(l, e.id)} class="stack" noValidate>
        <CsrfInput token={p.csrfToken} />
        <fieldset>
          <legend>{t(l, 'commission.newParty.details')}</legend>
          {p.existing ? (
            <p class="hint" role="note">
              {t(l, 'commission.newParty.existing')}
            </p>
          ) : null}
          <Input {...common} name="registrationNumber" value={v.registrationNumber} required hint={t(l, 'commission.hint.registrationNumber')} />
          <Input {...common} name="nameKy" value={v.nameKy} required />
          <Input {...common} name="nameRu" value={v.nameRu} required />
          <Input {...common} name="nameEn" value={v.nameEn} hint={t(l, 'commission.hint.nameEn')} />
          <Input {...common} name="shortNameKy" value={v.shortNameKy} hint={t(l, 'commission.hint.shortName')} />
          <Input {...common} name="shortNameRu" value={v.shortNameRu} hint={t(l, 'commission.hint.shortName')} />
          <Input {...common} name="shortNameEn" value={v.shortNameEn} hint={t(l, 'commission.hint.shortName')} />
          <Input {...common} name="leader" value={v.leader} />
          <DateInput {...common} name="foundedOn" value={v.foundedOn} />
          <Input {...common} name="address" value={v.address} />
          <Input {...common} name="phone" type="tel" value={v.phone} />
          <Input {...common} name="website" type="url" value={v.website} />
        </fieldset>
        <button type="submit">{t(l, 'commission.action.register')}</button>
      </form>
    </CommissionPage>,
  );
}

/** A party record as the registration form's values. */
