// The candidate list on the commission's page of a party in an election: the import form while the
// party has no list, then the list rules, the withdrawal form and the list itself.
import type { ComponentChildren } from 'preact';
import {
  formField,
  candidateName,
  CsrfField,
  DataTable,
  Day,
  day,
  DateInput,
  FileInput,
  Notice,
  RulesSummary,
  Select,
  type Column,
  type FieldError,
} from '../../platform/web/index.ts';
import type { Locale, PublicCandidate } from '../../domain/election.ts';
import type { ListRuleResult } from '../../domain/list-rules.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../../domain/candidate-columns.ts';
import type { FormValues } from '../../elections/index.ts';
import { t } from '../candidate.messages.ts';
import { RulesTable } from './rules-table.tsx';
import { IMPORT_COLUMN_HELP } from '../core/list-template.ts';

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
  errors: FieldError[];
}

const LIST_FILES = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function ImportForm(p: CandidateListSectionProps) {
  const l = p.locale;
  return (
    <form method="post" action={`${p.partyPath}/candidates`} encType="multipart/form-data" class="stack" noValidate>
      {/* First, so that the server checks it before it reads the file. */}
      <CsrfField token={p.csrfToken} />
      <fieldset>
        <legend>{t(l, 'commission.party.importList')}</legend>
        <FileInput
          locale={l}
          errors={p.errors}
          name="file"
          label={t(l, 'commission.field.file')}
          required
          accept={LIST_FILES}
          hint={t(l, 'commission.hint.file', { columns: CANDIDATE_IMPORT_COLUMNS.join(', ') })}
        />
        <p>
          {t(l, 'commission.party.template')}: <a href={`${p.partyPath}/candidates/template.csv`}>CSV</a> ·{' '}
          <a href={`${p.partyPath}/candidates/template.xlsx`}>XLSX</a>
        </p>
        <div class="table-wrap">
          <table>
            <caption style="text-align:left">{t(l, 'commission.party.columns')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(l, 'commission.party.column')}</th>
                <th scope="col">{t(l, 'commission.party.columnMeaning')}</th>
                <th scope="col">{t(l, 'commission.party.columnAllowed')}</th>
              </tr>
            </thead>
            <tbody>
              {CANDIDATE_IMPORT_COLUMNS.map((c) => (
                <tr key={c}>
                  <th scope="row">
                    <code>{c}</code>
                  </th>
                  <td>{IMPORT_COLUMN_HELP[c].meaning[l]}</td>
                  <td>{IMPORT_COLUMN_HELP[c].allowed[l]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit">{t(l, 'commission.action.import')}</button>
      </fieldset>
    </form>
  );
}

function WithdrawalForm(p: CandidateListSectionProps & { registered: PublicCandidate[] }) {
  const l = p.locale;
  const field = formField(l, p, (name: 'candidateId' | 'withdrawDate') => t(l, `commission.field.${name}`));
  return (
    <form method="post" action={`${p.partyPath}/withdrawals`} class="stack" noValidate>
      <CsrfField token={p.csrfToken} />
      <fieldset>
        <legend>{t(l, 'commission.party.withdraw')}</legend>
        <p class="hint">{t(l, 'commission.party.withdrawHelp')}</p>
        <Select
          {...field('candidateId')}
          required
          placeholder
          options={p.registered.map((c) => ({
            value: String(c.id),
            label: t(l, 'commission.party.candidateOption', {
              position: String(c.listPosition),
              name: candidateName(c, l),
            }),
          }))}
        />
        <DateInput {...field('withdrawDate')} required />
        <button type="submit">{t(l, 'commission.action.withdraw')}</button>
      </fieldset>
    </form>
  );
}

function listColumns(l: Locale): Column<PublicCandidate>[] {
  return [
    { key: 'position', label: t(l, 'candidate.position'), numeric: true, cell: (c) => c.listPosition },
    { key: 'name', label: t(l, 'candidate.name'), cell: (c) => candidateName(c, l) },
    { key: 'sex', label: t(l, 'candidate.sex'), cell: (c) => t(l, `sex.${c.sex}`) },
    { key: 'birthDate', label: t(l, 'candidate.birthDate'), cell: (c) => <Day iso={c.birthDate} locale={l} /> },
    {
      key: 'status',
      label: t(l, 'candidate.status'),
      cell: (c) => `${t(l, `candidate.${c.status}`)}${c.withdrawnOn ? ` (${day(c.withdrawnOn, l)})` : ''}`,
    },
  ];
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
        <p>
          {t(l, 'commission.party.listCount', { total: p.candidates.length, registered: String(registered.length) })}
        </p>
        <h3 id="rules" tabIndex={-1}>
          {t(l, 'commission.party.rules')}
        </h3>
        <RulesTable locale={l} results={p.rules} statusLabel={t(l, 'commission.field.status')} />
        {p.canManage && registered.length > 0 ? <WithdrawalForm {...p} registered={registered} /> : null}
        <p class="muted">{t(l, 'commission.party.listExists')}</p>
        <DataTable
          locale={l}
          columns={listColumns(l)}
          rows={p.candidates}
          rowKey={(c) => c.id}
          caption={t(l, 'commission.party.list')}
          captionClass="muted"
        />
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
    <Notice text={t(p.locale, 'commission.done.withdrawn', { name: p.name, position: String(p.position) })}>
      <p>
        <a href="#rules">
          <RulesSummary results={p.rules} locale={p.locale} />
        </a>
      </p>
    </Notice>
  );
}

/** The notice after an import. */
export const importedNotice = (l: Locale, n: number): string => t(l, 'commission.done.imported', { n });
