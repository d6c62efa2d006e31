// The draft editor: the check, the header, the lines of each section with add / edit / delete, import
// from CSV or XLSX, scans, submit and discard. Every form carries the CSRF token; a refused form comes back
// with its values and errors. The page is private (no-store) and may show what the public pages never do.
import type { Locale } from '../../domain/election.ts';
import {
  CsrfField,
  ErrorSummary,
  FileInput,
  Input,
  Notice,
  Page,
  pick,
  renderPage,
  Select,
  type FieldError,
} from '../../platform/web/index.ts';
import { formatDate } from '../../platform/i18n/i18n.ts';
import { t } from '../filing.messages.ts';
import type { Problem } from '../../platform/result.ts';
import { fieldLabel, sectionLabels } from '../core/filing-labels.ts';
import { LINE_SECTIONS, type LineSection } from '../core/filing.ts';
import type { FormFields } from '../core/draft.ts';
import { SCAN_MEDIA_TYPES } from '../core/scans.ts';
import { describeProblem } from '../filing.messages.ts';
import type { DraftView } from '../draft.service.ts';
import { money, partyName as partyLabel, reportKindLabel, reportPath } from './common.tsx';
import { ScanList } from './scan-list.tsx';
import { problemTarget, somText, treasurerCrumbs } from './form-errors.ts';
import { LineFields, LinesTable } from './draft-lines.tsx';

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
    <Page
      locale={l}
      title={t(l, 'filings.draft.title', { kind, party })}
      path={`/treasurer/drafts/${id}`}
      crumbs={[...treasurerCrumbs(l), { label: t(l, 'filings.draft.crumb', { kind }) }]}
    >
      <h1>{t(l, 'filings.draft.title', { kind, party })}</h1>
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
      <Notice text={p.done} />
      <ErrorSummary locale={l} errors={p.failed?.errors ?? []} title={t(l, 'filings.errors.title')} />
      <CheckPanel locale={l} problems={v.check.problems} />
      <HeaderSection {...p} />
      {LINE_SECTIONS.map((section) => (
        <LinesSection key={section} page={p} section={section} />
      ))}
      {p.canWrite ? <ImportSection {...p} /> : null}
      <ScansSection {...p} />
      {p.canSubmit || p.canWrite ? <SubmitSection {...p} /> : null}
    </Page>,
  );
}

