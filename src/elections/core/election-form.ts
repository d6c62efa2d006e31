// The commission's web forms as data: which fields each form has, and how the text a browser
// sends becomes the input of the services (createElection, registerParty, setParticipationStatus,
// withdrawCandidate, attachProgramme). Every problem names the form field it is about, so that the
// page can put it in the error summary and next to the field. Pure: no database, no HTTP.
import { problem, type Problem, type Result, ok, err } from '../platform/result.ts';
import { electionKindSchema, electionStatusSchema, type Election, type Localized, type Party } from '../domain/election.ts';

/** What a form sent, field by field, as typed (also what is shown again after a refusal). */
export type FormValues = Record<string, string>;

export const ELECTION_FIELDS = [
  'id',
  'kind',
  'nameKy',
  'nameRu',
  'nameEn',
  'calledOn',
  'campaignStart',
  'campaignEnd',
  'electionDay',
  'seats',
  'threshold',
  'status',
  'rulesProfileId',
] as const;

export const PARTY_FIELDS = [
  'registrationNumber',
  'nameKy',
  'nameRu',
  'nameEn',
  'shortNameKy',
  'shortNameRu',
  'shortNameEn',
  'leader',
  'foundedOn',
  'address',
  'phone',
  'website',
] as const;

/** A party's participation can be ended by its own withdrawal or by the commission's decision. */
export const ENDED_STATUSES = ['withdrawn', 'deregistered'] as const;
export type EndedStatus = (typeof ENDED_STATUSES)[number];

export const PROGRAMME_TEXT_FIELDS = ['textKy', 'textRu', 'textEn'] as const;

/** Longest free text accepted in one field; a programme's text may be a whole document. */
const MAX_SHORT = 300;
const MAX_REASON = 2000;
export const MAX_PROGRAMME_TEXT = 200_000;

/** Candidate lists are a few hundred rows: anything this large is the wrong file. */
export const MAX_LIST_BYTES = 5 * 1024 * 1024;

export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Reads the form's fields: strings only, trimmed; repeated fields keep their first value. */
export function formValues(body: unknown, names: readonly string[]): FormValues {
  const out: FormValues = {};
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  for (const n of names) {
    const v = b[n];
    const s = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
    out[n] = s.trim();
  }
  return out;
}

const required = (field: string): Problem => problem('commission.required', `${field}: required.`, { field });
const badDate = (field: string): Problem => problem('commission.bad_date', `${field}: not a date (YYYY-MM-DD).`, { field });
const tooLong = (field: string, max: number): Problem => problem('commission.too_long', `${field}: longer than ${max} characters.`, { field, params: { max } });

function checkText(v: FormValues, field: string, problems: Problem[], opts: { required?: boolean; max?: number } = {}): void {
  const s = v[field] ?? '';
  if (opts.required && s === '') problems.push(required(field));
  else if (s.length > (opts.max ?? MAX_SHORT)) problems.push(tooLong(field, opts.max ?? MAX_SHORT));
}

function checkDate(v: FormValues, field: string, problems: Problem[], opts: { required?: boolean } = { required: true }): void {
  const s = v[field] ?? '';
  if (s === '') {
    if (opts.required) problems.push(required(field));
  } else if (!isRealDate(s)) problems.push(badDate(field));
}

/** "7", "7.5" or "7,5" percent → basis points (750); at most two decimals, 0–100. */
export function percentToBasisPoints(s: string): number | undefined {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(s.trim());
  if (!m) return undefined;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : undefined;
}

/**
 * The election form → the input of createElection. The service checks the rest (id taken, rules
 * profile, order of the dates); here only what a browser can get wrong in a field.
 */
