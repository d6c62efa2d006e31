// The columns of a candidate-list file: what the commission imports, and (without the PIN) what a
// download of the list gives back, so that a downloaded list can be read by the same tools.

/** Column names of the import file; the same names are used in the CSV download. */
export const CANDIDATE_IMPORT_COLUMNS = [
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
  'pin',
] as const;
