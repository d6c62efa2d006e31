// The draft editor: the check, the header, the lines of each section with add / edit / delete, import
// from CSV or XLSX, scans, submit and discard. Every form carries the CSRF token; a refused form comes back
// with its values and errors. The page is private (no-store) and may show what the public pages never do.
import type { Locale } from '../../domain/election.ts';
import { CsrfField, FileInput, pick, renderPage, Select, type FieldError } from '../../platform/web/index.ts';
import { formatDate } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';
import { fieldLabel, sectionLabels } from '../core/filing-labels.ts';
import { LINE_SECTIONS, type LineSection } from '../core/filing.ts';
import type { FormFields } from '../core/draft.ts';
import { SCAN_MEDIA_TYPES } from '../core/scans.ts';
import { ChecksSection } from './problem-lists.tsx';
import type { DraftView } from '../draft.service.ts';
import { HeaderTotals, money, partyName as partyLabel, reportKindLabel, reportPath } from './common.tsx';
import { ScanList } from './scan-list.tsx';
import { problemTarget, somText, treasurerCrumbs } from './form-errors.ts';
import { LineFields, LinesTable } from './draft-lines.tsx';
import { RequiredInputs, StaffForm, StaffPage, type InputSpec } from './staff-page.tsx';

/** What a failed form posted, to show again with its errors. */
export interface FailedForm {
  form: 'header' | LineSection | 'import' | 'scan' | 'submit' | 'line';
  values: FormFields;
  errors: FieldError[];
}

export interface DraftPageProps {
  locale: Locale;
  csrfToken: string;
  view: DraftView;
  idempotencyKey: string;
  canWrite: boolean;
  canSubmit: boolean;
  failed?: FailedForm;
  done?: string;
}

const errorsOf = (p: DraftPageProps, form: FailedForm['form']): FieldError[] =>
  p.failed?.form === form ? p.failed.errors : [];
const actionOf = (p: DraftPageProps, path: string) => `/${p.locale}/treasurer/drafts/${p.view.record.id}${path}`;

export function DraftPage(p: DraftPageProps) {
  const l = p.locale;
  const v = p.view;
  const h = v.body.header;
  const id = v.record.id;
  const kind = reportKindLabel(l, v.chain.reportKind);
  const party = partyLabel(l, v.party, v.chain.partyRegistrationNumber);
  const amends = v.versions.at(-1);
  return renderPage(
    <StaffPage
      locale={l}
      title={t(l, 'filings.draft.title', { kind, party })}
      path={`/treasurer/drafts/${id}`}
      crumbs={[...treasurerCrumbs(l), { label: t(l, 'filings.draft.crumb', { kind }) }]}
      done={p.done}
      errors={p.failed?.errors}
      lead={
        <p>
          {pick(v.election.name, l)} · {formatDate(l, v.chain.periodFrom)} –{' '}
          {h.periodTo ? formatDate(l, h.periodTo) : '…'}
          {amends ? (
            <>
              {' '}
              · {t(l, 'filings.draft.amends')}{' '}
              <a href={reportPath(l, amends.id)}>{t(l, 'filings.versions.short', { n: amends.version })}</a>
            </>
          ) : null}
        </p>
      }
    >
      <ChecksSection {...DRAFT_CHECKS} locale={l} problems={v.check.problems} />
      <HeaderSection {...p} />
      {LINE_SECTIONS.map((section) => (
        <LinesSection key={section} page={p} section={section} />
      ))}
      {p.canWrite ? <ImportSection {...p} /> : null}
      <ScansSection {...p} />
      {p.canSubmit || p.canWrite ? <SubmitSection {...p} /> : null}
    </StaffPage>,
  );
}

/** The draft's checks: the all-clear when nothing stops the submission; each problem links to its field. */
const DRAFT_CHECKS = { id: 'check', keys: 'filings.check', okWhen: 'no-errors', targetOf: problemTarget } as const;

/** The header as stored, as the values of its form. */
function headerValuesOf(p: DraftPageProps): FormFields {
  if (p.failed?.form === 'header') return p.failed.values;
  const h = p.view.body.header;
  return {
    periodFrom: h.periodFrom,
    periodTo: h.periodTo,
    bank: h.account.bank,
    accountNumber: h.account.number,
    openingBalance: somText(h.openingBalance),
    closingBalance: somText(h.closingBalance),
    signerName: h.signer.name,
    signerPosition: h.signer.position,
  };
}