export function electionFromForm(v: FormValues): Result<Election> {
  const problems: Problem[] = [];
  const id = v.id ?? '';
  if (id === '') problems.push(required('id'));
  else if (!/^[a-z0-9-]{1,60}$/.test(id)) problems.push(problem('commission.bad_id', 'id: lower-case Latin letters, digits and hyphens only.', { field: 'id' }));
  const kind = electionKindSchema.safeParse(v.kind);
  if (!kind.success) problems.push(problem('commission.bad_choice', 'kind: choose one.', { field: 'kind' }));
  // English is optional, as on the public pages, which fall back to Russian.
  for (const f of ['nameKy', 'nameRu', 'nameEn']) checkText(v, f, problems, { required: f !== 'nameEn' });
  for (const f of ['calledOn', 'campaignStart', 'campaignEnd', 'electionDay']) checkDate(v, f, problems);
  const seatsText = v.seats ?? '';
  const seats = /^\d{1,4}$/.test(seatsText) ? Number(seatsText) : NaN;
  if (seatsText === '') problems.push(required('seats'));
  else if (!(seats >= 1)) problems.push(problem('commission.bad_whole_number', 'seats: a whole number from 1.', { field: 'seats' }));
  const thresholdText = v.threshold ?? '';
  const threshold = percentToBasisPoints(thresholdText);
  if (thresholdText === '') problems.push(required('threshold'));
  else if (threshold === undefined) problems.push(problem('commission.bad_percent', 'threshold: a percent from 0 to 100, at most two decimals.', { field: 'threshold' }));
  const status = electionStatusSchema.safeParse(v.status);
  if (!status.success) problems.push(problem('commission.bad_choice', 'status: choose one.', { field: 'status' }));
  if ((v.rulesProfileId ?? '') === '') problems.push(problem('commission.bad_choice', 'rulesProfileId: choose one.', { field: 'rulesProfileId' }));
  if (problems.length > 0 || !kind.success || !status.success || threshold === undefined) return err(problems);
  return ok({
    id,
    kind: kind.data,
    name: { ky: v.nameKy ?? '', ru: v.nameRu ?? '', en: v.nameEn || v.nameRu || '' },
    calledOn: v.calledOn ?? '',
    campaignStart: v.campaignStart ?? '',
    campaignEnd: v.campaignEnd ?? '',
    electionDay: v.electionDay ?? '',
    seats,
    thresholdBasisPoints: threshold,
    status: status.data,
    rulesProfileId: v.rulesProfileId ?? '',
    // Elections entered through the commission's screens are real ones.
    synthetic: false,
  });
}

/** Where the zod paths of the services' schemas point in the forms (e.g. name.ky → nameKy). */
const PATH_TO_FIELD: Record<string, string> = {
  'name.ky': 'nameKy',
  'name.ru': 'nameRu',
  'name.en': 'nameEn',
  'shortName.ky': 'shortNameKy',
  'shortName.ru': 'shortNameRu',
  'shortName.en': 'shortNameEn',
  thresholdBasisPoints: 'threshold',
};

/** A service's problem with its field renamed to the form's field. */
export function onForm(p: Problem): Problem {
  return p.field && PATH_TO_FIELD[p.field] ? { ...p, field: PATH_TO_FIELD[p.field] } : p;
}

