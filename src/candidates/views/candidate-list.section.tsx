// The candidate list on the commission's page of a party in an election: the import form while the
// party has no list, then the list rules, the withdrawal form and the list itself.
import type { ComponentChildren } from 'preact';
import { formatDate, t } from '../../platform/i18n/i18n.ts';
import { candidateName, RulesSummary } from '../../platform/web/format.tsx';
import type { Locale, PublicCandidate } from '../../domain/election.ts';
import type { ListRuleResult } from '../../domain/list-rules.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../../domain/candidate-columns.ts';
import { CsrfInput } from '../../accounts/index.ts';
import { DateInput, Done, FileInput, Select, when, type FormError, type FormValues } from '../../elections/index.ts';
import { RulesTable } from './rules-table.tsx';
import '../candidate.messages.ts';

export interface CandidateListSectionProps {
  locale: Locale;
  csrfToken: string;
  /** The commission's address of the party in the election; the forms post below it. */
  partyPath: string;
  candidates: PublicCandidate[];
  rules: ListRuleResult[];
  /** Whether the user may import the list and withdraw candidates. */
  canManage: boolean;
  values: FormValues;
  errors: FormError[];
}

function ImportForm(p: CandidateListSectionProps) {
  const l = p.locale;
  return (
    <form method="post" action={`${p.partyPath}/candidates`} encType="multipart/form-data" class="stack" noValidate>
      {/* First, so that the server checks it before it reads the file. */}
      <CsrfInput token={p.csrfToken} />
      <fieldset>
        <legend>{t(l, 'commission.party.importList')}</legend>
        <FileInput
          l={l}
          errors={p.errors}
          name="file"
          required
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hint={t(l, 'commission.hint.file', { columns: CANDIDATE_IMPORT_COLUMNS.join(', ') })}
        />
        <button type="submit">{t(l, 'commission.action.import')}</button>
      </fieldset>
    </form>
  );
}

function WithdrawalForm(p: CandidateListSectionProps & { registered: PublicCandidate[] }) {
  const l = p.locale;
  const common = { l, errors: p.errors };
  return (
    <form method="post" action={`${p.partyPath}/withdrawals`} class="stack" noValidate>
      <CsrfInput token={p.csrfToken} />
      <fieldset>
        <legend>{t(l, 'commission.party.withdraw')}</legend>
        <p class="hint">{t(l, 'commission.party.withdrawHelp')}</p>
        <Select
          {...common}
          name="candidateId"
          value={p.values.candidateId}
          required
          placeholder
          options={p.registered.map((c) => ({ value: String(c.id), label: t(l, 'commission.party.candidateOption', { position: String(c.listPosition), name: candidateName(c, l) }) }))}
        />
        <DateInput {...common} name="withdrawDate" value={p.values.withdrawDate} required />
        <button type="submit">{t(l, 'commission.action.withdraw')}</button>
      </fieldset>
    </form>
  );
}

function ListTable({ l, candidates }: { l: Locale; candidates: PublicCandidate[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="muted" style="text-align:left">
          {t(l, 'commission.party.list')}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t(l, 'candidate.position')}
            </th>
            <th scope="col">{t(l, 'candidate.name')}</th>
            <th scope="col">{t(l, 'candidate.sex')}</th>
            <th scope="col">{t(l, 'candidate.birthDate')}</th>
            <th scope="col">{t(l, 'candidate.status')}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.id}>
              <td class="num">{c.listPosition}</td>
              <td>{candidateName(c, l)}</td>
              <td>{t(l, `sex.${c.sex}`)}</td>
              <td>{when(l, c.birthDate)}</td>
              <td>
                {t(l, `candidate.${c.status}`)}
                {c.withdrawnOn ? ` (${formatDate(l, c.withdrawnOn)})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CandidateListSection(p: CandidateListSectionProps) {
  const l = p.locale;
  const registered = p.candidates.filter((c) => c.status === 'registered');
  let body: ComponentChildren;
  if (p.candidates.length === 0) {
    body = (
      <>
        <p>{t(l, 'commission.party.noList')}</p>
        {p.canManage ? <ImportForm {...p} /> : null}
      </>
    );
  } else {
    body = (
      <>
        <p>{t(l, 'commission.party.listCount', { total: p.candidates.length, registered: String(registered.length) })}</p>
        <h3 id="rules" tabIndex={-1}>
          {t(l, 'commission.party.rules')}
        </h3>
        <RulesTable locale={l} results={p.rules} statusLabel={t(l, 'commission.field.status')} />
        {p.canManage && registered.length > 0 ? <WithdrawalForm {...p} registered={registered} /> : null}
        <p class="muted">{t(l, 'commission.party.listExists')}</p>
        <ListTable l={l} candidates={p.candidates} />
      </>
    );
  }
  return (
    <section aria-labelledby="list">
      <h2 id="list">{t(l, 'commission.party.list')}</h2>
      {body}
    </section>
  );
}

/** The notice after a withdrawal: who was withdrawn, and the list rules as they now stand. */
export function WithdrawnNotice(p: { locale: Locale; name: string; position: number; rules: ListRuleResult[] }) {
  return (
    <Done text={t(p.locale, 'commission.done.withdrawn', { name: p.name, position: String(p.position) })}>
      <p>
        <a href="#rules">
          <RulesSummary results={p.rules} locale={p.locale} />
        </a>
      </p>
    </Done>
  );
}
