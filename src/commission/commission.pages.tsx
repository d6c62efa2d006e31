// Server-rendered pages of the commission's screens under /{locale}/commission: the elections
// list, the election form, an election's parties, the party registration form, one party's
// participation, candidate list and programme, and the election's activity log. Pages work without
// JavaScript. Every form carries the CSRF token; a refused form comes back with what was typed, an
// error summary at the top whose entries name the field (or the file's row and column) in the
// reader's language and lead to the field, and each field's own error beside its label. Forms are
// shown only to those who may send them; the server checks again on every POST.
import type { ComponentChildren } from 'preact';
import { Layout, renderPage } from '../platform/web/layout.tsx';
import { formatDate, formatDateTime, formatNumber, formatPercent, t } from '../platform/i18n/i18n.ts';
import { candidateName, pick, RulesSummary } from '../platform/web/format.tsx';
import type { Election, Locale, Participation, Party, Programme, PublicCandidate } from '../domain/election.ts';
import type { ListRuleResult } from '../domain/list-rules.ts';
import type { RulesProfile } from '../domain/rules-profile.ts';
import type { Problem } from '../platform/result.ts';
import type { ActivityRow } from '../platform/db/schema.ts';
import type { BallotEntry } from '../parties/party.repository.ts';
import { CsrfInput } from '../accounts/index.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../candidates/candidate-import.ts';
import { ENDED_STATUSES, type FormValues } from './commission.ts';
import type { ElectionOverview } from './commission.repository.ts';
import './commission.messages.ts';

// ---------------------------------------------------------------- addresses

const enc = encodeURIComponent;
export const commissionHomePath = (l: Locale): string => `/${l}/commission`;
// The forms have paths of their own, so that no election id or registration number can shadow them.
export const newElectionPath = (l: Locale): string => `/${l}/commission/new-election`;
export const electionsPath = (l: Locale): string => `/${l}/commission/elections`;
export const commissionElectionPath = (l: Locale, id: string): string => `/${l}/commission/elections/${enc(id)}`;
export const newPartyPath = (l: Locale, id: string): string => `${commissionElectionPath(l, id)}/register-party`;
export const partiesPath = (l: Locale, id: string): string => `${commissionElectionPath(l, id)}/parties`;
export const commissionPartyPath = (l: Locale, id: string, reg: string): string => `${commissionElectionPath(l, id)}/parties/${enc(reg)}`;
export const activityPath = (l: Locale, id: string): string => `${commissionElectionPath(l, id)}/activity`;

// ---------------------------------------------------------------- problems in words

/** An error as a page shows it: the field it belongs to, and the words. */
export interface FormError {
  field: string;
  text: string;
  /** The words already say where (a file's row and column), so the summary adds no field label. */
  located: boolean;
}

function translated(l: Locale, key: string, params?: Record<string, string | number>): string | undefined {
  try {
    const s = t(l, key, params);
    return s === key ? undefined : s;
  } catch {
    return undefined; // the translation needs a parameter this problem does not carry
  }
}

/** A problem in the reader's language; the English of the Problem when the catalogue lacks it. */
export function problemText(l: Locale, p: Problem): string {
  // Row numbers are shown as they are, without a thousands separator.
  const params: Record<string, string | number> = { ...(p.row !== undefined ? { row: String(p.row) } : {}), ...(p.field ? { column: p.field } : {}) };
  for (const [k, v] of Object.entries(p.params ?? {})) params[k] = k === 'row' || k === 'other' ? String(v) : v;
  if (p.code.startsWith('list_rule.')) {
    const rule = p.code.slice('list_rule.'.length);
    return translated(l, 'commission.problem.list_rule', { rule: t(l, `rule.${rule}`), actual: String(p.params?.actual ?? ''), required: String(p.params?.required ?? '') }) ?? p.message;
  }
  return translated(l, `commission.problem.${p.code}`, params) ?? p.message;
}