/** The party form → the party record registerParty takes. */
export function partyFromForm(v: FormValues): Result<Party> {
  const problems: Problem[] = [];
  const reg = v.registrationNumber ?? '';
  if (reg === '') problems.push(required('registrationNumber'));
  else if (reg.length > 40) problems.push(tooLong('registrationNumber', 40));
  else if (/[/\\?#%]/.test(reg)) problems.push(problem('commission.bad_registration_number', 'registrationNumber: no / \\ ? # or %.', { field: 'registrationNumber' }));
  for (const f of ['nameKy', 'nameRu', 'nameEn', 'shortNameKy', 'shortNameRu', 'shortNameEn']) checkText(v, f, problems, { required: f === 'nameKy' || f === 'nameRu' });
  for (const f of ['leader', 'address', 'phone', 'website']) checkText(v, f, problems);
  checkDate(v, 'foundedOn', problems, { required: false });
  const website = v.website ?? '';
  if (website !== '' && !/^https?:\/\/[^\s]+$/i.test(website)) problems.push(problem('commission.bad_url', 'website: an address starting with http:// or https://.', { field: 'website' }));
  if (problems.length > 0) return err(problems);
  const name: Localized = { ky: v.nameKy ?? '', ru: v.nameRu ?? '', en: v.nameEn || v.nameRu || '' };
  return ok({
    registrationNumber: reg,
    name,
    // A short name left empty is the full name: pages always have something to show.
    shortName: { ky: v.shortNameKy || name.ky, ru: v.shortNameRu || name.ru, en: v.shortNameEn || name.en },
    leader: v.leader ?? '',
    foundedOn: v.foundedOn || null,
    address: v.address ?? '',
    phone: v.phone ?? '',
    website,
    logoBlobKey: null,
  });
}

export interface StatusChange {
  status: EndedStatus;
  date: string;
  reason: string;
}

/** The participation-status form (fields participationStatus, statusDate, statusReason). */
export function statusFromForm(v: FormValues): Result<StatusChange> {
  const problems: Problem[] = [];
  const status = ENDED_STATUSES.find((s) => s === v.participationStatus);
  if (!status) problems.push(problem('commission.bad_choice', 'participationStatus: choose one.', { field: 'participationStatus' }));
  checkDate(v, 'statusDate', problems);
  checkText(v, 'statusReason', problems, { required: true, max: MAX_REASON });
  if (problems.length > 0 || !status) return err(problems);
  return ok({ status, date: v.statusDate ?? '', reason: v.statusReason ?? '' });
}

/** The withdrawal form (fields candidateId, withdrawDate). */
export function withdrawalFromForm(v: FormValues): Result<{ candidateId: number; date: string }> {
  const problems: Problem[] = [];
  const idText = v.candidateId ?? '';
  if (!/^[1-9]\d{0,15}$/.test(idText)) problems.push(problem('commission.bad_choice', 'candidateId: choose one.', { field: 'candidateId' }));
  checkDate(v, 'withdrawDate', problems);
  if (problems.length > 0) return err(problems);
  return ok({ candidateId: Number(idText), date: v.withdrawDate ?? '' });
}

/** The programme's texts (fields textKy, textRu, textEn): at least one language. */
export function programmeTextFromForm(v: FormValues): Result<Localized> {
  const problems: Problem[] = [];
  for (const f of PROGRAMME_TEXT_FIELDS) checkText(v, f, problems, { max: MAX_PROGRAMME_TEXT });
  if (PROGRAMME_TEXT_FIELDS.every((f) => (v[f] ?? '') === '')) problems.push(problem('commission.no_text', 'textKy: the programme needs its text in at least one language.', { field: 'textKy' }));
  if (problems.length > 0) return err(problems);
  return ok({ ky: v.textKy ?? '', ru: v.textRu ?? '', en: v.textEn ?? '' });
}

/** Control characters no text file has (tab, line feed, form feed and carriage return are allowed). */
const BINARY_BYTE = /[\x00-\x08\x0e-\x1f]/;

/**
 * Which reader a candidate-list upload needs, from its bytes and its name. A workbook is a ZIP
 * file; an old .xls, a PDF or anything with control bytes is not a list we can read, and a CSV that
 * is not UTF-8 (Excel's "CSV" in Windows-1251) would come out garbled, so it is refused with a hint.
 */
export function listFormatOf(bytes: Buffer, filename: string): Result<'csv' | 'xlsx'> {
  if (bytes.length === 0) return err([problem('commission.no_file', 'file: choose a CSV or XLSX file.', { field: 'file' })]);
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return ok('xlsx');
  const notAList = /\.xls$/i.test(filename) || bytes.subarray(0, 5).toString('latin1') === '%PDF-' || BINARY_BYTE.test(bytes.toString('latin1'));
  if (notAList) return err([problem('commission.list_format', 'file: not a CSV or XLSX file.', { field: 'file' })]);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err([problem('commission.list_encoding', 'file: the CSV is not in UTF-8.', { field: 'file' })]);
  }
  return ok('csv');
}
