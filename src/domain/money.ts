// Money: an integer number of tyiyn (1 som = 100 tyiyn). The only module that does money arithmetic.

declare const tyiynBrand: unique symbol;
/** An amount in tyiyn, always an integer; never a float of som. */
export type Tyiyn = number & { readonly [tyiynBrand]: true };

export function tyiyn(n: number): Tyiyn {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer amount of tyiyn: ${n}`);
  return n as Tyiyn;
}

export const som = (n: number): Tyiyn => tyiyn(Math.round(n * 100));
export const ZERO = 0 as Tyiyn;

export function add(...xs: Tyiyn[]): Tyiyn {
  let s = 0;
  for (const x of xs) s += x;
  return tyiyn(s);
}
export const sub = (a: Tyiyn, b: Tyiyn): Tyiyn => tyiyn(a - b);
export const sum = (xs: Iterable<Tyiyn>): Tyiyn => add(...xs);

/**
 * Parses a decimal string ("1234.56", "-0.5", "15000,") into tyiyn exactly, without floats.
 * Returns undefined when the text is not a plain decimal or has more than 2 decimals of non-zero.
 */
export function parseSom(text: string): Tyiyn | undefined {
  const m = /^\s*([+-]?)(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!m) return undefined;
  const frac = (m[3] ?? '').padEnd(2, '0');
  if (/[1-9]/.test(frac.slice(2))) return undefined;
  const n = Number(m[2]) * 100 + Number(frac.slice(0, 2));
  if (!Number.isSafeInteger(n)) return undefined;
  return tyiyn(m[1] === '-' ? -n : n);
}

/** "1234.56" — a plain decimal string for APIs and downloads. */
export function toDecimalString(t: Tyiyn): string {
  const neg = t < 0;
  const a = Math.abs(t);
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Locale-formatted som for pages: "1 234,56 сом". */
export function formatSom(t: Tyiyn, locale: string): string {
  const f = new Intl.NumberFormat(locale === 'ky' ? 'ky-KG' : locale === 'ru' ? 'ru-RU' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const unit = locale === 'en' ? 'KGS' : 'сом';
  return `${f.format(t / 100)} ${unit}`;
}
