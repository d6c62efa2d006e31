// The election form as data: its fields, and how the text a browser sends becomes the input of
// createElection. Every problem names the form field it is about. Pure: no database, no HTTP.
import { problem, type Problem, type Result, ok, err } from '../../platform/result.ts';
import { electionKindSchema, electionStatusSchema, type Election } from '../../domain/election.ts';
import { checkDate, checkText, required, type FormValues } from './form-checks.ts';

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
export type ElectionField = (typeof ELECTION_FIELDS)[number];

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
  else if (!/^[a-z0-9-]{1,60}$/.test(id))
    problems.push(
      problem('commission.bad_id', 'id: lower-case Latin letters, digits and hyphens only.', { field: 'id' }),
    );
  const kind = electionKindSchema.safeParse(v.kind);
  if (!kind.success) problems.push(problem('commission.bad_choice', 'kind: choose one.', { field: 'kind' }));
  // English is optional, as on the public pages, which fall back to Russian.
  for (const f of ['nameKy', 'nameRu', 'nameEn']) checkText(v, f, problems, { required: f !== 'nameEn' });
  for (const f of ['calledOn', 'campaignStart', 'campaignEnd', 'electionDay']) checkDate(v, f, problems);
  const seatsText = v.seats ?? '';
  const seats = /^\d{1,4}$/.test(seatsText) ? Number(seatsText) : NaN;
  if (seatsText === '') problems.push(required('seats'));
  else if (!(seats >= 1))
    problems.push(problem('commission.bad_whole_number', 'seats: a whole number from 1.', { field: 'seats' }));
  const thresholdText = v.threshold ?? '';
  const threshold = percentToBasisPoints(thresholdText);
  if (thresholdText === '') problems.push(required('threshold'));
  else if (threshold === undefined)
    problems.push(
      problem('commission.bad_percent', 'threshold: a percent from 0 to 100, at most two decimals.', {
        field: 'threshold',
      }),
    );
  const status = electionStatusSchema.safeParse(v.status);
  if (!status.success) problems.push(problem('commission.bad_choice', 'status: choose one.', { field: 'status' }));
  if ((v.rulesProfileId ?? '') === '')
    problems.push(problem('commission.bad_choice', 'rulesProfileId: choose one.', { field: 'rulesProfileId' }));
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
