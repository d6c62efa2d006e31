// The four registry snapshot files (UTF-8, header row, comma-separated, money in integer tyiyn, dates
// YYYY-MM-DD or empty): persons.csv, entities.csv, arrears.csv and state_bodies.csv. Pure: text in,
// records and row-level problems out (line number, column, reason), so that one bad row is reported and
// skipped rather than refusing a registry of millions. Only a wrong header refuses the whole file. The
// row parsers are exported on their own for an importer that streams the file in chunks.
import { z } from 'zod';
import { tyiyn } from '../../domain/money.ts';
import { err, ok, problem, type Problem, type Result } from '../../platform/result.ts';
import {
  ARREAR_KINDS,
  type ArrearRecord,
  type EntityRecord,
  LEGAL_FORMS,
  type PersonRecord,
  type RegistryKind,
  STATE_BODY_KINDS,
  type StateBodyRecord,
} from './registry.ts';

export const REGISTRY_HEADERS: Record<RegistryKind, readonly string[]> = {
  persons: ['pin', 'surname', 'given_name', 'patronymic', 'birth_date', 'citizenship', 'death_date'],
  entities: [
    'inn',
    'name',
    'legal_form',
    'registered_on',
    'liquidated_on',
    'foreign_share_pct',
    'state_share_pct',
    'has_tax_preferences',
    'registered_capital',
  ],
  arrears: ['identifier', 'kind', 'amount', 'as_of'],
  'state-bodies': ['inn', 'name', 'kind'],
};

/** The file each registry comes in. */
export const REGISTRY_FILES: Record<RegistryKind, string> = {
  persons: 'persons.csv',
  entities: 'entities.csv',
  arrears: 'arrears.csv',
  'state-bodies': 'state_bodies.csv',
};

// ------------------------------------------------------------------------------------------- CSV text

export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  fields: string[];
}

/**
 * The rows of RFC 4180 text: quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF
 * both end a row; blank lines are skipped; a byte-order mark is dropped.
 */
