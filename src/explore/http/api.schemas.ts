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

export const TopQuery = z.object({
  party: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .describe('Only those involved with the party with this registration number; ranked by the sum with it.'),
  multiParty: z.enum(['true', 'false']).optional().describe('`true`: only those involved with more than one party.'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Entries to return, 1–1000.'),
});

export const ElectionPath = z.object({ electionId: electionIdParam });
// Examples are companies of the demo, so the docs page's curl lines work on a demo instance.
export const DonorPath = z.object({ electionId: electionIdParam, donorId: whoParam('02035498284851') });
export const PayeePath = z.object({ electionId: electionIdParam, payeeId: whoParam('09018940318329') });
