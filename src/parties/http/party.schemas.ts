// The API's view of parties: the party itself, its participation in one election (ballot number,
// status), its programme and how its candidate list measures against the list rules of the law.
import { z } from 'zod';
import type { Participation, Party, Programme } from '../../domain/election.ts';
import { participationStatusSchema } from '../../domain/election.ts';
import type { ListRuleResult } from '../../domain/list-rules.ts';
import { LocalizedText } from '../../platform/api/common.schemas.ts';

const isoDate = z.iso.date();

export const PartyResource = z
  .object({
    registrationNumber: z
      .string()
      .describe('Registration number at the Ministry of Justice: the permanent id of the party.'),
    name: LocalizedText.describe('Full registered name.'),
    shortName: LocalizedText.describe('Short name as used on the ballot.'),
    leader: z.string().describe('Name of the party leader, empty when not known.'),
    foundedOn: isoDate.nullable().describe('Registration date of the party, when known.'),
    address: z.string().describe("The party's registered office (a public address, never a person's home)."),
    phone: z.string().describe('Public phone number of the office.'),
    website: z.string().describe('Website, empty when none.'),
    logoUrl: z.string().nullable().describe('Relative URL of the logo, or `null`.'),
  })
  .meta({ id: 'Party', description: 'A political party registered at the Ministry of Justice.' });
export type PartyResourceT = z.infer<typeof PartyResource>;

export const ParticipationResource = z
  .object({
    ballotNumber: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe('Position on the ballot, drawn by lot; `null` until the lottery has been drawn.'),
    status: participationStatusSchema.describe('Whether the party is still standing in this election.'),
    statusDate: isoDate.nullable().describe('Date of the last status change.'),
    statusReason: z.string().describe('Reason given for a withdrawal or deregistration.'),
  })
  .meta({ id: 'Participation', description: 'A party standing in one election.' });

export const ListRuleResultResource = z
  .object({
    rule: z
      .string()
      .describe(
        'The rule: `list-size`, `max-share-one-sex`, `max-run-one-sex`, `min-share-youth`, `min-share-minority`, `min-disabled` or `disabled-within-first`.',
      ),
    passed: z.boolean().describe('Whether the list satisfies the rule.'),
    actual: z.number().describe('The measured value (a percentage for share rules, a count or position otherwise).'),
    required: z.number().describe('The limit the rules profile of the election sets.'),
    details: z
      .record(z.string(), z.number())
      .describe('Numbers behind the measurement, e.g. `count` and `total`; keys depend on the rule.'),
  })
  .meta({ id: 'ListRuleResult', description: 'How a candidate list measures against one rule of the election law.' });

export const PartyLinks = z
  .object({
    self: z.string().describe('This party in this election.'),
    candidates: z.string().describe('Its candidate list, paginated.'),
    csv: z.string().describe('Its whole candidate list as CSV.'),
    xlsx: z.string().describe('Its whole candidate list as XLSX.'),
    json: z.string().describe('Its whole candidate list as one JSON file.'),
  })
  .meta({ id: 'PartyLinks', description: 'Relative URLs of the resources of one party in one election.' });

export const BallotEntryResource = z
  .object({
    party: PartyResource,
    participation: ParticipationResource,
    candidateCount: z
      .number()
      .int()
      .nonnegative()
      .describe('Registered candidates on the list (withdrawn ones not counted).'),
    womenCount: z.number().int().nonnegative().describe('Registered women on the list.'),
    listRulesPassed: z
      .boolean()
      .describe('True when the list satisfies every list rule of the election (see the party resource for each rule).'),
    links: PartyLinks,
  })
  .meta({ id: 'BallotEntry', description: 'One party on the ballot of an election.' });

export const BallotList = z
  .object({
    data: z.array(BallotEntryResource).describe('Parties in ballot order; parties without a number yet come last.'),
  })
  .meta({ id: 'BallotList', description: 'The parties of one election.' });

export const ProgrammeResource = z
  .object({
    text: LocalizedText.describe('Text of the programme per language.'),
    pdfUrl: z.string().nullable().describe('Relative URL of the programme as submitted (PDF), or `null`.'),
  })
  .meta({ id: 'Programme', description: 'The election programme a party submitted.' });

export const PartyDetail = z
  .object({
    electionId: z.string().describe('The election.'),
    party: PartyResource,
    participation: ParticipationResource,
    candidateCount: z.number().int().nonnegative().describe('Registered candidates on the list.'),
    womenCount: z.number().int().nonnegative().describe('Registered women on the list.'),
    programme: ProgrammeResource.nullable().describe('The programme, or `null` when none was submitted.'),
    listRules: z.array(ListRuleResultResource).describe('The list measured against every list rule of the election.'),
    links: PartyLinks,
  })
  .meta({ id: 'PartyDetail', description: 'A party in one election with its programme and list-rule results.' });

export function blobUrl(key: string | null): string | null {
  return key ? `/blobs/${key}` : null;
}

export function toPartyResource(p: Party): PartyResourceT {
  return {
    registrationNumber: p.registrationNumber,
    name: p.name,
    shortName: p.shortName,
    leader: p.leader,
    foundedOn: p.foundedOn,
    address: p.address,
    phone: p.phone,
    website: p.website,
    logoUrl: blobUrl(p.logoBlobKey),
  };
}

export function toParticipationResource(p: Participation): z.infer<typeof ParticipationResource> {
  return { ballotNumber: p.ballotNumber, status: p.status, statusDate: p.statusDate, statusReason: p.statusReason };
}

export function toProgrammeResource(p: Programme | undefined): z.infer<typeof ProgrammeResource> | null {
  return p ? { text: p.text, pdfUrl: blobUrl(p.pdfBlobKey) } : null;
}

export function toListRuleResource(r: ListRuleResult): z.infer<typeof ListRuleResultResource> {
  return {
    rule: r.rule,
    passed: r.passed,
    actual: r.actual,
    required: r.required,
    details: { ...r.details },
  };
}

export function partyLinks(electionId: string, reg: string): z.infer<typeof PartyLinks> {
  const base = `/api/v1/elections/${encodeURIComponent(electionId)}/parties/${encodeURIComponent(reg)}`;
  return {
    self: base,
    candidates: `${base}/candidates`,
    csv: `${base}/candidates.csv`,
    xlsx: `${base}/candidates.xlsx`,
    json: `${base}/candidates.json`,
  };
}
