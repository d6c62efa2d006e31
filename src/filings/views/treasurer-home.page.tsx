// The treasurer's workspace: their party's reports (with "amend"), open drafts, "start a new report", and
// the tools for software (template, schema, API tokens). Staff see every open draft here and review in
// the commission's queue.
import { isFundNumber } from '../../races/index.ts';
import type { Locale } from '../../domain/election.ts';
import { CsrfField, pick, renderPage, Select, type FieldError, type SelectOption } from '../../platform/web/index.ts';
import { formatDate, formatDateTime } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';
import type { Principal } from '../../accounts/index.ts';
import { fieldLabel } from '../core/filing-labels.ts';
import { reportKindSchema } from '../core/filing.ts';
import type { FormFields } from '../core/draft.ts';
import type { ElectionReports, ReportChoice, TreasurerHome } from '../draft.service.ts';
import { partyName as partyLabel, reportKindLabel, reportPath, StatusBadge } from './common.tsx';
import { RequiredInputs, StaffForm, StaffPage } from './staff-page.tsx';

export interface TreasurerHomeProps extends TreasurerHome {
  locale: Locale;
  csrfToken: string;
  principal: Principal;
  canWrite: boolean;
  errors?: FieldError[];
  values?: FormFields;
  done?: string;
}

export function TreasurerHomePage(p: TreasurerHomeProps) {
  const l = p.locale;
  const ownParty = p.principal.partyRegistrationNumber;
  return renderPage(
    <StaffPage
      locale={l}
      title={t(l, 'filings.treasurer.title')}
      path="/treasurer"
      crumbs={[{ label: t(l, 'filings.treasurer.title') }]}
      done={p.done}
      errors={p.errors}
    >
      {ownParty ? (
        <p>
          {isFundNumber(ownParty)
            ? partyLabel(l, p.parties.get(ownParty), ownParty)
            : t(l, 'filings.treasurer.forParty', { party: partyLabel(l, p.parties.get(ownParty), ownParty) })}
        </p>
      ) : (
        <p>{t(l, 'filings.treasurer.staff')}</p>
      )}

      <DraftsSection {...p} />

      {p.canWrite && p.choices.length > 0 ? (
        <NewReportSection
          locale={l}
          csrfToken={p.csrfToken}
          ownParty={ownParty}
          choices={p.choices}
          errors={p.errors ?? []}
          values={p.values ?? {}}
        />
      ) : null}

      <FiledSection locale={l} csrfToken={p.csrfToken} reports={p.reports} canWrite={p.canWrite} />

      <section aria-labelledby="machine">
        <h2 id="machine">{t(l, 'filings.treasurer.tools')}</h2>
        <ul>
          <li>
            <a href={`/api/v1/filings/template.xlsx?locale=${l}`}>{t(l, 'filings.treasurer.template')}</a>
          </li>
          <li>
            <a href="/api/schemas/filing-v1.json">{t(l, 'filings.treasurer.schema')}</a>
          </li>
          <li>
            <a href={`/${l}/account/tokens`}>{t(l, 'filings.treasurer.tokens')}</a>
          </li>
        </ul>
      </section>
    </StaffPage>,
  );
}

