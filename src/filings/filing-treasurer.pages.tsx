// Pages for the people who file and review reports: the treasurer's home (their party's reports, open
// drafts, "start a new report"), the draft editor (header, lines with add / edit / delete, import from
// CSV or XLSX, scans, the check, submit), the page that edits one line, and the commission's review queue
// and review form. Plain HTML forms that work without JavaScript; every form carries the CSRF token; a
// refused form comes back with an error summary at the top whose links lead to the fields, and each field
// repeats its own error. These pages are private (no-store) and may show what the public pages never do.
import type { ComponentChildren } from 'preact';
import type { Election, Locale, Party } from '../domain/election.ts';
import { formatSom, toDecimalString, tyiyn } from '../domain/money.ts';
import { Layout, renderPage } from '../platform/web/layout.tsx';
import { pick } from '../platform/web/format.tsx';
import { formatDate, formatDateTime, t } from '../platform/i18n/i18n.ts';
import { CsrfInput } from '../accounts/index.ts';
import type { Principal } from '../accounts/index.ts';
import type { Problem } from '../platform/result.ts';
import { columnHeader, enumColumnLabels, filingColumns, type ColumnSpec, type EnumColumnKey } from './filing-columns.ts';
import { fieldLabel, sectionLabels } from './filing-labels.ts';
import { LINE_SECTIONS, reportKindSchema, type FilingInput, type LineSection } from './filing.ts';
import type { ChainWithVersions, DraftListing, FilingStatusEvent, LatestListing } from './filing.repository.ts';
import { headerFormField, REVIEW_TRANSITIONS, type DraftView, type FormFields } from './filing.service.ts';
import { FINANCE_STYLE, reportKindLabel, reportPath, ScanList, StatusBadge } from './filing.pages.tsx';
import { describeProblem } from './filing-web.messages.ts';
import { SCAN_MEDIA_TYPES } from './filing-attachments.ts';

const STYLE = `${FINANCE_STYLE}
.error-summary{border:3px solid var(--bad);padding:.5rem 1rem;margin:0 0 1rem}.error-summary h2{margin-top:0;color:var(--bad)}
.field-error{color:var(--bad);font-weight:600;margin:.1rem 0}.hint{color:var(--muted);margin:.1rem 0;font-size:.9rem}
form.stack .field{margin:0 0 .8rem}form.stack label,form.stack legend{display:block;font-weight:600}
form.stack input[aria-invalid=true],form.stack select[aria-invalid=true]{border:2px solid var(--bad)}
.grid-form{display:grid;gap:.2rem 1rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
.done{border-left:4px solid var(--ok);padding:.3rem .8rem;background:var(--soft)}
.check-ok{border-left:4px solid var(--ok);padding:.3rem .8rem}.check-bad{border-left:4px solid var(--bad);padding:.3rem .8rem}
.check-warn{border-left:4px solid #c08400;padding:.3rem .8rem}form.inline{display:inline}button.link{background:none;border:none;color:var(--accent);text-decoration:underline;padding:0}
button.danger{background:var(--bad);border-color:var(--bad)}fieldset{border:1px solid var(--line);margin:0 0 1rem}
tr.has-problem{outline:2px solid var(--bad)}section{margin-bottom:1.5rem}`;

/** An error as a form shows it: the id of the element it is about, and what is wrong, in words. */
export interface FormError {
  target: string;
  text: string;
}

export const fieldId = (form: string, name: string) => `f-${form}-${name}`;
export const rowId = (section: LineSection, row: number) => `${section}-row-${row}`;

/** Where on the draft page a problem of the check (or of a refused submission) is to be fixed. */
export function problemTarget(p: Problem): string {
  const section = p.params?.section;
  if (typeof section === 'string' && (LINE_SECTIONS as readonly string[]).includes(section) && p.row !== undefined) return rowId(section as LineSection, p.row);
  if (section === 'attachments') return 'scans';
  const header = headerFormField(p.field);
  if (header) return fieldId('header', header);
  return 'header';
}

