// Who a donor or a payee is, across the lines of many reports: one stable public identifier per
// person or organisation. A line with a PIN or an INN is known by that number; the identifier is a
// keyed hash of it (HMAC-SHA-256), so the same number gives the same identifier however the name was
// spelled, and nobody without the key can go from an identifier back to a number by trying every
// possible PIN (there are few enough of them to try them all against a plain hash). A line without a
// number is known only by its name, folded across scripts and spellings, and marked as such, since two
// people may share a name.
//
// The PIN of a person never leaves this function: what comes out is the identifier, the basis, and
// an organisation's INN where the law makes it public (it is in the company register).
import { createHmac } from 'node:crypto';
import { publicIdentifier } from '../../domain/pin-masking.ts';
import { normalisedName } from '../../domain/transliteration.ts';

/** How a donor or payee was recognised: by its identification number, or by its name alone. */
export type IdentityBasis = 'number' | 'name';

export interface Identity {
  /** The public identifier: 24 lower-case hex digits, the same on every page, API answer and download. */
  id: string;
  basis: IdentityBasis;
  /** A legal entity's INN, public; null for a person and for a line without one. */
  inn: string | null;
}

/** What a receipt line tells of its donor. The PIN is read here and nowhere after. */
export interface DonorFacts {
  donorType: string;
  name: string;
  pin: string | null;
  inn: string | null;
}

/** What an expenditure line tells of its payee. */
export interface PayeeFacts {
  name: string;
  inn: string | null;
}

/** Bytes of the hash kept in the identifier: 96 bits, far beyond any collision among a country's donors. */
const ID_BYTES = 12;

/** Only the digits: a number written with spaces, hyphens or dots is the same number. */
export function digitsOf(value: string | null | undefined): string {
  return (value ?? '').normalize('NFKC').replace(/\D/g, '');
}

export { normalisedName };

/** A keyed identifier maker; the key is the installation's secret and never shown. */
export function identifierOf(key: Uint8Array, basis: IdentityBasis, value: string): string {
  // The basis is part of what is hashed, so a name that happens to be digits never meets a number.
  return createHmac('sha256', key)
    .update(`${basis}:${value}`)
    .digest('hex')
    .slice(0, ID_BYTES * 2);
}

/** A 14-digit number, or nothing: a shorter or longer run of digits is not an identification number. */
const numberOf = (value: string | null | undefined): string | undefined => {
  const d = digitsOf(value);
  return d.length === 14 ? d : undefined;
};

function identityOf(key: Uint8Array, name: string, number: string | undefined, publicInn: string | null): Identity {
  if (number !== undefined) return { id: identifierOf(key, 'number', number), basis: 'number', inn: publicInn };
  return { id: identifierOf(key, 'name', normalisedName(name)), basis: 'name', inn: null };
}

/**
 * A donor's identity. A person is known by the PIN (or by an INN, which for a person is the same
 * number); an organisation by its INN, which is shown. A person's number is never shown, even when the
 * filer put it in the INN field: `publicIdentifier` withholds any number shaped like a PIN.
 */
export function donorIdentity(key: Uint8Array, d: DonorFacts): Identity {
  const entity = d.donorType === 'legal_entity';
  const number = entity ? (numberOf(d.inn) ?? numberOf(d.pin)) : (numberOf(d.pin) ?? numberOf(d.inn));
  const inn = entity && number !== undefined && number === numberOf(d.inn) ? publicIdentifier(number) : null;
  return identityOf(key, d.name, number, inn);
}

/**
 * A payee's identity, by its INN. A sole trader's INN is their PIN, so an INN shaped like a PIN is
 * used for grouping and never shown.
 */
export function payeeIdentity(key: Uint8Array, p: PayeeFacts): Identity {
  const number = numberOf(p.inn);
  return identityOf(key, p.name, number, number !== undefined ? publicIdentifier(number) : null);
}

/** Whether text is shaped like an identifier this module makes (for addresses that take one). */
export const isIdentifier = (s: string): boolean => new RegExp(`^[0-9a-f]{${ID_BYTES * 2}}$`).test(s);
