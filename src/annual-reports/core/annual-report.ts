// The "Talapker annual report v1" format: a party's finances over one reporting year outside any
// election (ODIHR 2020, domain notes §3) — receipts by source (membership dues, itemised donations, state
// funding, other), expenditures by category, and what the party owns and owes at the year's end. The zod
// schema checks shape only; the arithmetic and the dates that need the whole document live in
// annual-report-validation.ts. Money is integer tyiyn throughout.
import { z } from 'zod';
import { plainText } from '../../platform/plain-text.ts';
import { tyiyn, type Tyiyn } from '../../domain/money.ts';
import { receiptChannelSchema } from '../../filings/index.ts';

export const ANNUAL_REPORT_FORMAT = 'talapker-annual-report-v1';
export const ANNUAL_REPORT_JSON_SCHEMA_ID = '/api/schemas/annual-report-v1.json';

/*
 * The bounds of the filing format, for the same reason: every sum the validation makes stays a safe
 * integer (10,000 lines × 10^11 tyiyn < 2^53), so the arithmetic is exact without BigInt.
 */
export const MAX_LINE_AMOUNT_TYIYN = 100_000_000_000;
export const MAX_BALANCE_TYIYN = 1_000_000_000_000_000;
export const MAX_DONATIONS = 10_000;
/** The first year the platform takes reports for; earlier ones belong to paper archives. */
export const FIRST_REPORTING_YEAR = 2000;

const money = (base: z.ZodNumber) => base.transform((n): Tyiyn => tyiyn(n));
const lineAmount = money(z.number().int().min(1).max(MAX_LINE_AMOUNT_TYIYN)).describe(
  'Amount in tyiyn (1 som = 100 tyiyn), a positive integer.',
);
const figure = money(z.number().int().min(0).max(MAX_BALANCE_TYIYN)).describe(
  'Amount in tyiyn (1 som = 100 tyiyn), zero or more.',
);
// Totals and balances may be negative in the schema: "the lines add up to …" explains a wrong figure
// better than "must not be negative".
const total = money(z.number().int().min(-MAX_BALANCE_TYIYN).max(MAX_BALANCE_TYIYN)).describe(
  'A total in tyiyn; must equal the sum of what it totals.',
);
const isoDate = z.iso.date().describe('ISO 8601 calendar date, YYYY-MM-DD.');
const text = (max: number) => plainText(z.string().min(1).max(max));
const note = plainText(z.string().max(500)).optional();
const digits14 = z.string().regex(/^\d{14}$/);

/** Who may appear as a donor outside a campaign: there is no candidate and no fund of the party's own. */
export const annualDonorTypeSchema = z.enum(['individual', 'legal_entity', 'other']);
export type AnnualDonorType = z.infer<typeof annualDonorTypeSchema>;

/** What a party spends on in a year, in the groups its accounts usually keep. */
export const annualExpenditureCategorySchema = z.enum([
  'staff',
  'rent_and_utilities',
  'communications',
  'office_and_equipment',
  'events',
  'publications',
  'advertising',
  'travel',
  'transfers_to_electoral_funds',
  'taxes_and_fees',
  'other',
]);
export type AnnualExpenditureCategory = z.infer<typeof annualExpenditureCategorySchema>;

export const assetKindSchema = z.enum(['cash', 'real_estate', 'vehicles', 'equipment', 'receivables', 'other']);
export type AssetKind = z.infer<typeof assetKindSchema>;
export const liabilityKindSchema = z.enum(['loans', 'payables', 'taxes', 'other']);
export type LiabilityKind = z.infer<typeof liabilityKindSchema>;

export const annualDonationSchema = z.strictObject({
  lineId: z
    .string()
    .min(1)
    .max(64)
    .describe('Identifier of the line chosen by the filer, unique within the report and kept across amendments.'),
  date: isoDate,
  donorType: annualDonorTypeSchema,
  donorName: text(300),
  donorPin: digits14.optional().describe('Personal identification number of an individual donor. Never published.'),
  donorInn: digits14.optional().describe('INN of a legal entity donor (14 digits).'),
  donorAddress: plainText(z.string().max(500)).optional().describe('Address of the donor. Never published.'),
  amount: lineAmount,
  channel: receiptChannelSchema,
});

export const annualReportHeaderSchema = z.strictObject({
  partyRegistrationNumber: text(40).describe('Registration number of the party at the Ministry of Justice.'),
  year: z
    .number()
    .int()
    .min(FIRST_REPORTING_YEAR)
    .max(9999)
    .describe('The reporting year: the calendar year from 1 January to 31 December.'),
  signer: z.strictObject({ name: text(200), position: text(200) }),
});

export const annualReportSchema = z.strictObject({
  format: z.literal(ANNUAL_REPORT_FORMAT),
  header: annualReportHeaderSchema,
  cash: z
    .strictObject({ opening: total, closing: total })
    .describe('Money in the party’s accounts and cash desk on 1 January and on 31 December.'),
  receipts: z.strictObject({
    membershipDues: figure.describe('Membership dues received over the year, in total.'),
    donations: z.array(annualDonationSchema).max(MAX_DONATIONS).describe('Every donation, itemised.'),
    stateFunding: figure.describe('Funding from the state budget, where the law grants any; 0 otherwise.'),
    other: figure.describe('Other receipts (sales of publications, interest, events), in total.'),
    otherDescription: note,
  }),
  expenditures: z
    .array(
      z.strictObject({
        category: annualExpenditureCategorySchema,
        amount: figure,
        description: note,
      }),
    )
    .max(100)
    .describe('Spending by category; a category at most once.'),
  assets: z
    .array(z.strictObject({ kind: assetKindSchema, amount: figure, description: note }))
    .max(100)
    .describe('What the party owns on 31 December, by kind; `cash` must equal the closing cash.'),
  liabilities: z
    .array(z.strictObject({ kind: liabilityKindSchema, amount: figure, description: note }))
    .max(100)
    .describe('What the party owes on 31 December, by kind.'),
  totals: z.strictObject({
    receipts: total,
    expenditures: total,
    assets: total,
    liabilities: total,
  }),
});

export type AnnualReport = z.infer<typeof annualReportSchema>;
export type AnnualReportInput = z.input<typeof annualReportSchema>;
export type AnnualDonation = z.infer<typeof annualDonationSchema>;

/** The JSON Schema of the format, generated from the zod schema so that the two cannot drift. */
export function annualReportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(annualReportSchema, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: ANNUAL_REPORT_JSON_SCHEMA_ID,
    title: 'Talapker annual report v1',
    description:
      'A party’s annual financial report outside election campaigns: receipts by source with itemised donations, expenditures by category, assets and liabilities at the year’s end. Money is in integer tyiyn (1 som = 100 tyiyn).',
    ...rest,
  };
}
