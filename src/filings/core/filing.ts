// The "Talapker filing v1" format of a finance report of an electoral fund: its TypeScript types, the zod
// schema that parses it at the edge, and the JSON Schema published for software that files electronically.
// The zod schema checks shape only; the rules that need the whole report (balance, totals, duplicates,
// refunds that point at receipts) live in filing-validation.ts.
import { z } from 'zod';
import { plainText } from '../../platform/plain-text.ts';
import { tyiyn, type Tyiyn } from '../../domain/money.ts';
import { reportKindSchema } from '../../domain/rules-profile.ts';

export const FILING_FORMAT = 'talapker-filing-v1';
export const FILING_JSON_SCHEMA_ID = '/api/schemas/filing-v1.json';

/*
 * Bounds on money and on the number of lines. They are far above anything an electoral fund can hold
 * (the 2021 fund cap is 300,000,000 som = 3·10^10 tyiyn) and they keep every sum the validation computes
 * a safe integer: 50,000 lines × 10^11 tyiyn = 5·10^15 < 2^53 ≈ 9·10^15. So the arithmetic stays exact
 * without BigInt, and a hostile file cannot turn a sum into a float.
 */
export const MAX_LINE_AMOUNT_TYIYN = 100_000_000_000;
export const MAX_BALANCE_TYIYN = 1_000_000_000_000_000;
export const MAX_LINES_PER_SECTION = 50_000;

/** The zod type of an amount: validated as a number, typed as Tyiyn (the brand only exists for TypeScript). */
const money = (base: z.ZodNumber) => base.transform((n): Tyiyn => tyiyn(n));

const lineAmount = money(z.number().int().min(1).max(MAX_LINE_AMOUNT_TYIYN)).describe(
  'Amount in tyiyn (1 som = 100 tyiyn), a positive integer.',
);
// Totals and balances may be negative in the schema: a wrong figure is better explained by the validation
// ("the lines add up to …", "the balance does not add up") than by "must not be negative".
const totalAmount = money(z.number().int().min(-MAX_BALANCE_TYIYN).max(MAX_BALANCE_TYIYN)).describe(
  'Total of a section in tyiyn (1 som = 100 tyiyn); must equal the sum of the amounts of its lines.',
);
const balanceAmount = money(z.number().int().min(-MAX_BALANCE_TYIYN).max(MAX_BALANCE_TYIYN)).describe(
  'Balance of the electoral fund account in tyiyn (1 som = 100 tyiyn).',
);
const isoDate = z.iso.date().describe('ISO 8601 calendar date, YYYY-MM-DD.');
const lineId = z
  .string()
  .min(1)
  .max(64)
  .describe('Identifier of the line chosen by the filer, unique within the report and kept across amendments.');
const text = (max: number) => plainText(z.string().min(1).max(max));

export const donorTypeSchema = z.enum([
  'individual',
  'legal_entity',
  'party_own_funds',
  'candidate_own_funds',
  'other',
]);
export type DonorType = z.infer<typeof donorTypeSchema>;

export const receiptChannelSchema = z.enum(['bank_transfer', 'cash', 'mobile_banking', 'other']);
export type ReceiptChannel = z.infer<typeof receiptChannelSchema>;

/** Expenditure categories as the CEC publishes them (domain notes §3); groups are in filing-labels.ts. */
export const expenditureCategorySchema = z.enum([
  'election_deposit',
  'state_services',
  'services_communications',
  'services_rent',
  'services_fuel',
  'services_agitators',
  'services_observers',
  'services_staff',
  'campaign_materials',
  'campaign_materials_accessible',
  'advertising_tv',
  'advertising_radio',
  'advertising_print',
  'advertising_online',
  'advertising_outdoor',
  'transport',
  'other',
  'refund_of_erroneous_payment',
]);
export type ExpenditureCategory = z.infer<typeof expenditureCategorySchema>;

/** How a bad donation left the fund (domain notes §2): back to the donor, or to the budget. */
export const refundKindSchema = z.enum(['returned_to_donor', 'transferred_to_budget']);
export type RefundKind = z.infer<typeof refundKindSchema>;

export const refundReasonSchema = z.enum(['prohibited_donor', 'over_cap', 'anonymous', 'debtor', 'other']);
export type RefundReason = z.infer<typeof refundReasonSchema>;

