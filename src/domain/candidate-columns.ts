// The columns of a candidate-list file: what the commission imports, and (without the PIN) what a
// download of the list gives back, so that a downloaded list can be read by the same tools.

/** The columns that describe a candidate on a list: every one of them may be published. */
export const CANDIDATE_PUBLIC_PERSON_COLUMNS = [
  'list_position',
  'name_ky',
  'name_ru',
  'name_latin',
  'birth_date',
  'sex',
  'occupation',
  'place_of_residence',
  'ethnic_minority',
  'disability',
] as const;

/** Column names of the import file; the same names are used in the CSV download. */
export const CANDIDATE_IMPORT_COLUMNS = [...CANDIDATE_PUBLIC_PERSON_COLUMNS, 'pin'] as const;
