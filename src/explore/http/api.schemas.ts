// The JSON API's view of donors and payees: identities (a keyed hash, never a PIN; a legal entity's
// INN where the report has it), ranked lists and each one's lines. Every named schema becomes an
// OpenAPI component, described once.
import { z } from 'zod';
import { electionIdParam } from '../../platform/api/common.schemas.ts';

const isoDate = z.iso.date();
const tyiynAmount = (what: string) => z.number().int().describe(`${what}, in tyiyn (1 som = 100 tyiyn).`);
const count = (what: string) => z.number().int().min(0).describe(what);

export const identifierParam = z
  .string()
  .regex(/^[0-9a-f]{24}$/)
  .describe('The identifier this platform gives a donor or payee: 24 hexadecimal digits.');

/** In a path: the identifier, or a legal entity's INN (public); a person's number never finds anyone. */
const whoParam = (example: string) =>
  z
    .string()
    .regex(/^([0-9a-f]{24}|\d{14})$/)
    .describe(
      'The identifier of the donor or payee (24 hexadecimal digits), or the INN of a legal entity (14 digits). A person’s PIN finds nobody.',
    )
    .meta({ examples: [example] });

export const PartyAmount = z
  .object({
    partyRegistrationNumber: z.string().describe('The party whose fund the lines are in.'),
    amount: tyiynAmount('Sum of the lines with this party'),
    count: count('Number of lines with this party.'),
  })
  .meta({ id: 'ExplorePartyAmount', description: 'What one donor gave one party, or one payee was paid by it.' });

export const Counterpart = z
  .object({
    id: identifierParam.describe(
      'Stable identifier on this platform: a keyed hash of the PIN or INN (or of the name, when the report gives no number). It cannot be turned back into a number.',
    ),
    identifiedBy: z
      .enum(['number', 'name'])
      .describe(
        '`number`: lines with one PIN or INN, however the name was spelled; `name`: lines without a number, grouped by the name folded across scripts, so two people of one name may be one entry.',
      ),
    inn: z
      .string()
      .nullable()
      .describe(
        'A legal entity’s INN, public in the company register; `null` for a person, whose number is never published.',
      ),
    name: z.string().describe('The spelling used on most lines.'),
    names: z.array(z.string()).describe('Every spelling the reports used, the usual one first.'),
    kinds: z
      .array(z.string())
      .describe('Kinds of donor (donors) or expenditure categories (payees), most money first.'),
    total: tyiynAmount('Sum of all lines in the election'),
    count: count('Number of lines in the election.'),
    firstDate: isoDate.describe('Date of the earliest line.'),
    lastDate: isoDate.describe('Date of the latest line.'),
    parties: z.array(PartyAmount).describe('Each party involved, most money first.'),
  })
  .meta({
    id: 'ExploreCounterpart',
    description: 'A donor or a payee in one election, over the latest filed version of every report.',
  });

export const TopEntry = z
  .object({
    rank: z.number().int().positive().describe('Place in the list, 1 for the most money.'),
    amount: tyiynAmount('What the list is ranked by: the total, or the sum with the party asked for'),
    count: count('Number of lines counted in `amount`.'),
    counterpart: Counterpart,
  })
  .meta({ id: 'ExploreTopEntry', description: 'One place in a ranked list of donors or payees.' });

export const TopList = z
  .object({
    electionId: z.string().describe('The election.'),
    total: count('How many entries the whole list has under these filters.'),
    data: z.array(TopEntry).describe('The first `limit` entries, most money first.'),
  })
  .meta({ id: 'ExploreTopList', description: 'A ranked list of donors or payees.' });

export const CounterpartLine = z
  .object({
    id: z.number().int().positive().describe('Id of the line on the platform.'),
    filingId: z.number().int().positive().describe('Id of the filed report version the line belongs to.'),
    partyRegistrationNumber: z.string().describe('The party whose fund the line is in.'),
    lineId: z.string().describe('Identifier of the line chosen by the filer.'),
    date: isoDate.describe('Date of the transaction.'),
    amount: z.number().int().positive().describe('Amount, in tyiyn (1 som = 100 tyiyn).'),
    name: z.string().describe('The name as written on this line.'),
    kind: z.string().describe('Kind of donor, or expenditure category.'),
    note: z.string().describe('How a gift arrived (channel), or what a payment was for.'),
  })
  .meta({
    id: 'ExploreLine',
    description: 'One line of a donor or payee, from the latest filed version of its report.',
  });

export const CounterpartDetail = z
  .object({
    electionId: z.string().describe('The election.'),
    counterpart: Counterpart,
    lines: z.array(CounterpartLine).describe('Every line, oldest first.'),
  })
  .meta({ id: 'ExploreCounterpartDetail', description: 'A donor or payee with every line.' });

const partyFilter = z
  .string()
  .min(1)
  .max(40)
  .optional()
  .describe('Only those involved with the party with this registration number; ranked by the sum with it.');

