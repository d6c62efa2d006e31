// One party in one election as the commission sees it: its participation and the form that ends it,
// its candidate list (the candidates' section) and its programme (the programmes' section). A refused
// form of any of them comes back on this page, with what was typed and its errors.
import type { ComponentChildren } from 'preact';
import {
  formField,
  CsrfField,
  DateInput,
  day,
  pick,
  renderPage,
  Select,
  TextArea,
  type FieldError,
} from '../../platform/web/index.ts';
import type { Election, Locale, Participation } from '../../domain/election.ts';
import {
  activityPath,
  CommissionErrors,
  CommissionPage,
  commissionElectionPath,
  commissionPartyPath,
  enc,
  type FormValues,
  type Lookup,
} from '../../elections/index.ts';
import { CandidateListSection } from '../../candidates/index.ts';
import { ProgrammeSection } from '../../programmes/index.ts';
import type { PartyRecord } from '../party.service.ts';
import { ENDED_STATUSES, type StatusField } from '../http/party.form.ts';
import { t } from '../party.messages.ts';

export interface PartyPermissions {
  /** Withdrawal, deregistration and the programme. */
  party: boolean;
  /** Importing the list and withdrawing candidates. */
  candidates: boolean;
}

export interface CommissionPartyProps {
  locale: Locale;
  csrfToken: string;
  election: Election;
  record: PartyRecord;
  can: PartyPermissions;
  values?: FormValues;
  errors?: FieldError[];
  /** The catalogues that name the refused form's fields in the error summary (the capability's whose form it was). */
  labels?: Lookup;
  /** What the last change did (a notice), shown above everything else. */
  notice?: ComponentChildren;
}

function ParticipationSection(p: {
  l: Locale;
  csrfToken: string;
  action: string;
  participation: Participation;
  canManage: boolean;
  values: FormValues;
  errors: FieldError[];
}) {
  const { l, participation } = p;
  const field = formField(l, p, (name: StatusField) => t(l, `commission.field.${name}`));
  return (
    <section aria-labelledby="participation">
      <h2 id="participation">{t(l, 'commission.party.participation')}</h2>
      <dl class="facts">
        <dt>{t(l, 'party.status')}</dt>
        <dd>
          {t(l, `participation.${participation.status}`)}
          {participation.statusDate
            ? ` (${t(l, 'commission.election.since', { date: day(participation.statusDate, l) })})`
            : ''}
        </dd>
        {participation.statusReason ? (
          <>
            <dt>{t(l, 'commission.party.reason')}</dt>
            <dd>{participation.statusReason}</dd>
          </>
        ) : null}
        <dt>{t(l, 'party.ballotNumber')}</dt>
        <dd>{participation.ballotNumber ?? t(l, 'ballot.noNumber')}</dd>
      </dl>
      {p.canManage ? (
        <form method="post" action={p.action} class="stack" noValidate>
          <CsrfField token={p.csrfToken} />
          <fieldset>
            <legend>{t(l, 'commission.party.changeStatus')}</legend>
            <Select
              {...field('participationStatus')}
              required
              placeholder
              options={ENDED_STATUSES.map((s) => ({ value: s, label: t(l, `participation.${s}`) }))}
            />
            <DateInput {...field('statusDate')} required />
            <TextArea {...field('statusReason')} required rows={3} hint={t(l, 'commission.hint.statusReason')} />
            <button type="submit">{t(l, 'commission.action.saveStatus')}</button>
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}

export function CommissionPartyPage(p: CommissionPartyProps) {
  const l = p.locale;
  const e = p.election;
  const { party: x, participation, candidates, rules, programme } = p.record;
  const values = p.values ?? {};
  const errors = p.errors ?? [];
  const name = pick(x.name, l);
  const partyPath = commissionPartyPath(l, e.id, x.registrationNumber);
  const forms = { locale: l, csrfToken: p.csrfToken, partyPath, values, errors };
  return renderPage(
    <CommissionPage
      l={l}
      title={`${name} — ${pick(e.name, l)}`}
      path={`/commission/elections/${enc(e.id)}/parties/${enc(x.registrationNumber)}`}
      synthetic={e.synthetic}
      crumbs={[{ href: commissionElectionPath(l, e.id), label: pick(e.name, l) }, { label: pick(x.shortName, l) }]}
    >
      <h1>{name}</h1>
      <p class="muted">
        {pick(e.name, l)} · <code>{x.registrationNumber}</code>
      </p>
      {p.notice}
      <CommissionErrors l={l} errors={errors} tr={p.labels ?? t} />
      <ul class="actions">
        <li>
          <a href={`/${l}/elections/${enc(e.id)}/parties/${enc(x.registrationNumber)}`}>
            {t(l, 'commission.link.public')}
          </a>
        </li>
        <li>
          <a href={activityPath(l, e.id)}>{t(l, 'commission.link.activity')}</a>
        </li>
      </ul>
      {!p.can.party && !p.can.candidates ? <p class="muted">{t(l, 'commission.readOnly')}</p> : null}
      <ParticipationSection
        l={l}
        csrfToken={p.csrfToken}
        action={`${partyPath}/status`}
        participation={participation}
        canManage={p.can.party}
        values={values}
        errors={errors}
      />
      <CandidateListSection {...forms} candidates={candidates} rules={rules} canManage={p.can.candidates} />
      <ProgrammeSection {...forms} programme={programme} canManage={p.can.party} />
    </CommissionPage>,
  );
}
