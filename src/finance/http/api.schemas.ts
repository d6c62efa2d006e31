// The JSON API's view of campaign finance: itemised receipts and expenditures (public fields only:
// the schemas have no PIN, address or INN field, and the serializer drops any key a schema does not
// name), totals with breakdowns, the timeline, report deadlines, and the parameters of the listings.
// Every named schema becomes an OpenAPI component, described once.
import { z } from 'zod';
import {
  donorTypeSchema,
  EXPENDITURE_GROUPS,
  expenditureCategorySchema,
  receiptChannelSchema,
} from '../../filings/index.ts';
import { reportKindSchema } from '../../domain/rules-profile.ts';
import { LocalizedText, Pagination, pageQueryShape } from '../../platform/api/common.schemas.ts';
import { LINE_SORTS, SORT_ORDERS } from '../core/lines.ts';

const isoDate = z.iso.date();
const tyiynAmount = (what: string) => z.number().int().describe(`${what}, in tyiyn (1 som = 100 tyiyn).`);
const count = (what: string) => z.number().int().min(0).describe(what);

const lineFields = {
  id: z
    .number()
    .int()
    .positive()
    .describe('Id of this line on the platform. An amendment files new lines, with new ids.'),
  filingId: z.number().int().positive().describe('Id of the filed report version the line belongs to.'),
  partyRegistrationNumber: z.string().describe('The party whose electoral fund the line is in.'),
  lineId: z.string().describe('Identifier of the line chosen by the filer, kept across amendments.'),
  date: isoDate.describe('Date of the transaction.'),
  amount: z.number().int().positive().describe('Amount, in tyiyn (1 som = 100 tyiyn).'),
};

export const FinanceReceipt = z
  .object({
    ...lineFields,
    donorType: donorTypeSchema.describe(
      'Kind of donor: an individual, a legal entity, the party’s or a candidate’s own funds, or other.',
    ),
    donorName: z.string().describe('Name of the donor as reported (a person’s name or an organisation’s).'),
    channel: receiptChannelSchema.describe('How the money arrived.'),
  })
  .meta({
    id: 'FinanceReceipt',
    description:
      'One receipt of an electoral fund, from the latest filed version of its report. A donor’s PIN and address are never published.',
  });

export const FinanceExpenditure = z
  .object({
    ...lineFields,
    category: expenditureCategorySchema.describe('Expenditure category as the CEC publishes them.'),
    categoryGroup: z.enum(EXPENDITURE_GROUPS).describe('The CEC heading the category is listed under.'),
    payeeName: z.string().describe('Who was paid.'),
    documentNumber: z.string().describe('Number of the supporting document (contract, invoice, payment order).'),
    description: z.string().describe('What was paid for, as reported.'),
  })
  .meta({
    id: 'FinanceExpenditure',
    description: 'One expenditure of an electoral fund, from the latest filed version of its report.',
  });

export const FinanceReceiptPage = z
  .object({ data: z.array(FinanceReceipt).describe('One page of receipts.'), pagination: Pagination })
  .meta({ id: 'FinanceReceiptPage', description: 'One page of an itemised receipts listing.' });

export const FinanceExpenditurePage = z
  .object({ data: z.array(FinanceExpenditure).describe('One page of expenditures.'), pagination: Pagination })
  .meta({ id: 'FinanceExpenditurePage', description: 'One page of an itemised expenditures listing.' });

export const AmountByDonorType = z
  .object({
    donorType: donorTypeSchema.describe('Kind of donor.'),
    amount: tyiynAmount('Sum of the receipts of this kind'),
    count: count('Number of receipts of this kind.'),
  })
  .meta({ id: 'FinanceAmountByDonorType', description: 'Receipts of one kind of donor.' });

export const AmountByCategory = z
  .object({
    category: expenditureCategorySchema.describe('Expenditure category.'),
    categoryGroup: z.enum(EXPENDITURE_GROUPS).describe('The CEC heading the category is listed under.'),
    amount: tyiynAmount('Sum of the expenditures in this category'),
    count: count('Number of expenditures in this category.'),
  })
  .meta({ id: 'FinanceAmountByCategory', description: 'Expenditures of one category.' });