function DraftsSection(p: TreasurerHomeProps) {
  const l = p.locale;
  const electionName = (id: string) => {
    const election = p.elections.get(id);
    return election ? pick(election.name, l) : id;
  };
  return (
    <section aria-labelledby="drafts">
      <h2 id="drafts">{t(l, 'filings.treasurer.drafts')}</h2>
      {p.drafts.length === 0 ? <p>{t(l, 'filings.treasurer.noDrafts')}</p> : null}
      <ul>
        {p.drafts.map(({ draft, chain }) => (
          <li key={draft.id}>
            <a href={`/${l}/treasurer/drafts/${draft.id}`}>
              {reportKindLabel(l, chain.reportKind)} {formatDate(l, chain.periodFrom)} – {formatDate(l, chain.periodTo)}
            </a>{' '}
            — {partyLabel(l, p.parties.get(chain.partyRegistrationNumber), chain.partyRegistrationNumber)},{' '}
            {electionName(chain.electionId)}
            <span class="muted">
              {' '}
              · {t(l, 'filings.treasurer.updated', { at: formatDateTime(l, draft.updatedAt) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewReportSection(p: {
  locale: Locale;
  csrfToken: string;
  ownParty: string | null;
  choices: ReportChoice[];
  errors: FieldError[];
  values: FormFields;
}) {
  const l = p.locale;
  const errors = p.errors;
  const v = p.values;
  const options = (entries: Array<[string, string]>): SelectOption[] =>
    [...new Map(entries).entries()].map(([value, label]) => ({ value, label }));
  const electionOptions = options(p.choices.map((c) => [c.election.id, pick(c.election.name, l)]));
  const partyOptions = options(p.choices.map((c) => [c.reg, partyLabel(l, c.party, c.reg)]));
  const common = { locale: l, form: 'new', errors };
  const choice = (name: string, label: string, choices: SelectOption[]) => (
    <Select {...common} name={name} label={label} value={v[name]} options={choices} required />
  );
  return (
    <section aria-labelledby="new-report">
      <h2 id="new-report">{t(l, 'filings.treasurer.new')}</h2>
      <StaffForm action={`/${l}/treasurer/drafts`} id="form-new" csrfToken={p.csrfToken}>
        <div class="grid-form">
          {choice('electionId', t(l, 'filings.field.election'), electionOptions)}
          {p.ownParty ? (
            <input type="hidden" name="party" value={p.ownParty} />
          ) : (
            choice('party', t(l, 'ballot.party'), partyOptions)
          )}
          {choice(
            'reportKind',
            fieldLabel('reportKind', l),
            reportKindSchema.options.map((k) => ({ value: k, label: reportKindLabel(l, k) })),
          )}
          <RequiredInputs
            {...common}
            values={v}
            fields={(['periodFrom', 'periodTo'] as const).map((name) => ({
              name,
              type: 'date',
              label: fieldLabel(name, l),
            }))}
          />
        </div>
        <button type="submit">{t(l, 'filings.treasurer.start')}</button>
      </StaffForm>
    </section>
  );
}

function FiledSection(p: { locale: Locale; csrfToken: string; reports: ElectionReports[]; canWrite: boolean }) {
  const l = p.locale;
  return (
    <section aria-labelledby="filed">
      <h2 id="filed">{t(l, 'filings.treasurer.filed')}</h2>
      {p.reports.every((r) => r.chains.length === 0) ? <p>{t(l, 'filings.reports.none')}</p> : null}
      {p.reports
        .filter((r) => r.chains.length > 0)
        .map((r) => (
          <div key={`${r.election.id}/${r.reg}`}>
            <h3>
              {pick(r.election.name, l)} — {partyLabel(l, r.party, r.reg)}
            </h3>
            <ul>
              {r.chains.map(({ chain, versions, draftId }) => {
                const latest = versions.at(-1);
                return (
                  <li key={chain.id}>
                    {reportKindLabel(l, chain.reportKind)} {formatDate(l, chain.periodFrom)} –{' '}
                    {formatDate(l, chain.periodTo)}:{' '}
                    {latest ? (
                      <>
                        <a href={reportPath(l, latest.id)}>{t(l, 'filings.versions.short', { n: latest.version })}</a>{' '}
                        <StatusBadge locale={l} status={latest.status} />
                      </>
                    ) : null}{' '}
                    {draftId !== null ? (
                      <a href={`/${l}/treasurer/drafts/${draftId}`}>{t(l, 'filings.treasurer.openDraft')}</a>
                    ) : latest && p.canWrite ? (
                      <form method="post" action={`/${l}/treasurer/reports/${latest.id}/amend`} class="inline">
                        <CsrfField token={p.csrfToken} />
                        <button type="submit" class="link">
                          {t(l, 'filings.treasurer.amend', { n: latest.version })}
                        </button>
                      </form>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </section>
  );
}