/**
 * Problems for the page. `fileField` is where problems of an uploaded file (rows, columns, list
 * rules) are shown: they carry the file's column, not a form field.
 */
export function formErrors(l: Locale, problems: Problem[], opts: { fileField?: string; fallbackField: string; formFields: readonly string[] }): FormError[] {
  return problems.map((p) => {
    const fromFile = p.code.startsWith('import.') || p.code.startsWith('list_rule.');
    const field = fromFile ? (opts.fileField ?? opts.fallbackField) : p.field && opts.formFields.includes(p.field) ? p.field : opts.fallbackField;
    return { field, text: problemText(l, p), located: fromFile };
  });
}

const fieldId = (name: string) => `f-${name}`;
const label = (l: Locale, name: string) => t(l, `commission.field.${name}`);

// ---------------------------------------------------------------- page frame and form parts

const STYLE = `.error-summary{border:3px solid var(--bad);padding:.5rem 1rem;margin:0 0 1rem}.error-summary h2{margin-top:0;color:var(--bad)}
.field-error{color:var(--bad);font-weight:600;margin:.1rem 0}.hint{color:var(--muted);margin:.1rem 0;font-size:.9rem}
form.stack .field{margin:0 0 1rem}form.stack label{display:block;font-weight:600}form.stack [aria-invalid=true]{border:2px solid var(--bad)}
form.stack textarea{width:100%;font:inherit}form.stack input[type=text]{width:min(100%,36rem)}
.done{border-left:4px solid var(--ok);padding:.3rem .8rem;background:var(--soft)}fieldset{border:1px solid var(--line);margin:0 0 1rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}pre.change{white-space:pre-wrap;word-break:break-word;font-size:.85rem;margin:.2rem 0}`;

interface Crumb {
  href?: string;
  label: string;
}

function Page(p: { l: Locale; title: string; path: string; crumbs: Crumb[]; synthetic?: boolean; children: ComponentChildren }) {
  return (
    <Layout
      locale={p.l}
      title={p.title}
      path={p.path}
      synthetic={p.synthetic}
      head={<style>{STYLE}</style>}
      crumbs={[{ href: commissionHomePath(p.l), label: t(p.l, 'commission.crumb') }, ...p.crumbs]}
    >
      {p.children}
    </Layout>
  );
}

function ErrorSummary({ l, errors }: { l: Locale; errors: FormError[] }) {
  if (errors.length === 0) return null;
  const fromFile = errors.some((e) => e.located);
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="error-summary">
      <h2 id="error-summary-title">{t(l, 'commission.errors.title')}</h2>
      {fromFile ? <p>{t(l, 'commission.errors.nothingSaved')}</p> : null}
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <a href={`#${fieldId(e.field)}`}>{e.located ? e.text : `${label(l, e.field)}: ${e.text}`}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Done({ text, children }: { text: string | undefined; children?: ComponentChildren }) {
  return text ? (
    <div class="done" role="status">
      <p>{text}</p>
      {children}
    </div>
  ) : null;
}

interface FieldBase {
  l: Locale;
  name: string;
  errors: FormError[];
  hint?: string | undefined;
  required?: boolean;
}

/** The label, hint and the field's own errors, with the ids the control points at. */
function FieldFrame(p: FieldBase & { children: (a: { id: string; invalid: 'true' | undefined; describedBy: string | undefined }) => ComponentChildren }) {
  const id = fieldId(p.name);
  const mine = p.errors.filter((e) => e.field === p.name);
  const describedBy = [p.hint ? `${id}-hint` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label(p.l, p.name)}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {mine.length ? (
        <ul class="field-error" id={`${id}-error`}>
          {mine.map((e, i) => (
            <li key={i}>{e.text}</li>
          ))}
        </ul>
      ) : null}
      {p.children({ id, invalid: mine.length ? 'true' : undefined, describedBy })}
    </div>
  );
}