export function* csvRows(text: string): Generator<CsvRow> {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = (): CsvRow | undefined => {
    fields.push(field);
    const row = fields.length === 1 && fields[0] === '' ? undefined : { line: rowLine, fields };
    fields = [];
    field = '';
    return row;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (quoted) {
      if (ch !== '"') {
        if (ch === '\n') line++;
        field += ch;
      } else if (s[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      const row = endRow();
      if (row) yield row;
      line++;
      rowLine = line;
    } else field += ch;
  }
  const last = endRow();
  if (last) yield last;
}

// ------------------------------------------------------------------------------------------- rows

const identityNumber = z.string().regex(/^\d{14}$/, '14 digits expected');
const day = z.iso.date('a date YYYY-MM-DD expected');
const optionalDay = z.union([z.literal('').transform(() => null), day]);
const required = z.string().trim().min(1, 'required');
const percent = z
  .string()
  .regex(/^\d{1,3}(\.\d+)?$/, 'a percentage 0–100 expected')
  .transform(Number)
  .refine((n) => n <= 100, 'a percentage 0–100 expected');
const tyiynAmount = z
  .string()
  .regex(/^\d{1,16}$/, 'an amount in integer tyiyn expected')
  .transform((s) => tyiyn(Number(s)));

const personRow = z
  .object({
    pin: identityNumber,
    surname: required,
    given_name: required,
    patronymic: z.string().trim(),
    birth_date: day,
    citizenship: z.string().regex(/^(?:[A-Z]{3}|STATELESS)$/, 'ISO 3166-1 alpha-3 or STATELESS expected'),
    death_date: optionalDay,
  })
  .refine((r) => r.death_date === null || r.death_date >= r.birth_date, {
    path: ['death_date'],
    message: 'before the birth date',
  })
  .transform((r): PersonRecord => ({
    pin: r.pin,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic === '' ? null : r.patronymic,
    birthDate: r.birth_date,
    citizenship: r.citizenship,
    deathDate: r.death_date,
  }));

const entityRow = z
  .object({
    inn: identityNumber,
    name: required,
    legal_form: z.enum(LEGAL_FORMS, `one of ${LEGAL_FORMS.join(', ')} expected`),
    registered_on: day,
    liquidated_on: optionalDay,
    foreign_share_pct: percent,
    state_share_pct: percent,
    has_tax_preferences: z.enum(['0', '1'], '0 or 1 expected'),
    registered_capital: tyiynAmount,
  })
  .refine((r) => r.liquidated_on === null || r.liquidated_on >= r.registered_on, {
    path: ['liquidated_on'],
    message: 'before the registration date',
  })
  .transform((r): EntityRecord => ({
    inn: r.inn,
    name: r.name,
    legalForm: r.legal_form,
    registeredOn: r.registered_on,
    liquidatedOn: r.liquidated_on,
    foreignSharePct: r.foreign_share_pct,
    stateSharePct: r.state_share_pct,
    hasTaxPreferences: r.has_tax_preferences === '1',
    registeredCapital: r.registered_capital,
  }));

const arrearRow = z
  .object({
    identifier: identityNumber,
    kind: z.enum(ARREAR_KINDS, 'tax or social_fund expected'),
    amount: tyiynAmount,
    as_of: day,
  })
  .transform((r): ArrearRecord => ({ identifier: r.identifier, kind: r.kind, amount: r.amount, asOf: r.as_of }));

const stateBodyRow = z
  .object({
    inn: identityNumber,
    name: required,
    kind: z.enum(STATE_BODY_KINDS, `one of ${STATE_BODY_KINDS.join(', ')} expected`),
  })
  .transform((r): StateBodyRecord => r);

export interface RegistryRecords {
  persons: PersonRecord;
  entities: EntityRecord;
  arrears: ArrearRecord;
  'state-bodies': StateBodyRecord;
}

const ROW_SCHEMAS: { [K in RegistryKind]: z.ZodType<RegistryRecords[K]> } = {
  persons: personRow,
  entities: entityRow,
  arrears: arrearRow,
  'state-bodies': stateBodyRow,
};

/** One data row of a registry file: the record, or the problems of that row (line, column, reason). */
export function parseRegistryRow<K extends RegistryKind>(kind: K, row: CsvRow): Result<RegistryRecords[K], Problem[]> {
  const header = REGISTRY_HEADERS[kind];
  if (row.fields.length !== header.length) {
    return err([
      problem('registry.row.columns', `line ${row.line}: ${row.fields.length} columns, ${header.length} expected`, {
        row: row.line,
        params: { found: row.fields.length, expected: header.length },
      }),
    ]);
  }
  const raw = Object.fromEntries(header.map((h, i) => [h, row.fields[i] ?? '']));
  const parsed = ROW_SCHEMAS[kind].safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  return err(
    parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      return problem('registry.row.field', `line ${row.line}, ${field}: ${issue.message}`, {
        row: row.line,
        field,
        params: { reason: issue.message, value: raw[field] ?? '' },
      });
    }),
  );
}

/** Checks the header row of a registry file. */
export function checkRegistryHeader(kind: RegistryKind, row: CsvRow | undefined): Problem[] {
  const expected = REGISTRY_HEADERS[kind];
  const found = (row?.fields ?? []).map((f) => f.trim().toLowerCase());
  if (found.length === expected.length && found.every((f, i) => f === expected[i])) return [];
  return [
    problem('registry.header', `${REGISTRY_FILES[kind]}: the header must be ${expected.join(',')}`, {
      row: row?.line ?? 1,
      params: { expected: expected.join(','), found: found.join(',') },
    }),
  ];
}

export interface RegistryParse<T> {
  records: T[];
  /** Rows that were skipped, each with its line and reason. */
  rejected: Problem[];
}

/** A whole registry file: refused only when its header is wrong; bad rows are rejected one by one. */
export function parseRegistryCsv<K extends RegistryKind>(
  kind: K,
  text: string,
): Result<RegistryParse<RegistryRecords[K]>, Problem[]> {
  const rows = csvRows(text);
  const first = rows.next();
  const headerProblems = checkRegistryHeader(kind, first.done ? undefined : first.value);
  if (headerProblems.length > 0) return err(headerProblems);
  const records: RegistryRecords[K][] = [];
  const rejected: Problem[] = [];
  for (const row of rows) {
    const r = parseRegistryRow(kind, row);
    if (r.ok) records.push(r.value);
    else rejected.push(...r.error);
  }
  return ok({ records, rejected });
}