function HeaderSection(p: DraftPageProps) {
  const l = p.locale;
  const v = p.view;
  const h = v.body.header;
  const expectedClosing = h.openingBalance + h.totals.receipts - h.totals.expenditures - h.totals.refunds;
  return (
    <section aria-labelledby="header">
      <h2 id="header">{sectionLabels.header[l]}</h2>
      <dl class="facts">
        <dt>{fieldLabel('reportKind', l)}</dt>
        <dd>{reportKindLabel(l, v.chain.reportKind)}</dd>
        {periodFromEditable(p) ? null : (
          <>
            <dt>{fieldLabel('periodFrom', l)}</dt>
            <dd>{formatDate(l, v.chain.periodFrom)}</dd>
          </>
        )}
        <HeaderTotals locale={l} totals={h.totals} />
        <dt>{t(l, 'filings.draft.expectedClosing')}</dt>
        <dd>{money(l, expectedClosing)}</dd>
      </dl>
      {p.canWrite ? <HeaderForm {...p} /> : null}
    </section>
  );
}

/** The first day of a report never filed may still be corrected; an amendment keeps its report's. */
const periodFromEditable = (p: DraftPageProps) => p.canWrite && p.view.versions.length === 0;

/** The fields of the header form, in the order of the paper form. */
function headerFields(p: DraftPageProps): InputSpec[] {
  const l = p.locale;
  const inSom = (field: string) => `${fieldLabel(field, l)} (${t(l, 'filings.unit.som')})`;
  return [
    ...(periodFromEditable(p)
      ? [{ name: 'periodFrom', type: 'date', label: fieldLabel('periodFrom', l) } as const]
      : []),
    { name: 'periodTo', type: 'date', label: fieldLabel('periodTo', l) },
    { name: 'bank', label: fieldLabel('account.bank', l) },
    { name: 'accountNumber', label: fieldLabel('account.number', l) },
    { name: 'openingBalance', label: inSom('openingBalance'), inputMode: 'decimal' },
    {
      name: 'closingBalance',
      label: inSom('closingBalance'),
      inputMode: 'decimal',
      hint: t(l, 'filings.hint.closing'),
    },
    { name: 'signerName', label: fieldLabel('signer.name', l) },
    { name: 'signerPosition', label: fieldLabel('signer.position', l) },
  ];
}

function HeaderForm(p: DraftPageProps) {
  return (
    <StaffForm action={actionOf(p, '/header')} id="form-header" csrfToken={p.csrfToken}>
      <div class="grid-form">
        <RequiredInputs
          locale={p.locale}
          form="header"
          errors={errorsOf(p, 'header')}
          values={headerValuesOf(p)}
          fields={headerFields(p)}
        />
      </div>
      <button type="submit">{t(p.locale, 'filings.draft.saveHeader')}</button>
    </StaffForm>
  );
}

function LinesSection(props: { page: DraftPageProps; section: LineSection }) {
  const p = props.page;
  const section = props.section;
  const l = p.locale;
  const v = p.view;
  const lines = v.body[section] as unknown as ReadonlyArray<Record<string, unknown> & { lineId: string }>;
  const formErrs = errorsOf(p, section);
  const problemRows = new Set(
    v.check.problems.filter((x) => x.params?.section === section && x.row !== undefined).map((x) => x.row as number),
  );
  return (
    <section aria-labelledby={`h-${section}`}>
      <h2 id={`h-${section}`}>
        {sectionLabels[section][l]} ({lines.length})
      </h2>
      <LinesTable
        locale={l}
        csrfToken={p.csrfToken}
        draftId={v.record.id}
        section={section}
        lines={lines}
        problemRows={problemRows}
        canWrite={p.canWrite}
      />
      {p.canWrite ? (
        <details open={formErrs.length > 0 || undefined}>
          <summary>{t(l, `filings.lines.add.${section}`)}</summary>
          <StaffForm action={actionOf(p, `/lines/${section}`)} id={`form-${section}`} csrfToken={p.csrfToken}>
            <LineFields
              locale={l}
              form={section}
              section={section}
              values={p.failed?.form === section ? p.failed.values : {}}
              errors={formErrs}
              receiptIds={v.body.receipts.map((r) => r.lineId)}
            />
            <button type="submit">{t(l, `filings.lines.add.${section}`)}</button>
          </StaffForm>
        </details>
      ) : null}
    </section>
  );
}