export { reportKindSchema };
export type { ReportKind } from '../../domain/rules-profile.ts';

export const filingHeaderSchema = z.strictObject({
  partyRegistrationNumber: text(40).describe('Registration number of the party at the Ministry of Justice.'),
  electionId: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .describe('Identifier of the election on this platform.'),
  reportKind: reportKindSchema,
  periodFrom: isoDate,
  periodTo: isoDate,
  account: z.strictObject({
    bank: text(200).describe('Name of the authorised bank that holds the electoral fund account.'),
    number: text(64).describe('Number of the electoral fund account.'),
  }),
  openingBalance: balanceAmount,
  closingBalance: balanceAmount,
  totals: z.strictObject({
    receipts: totalAmount,
    expenditures: totalAmount,
    refunds: totalAmount,
  }),
  signer: z.strictObject({
    name: text(200),
    position: text(200),
  }),
});

export const receiptSchema = z.strictObject({
  lineId,
  date: isoDate,
  donorType: donorTypeSchema,
  donorName: text(300),
  donorPin: z
    .string()
    .regex(/^\d{14}$/)
    .optional()
    .describe('Personal identification number of an individual donor (14 digits). Never published.'),
  donorInn: z
    .string()
    .regex(/^\d{14}$/)
    .optional()
    .describe('INN of a legal entity donor (14 digits).'),
  donorAddress: plainText(z.string().max(500))
    .optional()
    .describe('Address of the donor. Never published for individuals.'),
  amount: lineAmount,
  channel: receiptChannelSchema,
  bankReference: plainText(z.string().max(100))
    .optional()
    .describe('Reference of the bank operation, as on the statement.'),
});

export const expenditureSchema = z.strictObject({
  lineId,
  date: isoDate,
  category: expenditureCategorySchema,
  payeeName: text(300),
  payeeInn: z
    .string()
    .regex(/^\d{14}$/)
    .optional()
    .describe('INN of the payee (14 digits).'),
  amount: lineAmount,
  documentNumber: text(100).describe('Number of the supporting document (contract, invoice, payment order).'),
  description: text(1000),
});

export const refundSchema = z.strictObject({
  lineId,
  date: isoDate,
  receiptLineId: lineId.describe('lineId of the receipt in this report that the refund concerns.'),
  kind: refundKindSchema,
  reason: refundReasonSchema,
  amount: lineAmount,
});

export const attachmentSchema = z.strictObject({
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('SHA-256 of the file, lower-case hex.'),
  fileName: text(255),
  mediaType: text(127),
  size: z.number().int().min(0).describe('Size of the file in bytes.'),
});

export const filingSchema = z.strictObject({
  format: z.literal(FILING_FORMAT),
  header: filingHeaderSchema,
  receipts: z.array(receiptSchema).max(MAX_LINES_PER_SECTION),
  expenditures: z.array(expenditureSchema).max(MAX_LINES_PER_SECTION),
  refunds: z.array(refundSchema).max(MAX_LINES_PER_SECTION),
  attachments: z.array(attachmentSchema).max(1000),
});

export type FilingHeader = z.infer<typeof filingHeaderSchema>;
export type Receipt = z.infer<typeof receiptSchema>;
export type Expenditure = z.infer<typeof expenditureSchema>;
export type Refund = z.infer<typeof refundSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
/** A parsed filing: amounts are Tyiyn. */
export type Filing = z.infer<typeof filingSchema>;
/** A filing as sent over the wire: amounts are plain numbers. */
export type FilingInput = z.input<typeof filingSchema>;

/** The sections that hold lines, in the order reports show them. */
export const LINE_SECTIONS = ['receipts', 'expenditures', 'refunds'] as const;
export type LineSection = (typeof LINE_SECTIONS)[number];
export type FilingLine = Receipt | Expenditure | Refund;

/**
 * The JSON Schema published at /api/schemas/filing-v1.json. Generated from the zod schema so that the two
 * cannot drift; `io: 'input'` because it describes what a filer sends (the Tyiyn brand is ours alone).
 */
export function filingJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(filingSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: FILING_JSON_SCHEMA_ID,
    title: 'Talapker filing v1',
    description:
      'A finance report of an electoral fund: header, itemised receipts, expenditures and refunds, and the SHA-256 of attached supporting documents. Money is in integer tyiyn (1 som = 100 tyiyn).',
    ...rest,
  };
}
