// The verification code printed on a certificate: `TC-XXXX-XXXX-XXXX`, twelve characters of Crockford's
// base32 (no I, L, O or U, so nothing is misread) from 55 random bits and a check character, so that a
// mistyped code is told apart from an unknown one without asking the database.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'TC';

function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += ALPHABET.indexOf(body.charAt(i)) * (i + 1);
  return ALPHABET.charAt(sum % 32);
}

const grouped = (s: string) => `${PREFIX}-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;

/** A code from at least 11 random bytes (only 5 bits of each are used). */
export function certificateCode(random: Uint8Array): string {
  if (random.length < 11) throw new Error('a certificate code needs 11 random bytes');
  let body = '';
  for (let i = 0; i < 11; i++) body += ALPHABET.charAt((random[i] ?? 0) % 32);
  return grouped(body + checkChar(body));
}

/**
 * A code as someone typed it, in the printed form: case, spaces and dashes do not matter and the letters
 * people confuse with digits are read as those digits. `undefined`: not a certificate code at all.
 */
export function normaliseCertificateCode(typed: string): string | undefined {
  let s = typed.toUpperCase().replace(/[\s-]/g, '');
  if (s.startsWith(PREFIX)) s = s.slice(PREFIX.length);
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(s)) return undefined;
  const body = s.slice(0, 11);
  return s.slice(11) === checkChar(body) ? grouped(s) : undefined;
}
