// Identity numbers of the Kyrgyz Republic: the personal PIN (ПИН / ЖИН) of a person and the INN (ИНН / ИСН)
// of a legal entity, checked for format only. Whether a number belongs to someone is a registry question
// (Tunduk / X-Road), not this module's.
//
// The PIN structure is known only from secondary sources (domain notes §7, "[?]"): digit 1 = sex
// (1 female, 2 male), digits 2–9 = date of birth DDMMYYYY, digits 10–14 = serial, no known check digit.
// So a PIN whose first digit is neither 1 nor 2 is "unverified" (we cannot read it, it may still be
// real, e.g. a number issued to a foreigner), never "invalid".

export type IdentityNumberInvalidReason = 'length' | 'not_digits' | 'date_not_real' | 'date_in_future';
export type IdentityNumberUnverifiedReason = 'unknown_prefix';

export type PinCheck =
  | { status: 'valid'; sex: 'female' | 'male'; birthDate: string }
  | { status: 'unverified'; reason: IdentityNumberUnverifiedReason }
  | { status: 'invalid'; reason: IdentityNumberInvalidReason };

export type InnCheck = { status: 'valid' } | { status: 'invalid'; reason: 'length' | 'not_digits' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a PIN. `today` (ISO date) is passed in, so that the check is pure and testable. */
export function checkPin(pin: string, today: string): PinCheck {
  if (!ISO_DATE.test(today)) throw new RangeError(`today is not an ISO date: ${today}`);
  // Length first: "123" is better explained as too short than as "not digits".
  if (pin.length !== 14) return { status: 'invalid', reason: /^\d*$/.test(pin) ? 'length' : 'not_digits' };
  if (!/^\d{14}$/.test(pin)) return { status: 'invalid', reason: 'not_digits' };
  const first = pin[0];
  if (first !== '1' && first !== '2') return { status: 'unverified', reason: 'unknown_prefix' };
  const day = Number(pin.slice(1, 3));
  const month = Number(pin.slice(3, 5));
  const year = Number(pin.slice(5, 9));
  if (!isRealDate(year, month, day)) return { status: 'invalid', reason: 'date_not_real' };
  const birthDate = `${pin.slice(5, 9)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`;
  // ISO dates compare correctly as strings.
  if (birthDate > today) return { status: 'invalid', reason: 'date_in_future' };
  return { status: 'valid', sex: first === '1' ? 'female' : 'male', birthDate };
}

/** Checks the format of an INN (14 digits); its structure is not published, so nothing more is checked. */
export function checkInn(inn: string): InnCheck {
  if (!/^\d*$/.test(inn)) return { status: 'invalid', reason: 'not_digits' };
  if (inn.length !== 14) return { status: 'invalid', reason: 'length' };
  return { status: 'valid' };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Computed, not via Date: Date maps years 0–99 to 1900–1999.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}
