import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exampleFiling } from './filing-examples.ts';
import {
  FILING_JSON_SCHEMA_ID,
  MAX_LINE_AMOUNT_TYIYN,
  donorTypeSchema,
  expenditureCategorySchema,
  filingJsonSchema,
  filingSchema,
  receiptChannelSchema,
  refundKindSchema,
  refundReasonSchema,
  reportKindSchema,
} from './filing.ts';
import {
  EXPENDITURE_GROUPS,
  RECEIPT_CATEGORIES,
  donorTypeLabels,
  expenditureCategoryGroups,
  expenditureCategoryLabels,
  expenditureGroupLabels,
  expenditureGroupOf,
  fieldLabel,
  receiptCategoryLabels,
  receiptCategoryOf,
  receiptChannelLabels,
  refundKindLabels,
  refundReasonLabels,
  reportKindLabels,
} from './filing-labels.ts';
import type { Localized } from '../../domain/election.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const asJson = (x: unknown): Json => JSON.parse(JSON.stringify(x)) as Json;

/*
 * A tiny validator for the subset of JSON Schema 2020-12 that z.toJSONSchema emits for this schema. No ajv is
 * installed; this is enough to check that the published schema accepts and rejects what zod does. It throws on
 * any keyword it does not know, so that a change in the generated schema cannot pass unnoticed.
 */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'format']);
function jsonSchemaAccepts(schema: Record<string, Json>, value: Json): boolean {
  for (const [kw, arg] of Object.entries(schema)) {
    if (ANNOTATIONS.has(kw)) continue;
    switch (kw) {
      case 'type': {
        const types = Array.isArray(arg) ? arg : [arg];
        const actual =
          value === null
            ? 'null'
            : Array.isArray(value)
              ? 'array'
              : typeof value === 'number'
                ? Number.isInteger(value)
                  ? 'integer'
                  : 'number'
                : typeof value;
        if (!types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) return false;
        break;
      }
      case 'properties':
        if (isObject(value)) {
          for (const [k, sub] of Object.entries(arg as Record<string, Record<string, Json>>)) {
            if (k in value && !jsonSchemaAccepts(sub, value[k] as Json)) return false;
          }
        }
        break;
      case 'required':
        if (isObject(value) && !(arg as string[]).every((k) => k in value)) return false;
        break;
      case 'additionalProperties':
        if (isObject(value)) {
          const known = Object.keys((schema.properties ?? {}) as object);
          for (const k of Object.keys(value)) {
            if (known.includes(k)) continue;
            if (arg === false) return false;
            if (typeof arg === 'object' && !jsonSchemaAccepts(arg as Record<string, Json>, value[k] as Json))
              return false;
          }
        }
        break;
      case 'items':
        if (Array.isArray(value) && !value.every((v) => jsonSchemaAccepts(arg as Record<string, Json>, v)))
          return false;
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > (arg as number)) return false;
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (arg as number)) return false;
        break;
      case 'enum':
        if (!(arg as Json[]).some((e) => e === value)) return false;
        break;
      case 'const':
        if (arg !== value) return false;
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) return false;
        break;
      // JSON Schema counts code points, not UTF-16 units.
      case 'minLength':
        if (typeof value === 'string' && [...value].length < (arg as number)) return false;
        break;
      case 'maxLength':
        if (typeof value === 'string' && [...value].length > (arg as number)) return false;
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (arg as number)) return false;
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (arg as number)) return false;
        break;
      case 'exclusiveMinimum':
        if (typeof value === 'number' && value <= (arg as number)) return false;
        break;
      case 'exclusiveMaximum':
        if (typeof value === 'number' && value >= (arg as number)) return false;
        break;
      default:
        throw new Error(`the tiny JSON Schema checker does not know the keyword ${kw}`);
    }
  }
  return true;
}
const isObject = (v: Json): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keywords of the JSON Schema 2020-12 vocabularies (core, applicator, validation, meta-data, format). */
const DRAFT_2020_12_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$vocabulary',
  '$comment',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'prefixItems',
  'items',
  'contains',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'format',
]);