export const TopQuery = z.object({
  party: partyFilter,
  multiParty: z.enum(['true', 'false']).optional().describe('`true`: only those involved with more than one party.'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Entries to return, 1–1000.'),
});

export const BreakdownQuery = z.object({
  party: z.string().min(1).max(40).optional().describe('Only the lines of the party with this registration number.'),
});

export const ComparisonQuery = z.object({
  parties: z
    .string()
    .regex(/^[^,]{1,40}(,[^,]{1,40}){1,3}$/)
    .describe('Two to four registration numbers of the election’s parties, comma-separated.')
    .meta({ examples: ['10021-3301-PP,10233-3301-PP'] }),
});

const bucket = (id: string, keyName: string, keyDescription: string, description: string) =>
  z
    .object({
      [keyName]: z.string().describe(keyDescription),
      amount: tyiynAmount('Sum of the lines'),
      count: count('Number of lines.'),
    })
    .meta({ id, description });

const DonorTypeAmount = bucket(
  'ExploreDonorTypeAmount',
  'donorType',
  'Kind of donor, as in the reports.',
  'Gifts of one kind of donor.',
);
const MonthAmount = bucket('ExploreMonthAmount', 'month', 'The month, `YYYY-MM`.', 'Gifts dated in one month.');
const WeekAmount = bucket(
  'ExploreWeekAmount',
  'weekStart',
  'The Monday the ISO week starts on, `YYYY-MM-DD`.',
  'Gifts dated in one week.',
);
const CategoryAmount = bucket(
  'ExploreCategoryAmount',
  'category',
  'Expenditure category, as in the reports.',
  'Spending in one category.',
);

export const SizeBand = z
  .object({
    above: tyiynAmount('Gifts larger than this (exclusive)'),
    upTo: z
      .number()
      .int()
      .nullable()
      .describe('Gifts up to this, inclusive, in tyiyn; `null` for gifts above every cap the election’s rules set.'),
    amount: tyiynAmount('Sum of the gifts in the band'),
    count: count('Number of gifts in the band.'),
  })
  .meta({
    id: 'ExploreSizeBand',
    description:
      'Gifts of one size: bands end at 10,000, 50,000 and 100,000 som and at the caps on one gift in the election’s rules.',
  });

export const PartySpending = z
  .object({
    partyRegistrationNumber: z.string().describe('The party.'),
    total: tyiynAmount('Everything the party spent'),
    count: count('Number of expenditure lines.'),
    categories: z.array(CategoryAmount).describe('By category, most spent first.'),
  })
  .meta({ id: 'ExplorePartySpending', description: 'One party’s spending by category.' });

export const Breakdown = z
  .object({
    electionId: z.string().describe('The election.'),
    partyRegistrationNumber: z.string().nullable().describe('The party asked for, or `null` for the whole election.'),
    sizeBands: z.array(SizeBand).describe('Every band, empty ones too, smallest first.'),
    donorTypes: z.array(DonorTypeAmount).describe('By kind of donor, most money first.'),
    months: z.array(MonthAmount).describe('By month, oldest first.'),
    weeks: z.array(WeekAmount).describe('By ISO week, oldest first.'),
    multiPartyDonors: z
      .object({
        count: count('Donors who gave to more than one party.'),
        amount: tyiynAmount('What they gave (to the party asked for, when one is)'),
      })
      .describe('Donors giving to more than one party, by identity.'),
    spending: z.array(PartySpending).describe('Spending by category per party, most spent first.'),
  })
  .meta({ id: 'ExploreBreakdown', description: 'The money of an election (or one party) in detail.' });

export const PartySide = z
  .object({
    partyRegistrationNumber: z.string().describe('The party.'),
    receipts: tyiynAmount('Everything received'),
    receiptCount: count('Number of receipt lines.'),
    expenditures: tyiynAmount('Everything spent'),
    expenditureCount: count('Number of expenditure lines.'),
    balance: z.number().int().describe('Received less spent, in tyiyn.'),
    donorCount: count('Distinct donors, by identity.'),
    categories: z.array(CategoryAmount).describe('Spending by category, most spent first.'),
    topDonors: z.array(TopEntry).describe('The five largest donors to this party.'),
    weeks: z.array(WeekAmount).describe('Receipts per week, one entry for every week of the comparison.'),
  })
  .meta({ id: 'ExplorePartySide', description: 'One party in a comparison.' });

export const Comparison = z
  .object({
    electionId: z.string().describe('The election.'),
    weeks: z.array(isoDate).describe('Every week any compared party received money in, by its Monday.'),
    categories: z.array(z.string()).describe('Every category any compared party spent on, most spent first.'),
    parties: z.array(PartySide).describe('The parties, in the order asked.'),
  })
  .meta({ id: 'ExploreComparison', description: 'Two to four parties of an election side by side.' });

export const ElectionPath = z.object({ electionId: electionIdParam });
// Examples are companies and parties of the demo, so the docs page's curl lines work on a demo instance.
export const DonorPath = z.object({ electionId: electionIdParam, donorId: whoParam('02035498284851') });
export const PayeePath = z.object({ electionId: electionIdParam, payeeId: whoParam('09018940318329') });

/** The path of one donor or payee, read the same way whichever of the two the route names. */
export const CounterpartParams = z.object({
  electionId: z.string(),
  donorId: z.string().optional(),
  payeeId: z.string().optional(),
});
