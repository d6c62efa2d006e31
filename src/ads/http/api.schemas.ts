// The JSON API's view of an election's political advertising: per party the platforms' figures in som
// (own and supporter pages) beside the declared online advertising, each advertiser with the rate and
// the source file, the timeline, the source reports and the open findings. Every field is described
// here, once.
import { z } from 'zod';
import { electionIdParam } from '../../platform/api/common.schemas.ts';

const decimal = (what: string) =>
  z
    .string()
    .regex(/^-?\d+\.\d{2}$/)
    .describe(`${what}, a decimal string with two places.`);
const day = (what: string) => z.iso.date().describe(`${what} (YYYY-MM-DD).`);
const text = (what: string) => z.string().describe(what);
const int = (what: string) => z.number().int().describe(what);
const partyRef = text('Registration number of the party.');
const currency = z.string().length(3).describe('ISO 4217 code of the currency.');

export const ExchangeRateSchema = z
  .object({
    date: day('The day the National Bank published the rate'),
    currency,
    rate: text('Som per one unit of the currency, as published.'),
  })
  .meta({ id: 'AdsExchangeRate', description: 'An official exchange rate used to convert a figure to som.' });

const SomTotal = z
  .object({
    min: decimal('Least amount in som'),
    max: decimal('Most amount in som'),
    rates: z.array(ExchangeRateSchema).describe('Every rate the total used.'),
    unconverted: z.array(z.string()).describe('Advertisers left out for want of a rate.'),
  })
  .meta({ id: 'AdsSomTotal', description: 'A spend range in som with the rates that made it.' });

const Advertiser = z
  .object({
    key: text('The advertiser’s key: the platform and its page id, or its name when the report gives no id.'),
    name: text('The page’s or advertiser’s name as the report gives it.'),
    pageId: z.string().nullable().describe('The platform’s id of the page or advertiser, when the report gives one.'),
    disclaimer: z.string().nullable().describe('Who the ads said paid for them.'),
    source: text('The platform: meta or google.'),
    link: z
      .enum(['own', 'supporter'])
      .nullable()
      .describe('How the commission linked it to the party; null when linked to none.'),
    ads: int('Ads in the library for this advertiser.'),
    currency,
    spend: z
      .object({ min: decimal('Least, in the report’s currency'), max: decimal('Most, in the report’s currency') })
      .describe('Spend during the campaign in the report’s currency; a “≤100” row is 0.00 to 100.00.'),
    som: z
      .object({ min: decimal('Least, in som'), max: decimal('Most, in som') })
      .nullable()
      .describe('The spend in som; null when no rate was published on or before the report’s last day.'),
    rate: ExchangeRateSchema.nullable().describe('The rate used for `som`.'),
    includesEarlierDays: z.boolean().describe('True when no earlier cumulative report could be subtracted.'),
    report: z
      .object({
        id: int('Id of the stored report.'),
        file: text('The report’s file name.'),
        sha256: text('SHA-256 of the file as received.'),
        from: z.iso.date().nullable().describe('First day the report covers (YYYY-MM-DD); null for “all dates”.'),
        to: day('Last day the report covers'),
        href: text('Where the original file is served (prefix a language: /en…).'),
      })
      .describe('The report the figure is read from.'),
    subtracted: z
      .object({
        id: int('Id of the stored report.'),
        file: text('The report’s file name.'),
        sha256: text('SHA-256 of the file as received.'),
        to: day('Last day the report covers'),
      })
      .nullable()
      .describe('The earlier cumulative report subtracted, so no day counts twice.'),
  })
  .meta({ id: 'AdsAdvertiser', description: 'One advertiser’s spend during the campaign.' });

export const AdsElection = z
  .object({
    electionId: text('The election.'),
    period: z
      .object({ from: day('First day of the campaign'), to: day('Last day of the campaign') })
      .describe('The days compared: the election’s campaign.'),
    parties: z
      .array(
        z.object({
          partyRegistrationNumber: partyRef,
          own: SomTotal,
          supporter: SomTotal,
          declared: decimal('Declared online advertising during the period, in som'),
          filed: z.boolean().describe('Whether the party filed any finance report.'),
          aboveDeclaration: decimal('How far the least figure of own pages exceeds the declaration, in som')
            .nullable()
            .describe('Null when the least figure of own pages is within the declaration.'),
          advertisers: z.array(Advertiser).describe('The pages linked to the party, own and supporter.'),
        }),
      )
      .describe('Every party of the election, in ballot order.'),
    unlinked: z.array(Advertiser).describe('Advertisers the commission has linked to no party.'),
    timeline: z
      .array(
        z.object({
          day: day('A day a report ends'),
          parties: z
            .array(z.object({ partyRegistrationNumber: partyRef, min: decimal('Least'), max: decimal('Most') }))
            .describe('Each party’s own pages’ spend in som from the campaign’s start to that day.'),
        }),
      )
      .describe('Spend since the campaign began, at the end of each report day.'),
    reports: z
      .array(
        z.object({
          id: int('Id of the stored report.'),
          source: text('The platform: meta or google.'),
          currency,
          from: z.iso.date().nullable().describe('First day covered (YYYY-MM-DD); null for “all dates”.'),
          to: day('Last day covered'),
          range: z.string().nullable().describe('The platform’s name of the range (yesterday, lifetime…).'),
          file: text('The file name as received.'),
          sha256: text('SHA-256 of the file as received.'),
          rows: int('Advertisers read from the file.'),
          href: text('Where the original file is served (prefix a language: /en…).'),
        }),
      )
      .describe('Every report taken in for the election, with its original file.'),
    findings: z
      .array(
        z.object({
          id: text('Stable id of the finding.'),
          rule: z
            .enum(['ads.undeclared_spend', 'ads.third_party_spend', 'ads.unlinked_advertiser'])
            .describe('The rule that found it.'),
          severity: z.enum(['warning', 'notice']).describe('How serious it is.'),
          partyRegistrationNumber: partyRef.nullable().describe('The party; null for an advertiser linked to none.'),
          amount: decimal('Amount concerned, in som')
            .nullable()
            .describe('Amount concerned in som, two decimals; null when unknown.'),
          difference: decimal('Difference from the declaration, in som')
            .nullable()
            .describe('Difference from the declaration in som, two decimals; null for other rules.'),
          rates: z.array(ExchangeRateSchema).describe('The rates the figures used.'),
        }),
      )
      .describe('The open findings of the comparison, preliminary until the commission reviews them.'),
  })
  .meta({ id: 'AdsElection', description: 'An election’s political advertising against the declarations.' });

export const AdsElectionPath = z.object({ electionId: electionIdParam });