/** Walks schema positions only (not the names inside `properties`), checking each keyword and its value type. */
function metaCheck(schema: Json, path = '#'): string[] {
  if (typeof schema === 'boolean') return [];
  if (!isObject(schema)) return [`${path} is not a schema`];
  const errors: string[] = [];
  for (const [kw, arg] of Object.entries(schema)) {
    if (!DRAFT_2020_12_KEYWORDS.has(kw)) errors.push(`${path}: unknown keyword ${kw}`);
    if (kw === 'properties' || kw === '$defs') {
      if (!isObject(arg)) errors.push(`${path}/${kw} must be an object`);
      else for (const [k, sub] of Object.entries(arg)) errors.push(...metaCheck(sub, `${path}/${kw}/${k}`));
    } else if (kw === 'items' || kw === 'additionalProperties' || kw === 'not') {
      errors.push(...metaCheck(arg, `${path}/${kw}`));
    } else if (kw === 'required' && !(Array.isArray(arg) && arg.every((x) => typeof x === 'string'))) {
      errors.push(`${path}/required must be a list of names`);
    } else if (kw === 'pattern') {
      try {
        new RegExp(arg as string, 'u');
      } catch {
        errors.push(`${path}/pattern is not a regular expression`);
      }
    } else if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].includes(kw) && typeof arg !== 'number') {
      errors.push(`${path}/${kw} must be a number`);
    } else if (
      ['minLength', 'maxLength', 'minItems', 'maxItems'].includes(kw) &&
      !(Number.isInteger(arg) && (arg as number) >= 0)
    ) {
      errors.push(`${path}/${kw} must be a non-negative integer`);
    }
  }
  return errors;
}

describe('filing schema', () => {
  it('accepts the example filing and keeps it unchanged', () => {
    const f = exampleFiling();
    const parsed = filingSchema.parse(asJson(f));
    expect(parsed).toEqual(f);
  });

  it('accepts a filing with empty sections', () => {
    const f = asJson({ ...exampleFiling(), receipts: [], expenditures: [], refunds: [], attachments: [] });
    expect(filingSchema.safeParse(f).success).toBe(true);
  });

  it('refuses non-integer, zero and too large amounts', () => {
    for (const amount of [1.5, 0, -1, MAX_LINE_AMOUNT_TYIYN + 1, '100']) {
      const f = asJson(exampleFiling()) as { receipts: { amount: Json }[] };
      f.receipts[0]!.amount = amount;
      expect(filingSchema.safeParse(f).success, String(amount)).toBe(false);
    }
  });

  it('refuses unknown fields, so that a misspelt optional field is not silently lost', () => {
    const f = asJson(exampleFiling()) as { receipts: Record<string, Json>[] };
    f.receipts[1]!.donorPIN = f.receipts[1]!.donorPin!;
    expect(filingSchema.safeParse(f).success).toBe(false);
  });
});

