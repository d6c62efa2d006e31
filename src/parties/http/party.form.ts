// The party forms as data: registration in an election (the party's record) and the change of its
// participation's status, and how the text a browser sends becomes the input of registerParty and
// setParticipationStatus. Every problem names the form field it is about. Pure: no database, no HTTP.
import { problem, type Problem, type Result, ok, err } from '../../platform/result.ts';
import type { Localized, Party } from '../../domain/election.ts';
import { checkDate, checkText, required, tooLong, type FormValues } from '../../elections/index.ts';

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
export type PartyField = (typeof PARTY_FIELDS)[number];

/** A party's participation can be ended by its own withdrawal or by the commission's decision. */
export const ENDED_STATUSES = ['withdrawn', 'deregistered'] as const;
export type EndedStatus = (typeof ENDED_STATUSES)[number];

export const STATUS_FIELDS = ['participationStatus', 'statusDate', 'statusReason'] as const;
export type StatusField = (typeof STATUS_FIELDS)[number];

/** Longest reason for a change of status. */
const MAX_REASON = 2000;

/** The party form → the party record registerParty takes. */
export function partyFromForm(v: FormValues): Result<Party> {
  const problems: Problem[] = [];
  const reg = v.registrationNumber ?? '';
  if (reg === '') problems.push(required('registrationNumber'));
  else if (reg.length > 40) problems.push(tooLong('registrationNumber', 40));
  else if (/[/\\?#%]/.test(reg))
    problems.push(
      problem('commission.bad_registration_number', 'registrationNumber: no / \\ ? # or %.', {
        field: 'registrationNumber',
      }),
    );
  for (const f of ['nameKy', 'nameRu', 'nameEn', 'shortNameKy', 'shortNameRu', 'shortNameEn'])
    checkText(v, f, problems, { required: f === 'nameKy' || f === 'nameRu' });
  for (const f of ['leader', 'address', 'phone', 'website']) checkText(v, f, problems);
  checkDate(v, 'foundedOn', problems, { required: false });
  const website = v.website ?? '';
  if (website !== '' && !/^https?:\/\/[^\s]+$/i.test(website))
    problems.push(
      problem('commission.bad_url', 'website: an address starting with http:// or https://.', { field: 'website' }),
    );
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
  if (!status)
    problems.push(
      problem('commission.bad_choice', 'participationStatus: choose one.', { field: 'participationStatus' }),
    );
  checkDate(v, 'statusDate', problems);
  checkText(v, 'statusReason', problems, { required: true, max: MAX_REASON });
  if (problems.length > 0 || !status) return err(problems);
  return ok({ status, date: v.statusDate ?? '', reason: v.statusReason ?? '' });
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
