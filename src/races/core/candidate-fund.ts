// The number of a single-mandate candidate's electoral fund: what the candidate's treasurer files under
// and what the fund's reports are kept by, as a party's reports are kept by its registration number.
//
// It is made from the election, the district and the candidate's full name, not from a row id, because
// the commission's candidate file replaces the district's candidates on every import: the same person in
// the same district keeps the same fund, and so their treasurer and their filed reports. A corrected
// spelling of a name makes a new fund; the commission corrects names before funds report. Pure.
import { createHash } from 'node:crypto';
import type { DistrictCandidate } from './district.ts';

export type FundPerson = Pick<DistrictCandidate, 'districtCode' | 'lastName' | 'firstName' | 'patronymic'>;

/** Fund numbers start with this, so they are never mistaken for a party's registration number. */
export const FUND_NUMBER_PREFIX = 'FUND-';
export const FUND_NUMBER = /^FUND-[0-9A-F]{12}$/;

const folded = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('ru');

/** The fund number of `person` standing in `electionId`: `FUND-` and 12 hexadecimal digits. */
export function candidateFundNumber(electionId: string, person: FundPerson): string {
  const key = [electionId, person.districtCode, person.lastName, person.firstName, person.patronymic]
    .map(folded)
    .join('\u0000');
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 12).toUpperCase();
  return `${FUND_NUMBER_PREFIX}${digest}`;
}

export const isFundNumber = (s: string): boolean => FUND_NUMBER.test(s);