export const FinanceFigures = z
  .object({
    receipts: tyiynAmount('Total received'),
    expenditures: tyiynAmount('Total spent'),
    refunds: tyiynAmount('Total refunded to donors or transferred to the budget'),
    balance: tyiynAmount('Received − spent − refunded'),
    receiptCount: count('Number of receipts.'),
    expenditureCount: count('Number of expenditures.'),
    refundCount: count('Number of refunds.'),
    byDonorType: z
      .array(AmountByDonorType)
      .describe('Receipts by kind of donor, largest first; they add up to `receipts`.'),
    byCategory: z
      .array(AmountByCategory)
      .describe('Expenditures by category, largest first; they add up to `expenditures`.'),
  })
  .meta({
    id: 'FinanceFigures',
    description:
      'Totals and breakdowns of an electoral fund (or of all funds of an election), counting only the latest filed version of each report.',
  });

export const PartyFinance = z
  .object({
    registrationNumber: z.string().describe('Registration number of the party.'),
    name: LocalizedText.nullable().describe(
      'Full name of the party; null for a party that filed but is not among the participants.',
    ),
    shortName: LocalizedText.nullable().describe('Short name of the party; null as for `name`.'),
    ballotNumber: z.number().int().positive().nullable().describe('Number on the ballot, once drawn.'),
    figures: FinanceFigures,
    lateReports: count('Reports this party filed after their deadline.'),
    missingReports: count('Reports whose deadline has passed without a filing.'),
  })
  .meta({ id: 'PartyFinance', description: 'The electoral fund of one party in one election.' });

export const FinanceTotals = z
  .object({
    electionId: z.string().describe('The election.'),
    synthetic: z.boolean().describe('True when the election holds synthetic demo data.'),
    currency: z.literal('KGS').describe('Currency of every amount: Kyrgyz som, counted in tyiyn.'),
    total: FinanceFigures.describe('All parties together.'),
    parties: z.array(PartyFinance).describe('Every party of the election, in ballot order.'),
  })
  .meta({
    id: 'FinanceTotals',
    description: 'Received, spent and balance of every party in an election, side by side.',
  });

export const FinanceTimelinePoint = z
  .object({
    date: isoDate.describe('A day with at least one transaction.'),
    receipts: tyiynAmount('Received that day'),
    expenditures: tyiynAmount('Spent that day'),
    refunds: tyiynAmount('Refunded that day'),
    cumulativeReceipts: tyiynAmount('Received up to and including that day'),
    cumulativeExpenditures: tyiynAmount('Spent up to and including that day'),
    cumulativeRefunds: tyiynAmount('Refunded up to and including that day'),
  })
  .meta({ id: 'FinanceTimelinePoint', description: 'Money in and out on one day, with running totals.' });

export const FinanceTimeline = z
  .object({
    electionId: z.string().describe('The election.'),
    partyRegistrationNumber: z.string().nullable().describe('The party, or null for all parties together.'),
    points: z.array(FinanceTimelinePoint).describe('Days with transactions, in date order.'),
  })
  .meta({ id: 'FinanceTimeline', description: 'Cumulative receipts and spending by date.' });

export const ReportDeadlineResource = z
  .object({
    kind: reportKindSchema.describe('Kind of report.'),
    dueDate: isoDate.describe('Last day on which the report is on time (Bishkek time).'),
  })
  .meta({ id: 'FinanceReportDeadline', description: 'A report deadline set by the rules profile of the election.' });

