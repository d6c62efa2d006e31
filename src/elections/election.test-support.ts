// An `elections` row as the elections capability writes it, for tests of other capabilities that only
// need an election to exist (named by its id, on the given day) without going through its service.
const WRITTEN_AT = '2030-01-01T00:00:00.000Z';

export const electionRow = (id: string, day: string) => ({
  id,
  kind: 'parliamentary',
  name_ky: id,
  name_ru: id,
  name_en: id,
  election_day: day,
  called_on: day,
  campaign_start: day,
  campaign_end: day,
  seats: 90,
  threshold_bp: 500,
  status: 'campaign',
  rules_profile_id: 'kg-2021-parliament',
  synthetic: 1,
  created_at: WRITTEN_AT,
  updated_at: WRITTEN_AT,
});