/** Problems of a form as errors of its fields: `receipts[3].date` → the form's `date` field. */
export function formErrors(locale: Locale, form: string, problems: Problem[]): FormError[] {
  return problems.map((p) => {
    let name: string | undefined;
    if (form === 'header') name = headerFormField(p.field);
    else if (p.field && /^(receipts|expenditures|refunds)\[\d+\]\./.test(p.field)) name = p.field.split('.').pop();
    else if (p.field === 'file' || p.field === 'section') name = p.field;
    else if (p.field?.startsWith('header.')) name = p.field.split('.').pop();
    else if (p.field) name = p.field;
    return { target: name ? fieldId(form, name) : `form-${form}`, text: describeProblem(p, locale) };
  });
}

function Page(p: { locale: Locale; title: string; path: string; crumbs: { href?: string; label: string }[]; children: ComponentChildren }) {
  return (
    <Layout locale={p.locale} title={p.title} path={p.path} head={<style>{STYLE}</style>} crumbs={p.crumbs}>
      {p.children}
    </Layout>
  );
}

function ErrorSummary(p: { locale: Locale; errors: FormError[] }) {
  if (p.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t(p.locale, 'filings.errors.title')}</h2>
      <ul>
        {p.errors.map((e, i) => (
          <li key={i}>
            <a href={`#${e.target}`}>{e.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Done(p: { text: string | undefined }) {
  return p.text ? (
    <p class="done" role="status">
      {p.text}
    </p>
  ) : null;
}

interface InputProps {
  form: string;
  name: string;
  label: string;
  errors: FormError[];
  value?: string | undefined;
  type?: string;
  hint?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text';
  readOnly?: boolean;
  autocomplete?: string;
}

function described(id: string, hint: string | undefined, mine: FormError[]): string | undefined {
  return [hint ? `${id}-hint` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function FieldShell(p: { id: string; label: string; hint?: string; mine: FormError[]; required?: boolean; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={p.id}>
        {p.label}
        {p.required ? ' *' : ''}
      </label>
      {p.hint ? (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.mine.length ? (
        <p class="field-error" id={`${p.id}-error`}>
          {p.mine.map((e) => e.text).join(' ')}
        </p>
      ) : null}
      {p.children}
    </div>
  );
}

function Input(p: InputProps) {
  const id = fieldId(p.form, p.name);
  const mine = p.errors.filter((e) => e.target === id);
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} mine={mine} required={p.required}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        inputMode={p.inputMode}
        readOnly={p.readOnly}
        autoComplete={p.autocomplete ?? 'off'}
        aria-invalid={mine.length ? 'true' : undefined}
        aria-describedby={described(id, p.hint, mine)}
      />
    </FieldShell>
  );
}

function Select(p: { form: string; name: string; label: string; errors: FormError[]; value?: string | undefined; options: Array<[string, string]>; required?: boolean; hint?: string }) {
  const id = fieldId(p.form, p.name);
  const mine = p.errors.filter((e) => e.target === id);
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} mine={mine} required={p.required}>
      <select id={id} name={p.name} aria-invalid={mine.length ? 'true' : undefined} aria-describedby={described(id, p.hint, mine)}>
        {p.required ? null : <option value="">—</option>}
        {p.options.map(([v, label]) => (
          <option key={v} value={v} selected={v === p.value}>
            {label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

const money = (l: Locale, n: number) => formatSom(tyiyn(n), l);
const somText = (n: number | undefined) => (n === undefined ? '' : toDecimalString(tyiyn(n)));
const partyLabel = (l: Locale, party: Party | undefined, reg: string) => (party ? pick(party.name, l) : reg);

const treasurerCrumbs = (l: Locale) => [{ href: `/${l}/treasurer`, label: t(l, 'filings.treasurer.title') }];

// ---------------------------------------------------------------- the treasurer's home

export interface ElectionReports {
  election: Election;
  party: Party | undefined;
  reg: string;
  chains: ChainWithVersions[];
}

export function TreasurerHomePage(p: {
  locale: Locale;
  csrfToken: string;
  principal: Principal;
  /** The elections the principal may start reports in, with the party each is for. */
  choices: Array<{ election: Election; reg: string; party: Party | undefined }>;
  reports: ElectionReports[];
  drafts: DraftListing[];
  parties: Map<string, Party>;
  elections: Map<string, Election>;
  canWrite: boolean;
  errors?: FormError[];
  values?: FormFields;
  done?: string;
}) {
  const l = p.locale;
  const errors = p.errors ?? [];
  const v = p.values ?? {};
  const ownParty = p.principal.partyRegistrationNumber;
  const electionOptions: Array<[string, string]> = [...new Map(p.choices.map((c) => [c.election.id, pick(c.election.name, l)])).entries()];
  const partyOptions: Array<[string, string]> = [...new Map(p.choices.map((c) => [c.reg, partyLabel(l, c.party, c.reg)])).entries()];
  return renderPage(
    <Page locale={l} title={t(l, 'filings.treasurer.title')} path="/treasurer" crumbs={[{ label: t(l, 'filings.treasurer.title') }]}>
      <h1>{t(l, 'filings.treasurer.title')}</h1>
      <Done text={p.done} />
      <ErrorSummary locale={l} errors={errors} />
      {ownParty ? <p>{t(l, 'filings.treasurer.forParty', { party: partyLabel(l, p.parties.get(ownParty), ownParty) })}</p> : <p>{t(l, 'filings.treasurer.staff')}</p>}

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
              {p.elections.get(chain.electionId) ? pick(p.elections.get(chain.electionId)!.name, l) : chain.electionId}
              <span class="muted"> · {t(l, 'filings.treasurer.updated', { at: formatDateTime(l, draft.updatedAt) })}</span>
            </li>
          ))}
        </ul>
      </section>

      {p.canWrite && p.choices.length > 0 ? (
        <section aria-labelledby="new-report">
          <h2 id="new-report">{t(l, 'filings.treasurer.new')}</h2>
          <form method="post" action={`/${l}/treasurer/drafts`} class="stack" id="form-new" noValidate>
            <CsrfInput token={p.csrfToken} />
            <div class="grid-form">
              <Select form="new" name="electionId" label={t(l, 'filings.field.election')} errors={errors} value={v.electionId} options={electionOptions} required />
              {ownParty ? (
                <input type="hidden" name="party" value={ownParty} />
              ) : (
                <Select form="new" name="party" label={t(l, 'ballot.party')} errors={errors} value={v.party} options={partyOptions} required />
              )}
              <Select
                form="new"
                name="reportKind"
                label={fieldLabel('reportKind', l)}
                errors={errors}
                value={v.reportKind}
                options={reportKindSchema.options.map((k) => [k, reportKindLabel(l, k)])}
                required
              />
              <Input form="new" name="periodFrom" type="date" label={fieldLabel('periodFrom', l)} errors={errors} value={v.periodFrom} required />
              <Input form="new" name="periodTo" type="date" label={fieldLabel('periodTo', l)} errors={errors} value={v.periodTo} required />
            </div>
            <button type="submit">{t(l, 'filings.treasurer.start')}</button>
          </form>
        </section>
      ) : null}

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
                      {reportKindLabel(l, chain.reportKind)} {formatDate(l, chain.periodFrom)} – {formatDate(l, chain.periodTo)}:{' '}
                      {latest ? (
                        <>
                          <a href={reportPath(l, latest.id)}>{t(l, 'filings.versions.short', { n: latest.version })}</a> <StatusBadge locale={l} status={latest.status} />
                        </>
                      ) : null}{' '}
                      {draftId !== null ? (
                        <a href={`/${l}/treasurer/drafts/${draftId}`}>{t(l, 'filings.treasurer.openDraft')}</a>
                      ) : latest && p.canWrite ? (
                        <form method="post" action={`/${l}/treasurer/reports/${latest.id}/amend`} class="inline">
                          <CsrfInput token={p.csrfToken} />
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
    </Page>,
  );
}

// ---------------------------------------------------------------- the draft editor

/** What a failed form posted, to show again with its errors. */
export interface FailedForm {
  form: 'header' | LineSection | 'import' | 'scan' | 'submit' | 'line';
  values: FormFields;
  errors: FormError[];
}

function enumOptions(l: Locale, key: EnumColumnKey): Array<[string, string]> {
  return Object.entries(enumColumnLabels(key)).map(([k, label]) => [k, label[l]]);
}

function LineFields(p: { locale: Locale; form: string; section: LineSection; values: FormFields; errors: FormError[]; receiptIds: string[] }) {
  const l = p.locale;
  return (
    <div class="grid-form">
      {filingColumns[p.section].map((col: ColumnSpec) => {
        const label = columnHeader(col.key, l);
        if (col.kind === 'enum') {
          return <Select key={col.key} form={p.form} name={col.key} label={label} errors={p.errors} value={p.values[col.key]} options={enumOptions(l, col.key)} required={col.required} />;
        }
        if (col.key === 'receiptLineId' && p.receiptIds.length > 0) {
          const options: Array<[string, string]> = p.receiptIds.map((id) => [id, id]);
          const current = p.values[col.key];
          if (current && !p.receiptIds.includes(current)) options.push([current, current]);
          return <Select key={col.key} form={p.form} name={col.key} label={label} errors={p.errors} value={current} options={options} required />;
        }
        const hint =
          col.key === 'lineId'
            ? t(l, 'filings.hint.lineId')
            : col.kind === 'amount'
              ? t(l, 'filings.hint.amount')
              : col.key === 'donorPin'
                ? t(l, 'filings.hint.pin')
                : undefined;
        return (
          <Input
            key={col.key}
            form={p.form}
            name={col.key}
            label={label}
            errors={p.errors}
            value={p.values[col.key]}
            type={col.kind === 'date' ? 'date' : 'text'}
            inputMode={col.kind === 'amount' ? 'decimal' : /Pin|Inn/.test(col.key) ? 'numeric' : undefined}
            hint={hint}
            required={col.required}
          />
        );
      })}
    </div>
  );
}

/** A line of the body as form values: amounts back into som. */
export function lineValues(line: Record<string, unknown> | undefined): FormFields {
  const out: FormFields = {};
  if (!line) return out;
  for (const [k, v] of Object.entries(line)) out[k] = k === 'amount' && typeof v === 'number' ? somText(v) : v === undefined ? undefined : String(v);
  return out;
}

function LinesTable(p: {
  locale: Locale;
  csrfToken: string;
  draftId: number;
  section: LineSection;
  lines: ReadonlyArray<Record<string, unknown> & { lineId: string }>;
  problemRows: Set<number>;
  canWrite: boolean;
}) {
  const l = p.locale;
  const cols = filingColumns[p.section].filter((c) => c.key !== 'lineId');
  if (p.lines.length === 0) return <p>{t(l, 'filings.lines.none')}</p>;
  const show = (key: string, v: unknown): string => {
    if (v === undefined) return '';
    if (key === 'amount' && typeof v === 'number') return money(l, v);
    const col = cols.find((c) => c.key === key);
    if (col?.kind === 'enum') return enumColumnLabels(col.key)[String(v)]?.[l] ?? String(v);
    return String(v);
  };
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">№</th>
            <th scope="col">{fieldLabel('lineId', l)}</th>
            {cols.map((c) => (
              <th key={c.key} scope="col" class={c.kind === 'amount' ? 'num' : undefined}>
                {columnHeader(c.key, l)}
              </th>
            ))}
            {p.canWrite ? <th scope="col">{t(l, 'filings.lines.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {p.lines.map((line, i) => (
            <tr key={`${line.lineId}-${i}`} id={rowId(p.section, i + 1)} class={p.problemRows.has(i + 1) ? 'has-problem' : undefined}>
              <td>{i + 1}</td>
              <th scope="row">{line.lineId}</th>
              {cols.map((c) => (
                <td key={c.key} class={c.kind === 'amount' ? 'num' : undefined}>
                  {show(c.key, line[c.key])}
                </td>
              ))}
              {p.canWrite ? (
                <td>
                  <a href={`/${l}/treasurer/drafts/${p.draftId}/lines/${p.section}/${i}`}>{t(l, 'filings.lines.edit', { id: line.lineId })}</a>{' '}
                  <form method="post" action={`/${l}/treasurer/drafts/${p.draftId}/lines/${p.section}/${i}/delete`} class="inline">
                    <CsrfInput token={p.csrfToken} />
                    <input type="hidden" name="expectedLineId" value={line.lineId} />
                    <button type="submit" class="link">
                      {t(l, 'filings.lines.delete', { id: line.lineId })}
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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

export function DraftPage(p: {
  locale: Locale;
  csrfToken: string;
  view: DraftView;
  idempotencyKey: string;
  canWrite: boolean;
  canSubmit: boolean;
  failed?: FailedForm;
  done?: string;
}) {
  const l = p.locale;
  const v = p.view;
  const h = v.body.header;
  const id = v.record.id;
  const failed = p.failed;
  const errorsOf = (form: FailedForm['form']) => (failed?.form === form ? failed.errors : []);
  const kind = reportKindLabel(l, v.chain.reportKind);
  const party = partyLabel(l, v.party, v.chain.partyRegistrationNumber);
  const amends = v.versions.at(-1);
  const headerValues: FormFields =
    failed?.form === 'header'
      ? failed.values
      : {
          periodTo: h.periodTo,
          bank: h.account.bank,
          accountNumber: h.account.number,
          openingBalance: somText(h.openingBalance),
          closingBalance: somText(h.closingBalance),
          signerName: h.signer.name,
          signerPosition: h.signer.position,
        };
  const expectedClosing = h.openingBalance + h.totals.receipts - h.totals.expenditures - h.totals.refunds;
  const problemRows = (section: LineSection) =>
    new Set(v.check.problems.filter((x) => x.params?.section === section && x.row !== undefined).map((x) => x.row as number));
  const receiptIds = v.body.receipts.map((r) => r.lineId);
  const headerErrors = errorsOf('header');
  const action = (path: string) => `/${l}/treasurer/drafts/${id}${path}`;
  return renderPage(
    <Page locale={l} title={t(l, 'filings.draft.title', { kind, party })} path={`/treasurer/drafts/${id}`} crumbs={[...treasurerCrumbs(l), { label: t(l, 'filings.draft.crumb', { kind }) }]}>
      <h1>{t(l, 'filings.draft.title', { kind, party })}</h1>
      <p>
        {pick(v.election.name, l)} · {formatDate(l, v.chain.periodFrom)} – {h.periodTo ? formatDate(l, h.periodTo) : '…'}
        {amends ? (
          <>
            {' '}
            · {t(l, 'filings.draft.amends')} <a href={reportPath(l, amends.id)}>{t(l, 'filings.versions.short', { n: amends.version })}</a>
          </>
        ) : null}
      </p>
      <Done text={p.done} />
      <ErrorSummary locale={l} errors={failed?.errors ?? []} />
      <CheckPanel locale={l} problems={v.check.problems} />

      <section aria-labelledby="header">
        <h2 id="header">{sectionLabels.header[l]}</h2>
        <dl class="facts">
          <dt>{fieldLabel('reportKind', l)}</dt>
          <dd>{kind}</dd>
          <dt>{fieldLabel('periodFrom', l)}</dt>
          <dd>{formatDate(l, v.chain.periodFrom)}</dd>
          <dt>{fieldLabel('totals.receipts', l)}</dt>
          <dd>{money(l, h.totals.receipts)}</dd>
          <dt>{fieldLabel('totals.expenditures', l)}</dt>
          <dd>{money(l, h.totals.expenditures)}</dd>
          <dt>{fieldLabel('totals.refunds', l)}</dt>
          <dd>{money(l, h.totals.refunds)}</dd>
          <dt>{t(l, 'filings.draft.expectedClosing')}</dt>
          <dd>{money(l, expectedClosing)}</dd>
        </dl>
        {p.canWrite ? (
          <form method="post" action={action('/header')} class="stack" id="form-header" noValidate>
            <CsrfInput token={p.csrfToken} />
            <div class="grid-form">
              <Input form="header" name="periodTo" type="date" label={fieldLabel('periodTo', l)} errors={headerErrors} value={headerValues.periodTo} required />
              <Input form="header" name="bank" label={fieldLabel('account.bank', l)} errors={headerErrors} value={headerValues.bank} required />
              <Input form="header" name="accountNumber" label={fieldLabel('account.number', l)} errors={headerErrors} value={headerValues.accountNumber} required />
              <Input form="header" name="openingBalance" label={`${fieldLabel('openingBalance', l)} (${t(l, 'filings.unit.som')})`} errors={headerErrors} value={headerValues.openingBalance} inputMode="decimal" required />
              <Input
                form="header"
                name="closingBalance"
                label={`${fieldLabel('closingBalance', l)} (${t(l, 'filings.unit.som')})`}
                errors={headerErrors}
                value={headerValues.closingBalance}
                inputMode="decimal"
                hint={t(l, 'filings.hint.closing')}
                required
              />
              <Input form="header" name="signerName" label={fieldLabel('signer.name', l)} errors={headerErrors} value={headerValues.signerName} required />
              <Input form="header" name="signerPosition" label={fieldLabel('signer.position', l)} errors={headerErrors} value={headerValues.signerPosition} required />
            </div>
            <button type="submit">{t(l, 'filings.draft.saveHeader')}</button>
          </form>
        ) : null}
      </section>

      {LINE_SECTIONS.map((section) => {
        const lines = v.body[section] as unknown as ReadonlyArray<Record<string, unknown> & { lineId: string }>;
        const formErrs = errorsOf(section);
        return (
          <section key={section} aria-labelledby={`h-${section}`}>
            <h2 id={`h-${section}`}>
              {sectionLabels[section][l]} ({lines.length})
            </h2>
            <LinesTable locale={l} csrfToken={p.csrfToken} draftId={id} section={section} lines={lines} problemRows={problemRows(section)} canWrite={p.canWrite} />
            {p.canWrite ? (
              <details open={formErrs.length > 0 || undefined}>
                <summary>{t(l, `filings.lines.add.${section}`)}</summary>
                <form method="post" action={action(`/lines/${section}`)} class="stack" id={`form-${section}`} noValidate>
                  <CsrfInput token={p.csrfToken} />
                  <LineFields locale={l} form={section} section={section} values={failed?.form === section ? failed.values : {}} errors={formErrs} receiptIds={receiptIds} />
                  <button type="submit">{t(l, `filings.lines.add.${section}`)}</button>
                </form>
              </details>
            ) : null}
          </section>
        );
      })}

      {p.canWrite ? (
        <section aria-labelledby="import">
          <h2 id="import">{t(l, 'filings.import.title')}</h2>
          <p class="muted">
            {t(l, 'filings.import.intro')} <a href={`/api/v1/filings/template.xlsx?locale=${l}`}>{t(l, 'filings.treasurer.template')}</a>
          </p>
          <form method="post" action={action('/import')} encType="multipart/form-data" class="stack" id="form-import" noValidate>
            <CsrfInput token={p.csrfToken} />
            <div class="grid-form">
              <Select
                form="import"
                name="section"
                label={t(l, 'filings.import.section')}
                hint={t(l, 'filings.import.sectionHint')}
                errors={errorsOf('import')}
                value={failed?.form === 'import' ? failed.values.section : undefined}
                options={LINE_SECTIONS.map((s) => [s, sectionLabels[s][l]])}
              />
              <fieldset>
                <legend>{t(l, 'filings.import.mode')}</legend>
                <label>
                  <input type="radio" name="mode" value="append" checked={(failed?.values.mode ?? 'append') !== 'replace'} /> {t(l, 'filings.import.append')}
                </label>
                <label>
                  <input type="radio" name="mode" value="replace" checked={failed?.values.mode === 'replace'} /> {t(l, 'filings.import.replace')}
                </label>
              </fieldset>
              <FileInput locale={l} form="import" errors={errorsOf('import')} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" label={t(l, 'filings.import.file')} />
            </div>
            <button type="submit">{t(l, 'filings.import.button')}</button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="scans">
        <h2 id="scans">{t(l, 'filings.scans.title')}</h2>
        <ScanList
          locale={l}
          viewer={false}
          scans={v.attachments.map((a) => ({ ...a, href: `/treasurer/drafts/${id}/scans/${a.sha256}` }))}
          actions={
            p.canWrite
              ? (s) => (
                  <>
                    {' · '}
                    <form method="post" action={action(`/scans/${s.sha256}/delete`)} class="inline">
                      <CsrfInput token={p.csrfToken} />
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
          <form method="post" action={action('/scans')} encType="multipart/form-data" class="stack" id="form-scan" noValidate>
            <CsrfInput token={p.csrfToken} />
            <FileInput locale={l} form="scan" errors={errorsOf('scan')} accept={`.pdf,.jpg,.jpeg,.png,${SCAN_MEDIA_TYPES.join(',')}`} label={t(l, 'filings.scans.file')} hint={t(l, 'filings.scans.hint')} />
            <button type="submit">{t(l, 'filings.scans.upload')}</button>
          </form>
        ) : null}
      </section>

      {p.canSubmit || p.canWrite ? (
        <section aria-labelledby="submit">
          <h2 id="submit">{t(l, 'filings.submit.title')}</h2>
          {p.canSubmit ? (
            <form method="post" action={action('/submit')} id="form-submit">
              <CsrfInput token={p.csrfToken} />
              <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
              <p class="muted">{t(l, 'filings.submit.intro')}</p>
              <button type="submit">{t(l, 'filings.submit.button')}</button>
            </form>
          ) : null}
          {p.canWrite ? (
            <form method="post" action={action('/discard')} class="stack" style="margin-top:1rem">
              <CsrfInput token={p.csrfToken} />
              <button type="submit" class="danger">
                {t(l, 'filings.draft.discard')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </Page>,
  );
}

function FileInput(p: { locale: Locale; form: string; errors: FormError[]; accept: string; label: string; hint?: string }) {
  const id = fieldId(p.form, 'file');
  const mine = p.errors.filter((e) => e.target === id);
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} mine={mine} required>
      <input id={id} name="file" type="file" accept={p.accept} aria-invalid={mine.length ? 'true' : undefined} aria-describedby={described(id, p.hint, mine)} />
    </FieldShell>
  );
}

// ---------------------------------------------------------------- one line

export function LineEditPage(p: {
  locale: Locale;
  csrfToken: string;
  view: DraftView;
  section: LineSection;
  index: number;
  expectedLineId: string;
  values: FormFields;
  errors: FormError[];
}) {
  const l = p.locale;
  const id = p.view.record.id;
  const kind = reportKindLabel(l, p.view.chain.reportKind);
  const title = t(l, 'filings.lines.editTitle', { section: sectionLabels[p.section][l], row: p.index + 1, id: p.expectedLineId });
  return renderPage(
    <Page
      locale={l}
      title={title}
      path={`/treasurer/drafts/${id}/lines/${p.section}/${p.index}`}
      crumbs={[...treasurerCrumbs(l), { href: `/${l}/treasurer/drafts/${id}`, label: t(l, 'filings.draft.crumb', { kind }) }, { label: title }]}
    >
      <h1>{title}</h1>
      <ErrorSummary locale={l} errors={p.errors} />
      <form method="post" action={`/${l}/treasurer/drafts/${id}/lines/${p.section}/${p.index}`} class="stack" id="form-line" noValidate>
        <CsrfInput token={p.csrfToken} />
        <input type="hidden" name="expectedLineId" value={p.expectedLineId} />
        <LineFields locale={l} form="line" section={p.section} values={p.values} errors={p.errors} receiptIds={p.view.body.receipts.map((r) => r.lineId)} />
        <button type="submit">{t(l, 'filings.lines.save')}</button> <a href={`/${l}/treasurer/drafts/${id}#h-${p.section}`}>{t(l, 'filings.lines.cancel')}</a>
      </form>
    </Page>,
  );
}

// ---------------------------------------------------------------- the commission's review

export function ReviewQueuePage(p: { locale: Locale; pending: LatestListing[]; decided: LatestListing[]; parties: Map<string, Party> }) {
  const l = p.locale;
  const table = (rows: LatestListing[]) =>
    rows.length === 0 ? (
      <p>{t(l, 'filings.review.empty')}</p>
    ) : (
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(l, 'ballot.party')}</th>
              <th scope="col">{fieldLabel('reportKind', l)}</th>
              <th scope="col">{t(l, 'filings.versions.version')}</th>
              <th scope="col">{t(l, 'filings.field.filedAt')}</th>
              <th scope="col">{t(l, 'filings.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ filing, chain }) => (
              <tr key={filing.id}>
                <th scope="row">{partyLabel(l, p.parties.get(chain.partyRegistrationNumber), chain.partyRegistrationNumber)}</th>
                <td>
                  <a href={`/${l}/commission/reports/${filing.id}`}>
                    {reportKindLabel(l, chain.reportKind)} {formatDate(l, chain.periodFrom)} – {formatDate(l, chain.periodTo)}
                  </a>
                </td>
                <td>{filing.version}</td>
                <td>{filing.submittedAt ? formatDateTime(l, filing.submittedAt) : '—'}</td>
                <td>
                  <StatusBadge locale={l} status={filing.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  return renderPage(
    <Page locale={l} title={t(l, 'filings.review.title')} path="/commission/reports" crumbs={[{ label: t(l, 'filings.review.title') }]}>
      <h1>{t(l, 'filings.review.title')}</h1>
      <h2>{t(l, 'filings.review.pending')}</h2>
      {table(p.pending)}
      <h2>{t(l, 'filings.review.decided')}</h2>
      {table(p.decided)}
    </Page>,
  );
}

export function ReviewPage(p: {
  locale: Locale;
  csrfToken: string;
  filingId: number;
  title: string;
  status: Parameters<typeof StatusBadge>[0]['status'];
  isLatest: boolean;
  events: FilingStatusEvent[];
  canReview: boolean;
  errors?: FormError[];
  values?: FormFields;
  done?: string;
}) {
  const l = p.locale;
  const errors = p.errors ?? [];
  const next = REVIEW_TRANSITIONS[p.status];
  return renderPage(
    <Page
      locale={l}
      title={p.title}
      path={`/commission/reports/${p.filingId}`}
      crumbs={[{ href: `/${l}/commission/reports`, label: t(l, 'filings.review.title') }, { label: p.title }]}
    >
      <h1>{p.title}</h1>
      <Done text={p.done} />
      <ErrorSummary locale={l} errors={errors} />
      <p>
        <StatusBadge locale={l} status={p.status} /> · <a href={reportPath(l, p.filingId)}>{t(l, 'filings.review.public')}</a>
      </p>
      <h2>{t(l, 'filings.history.title')}</h2>
      <ol>
        {p.events.map((e) => (
          <li key={e.id}>
            {formatDateTime(l, e.at)} — {t(l, `filings.status.${e.status}`)} ({e.actor}){e.reason ? `: ${e.reason}` : ''}
          </li>
        ))}
      </ol>
      {p.canReview && p.isLatest && next.length > 0 ? (
        <form method="post" action={`/${l}/commission/reports/${p.filingId}/status`} class="stack" id="form-review" noValidate>
          <CsrfInput token={p.csrfToken} />
          <Select
            form="review"
            name="status"
            label={t(l, 'filings.review.newStatus')}
            errors={errors}
            value={p.values?.status}
            options={next.map((s) => [s, t(l, `filings.status.${s}`)])}
            required
          />
          <ReasonField locale={l} errors={errors} value={p.values?.reason} />
          <button type="submit">{t(l, 'filings.review.save')}</button>
        </form>
      ) : !p.isLatest ? (
        <p>{t(l, 'filings.review.notLatest')}</p>
      ) : null}
    </Page>,
  );
}

function ReasonField(p: { locale: Locale; errors: FormError[]; value: string | undefined }) {
  const id = fieldId('review', 'reason');
  const mine = p.errors.filter((e) => e.target === id);
  const hint = t(p.locale, 'filings.review.reasonHint');
  return (
    <FieldShell id={id} label={t(p.locale, 'filings.review.reason')} hint={hint} mine={mine}>
      <textarea id={id} name="reason" rows={4} cols={60} aria-invalid={mine.length ? 'true' : undefined} aria-describedby={described(id, hint, mine)}>
        {p.value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export type { FilingInput };
