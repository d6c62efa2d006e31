// One row of the voter list the commission loads:
// pin,surname,given_name,patronymic,birth_date,station_number,biometric_registered[,death_date]
// A row is refused for a PIN that cannot be a PIN, a day that is not a day, or a station the commission
// has not published; the rest of the file is still taken.
import { checkPin } from '../../domain/identity-numbers.ts';
import { searchKey } from '../../domain/transliteration.ts';
import { err, ok, problem, type Result } from '../../platform/result.ts';
import { cell, isIsoDay, type ColumnIndex } from './csv-columns.ts';

export const VOTER_COLUMNS = [
  'pin',
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'station_number',
  'biometric_registered',
] as const;
/** Known to the civil registry for some voters only. */
export const VOTER_OPTIONAL_COLUMNS = ['death_date'] as const;

/** `searchKey` remembered for up to `limit` surnames. */
export function memoFold(limit = 200_000): (surname: string) => string {
  const memo = new Map<string, string>();
  return (surname) => {
    let key = memo.get(surname);
    if (key === undefined) {
      if (memo.size >= limit) memo.clear();
      key = searchKey(surname);
      memo.set(surname, key);
    }
    return key;
  };
}

export interface VoterEntry {
  pin: string;
  surname: string;
  /** `searchKey(surname)`: the same for its Cyrillic and Latin spellings. */
  surnameKey: string;
  givenName: string;
  patronymic: string;
  birthDate: string;
  deathDate: string | null;
  stationNumber: string;
  biometricRegistered: boolean;
}

/**
 * `asOf` is the list's day: a PIN or birth day after it is refused. `hasStation` says whether a station
 * is published; `fold` makes the surname's key (an import passes a memo of `searchKey`, since a national
 * list has millions of rows and some thousands of surnames).
 */
export function parseVoterRow(
  cells: readonly string[],
  cols: ColumnIndex,
  line: number,
  asOf: string,
  hasStation: (n: string) => boolean,
  fold: (surname: string) => string = searchKey,
): Result<VoterEntry> {
  const pin = cell(cells, cols, 'pin');
  const pinCheck = checkPin(pin, asOf);
  if (pinCheck.status === 'invalid')
    return err([
      problem(`voter.pin_${pinCheck.reason}`, `PIN is not valid (${pinCheck.reason}).`, { row: line, field: 'pin' }),
    ]);
  const surname = cell(cells, cols, 'surname');
  const surnameKey = fold(surname);
  if (surnameKey === '')
    return err([problem('voter.surname', 'The surname is empty.', { row: line, field: 'surname' })]);
  const birthDate = cell(cells, cols, 'birth_date');
  if (!isIsoDay(birthDate) || birthDate > asOf)
    return err([
      problem('voter.birth_date', `Birth date "${birthDate}" is not a past day (YYYY-MM-DD).`, {
        row: line,
        field: 'birth_date',
      }),
    ]);
  const deathDate = cell(cells, cols, 'death_date');
  if (deathDate !== '' && !isIsoDay(deathDate))
    return err([
      problem('voter.death_date', `Death date "${deathDate}" is not a day (YYYY-MM-DD).`, {
        row: line,
        field: 'death_date',
      }),
    ]);
  const stationNumber = cell(cells, cols, 'station_number');
  if (!hasStation(stationNumber))
    return err([
      problem('voter.station', `Polling station "${stationNumber}" is not in the stations list.`, {
        row: line,
        field: 'station_number',
      }),
    ]);
  const bio = cell(cells, cols, 'biometric_registered');
  if (bio !== '0' && bio !== '1')
    return err([
      problem('voter.biometric', `biometric_registered must be 0 or 1, not "${bio}".`, {
        row: line,
        field: 'biometric_registered',
      }),
    ]);
  return ok({
    pin,
    surname,
    surnameKey,
    givenName: cell(cells, cols, 'given_name'),
    patronymic: cell(cells, cols, 'patronymic'),
    birthDate,
    deathDate: deathDate || null,
    stationNumber,
    biometricRegistered: bio === '1',
  });
}