export const PartyReportResource = z
  .object({
    kind: reportKindSchema.describe('Kind of report.'),
    dueDate: isoDate.describe('Last day on which the report is on time (Bishkek time).'),
    state: z
      .enum(['filed', 'late', 'missing', 'due'])
      .describe('`filed` on time, filed `late`, `missing` after its deadline, or still `due`.'),
    filedOn: isoDate.nullable().describe('Day the first version was filed (Bishkek time), if filed.'),
    coveredBy: reportKindSchema
      .nullable()
      .describe('For `filed`: the later report whose period takes this one in, when it was not filed on its own.'),
    daysLate: z.number().int().positive().nullable().describe('For `late`: days between the deadline and the filing.'),
    daysOverdue: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe('For `missing`: days since the deadline; null once the election is closed or annulled.'),
    daysLeft: z.number().int().min(0).nullable().describe('For `due`: days until the deadline (0 = today).'),
  })
  .meta({ id: 'FinancePartyReport', description: 'The state of one of a party’s reports against its deadline.' });

export const FiledReportResource = z
  .object({
    filingId: z.number().int().positive().describe('Id of the filed version.'),
    partyRegistrationNumber: z.string().describe('The party.'),
    reportKind: z.string().describe('Kind of report (`initial`, `first`, `final`, …).'),
    periodFrom: isoDate.describe('First day the report covers.'),
    periodTo: isoDate.describe('Last day the report covers.'),
    version: z.number().int().positive().describe('1 for the original, 2 and up for amendments.'),
    status: z.string().describe('Status of the version: `filed`, `under_review`, `accepted` or `returned`.'),
    latest: z.boolean().describe('True for the latest filed version of the report; earlier versions were amended.'),
    submittedAt: z.string().describe('When the version was filed (ISO 8601, UTC).'),
    receipts: tyiynAmount('Total receipts of this version'),
    expenditures: tyiynAmount('Total expenditures of this version'),
    refunds: tyiynAmount('Total refunds of this version'),
    closingBalance: tyiynAmount('Balance at the end of the period'),
  })
  .meta({ id: 'FinanceFiledReport', description: 'One filed version of a finance report.' });

export const FinanceReports = z
  .object({
    electionId: z.string().describe('The election.'),
    today: isoDate.describe('The day (Bishkek time) the states and countdowns are counted from.'),
    deadlines: z.array(ReportDeadlineResource).describe('Report deadlines, in date order.'),
    parties: z
      .array(
        z
          .object({
            registrationNumber: z.string().describe('The party.'),
            reports: z.array(PartyReportResource).describe('One per deadline.'),
          })
          .describe('One party’s reports.'),
      )
      .describe('Every party, in ballot order.'),
    filings: z.array(FiledReportResource).describe('Every filed version, newest first.'),
  })
  .meta({ id: 'FinanceReports', description: 'Report deadlines, late and missing reports, and every filed version.' });

const listShape = {
  ...pageQueryShape,
  sort: z.enum(LINE_SORTS).default('date').describe('Sort key: `date` or `amount`; ties are broken by id.'),
  order: z.enum(SORT_ORDERS).default('desc').describe('Sort direction; newest or largest first by default.'),
  party: z.string().min(1).max(40).optional().describe('Only lines of the party with this registration number.'),
  dateFrom: isoDate.optional().describe('Only lines on or after this date.'),
  dateTo: isoDate.optional().describe('Only lines on or before this date.'),
  minAmount: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('Only lines of at least this amount, in tyiyn.'),
  maxAmount: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('Only lines of at most this amount, in tyiyn.'),
};

export const ReceiptsQuery = z.object({
  ...listShape,
  donorType: donorTypeSchema.optional().describe('Only receipts from this kind of donor.'),
  channel: receiptChannelSchema.optional().describe('Only receipts that arrived this way.'),
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Donor name, in any script or spelling (Cyrillic or Latin); matches names that start with it, surname first as reported.',
    ),
});

export const ExpendituresQuery = z.object({
  ...listShape,
  category: expenditureCategorySchema.optional().describe('Only expenditures of this category.'),
  group: z.enum(EXPENDITURE_GROUPS).optional().describe('Only expenditures under this CEC heading.'),
});

export const TimelineQuery = z.object({
  party: z.string().min(1).max(40).optional().describe('One party only; all parties together when absent.'),
});
