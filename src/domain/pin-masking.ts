// Personal identification numbers (PIN, ЖИН: 14 digits) written into free text — a payment's purpose, a
// counterparty's name, a line's description — are masked before the text reaches a public page, an API
// answer or a download. Pure: every public output of such text calls `maskPins` on its way out.
//
// What counts as a PIN, when in doubt masking (a hidden digit in a purpose costs little, a published PIN
// cannot be taken back):
// - a number of 14 digits, whatever its first digit: in free text a person's PIN and an organisation's
//   INN cannot be told apart (an INN is published from the fields meant for it, see `publicIdentifier`);
// - also when written in groups joined by spaces, dots or hyphens (any number of groups of any sizes,
//   invisible characters such as a zero-width space included): every run of consecutive groups of such a
//   number that adds up to 14 digits is masked, so a number joined to a PIN by a space cannot hide it;
// - after a personal-number label (ПИН, PIN, ЖИН), the number that follows, whatever its length: a
//   mistyped PIN is still one.
// What is kept:
// - an unbroken run of 15 or more digits: some other number (Kyrgyz bank accounts have 16 digits, IBANs
//   and references more); masking the 14-digit stretches of every such number would hide every account;
// - grouped numbers in which no consecutive groups add up to 14 digits: amounts (`1 500 000,00`), phone
//   numbers, accounts in groups of four (`1240 0000 0000 0001`);
// - numbers made of calendar dates only (`15.09.2020`, a period `01.09.2020-30.09.2020`, `2020-09-30`);
// - an IBAN whose check digits are right (`DE89 3704 0044 0532 0130 00`).
// Known false positives, accepted: a date or amount joined by a space to other digits so that groups add
// up to 14 (`15.09.2020 150000`) is masked. Digits of any script count as digits.

const MASK = '•';
const DIGIT = /\p{Nd}/u;
const GROUPS = /\p{Nd}+/gu;
/** Between two groups of one number: spaces (any), at most one dot or hyphen, invisible characters. */
const SEPARATOR =
  /^[\s\u00ad\u200b-\u200d\u2060\ufeff]*[.\-\u2010-\u2015\u2212]?[\s\u00ad\u200b-\u200d\u2060\ufeff]*$/u;
/** A personal-number label right before a number: `ПИН 2040…`, `PIN:2040…`, `ЖИН №2040…`. */
const LABEL = /(?<![\p{L}\p{Nd}])(?:ПИН|PIN|ЖИН)(?!\p{L})[^\p{L}\p{Nd}]{0,5}$/iu;
const DATE = /(?<!\p{Nd})(?:(\d{2})([.\-/])(\d{2})\2(\d{4})|(\d{4})([.\-/])(\d{2})\6(\d{2}))(?!\p{Nd})/gu;
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])/g;

interface Group {
  start: number;
  end: number;
  digits: number;
}

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

function isDate(day: number, month: number, year: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1900 && year <= 2100;
}

/** Spans [start, end) of valid calendar dates. */
function dateSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(DATE)) {
    const [d, mo, y] = m[1] !== undefined ? [m[1], m[3], m[4]] : [m[8], m[7], m[5]];
    if (isDate(Number(d), Number(mo), Number(y))) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, '');
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** Spans of IBANs with right check digits: kept whole. */
function ibanSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(IBAN)) if (ibanValid(m[0])) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const within = (g: Group, spans: ReadonlyArray<[number, number]>): boolean =>
  spans.some(([a, b]) => g.start >= a && g.end <= b);

/** The numbers of a text: groups of digits, chained where a separator joins them. */
function numbersOf(text: string): Group[][] {
  const numbers: Group[][] = [];
  let current: Group[] = [];
  for (const m of text.matchAll(GROUPS)) {
    const g: Group = { start: m.index, end: m.index + m[0].length, digits: codePoints(m[0]) };
    const last = current.at(-1);
    if (last && SEPARATOR.test(text.slice(last.end, g.start))) current.push(g);
    else {
      if (current.length > 0) numbers.push(current);
      current = [g];
    }
  }
  if (current.length > 0) numbers.push(current);
  return numbers;
}

/** The groups of one number to mask. */
function maskedGroups(
  text: string,
  number: Group[],
  dates: ReadonlyArray<[number, number]>,
  ibans: ReadonlyArray<[number, number]>,
): Group[] {
  const first = number[0];
  if (first && LABEL.test(text.slice(Math.max(0, first.start - 12), first.start))) return number;
  if (number.every((g) => within(g, dates)) || number.every((g) => within(g, ibans))) return [];
  const masked = new Set<Group>();
  for (let i = 0; i < number.length; i++) {
    let n = 0;
    for (let j = i; j < number.length && n < 14; j++) {
      n += number[j]?.digits ?? 0;
      if (n === 14) for (let k = i; k <= j; k++) masked.add(number[k] as Group);
    }
  }
  return [...masked];
}

/** The text with every PIN-shaped number's digits replaced by bullets (separators kept). */
export function maskPins<T extends string | null | undefined>(text: T): T {
  if (!text || !DIGIT.test(text)) return text;
  const dates = dateSpans(text);
  const ibans = ibanSpans(text);
  const toMask = numbersOf(text)
    .flatMap((n) => maskedGroups(text, n, dates, ibans))
    .sort((a, b) => a.start - b.start);
  if (toMask.length === 0) return text;
  let out = '';
  let at = 0;
  for (const g of toMask) {
    out += text.slice(at, g.start) + MASK.repeat(g.digits);
    at = g.end;
  }
  return (out + text.slice(at)) as T;
}

const PERSONAL = /^[12]/;

/**
 * A counterparty's or payer's identifier as the public may see it: an organisation's INN (14 digits not
 * starting with 1 or 2, whatever is written around them) is shown as its digits; a person's PIN (starting
 * with 1 or 2, or labelled as a PIN) is withheld; anything else is free text, masked by `maskPins`.
 */
export function publicIdentifier(id: string | null | undefined): string | null {
  if (!id) return null;
  const digits = [...id].filter((c) => DIGIT.test(c)).join('');
  const ascii = digits.normalize('NFKC');
  if (codePoints(digits) === 14) {
    return PERSONAL.test(ascii) || /(?<!\p{L})(?:ПИН|PIN|ЖИН)(?!\p{L})/iu.test(id) || !/^\d{14}$/.test(ascii)
      ? null
      : ascii;
  }
  return maskPins(id);
}
