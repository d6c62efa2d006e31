// The four registry CSV formats, one row at a time, as the import writes them: the header each file must
// start with, and for each data row either the values in the order of the table's columns or the reason
// it was rejected. Hand-written rather than a zod schema per row, because a national registry has
// millions of rows and the import must keep up with the disk.
import { ARREAR_KINDS, LEGAL_FORMS, REGISTRY_KINDS, STATE_BODY_KINDS, type RegistryKind } from './core/registry.ts';
import { REGISTRY_HEADERS } from './core/registry-csv.ts';

export { REGISTRY_HEADERS, REGISTRY_KINDS, type RegistryKind };

/** A value as stored: text, a number, or null for an empty optional field. */
export type Cell = string | number | null;

/** Why one row was rejected; `code` is stable and translatable. */
export interface RowRejection {
  code: string;
  field?: string;
  message: string;
}

export type RowOutcome = { ok: true; key: string; cells: Cell[] } | { ok: false; rejection: RowRejection };

const CITIZENSHIP = /^(?:[A-Z]{3}|STATELESS)$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const legalForms: ReadonlySet<string> = new Set(LEGAL_FORMS);
const arrearKinds: ReadonlySet<string> = new Set(ARREAR_KINDS);
const stateBodyKinds: ReadonlySet<string> = new Set(STATE_BODY_KINDS);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Character checks by code rather than regular expressions: these run for every field of millions of rows.
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function realDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

function allDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const reject = (code: string, field: string, message: string): RowOutcome => ({
  ok: false,
  rejection: { code, field, message },
});

class RowError extends Error {
  constructor(readonly rejection: RowRejection) {
    super(rejection.message);
  }
}

function fail(code: string, name: string, message: string): never {
  throw new RowError({ code, field: name, message });
}

/** Field readers that throw a RowError, caught once per row: keeps each format a flat list of fields. */
const f = {
  at(row: readonly string[], i: number): string {
    const v = row[i] ?? '';
    // Trimming allocates; most registry exports have no padding, so only padded fields pay for it.
    return v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
  },
  identity(row: readonly string[], i: number, name: string): string {
    const v = f.at(row, i);
    return v.length === 14 && allDigits(v) ? v : fail('identity.format', name, `${name} "${v}" is not 14 digits`);
  },
  text(row: readonly string[], i: number, name: string): string {
    const v = f.at(row, i);
    return v !== '' ? v : fail('text.empty', name, `${name} is empty`);
  },
  optionalText(row: readonly string[], i: number): string | null {
    const v = f.at(row, i);
    return v === '' ? null : v;
  },
  date(row: readonly string[], i: number, name: string): string {
    const v = f.at(row, i);
    return realDate(v) ? v : fail('date.invalid', name, `${name} "${v}" is not a real YYYY-MM-DD date`);
  },
  optionalDate(row: readonly string[], i: number, name: string): string | null {
    const v = f.at(row, i);
    if (v === '') return null;
    return realDate(v) ? v : fail('date.invalid', name, `${name} "${v}" is not a real YYYY-MM-DD date`);
  },
  /** An optional day that ends what began on `since` (the `sinceName` field), so it may not come before it. */
  optionalDateFrom(
    row: readonly string[],
    i: number,
    name: string,
    since: { day: string; name: string; code: string },
  ): string | null {
    const v = f.optionalDate(row, i, name);
    return v !== null && v < since.day ? fail(since.code, name, `${name} is before ${since.name}`) : v;
  },
  oneOf(row: readonly string[], i: number, name: string, allowed: ReadonlySet<string>): string {
    const v = f.at(row, i);
    return allowed.has(v) ? v : fail('value.unknown', name, `${name} "${v}" is not one of ${[...allowed].join(', ')}`);
  },
  percent(row: readonly string[], i: number, name: string): number {
    const v = f.at(row, i);
    const n = DECIMAL.test(v) ? Number(v) : NaN;
    return n >= 0 && n <= 100 ? n : fail('percent.invalid', name, `${name} "${v}" is not a percentage 0–100`);
  },
  flag(row: readonly string[], i: number, name: string): number {
    const v = f.at(row, i);
    return v === '0' || v === '1' ? Number(v) : fail('flag.invalid', name, `${name} "${v}" is not 0 or 1`);
  },
  tyiyn(row: readonly string[], i: number, name: string): number {
    const v = f.at(row, i);
    const n = allDigits(v) ? Number(v) : NaN;
    return Number.isSafeInteger(n) ? n : fail('amount.invalid', name, `${name} "${v}" is not a whole number of tyiyn`);
  },
};