function CheckPanel(p: { locale: Locale; problems: Problem[] }) {
  const l = p.locale;
  const errors = p.problems.filter((x) => x.severity === 'error');
  const warnings = p.problems.filter((x) => x.severity !== 'error');
  return (
    <section aria-labelledby="check">
      <h2 id="check">{t(l, 'filings.check.title')}</h2>
      {errors.length === 0 ? (
        <p class="check-ok">{t(l, 'filings.check.ok')}</p>
      ) : (
        <div class="check-bad">
          <p>{t(l, 'filings.check.errors', { n: errors.length })}</p>
          <ul>
            {errors.map((x, i) => (
              <li key={i}>
                <a href={`#${problemTarget(x)}`}>{describeProblem(x, l)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 ? (
        <div class="check-warn">
          <p>{t(l, 'filings.check.warnings', { n: warnings.length })}</p>
          <ul>
            {warnings.map((x, i) => (
              <li key={i}>
                <a href={`#${problemTarget(x)}`}>{describeProblem(x, l)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

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
        <dt>{fieldLabel('totals.receipts', l)}</dt>
        <dd>{money(l, h.totals.receipts)}</dd>
        <dt>{fieldLabel('totals.expenditures', l)}</dt>
        <dd>{money(l, h.totals.expenditures)}</dd>
        <dt>{fieldLabel('totals.refunds', l)}</dt>
        <dd>{money(l, h.totals.refunds)}</dd>
        <dt>{t(l, 'filings.draft.expectedClosing')}</dt>
        <dd>{money(l, expectedClosing)}</dd>
      </dl>
      {p.canWrite ? <HeaderForm {...p} /> : null}
    </section>
  );
}

/** The first day of a report never filed may still be corrected; an amendment keeps its report's. */
const periodFromEditable = (p: DraftPageProps) => p.canWrite && p.view.versions.length === 0;

function HeaderForm(p: DraftPageProps) {
  const l = p.locale;
  const headerErrors = errorsOf(p, 'header');
  const headerValues = headerValuesOf(p);
  return (
    <form method="post" action={actionOf(p, '/header')} class="stack" id="form-header" noValidate>
      <CsrfField token={p.csrfToken} />
      <div class="grid-form">
        {periodFromEditable(p) ? (
          <Input
            locale={l}
            form="header"
            name="periodFrom"
            type="date"
            label={fieldLabel('periodFrom', l)}
            errors={headerErrors}
            value={headerValues.periodFrom}
            required
          />
        ) : null}
        <Input
          locale={l}
          form="header"
          name="periodTo"
          type="date"
          label={fieldLabel('periodTo', l)}
          errors={headerErrors}
          value={headerValues.periodTo}
          required
        />
        <Input
          locale={l}
          form="header"
          name="bank"
          label={fieldLabel('account.bank', l)}
          errors={headerErrors}
          value={headerValues.bank}
          required
        />
        <Input
          locale={l}
          form="header"
          name="accountNumber"
          label={fieldLabel('account.number', l)}
          errors={headerErrors}
          value={headerValues.accountNumber}
          required
        />
        <Input
          locale={l}
          form="header"
          name="openingBalance"
          label={`${fieldLabel('openingBalance', l)} (${t(l, 'filings.unit.som')})`}
          errors={headerErrors}
          value={headerValues.openingBalance}
          inputMode="decimal"
          required
        />
        <Input
          locale={l}
          form="header"
          name="closingBalance"
          label={`${fieldLabel('closingBalance', l)} (${t(l, 'filings.unit.som')})`}
          errors={headerErrors}
          value={headerValues.closingBalance}
          inputMode="decimal"
          hint={t(l, 'filings.hint.closing')}
          required
        />
        <Input
          locale={l}
          form="header"
          name="signerName"
          label={fieldLabel('signer.name', l)}
          errors={headerErrors}
          value={headerValues.signerName}
          required
        />
        <Input
          locale={l}
          form="header"
          name="signerPosition"
          label={fieldLabel('signer.position', l)}
          errors={headerErrors}
          value={headerValues.signerPosition}
          required
        />
      </div>
      <button type="submit">{t(l, 'filings.draft.saveHeader')}</button>
    </form>
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
          <form method="post" action={actionOf(p, `/lines/${section}`)} class="stack" id={`form-${section}`} noValidate>
            <CsrfField token={p.csrfToken} />
            <LineFields
              locale={l}
              form={section}
              section={section}
              values={p.failed?.form === section ? p.failed.values : {}}
              errors={formErrs}
              receiptIds={v.body.receipts.map((r) => r.lineId)}
            />
            <button type="submit">{t(l, `filings.lines.add.${section}`)}</button>
          </form>
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
      <form
        method="post"
        action={actionOf(p, '/import')}
        encType="multipart/form-data"
        class="stack"
        id="form-import"
        noValidate
      >
        <CsrfField token={p.csrfToken} />
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
          <FileInput
            locale={l}
            form="import"
            name="file"
            required
            errors={errorsOf(p, 'import')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            label={t(l, 'filings.import.file')}
          />
        </div>
        <button type="submit">{t(l, 'filings.import.button')}</button>
      </form>
    </section>
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
        <form
          method="post"
          action={actionOf(p, '/scans')}
          encType="multipart/form-data"
          class="stack"
          id="form-scan"
          noValidate
        >
          <CsrfField token={p.csrfToken} />
          <FileInput
            locale={l}
            form="scan"
            name="file"
            required
            errors={errorsOf(p, 'scan')}
            accept={`.pdf,.jpg,.jpeg,.png,${SCAN_MEDIA_TYPES.join(',')}`}
            label={t(l, 'filings.scans.file')}
            hint={t(l, 'filings.scans.hint')}
          />
          <button type="submit">{t(l, 'filings.scans.upload')}</button>
        </form>
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
