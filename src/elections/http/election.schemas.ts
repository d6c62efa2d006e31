// The API's view of an election: the public record only, with links to the resources under it.
import { z } from 'zod';
import type { Election } from '../../domain/election.ts';
import { electionKindSchema, electionStatusSchema } from '../../domain/election.ts';
import { LocalizedText } from '../../platform/api/common.schemas.ts';

const isoDate = z.iso.date();

export const ElectionLinks = z
  .object({
    self: z.string().describe('This election.'),
    parties: z.string().describe('Its parties in ballot order.'),
    candidates: z.string().describe('All its candidates, paginated.'),
    popolo: z.string().describe('The whole election as Popolo JSON.'),
  })
  .meta({ id: 'ElectionLinks', description: 'Relative URLs of the resources of one election.' });

export const ElectionResource = z
  .object({
    id: z.string().describe('Permanent id, lowercase letters, digits and hyphens.'),
    kind: electionKindSchema.describe('Kind of election.'),
    name: LocalizedText.describe('Official name.'),
    electionDay: isoDate.describe('Voting day.'),
    calledOn: isoDate.describe('Day the election was called.'),
    campaignStart: isoDate.describe('First day of the campaign.'),
    campaignEnd: isoDate.describe('Last day of the campaign (the day of silence follows).'),
    seats: z.number().int().positive().describe('Seats filled by this election (for parliament: by party lists).'),
    thresholdBasisPoints: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .describe('National threshold a list must pass, in basis points of the votes (7 % = 700).'),
    status: electionStatusSchema.describe('Stage of the election; `annulled` when its results were cancelled.'),
    rulesProfileId: z.string().describe('The rules profile (quotas, caps, deadlines) that applies.'),
    synthetic: z
      .boolean()
      .describe('True when the people and money in this election are synthetic demo data, not a real record.'),
    links: ElectionLinks,
  })
  .meta({ id: 'Election', description: 'An election as called by the Central Election Commission.' });
export type ElectionResourceT = z.infer<typeof ElectionResource>;

export const ElectionList = z
  .object({ data: z.array(ElectionResource).describe('Every election, newest first.') })
  .meta({ id: 'ElectionList', description: 'All elections on this platform.' });

export function electionLinks(id: string): z.infer<typeof ElectionLinks> {
  const base = `/api/v1/elections/${encodeURIComponent(id)}`;
  return { self: base, parties: `${base}/parties`, candidates: `${base}/candidates`, popolo: `${base}/popolo.json` };
}

export function toElectionResource(e: Election): ElectionResourceT {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    electionDay: e.electionDay,
    calledOn: e.calledOn,
    campaignStart: e.campaignStart,
    campaignEnd: e.campaignEnd,
    seats: e.seats,
    thresholdBasisPoints: e.thresholdBasisPoints,
    status: e.status,
    rulesProfileId: e.rulesProfileId,
    synthetic: e.synthetic,
    links: electionLinks(e.id),
  };
}