function ImportSection(p: DraftPageProps) {
  const l = p.locale;
  const failed = p.failed;
  return (
    <section aria-labelledby="import">
      <h2 id="import">{t(l, 'filings.import.title')}</h2>
      <p class="muted">
        {t(l, 'filings.import.intro')}{' '}
        <a href={`/api/v1/filings/template.xlsx?locale=${l}`}>{t(l, 'filings.treasurer.template')}</a>
      </p>
      <StaffForm action={actionOf(p, '/import')} id="form-import" csrfToken={p.csrfToken} multipart>
        <div class="grid-form">
          <Select
            locale={l}
            form="import"
            name="section"
            label={t(l, 'filings.import.section')}
            hint={t(l, 'filings.import.sectionHint')}
            errors={errorsOf(p, 'import')}
            value={failed?.form === 'import' ? failed.values.section : undefined}
            options={LINE_SECTIONS.map((s) => ({ value: s, label: sectionLabels[s][l] }))}
            placeholder
          />
          <fieldset>
            <legend>{t(l, 'filings.import.mode')}</legend>
            <label>
              <input
                type="radio"
                name="mode"
                value="append"
                checked={(failed?.values.mode ?? 'append') !== 'replace'}
              />{' '}
              {t(l, 'filings.import.append')}
            </label>
            <label>
              <input type="radio" name="mode" value="replace" checked={failed?.values.mode === 'replace'} />{' '}
              {t(l, 'filings.import.replace')}
            </label>
          </fieldset>
          <UploadField
            page={p}
            form="import"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            label={t(l, 'filings.import.file')}
          />
        </div>
        <button type="submit">{t(l, 'filings.import.button')}</button>
      </StaffForm>
    </section>
  );
}

/** The file of an upload form of the draft (lines to import, a scan), with that form's errors. */
function UploadField(p: {
  page: DraftPageProps;
  form: 'import' | 'scan';
  accept: string;
  label: string;
  hint?: string;
}) {
  return (
    <FileInput
      locale={p.page.locale}
      form={p.form}
      name="file"
      required
      errors={errorsOf(p.page, p.form)}
      accept={p.accept}
      label={p.label}
      hint={p.hint}
    />
  );
}

function ScansSection(p: DraftPageProps) {
  const l = p.locale;
  const id = p.view.record.id;
  return (
    <section aria-labelledby="scans">
      <h2 id="scans">{t(l, 'filings.scans.title')}</h2>
      <ScanList
        locale={l}
        viewer={false}
        scans={p.view.attachments.map((a) => ({ ...a, href: `/treasurer/drafts/${id}/scans/${a.sha256}` }))}
        actions={
          p.canWrite
            ? (s) => (
                <>
                  {' · '}
                  <form method="post" action={actionOf(p, `/scans/${s.sha256}/delete`)} class="inline">
                    <CsrfField token={p.csrfToken} />
                    <button type="submit" class="link">
                      {t(l, 'filings.scans.remove', { name: s.fileName })}
                    </button>
                  </form>
                </>
              )
            : undefined
        }
      />
      {p.canWrite ? (
        <StaffForm action={actionOf(p, '/scans')} id="form-scan" csrfToken={p.csrfToken} multipart>
          <UploadField
            page={p}
            form="scan"
            accept={`.pdf,.jpg,.jpeg,.png,${SCAN_MEDIA_TYPES.join(',')}`}
            label={t(l, 'filings.scans.file')}
            hint={t(l, 'filings.scans.hint')}
          />
          <button type="submit">{t(l, 'filings.scans.upload')}</button>
        </StaffForm>
      ) : null}
    </section>
  );
}

function SubmitSection(p: DraftPageProps) {
  const l = p.locale;
  return (
    <section aria-labelledby="submit">
      <h2 id="submit">{t(l, 'filings.submit.title')}</h2>
      {p.canSubmit ? (
        <form method="post" action={actionOf(p, '/submit')} id="form-submit">
          <CsrfField token={p.csrfToken} />
          <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
          <p class="muted">{t(l, 'filings.submit.intro')}</p>
          <button type="submit">{t(l, 'filings.submit.button')}</button>
        </form>
      ) : null}
      {p.canWrite ? (
        <form method="post" action={actionOf(p, '/discard')} class="stack" style="margin-top:1rem">
          <CsrfField token={p.csrfToken} />
          <button type="submit" class="danger">
            {t(l, 'filings.draft.discard')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
