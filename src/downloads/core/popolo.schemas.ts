// The whole election in the Popolo data specification (https://www.popoloproject.com): persons,
// organizations (parties), memberships (candidacies on a list) and the election as an event, the
// shape civic-tech tools already read. Field names are Popolo's (snake_case), not the API's.
import { z } from 'zod';

const isoDate = z.iso.date();

export const PopoloOtherName = z
  .object({
    name: z.string().describe('The name in this script or language.'),
    lang: z.string().describe('BCP 47 tag of the script or language: `ky`, `ru`, `en`, `ky-Latn`.'),
    note: z.string().describe('What this form of the name is.'),
  })
  .meta({ id: 'PopoloOtherName', description: 'A name of a person or organization in one script or language.' });

export const PopoloIdentifier = z
  .object({
    scheme: z.string().describe('Who issued the identifier.'),
    identifier: z.string().describe('The identifier.'),
  })
  .meta({ id: 'PopoloIdentifier', description: 'An identifier issued by an authority (never a personal PIN).' });

export const PopoloPerson = z
  .object({
    id: z.string().describe('Id within this file: one person per candidacy, `candidate-{id}`.'),
    name: z.string().describe('Name in Kyrgyz (Cyrillic).'),
    sort_name: z.string().describe('Name in Latin script, for sorting.'),
    other_names: z.array(PopoloOtherName).describe('The name in every script the commission records.'),
    gender: z.enum(['female', 'male']).describe('Sex, as registered.'),
    birth_date: isoDate.describe('Date of birth.'),
    identifiers: z.array(PopoloIdentifier).describe('Identifiers on this platform.'),
  })
  .meta({ id: 'PopoloPerson', description: 'A Popolo person: one candidate.' });

export const PopoloOrganization = z
  .object({
    id: z.string().describe('Id within this file: `party-{registrationNumber}`.'),
    name: z.string().describe('Registered name in Kyrgyz.'),
    other_names: z.array(PopoloOtherName).describe('Full and short names per language.'),
    classification: z.literal('party').describe('Always `party`.'),
    identifiers: z.array(PopoloIdentifier).describe('The registration number at the Ministry of Justice.'),
    founding_date: isoDate.optional().describe('Registration date, when known.'),
    links: z
      .array(z.object({ url: z.string().describe('Address.'), note: z.string().describe('What it is.') }))
      .describe('Website, when the party has one.'),
  })
  .meta({ id: 'PopoloOrganization', description: 'A Popolo organization: one party standing in the election.' });

export const PopoloMembership = z
  .object({
    id: z.string().describe('Id within this file: `candidacy-{candidate id}`.'),
    person_id: z.string().describe('The person.'),
    organization_id: z.string().describe('The party whose list this is.'),
    on_behalf_of_id: z.string().describe('The party the candidate stands for (the same party for list candidates).'),
    role: z.literal('candidate').describe('Always `candidate`.'),
    label: z.string().describe('Human-readable summary of the candidacy.'),
    list_position: z.number().int().positive().describe('Extension: position on the party list, from 1.'),
    status: z
      .enum(['registered', 'withdrawn', 'deregistered'])
      .describe('Extension: whether the candidate still stands.'),
    election_id: z.string().describe('Extension: the id of the election event.'),
    start_date: isoDate.describe('Start of the candidacy: the first day of the campaign.'),
    end_date: isoDate.describe('End of the candidacy: election day, or the date of withdrawal.'),
  })
  .meta({ id: 'PopoloMembership', description: 'A Popolo membership: one candidacy on a party list.' });

export const PopoloEvent = z
  .object({
    id: z.string().describe('The election id.'),
    name: z.string().describe('Name of the election in Kyrgyz.'),
    classification: z.literal('general election').describe('Always `general election`.'),
    start_date: isoDate.describe('Election day.'),
    end_date: isoDate.describe('Election day.'),
    status: z.string().describe('Stage of the election (`annulled` when its results were cancelled).'),
    identifiers: z.array(PopoloIdentifier).describe('The election id on this platform.'),
  })
  .meta({ id: 'PopoloEvent', description: 'A Popolo event: the election itself.' });

export const PopoloExport = z
  .object({
    meta: z
      .object({
        election_id: z.string().describe('The election.'),
        synthetic: z.boolean().describe('True when the candidates are synthetic demo data.'),
        notice: z.string().describe('What the data is and is not; says so when it is synthetic.'),
        source: z.string().describe('The API resource this file was made from.'),
        specification: z.string().describe('The Popolo specification.'),
      })
      .describe('About this file.'),
    events: z.array(PopoloEvent).describe('The election.'),
    persons: z.array(PopoloPerson).describe('Every candidate.'),
    organizations: z.array(PopoloOrganization).describe('Every party standing.'),
    memberships: z.array(PopoloMembership).describe('Every candidacy.'),
  })
  .meta({ id: 'PopoloExport', description: 'One election as Popolo JSON.' });
export type PopoloExportT = z.infer<typeof PopoloExport>;