describe('filingJsonSchema', () => {
  const schema = asJson(filingJsonSchema()) as Record<string, Json>;

  it('is a draft 2020-12 JSON Schema with the published $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(FILING_JSON_SCHEMA_ID);
    expect(schema.type).toBe('object');
    expect(metaCheck(schema)).toEqual([]);
    // Pure JSON: nothing lost by serialising it.
    expect(JSON.parse(JSON.stringify(filingJsonSchema()))).toEqual(filingJsonSchema());
  });

  it('documents amounts as integers in tyiyn', () => {
    const receipt = ((schema.properties as Record<string, Json>).receipts as Record<string, Json>).items as Record<
      string,
      Json
    >;
    const amount = (receipt.properties as Record<string, Record<string, Json>>).amount!;
    expect(amount.type).toBe('integer');
    expect(amount.minimum).toBe(1);
    expect(String(amount.description)).toMatch(/tyiyn/);
  });

  const valid = asJson(exampleFiling());
  const mutate = (fn: (f: Record<string, Json>) => void): Json => {
    const f = structuredClone(valid) as Record<string, Json>;
    fn(f);
    return f;
  };
  const at = (f: Record<string, Json>, ...path: (string | number)[]) =>
    path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k] as Json, f) as Record<string, Json>;

  const examples: [string, Json][] = [
    ['the example', valid],
    ['no lines', mutate((f) => Object.assign(f, { receipts: [], expenditures: [], refunds: [], attachments: [] }))],
    ['wrong format', mutate((f) => (f.format = 'talapker-filing-v2'))],
    ['missing header', mutate((f) => delete f.header)],
    ['not an object', 'hello'],
    ['null', null],
    ['fractional amount', mutate((f) => (at(f, 'receipts', 0).amount = 10.5))],
    ['zero amount', mutate((f) => (at(f, 'expenditures', 0).amount = 0))],
    ['negative total', mutate((f) => (at(f, 'header', 'totals').refunds = -1))],
    ['negative balance', mutate((f) => (at(f, 'header').closingBalance = -5))],
    ['unknown report kind', mutate((f) => (at(f, 'header').reportKind = 'weekly'))],
    ['invalid date', mutate((f) => (at(f, 'receipts', 0).date = '2020-02-30'))],
    ['leap day', mutate((f) => (at(f, 'receipts', 0).date = '2020-02-29'))],
    ['non-leap day', mutate((f) => (at(f, 'receipts', 0).date = '2021-02-29'))],
    ['date with time', mutate((f) => (at(f, 'receipts', 0).date = '2020-09-05T10:00:00Z'))],
    ['short PIN', mutate((f) => (at(f, 'receipts', 1).donorPin = '123'))],
    ['PIN with letters', mutate((f) => (at(f, 'receipts', 1).donorPin = '2150319850012a'))],
    ['unknown donor type', mutate((f) => (at(f, 'receipts', 0).donorType = 'foreigner'))],
    ['empty line id', mutate((f) => (at(f, 'refunds', 0).lineId = ''))],
    ['long line id', mutate((f) => (at(f, 'refunds', 0).lineId = 'x'.repeat(65)))],
    ['extra field', mutate((f) => (at(f, 'expenditures', 1).vat = 12))],
    ['extra top-level field', mutate((f) => (f.comment = 'hi'))],
    ['upper-case sha256', mutate((f) => (at(f, 'attachments', 0).sha256 = 'A'.repeat(64)))],
    ['missing optional field', mutate((f) => delete at(f, 'receipts', 1).donorAddress)],
    ['missing required field', mutate((f) => delete at(f, 'expenditures', 1).documentNumber)],
    ['unsafe integer size', mutate((f) => (at(f, 'attachments', 0).size = 2 ** 53))],
    ['election id with capitals', mutate((f) => (at(f, 'header').electionId = 'KG-2020'))],
  ];

  it.each(examples)('agrees with zod: %s', (_name, input) => {
    expect(jsonSchemaAccepts(schema, input)).toBe(filingSchema.safeParse(input).success);
  });

  it('agrees with zod on random mutations of a valid filing (property)', () => {
    // Every path into the example, so that any field can be replaced, removed or given a neighbour.
    const paths: (string | number)[][] = [];
    (function walk(v: Json, p: (string | number)[]) {
      paths.push(p);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
      else if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
    })(valid, []);
    const interesting = fc.constantFrom<Json>(
      0,
      1,
      -1,
      1.5,
      2 ** 53,
      MAX_LINE_AMOUNT_TYIYN,
      MAX_LINE_AMOUNT_TYIYN + 1,
      '',
      'x',
      'x'.repeat(65),
      '2020-02-29',
      '2021-02-29',
      '21503198500123',
      '1234',
      'cash',
      'individual',
      'final',
      null,
      true,
      [],
      {},
    );
    // ASCII only: zod counts string length in UTF-16 units and JSON Schema in code points, which differ
    // for characters outside the BMP (see the report of this module).
    const value = fc.oneof(
      interesting,
      fc.json({ depthSize: 'small' }).map((s) => JSON.parse(s) as Json),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((p) => p.length > 0)),
        fc.constantFrom('set', 'delete', 'add'),
        value,
        (path, op, v) => {
          const f = structuredClone(valid);
          const parent = path.slice(0, -1).reduce<Json>((x, k) => (x as Record<string | number, Json>)[k] as Json, f);
          const key = path.at(-1)!;
          if (op === 'set') (parent as Record<string | number, Json>)[key] = v;
          else if (op === 'delete' && Array.isArray(parent)) parent.splice(key as number, 1);
          else if (op === 'delete') delete (parent as Record<string, Json>)[key];
          else if (isObject(parent)) parent[`extra_${String(key)}`] = v;
          expect(jsonSchemaAccepts(schema, f)).toBe(filingSchema.safeParse(f).success);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('filing labels', () => {
  const enums: [string, readonly string[], Record<string, Localized>][] = [
    ['donor types', donorTypeSchema.options, donorTypeLabels],
    ['channels', receiptChannelSchema.options, receiptChannelLabels],
    ['expenditure categories', expenditureCategorySchema.options, expenditureCategoryLabels],
    ['report kinds', reportKindSchema.options, reportKindLabels],
    ['refund kinds', refundKindSchema.options, refundKindLabels],
    ['refund reasons', refundReasonSchema.options, refundReasonLabels],
    ['receipt categories', RECEIPT_CATEGORIES, receiptCategoryLabels],
    ['expenditure groups', EXPENDITURE_GROUPS, expenditureGroupLabels],
  ];

  it.each(enums)('%s: every value has a distinct label in ky, ru and en', (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const locale of ['ky', 'ru', 'en'] as const) {
      const words = values.map((v) => labels[v]![locale]);
      expect(words.every((w) => w.trim() !== '')).toBe(true);
      // The importer reads labels back into values: two values with one label would be ambiguous.
      expect(new Set(words.map((w) => w.toLowerCase())).size).toBe(values.length);
    }
    // Kyrgyz and Russian labels are written in Cyrillic, not left in English.
    for (const v of values) {
      expect(labels[v]!.ky).toMatch(/[а-яөүң]/i);
      expect(labels[v]!.ru).toMatch(/[а-яё]/i);
    }
  });

  it('puts every expenditure category in exactly one CEC group', () => {
    const all = EXPENDITURE_GROUPS.flatMap((g) => expenditureCategoryGroups[g]);
    expect([...all].sort()).toEqual([...expenditureCategorySchema.options].sort());
    expect(new Set(all).size).toBe(all.length);
    expect(expenditureGroupOf('campaign_materials_accessible')).toBe('campaign_materials');
    expect(expenditureGroupOf('advertising_online')).toBe('advertising');
    expect(expenditureGroupOf('services_fuel')).toBe('services');
  });

  it('maps donor types to CEC receipt categories, depending on whose fund it is', () => {
    expect(receiptCategoryOf('individual')).toBe('donations_individuals');
    expect(receiptCategoryOf('legal_entity')).toBe('donations_legal_entities');
    expect(receiptCategoryOf('party_own_funds')).toBe('own_funds');
    expect(receiptCategoryOf('party_own_funds', 'candidate')).toBe('party_funds');
    expect(receiptCategoryOf('candidate_own_funds', 'candidate')).toBe('own_funds');
    expect(receiptCategoryOf('candidate_own_funds', 'party')).toBe('donations_individuals');
    expect(receiptCategoryOf('other')).toBe('other');
  });

  it('names fields by their path', () => {
    expect(fieldLabel('receipts[3].amount', 'en')).toBe('Amount');
    expect(fieldLabel('header.account.number', 'ru')).toBe('Номер счёта');
    expect(fieldLabel('header.totals.receipts', 'ky')).toBe('Түшүүлөрдүн жыйындысы');
    expect(fieldLabel('receipts[0].whatever', 'en')).toBe('receipts[0].whatever');
  });
});