function Input(p: FieldBase & { value?: string | undefined; type?: 'text' | 'date' | 'url' | 'tel'; autocomplete?: string; inputMode?: 'numeric' | 'decimal' }) {
  return (
    <FieldFrame {...p}>
      {(a) => (
        <input
          id={a.id}
          name={p.name}
          type={p.type ?? 'text'}
          value={p.value ?? ''}
          required={p.required}
          autoComplete={p.autocomplete ?? 'off'}
          inputMode={p.inputMode}
          aria-invalid={a.invalid}
          aria-describedby={a.describedBy}
        />
      )}
    </FieldFrame>
  );
}

function DateInput(p: FieldBase & { value?: string | undefined }) {
  // The hint is for browsers without a date picker, where the field is plain text.
  return <Input {...p} type="date" hint={p.hint ?? t(p.l, 'commission.hint.date')} />;
}

function Select(p: FieldBase & { value?: string | undefined; options: Array<{ value: string; label: string }>; placeholder?: boolean }) {
  return (
    <FieldFrame {...p}>
      {(a) => (
        <select id={a.id} name={p.name} required={p.required} aria-invalid={a.invalid} aria-describedby={a.describedBy}>
          {p.placeholder ? (
            <option value="" selected={!p.value}>
              {t(p.l, 'commission.choose')}
            </option>
          ) : null}
          {p.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === p.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

function TextArea(p: FieldBase & { value?: string | undefined; rows?: number }) {
  return (
    <FieldFrame {...p}>
      {(a) => <textarea id={a.id} name={p.name} rows={p.rows ?? 4} required={p.required} aria-invalid={a.invalid} aria-describedby={a.describedBy} value={p.value ?? ''} />}
    </FieldFrame>
  );
}

function FileInput(p: FieldBase & { accept: string }) {
  return (
    <FieldFrame {...p}>
      {(a) => <input id={a.id} name={p.name} type="file" accept={p.accept} required={p.required} aria-invalid={a.invalid} aria-describedby={a.describedBy} />}
    </FieldFrame>
  );
}

const when = (l: Locale, iso: string | null) => (iso ? formatDate(l, iso) : '—');

// ---------------------------------------------------------------- the list rules

const SHARE_RULES = new Set(['max-share-one-sex', 'min-share-youth', 'min-share-minority']);

function ruleActual(r: ListRuleResult, l: Locale): string {
  if (SHARE_RULES.has(r.rule)) {
    const d = r.details as Record<string, number>;
    return `${formatNumber(l, d.count ?? 0)} / ${formatNumber(l, d.total ?? 0)} (${formatPercent(l, r.actual / 100)})`;
  }
  return formatNumber(l, r.actual);
}

function ruleRequired(r: ListRuleResult, l: Locale): string {
  switch (r.rule) {
    case 'max-share-one-sex':
      return `≤ ${formatPercent(l, r.required / 100)}`;
    case 'min-share-youth':
    case 'min-share-minority':
      return `≥ ${formatPercent(l, r.required / 100)}`;
    case 'list-size':
      return `${formatNumber(l, r.details.min)}–${formatNumber(l, r.details.max)}`;
    case 'max-run-one-sex':
    case 'disabled-within-first':
      return `≤ ${formatNumber(l, r.required)}`;
    case 'min-disabled':
      return `≥ ${formatNumber(l, r.required)}`;
  }
}

export function RulesTable({ l, results }: { l: Locale; results: ListRuleResult[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption style="text-align:left">
          <RulesSummary results={results} locale={l} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(l, 'ballot.rules')}</th>
            <th scope="col" class="num">
              {t(l, 'rule.actual')}
            </th>
            <th scope="col" class="num">
              {t(l, 'rule.required')}
            </th>
            <th scope="col">{t(l, 'commission.field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.rule}>
              <th scope="row">{t(l, `rule.${r.rule}`)}</th>
              <td class="num">{ruleActual(r, l)}</td>
              <td class="num">{ruleRequired(r, l)}</td>
              <td class={r.passed ? 'pass' : 'fail'}>{r.passed ? `✓ ${t(l, 'rules.pass')}` : `✗ ${t(l, 'rules.fail')}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------- the commission's home

export function HomePage(p: { locale: Locale; elections: ElectionOverview[]; canCreate: boolean }) {
  const l = p.locale;
  const title = t(l, 'commission.title.home');
  return renderPage(
    <Layout locale={l} title={title} path="/commission" head={<style>{STYLE}</style>}>
      <h1>{title}</h1>
      <p>{t(l, 'commission.home.intro')}</p>
      {p.canCreate ? (
        <p>
          <a class="button" href={newElectionPath(l)}>
            {t(l, 'commission.link.newElection')}
          </a>
        </p>
      ) : (
        <p class="muted">{t(l, 'commission.readOnly')}</p>
      )}
      {p.elections.length === 0 ? (
        <p>{t(l, 'commission.home.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'commission.col.election')}</th>
                <th scope="col">{t(l, 'election.day')}</th>
                <th scope="col">{t(l, 'election.status')}</th>
                <th scope="col" class="num">
                  {t(l, 'commission.col.parties')}
                </th>
                <th scope="col">{t(l, 'commission.col.links')}</th>
              </tr>
            </thead>
            <tbody>
              {p.elections.map(({ election: e, parties }) => (
                <tr key={e.id}>
                  <td>
                    <a href={commissionElectionPath(l, e.id)}>{pick(e.name, l)}</a>
                    <br />
                    <code class="muted">{e.id}</code>
                  </td>
                  <td>{formatDate(l, e.electionDay)}</td>
                  <td>{t(l, `status.${e.status}`)}</td>
                  <td class="num">{formatNumber(l, parties)}</td>
                  <td>
                    <a href={activityPath(l, e.id)} aria-label={t(l, 'commission.link.activityOf', { name: pick(e.name, l) })}>
                      {t(l, 'commission.link.activity')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>,
  );
}

// ---------------------------------------------------------------- creating an election

export function NewElectionPage(p: { locale: Locale; csrfToken: string; profiles: RulesProfile[]; values?: FormValues; errors?: FormError[] }) {
  const l = p.locale;
  const v = p.values ?? { kind: 'parliamentary', status: 'called' };
  const errors = p.errors ?? [];
  const title = t(l, 'commission.title.newElection');
  const common = { l, errors };
  return renderPage(
    <Page l={l} title={title} path="/commission/new-election" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary l={l} errors={errors} />
      <form method="post" action={electionsPath(l)} class="stack" noValidate>
        <CsrfInput token={p.csrfToken} />
        <Input {...common} name="id" value={v.id} required hint={t(l, 'commission.hint.id')} />
        <Select
          {...common}
          name="kind"
          value={v.kind}
          required
          options={(['parliamentary', 'presidential', 'local'] as const).map((k) => ({ value: k, label: t(l, `kind.${k}`) }))}
        />
        <Input {...common} name="nameKy" value={v.nameKy} required />
        <Input {...common} name="nameRu" value={v.nameRu} required />
        <Input {...common} name="nameEn" value={v.nameEn} hint={t(l, 'commission.hint.nameEn')} />
        <DateInput {...common} name="calledOn" value={v.calledOn} required />
        <DateInput {...common} name="campaignStart" value={v.campaignStart} required />
        <DateInput {...common} name="campaignEnd" value={v.campaignEnd} required />
        <DateInput {...common} name="electionDay" value={v.electionDay} required />
        <Input {...common} name="seats" value={v.seats} required inputMode="numeric" />
        <Input {...common} name="threshold" value={v.threshold} required inputMode="decimal" hint={t(l, 'commission.hint.threshold')} />
        <Select
          {...common}
          name="status"
          value={v.status}
          required
          options={(['called', 'campaign', 'voting', 'results', 'annulled', 'closed'] as const).map((s) => ({ value: s, label: t(l, `status.${s}`) }))}
        />
        <Select {...common} name="rulesProfileId" value={v.rulesProfileId} required placeholder options={p.profiles.map((r) => ({ value: r.id, label: pick(r.title, l) }))} />
        <button type="submit">{t(l, 'commission.action.create')}</button>
      </form>
    </Page>,
  );
}

// ---------------------------------------------------------------- one election

export function ElectionPage(p: {
  locale: Locale;
  election: Election;
  rulesTitle: string;
  entries: BallotEntry[];
  withProgramme: Set<string>;
  canRegister: boolean;
  readOnly: boolean;
  done?: string | undefined;
}) {
  const l = p.locale;
  const e = p.election;
  const name = pick(e.name, l);
  return renderPage(
    <Page l={l} title={name} path={`/commission/elections/${enc(e.id)}`} synthetic={e.synthetic} crumbs={[{ label: name }]}>
      <h1>{name}</h1>
      <Done text={p.done} />
      <dl class="facts">
        <dt>{t(l, 'commission.election.id')}</dt>
        <dd>
          <code>{e.id}</code>
        </dd>
        <dt>{t(l, 'commission.election.kind')}</dt>
        <dd>{t(l, `kind.${e.kind}`)}</dd>
        <dt>{t(l, 'election.status')}</dt>
        <dd>{t(l, `status.${e.status}`)}</dd>
        <dt>{t(l, 'election.called')}</dt>
        <dd>{formatDate(l, e.calledOn)}</dd>
        <dt>{t(l, 'election.campaign')}</dt>
        <dd>
          {formatDate(l, e.campaignStart)} – {formatDate(l, e.campaignEnd)}
        </dd>
        <dt>{t(l, 'election.day')}</dt>
        <dd>{formatDate(l, e.electionDay)}</dd>
        <dt>{t(l, 'election.seats')}</dt>
        <dd>{formatNumber(l, e.seats)}</dd>
        <dt>{t(l, 'election.threshold')}</dt>
        <dd>{formatPercent(l, e.thresholdBasisPoints / 10_000)}</dd>
        <dt>{t(l, 'election.rules')}</dt>
        <dd>{p.rulesTitle}</dd>
      </dl>
      <ul class="actions">
        <li>
          <a href={`/${l}/elections/${enc(e.id)}`}>{t(l, 'commission.link.public')}</a>
        </li>
        <li>
          <a href={activityPath(l, e.id)}>{t(l, 'commission.link.activity')}</a>
        </li>
        <li>
          <a href={`/${l}/elections/${enc(e.id)}/lottery`}>{t(l, 'commission.link.lottery')}</a>
        </li>
      </ul>
      {p.readOnly ? <p class="muted">{t(l, 'commission.readOnly')}</p> : null}

      <section aria-labelledby="parties">
        <h2 id="parties">{t(l, 'commission.election.parties')}</h2>
        {p.canRegister ? (
          <p>
            <a class="button" href={newPartyPath(l, e.id)}>
              {t(l, 'commission.link.registerParty')}
            </a>
          </p>
        ) : null}
        {p.entries.length === 0 ? (
          <p>{t(l, 'commission.election.noParties')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t(l, 'ballot.number')}
                  </th>
                  <th scope="col">{t(l, 'commission.col.party')}</th>
                  <th scope="col">{t(l, 'party.registrationNumber')}</th>
                  <th scope="col">{t(l, 'party.status')}</th>
                  <th scope="col" class="num">
                    {t(l, 'commission.col.candidates')}
                  </th>
                  <th scope="col">{t(l, 'commission.col.programme')}</th>
                </tr>
              </thead>
              <tbody>
                {p.entries.map((x) => (
                  <tr key={x.party.registrationNumber}>
                    <td class="num">{x.participation.ballotNumber ?? '—'}</td>
                    <td>
                      <a href={commissionPartyPath(l, e.id, x.party.registrationNumber)}>{pick(x.party.name, l)}</a>
                    </td>
                    <td>
                      <code>{x.party.registrationNumber}</code>
                    </td>
                    <td>
                      {t(l, `participation.${x.participation.status}`)}
                      {x.participation.statusDate ? ` (${t(l, 'commission.election.since', { date: formatDate(l, x.participation.statusDate) })})` : ''}
                    </td>
                    <td class="num">{formatNumber(l, x.candidateCount)}</td>
                    <td>{t(l, p.withProgramme.has(x.party.registrationNumber) ? 'yes' : 'no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>,
  );
}

// ---------------------------------------------------------------- registering a party

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
    <Page
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
    </Page>,
  );
}

/** A party record as the registration form's values. */
export function partyValues(x: Party): FormValues {
  return {
    registrationNumber: x.registrationNumber,
    nameKy: x.name.ky,
    nameRu: x.name.ru,
    nameEn: x.name.en,
    shortNameKy: x.shortName.ky,
    shortNameRu: x.shortName.ru,
    shortNameEn: x.shortName.en,
    leader: x.leader,
    foundedOn: x.foundedOn ?? '',
    address: x.address,
    phone: x.phone,
    website: x.website,
  };
}

// ---------------------------------------------------------------- one party in one election

export interface PartyPermissions {
  /** Withdrawal, deregistration and the programme. */
  party: boolean;
  /** Importing the list and withdrawing candidates. */
  candidates: boolean;
}

export interface WithdrawnNotice {
  name: string;
  position: number;
}

export function PartyPage(p: {
  locale: Locale;
  csrfToken: string;
  election: Election;
  party: Party;
  participation: Participation;
  candidates: PublicCandidate[];
  rules: ListRuleResult[];
  programme: Programme | undefined;
  can: PartyPermissions;
  values?: FormValues;
  errors?: FormError[];
  done?: string | undefined;
  withdrawn?: WithdrawnNotice | undefined;
}) {
  const l = p.locale;
  const e = p.election;
  const x = p.party;
  const v = p.values ?? {};
  const errors = p.errors ?? [];
  const common = { l, errors };
  const name = pick(x.name, l);
  const registered = p.candidates.filter((c) => c.status === 'registered');
  const pr = p.programme;
  const languages = pr ? (['ky', 'ru', 'en'] as const).filter((x) => pr.text[x].trim() !== '').map((x) => t(l, `commission.lang.${x}`)) : [];
  const readOnly = !p.can.party && !p.can.candidates;
  return renderPage(
    <Page
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
      {p.withdrawn ? (
        <Done text={t(l, 'commission.done.withdrawn', { name: p.withdrawn.name, position: String(p.withdrawn.position) })}>
          <p>
            <a href="#rules">
              <RulesSummary results={p.rules} locale={l} />
            </a>
          </p>
        </Done>
      ) : (
        <Done text={p.done} />
      )}
      <ErrorSummary l={l} errors={errors} />
      <ul class="actions">
        <li>
          <a href={`/${l}/elections/${enc(e.id)}/parties/${enc(x.registrationNumber)}`}>{t(l, 'commission.link.public')}</a>
        </li>
        <li>
          <a href={activityPath(l, e.id)}>{t(l, 'commission.link.activity')}</a>
        </li>
      </ul>
      {readOnly ? <p class="muted">{t(l, 'commission.readOnly')}</p> : null}

      <section aria-labelledby="participation">
        <h2 id="participation">{t(l, 'commission.party.participation')}</h2>
        <dl class="facts">
          <dt>{t(l, 'party.status')}</dt>
          <dd>
            {t(l, `participation.${p.participation.status}`)}
            {p.participation.statusDate ? ` (${t(l, 'commission.election.since', { date: formatDate(l, p.participation.statusDate) })})` : ''}
          </dd>
          {p.participation.statusReason ? (
            <>
              <dt>{t(l, 'commission.party.reason')}</dt>
              <dd>{p.participation.statusReason}</dd>
            </>
          ) : null}
          <dt>{t(l, 'party.ballotNumber')}</dt>
          <dd>{p.participation.ballotNumber ?? t(l, 'ballot.noNumber')}</dd>
        </dl>
        {p.can.party ? (
          <form method="post" action={`${commissionPartyPath(l, e.id, x.registrationNumber)}/status`} class="stack" noValidate>
            <CsrfInput token={p.csrfToken} />
            <fieldset>
              <legend>{t(l, 'commission.party.changeStatus')}</legend>
              <Select
                {...common}
                name="participationStatus"
                value={v.participationStatus}
                required
                placeholder
                options={ENDED_STATUSES.map((s) => ({ value: s, label: t(l, `participation.${s}`) }))}
              />
              <DateInput {...common} name="statusDate" value={v.statusDate} required />
              <TextArea {...common} name="statusReason" value={v.statusReason} required rows={3} hint={t(l, 'commission.hint.statusReason')} />
              <button type="submit">{t(l, 'commission.action.saveStatus')}</button>
            </fieldset>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="list">
        <h2 id="list">{t(l, 'commission.party.list')}</h2>
        {p.candidates.length === 0 ? (
          <>
            <p>{t(l, 'commission.party.noList')}</p>
            {p.can.candidates ? (
              <form
                method="post"
                action={`${commissionPartyPath(l, e.id, x.registrationNumber)}/candidates`}
                encType="multipart/form-data"
                class="stack"
                noValidate
              >
                {/* First, so that the server checks it before it reads the file. */}
                <CsrfInput token={p.csrfToken} />
                <fieldset>
                  <legend>{t(l, 'commission.party.importList')}</legend>
                  <FileInput
                    {...common}
                    name="file"
                    required
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    hint={t(l, 'commission.hint.file', { columns: CANDIDATE_IMPORT_COLUMNS.join(', ') })}
                  />
                  <button type="submit">{t(l, 'commission.action.import')}</button>
                </fieldset>
              </form>
            ) : null}
          </>
        ) : (
          <>
            <p>{t(l, 'commission.party.listCount', { total: p.candidates.length, registered: String(registered.length) })}</p>
            <h3 id="rules" tabIndex={-1}>
              {t(l, 'commission.party.rules')}
            </h3>
            <RulesTable l={l} results={p.rules} />
            {p.can.candidates && registered.length > 0 ? (
              <form method="post" action={`${commissionPartyPath(l, e.id, x.registrationNumber)}/withdrawals`} class="stack" noValidate>
                <CsrfInput token={p.csrfToken} />
                <fieldset>
                  <legend>{t(l, 'commission.party.withdraw')}</legend>
                  <p class="hint">{t(l, 'commission.party.withdrawHelp')}</p>
                  <Select
                    {...common}
                    name="candidateId"
                    value={v.candidateId}
                    required
                    placeholder
                    options={registered.map((c) => ({ value: String(c.id), label: t(l, 'commission.party.candidateOption', { position: String(c.listPosition), name: candidateName(c, l) }) }))}
                  />
                  <DateInput {...common} name="withdrawDate" value={v.withdrawDate} required />
                  <button type="submit">{t(l, 'commission.action.withdraw')}</button>
                </fieldset>
              </form>
            ) : null}
            <p class="muted">{t(l, 'commission.party.listExists')}</p>
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
                  {p.candidates.map((c) => (
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
          </>
        )}
      </section>

      <section aria-labelledby="programme">
        <h2 id="programme">{t(l, 'commission.party.programme')}</h2>
        {pr ? (
          <>
            <p>{t(l, 'commission.party.programmeLanguages', { languages: languages.join(', ') || '—' })}</p>
            {pr.pdfBlobKey ? (
              <p>
                <a href={`/blobs/${pr.pdfBlobKey}`}>{t(l, 'party.programmePdf')}</a>
              </p>
            ) : null}
          </>
        ) : (
          <p>{t(l, 'party.noProgramme')}</p>
        )}
        {p.can.party ? (
          <form
            method="post"
            action={`${commissionPartyPath(l, e.id, x.registrationNumber)}/programme`}
            encType="multipart/form-data"
            class="stack"
            noValidate
          >
            <CsrfInput token={p.csrfToken} />
            <fieldset>
              <legend>{t(l, 'commission.party.attachProgramme')}</legend>
              <TextArea {...common} name="textKy" value={v.textKy ?? pr?.text.ky} rows={6} />
              <TextArea {...common} name="textRu" value={v.textRu ?? pr?.text.ru} rows={6} />
              <TextArea {...common} name="textEn" value={v.textEn ?? pr?.text.en} rows={6} />
              <FileInput {...common} name="pdf" accept=".pdf,application/pdf" hint={t(l, 'commission.hint.pdf')} />
              <button type="submit">{t(l, 'commission.action.attach')}</button>
            </fieldset>
          </form>
        ) : null}
      </section>
    </Page>,
  );
}

// ---------------------------------------------------------------- the activity log

/** A before/after value as readable JSON; long values are cut, the full record stays in the log. */
function changeText(l: Locale, json: string | null): string {
  if (json === null) return t(l, 'commission.activity.empty');
  let text: string;
  try {
    text = JSON.stringify(JSON.parse(json), null, 1);
  } catch {
    text = json;
  }
  return text.length > 4000 ? `${text.slice(0, 4000)} …` : text;
}

export function ActivityLogPage(p: { locale: Locale; election: Election; entries: ActivityRow[]; olderThan: number | null; paged: boolean }) {
  const l = p.locale;
  const e = p.election;
  const title = t(l, 'commission.title.activity');
  const base = activityPath(l, e.id);
  return renderPage(
    <Page
      l={l}
      title={`${title} — ${pick(e.name, l)}`}
      path={`/commission/elections/${enc(e.id)}/activity`}
      synthetic={e.synthetic}
      crumbs={[{ href: commissionElectionPath(l, e.id), label: pick(e.name, l) }, { label: title }]}
    >
      <h1>{title}</h1>
      <p class="muted">{pick(e.name, l)}</p>
      <p>{t(l, 'commission.activity.intro')}</p>
      {p.entries.length === 0 ? (
        <p>{t(l, 'commission.activity.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'commission.col.at')}</th>
                <th scope="col">{t(l, 'commission.col.actor')}</th>
                <th scope="col">{t(l, 'commission.col.action')}</th>
                <th scope="col">{t(l, 'commission.col.entity')}</th>
                <th scope="col">{t(l, 'commission.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {p.entries.map((a) => {
                const actionKey = `commission.activity.action.${a.action}`;
                const action = t(l, actionKey);
                const entityKey = `commission.entity.${a.entity_type}`;
                const entity = t(l, entityKey);
                return (
                  <tr key={a.id}>
                    <td>
                      <time dateTime={a.at}>{formatDateTime(l, a.at)}</time>
                    </td>
                    <td>{a.actor}</td>
                    <td>
                      {action === actionKey ? a.action : action}
                      <br />
                      <code class="muted">{a.action}</code>
                    </td>
                    <td>
                      {entity === entityKey ? a.entity_type : entity} <code>{a.entity_id}</code>
                    </td>
                    <td>
                      <details>
                        <summary>{t(l, 'commission.action.showChange')}</summary>
                        <p>{t(l, 'commission.activity.before')}</p>
                        <pre class="change">{changeText(l, a.before_json)}</pre>
                        <p>{t(l, 'commission.activity.after')}</p>
                        <pre class="change">{changeText(l, a.after_json)}</pre>
                      </details>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ul class="actions">
        {p.paged ? (
          <li>
            <a href={base}>{t(l, 'commission.action.newest')}</a>
          </li>
        ) : null}
        {p.olderThan !== null ? (
          <li>
            <a href={`${base}?before=${p.olderThan}`} rel="next">
              {t(l, 'commission.action.older')}
            </a>
          </li>
        ) : null}
      </ul>
    </Page>,
  );
}