type Mapper = (row: readonly string[]) => { key: string; cells: Cell[] };

const MAPPERS: Record<RegistryKind, Mapper> = {
  persons(row) {
    const pin = f.identity(row, 0, 'pin');
    const birth = f.date(row, 4, 'birth_date');
    const citizenship = f.text(row, 5, 'citizenship');
    if (!CITIZENSHIP.test(citizenship)) {
      fail(
        'citizenship.invalid',
        'citizenship',
        `citizenship "${citizenship}" is not an ISO 3166-1 alpha-3 code or STATELESS`,
      );
    }
    const death = f.optionalDateFrom(row, 6, 'death_date', {
      day: birth,
      name: 'birth_date',
      code: 'death_date.before_birth',
    });
    return {
      key: pin,
      cells: [
        pin,
        f.text(row, 1, 'surname'),
        f.text(row, 2, 'given_name'),
        f.optionalText(row, 3),
        birth,
        citizenship,
        death,
      ],
    };
  },
  entities(row) {
    const inn = f.identity(row, 0, 'inn');
    const registered = f.date(row, 3, 'registered_on');
    const liquidated = f.optionalDateFrom(row, 4, 'liquidated_on', {
      day: registered,
      name: 'registered_on',
      code: 'liquidated_on.before_registration',
    });
    return {
      key: inn,
      cells: [
        inn,
        f.text(row, 1, 'name'),
        f.oneOf(row, 2, 'legal_form', legalForms),
        registered,
        liquidated,
        f.percent(row, 5, 'foreign_share_pct'),
        f.percent(row, 6, 'state_share_pct'),
        f.flag(row, 7, 'has_tax_preferences'),
        f.tyiyn(row, 8, 'registered_capital'),
      ],
    };
  },
  arrears(row) {
    const identifier = f.identity(row, 0, 'identifier');
    return {
      key: identifier,
      cells: [identifier, f.oneOf(row, 1, 'kind', arrearKinds), f.tyiyn(row, 2, 'amount'), f.date(row, 3, 'as_of')],
    };
  },
  'state-bodies'(row) {
    const inn = f.identity(row, 0, 'inn');
    return { key: inn, cells: [inn, f.text(row, 1, 'name'), f.oneOf(row, 2, 'kind', stateBodyKinds)] };
  },
};

/** Maps one data row of a `kind` file; the key is the PIN or INN the row is about. */
export function mapRegistryRow(kind: RegistryKind, row: readonly string[]): RowOutcome {
  if (row.length !== REGISTRY_HEADERS[kind].length) {
    const expected = REGISTRY_HEADERS[kind].length;
    return reject('row.field_count', '', `${row.length} fields where the header has ${expected}`);
  }
  try {
    return { ok: true, ...MAPPERS[kind](row) };
  } catch (e) {
    if (e instanceof RowError) return { ok: false, rejection: e.rejection };
    throw e;
  }
}

/** Null when the header is the expected one, otherwise what is wrong with it. */
export function checkRegistryHeader(kind: RegistryKind, header: readonly string[]): string | null {
  const expected = REGISTRY_HEADERS[kind];
  const got = header.map((h) => h.trim());
  if (got.length === expected.length && got.every((h, i) => h === expected[i])) return null;
  return `the header must be "${expected.join(',')}", not "${got.join(',')}"`;
}
