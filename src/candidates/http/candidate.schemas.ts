// The API's view of candidates and the parameters of candidate listings (filters, sort, keyset
// pagination). A candidate here is the public record only: the schema has no PIN field, and the
// serializer drops any key the schema does not name, so a PIN could not leave even by mistake.
import { z } from 'zod';
import type { PublicCandidate } from '../../domain/election.ts';
import { candidateStatusSchema, sexSchema } from '../../domain/election.ts';
import { candidateSorts } from '../candidate.repository.ts';
import type { Memo } from '../../platform/memo.ts';
import { LocalizedText, Pagination, pageQueryShape } from '../../platform/api/common.schemas.ts';

const isoDate = z.iso.date();

export const CandidateResource = z
  .object({
    id: z.number().int().positive().describe('Permanent id of this candidacy on the platform.'),
    electionId: z.string().describe('The election.'),
    partyRegistrationNumber: z.string().describe('The party whose list the candidate is on.'),
    listPosition: z.number().int().positive().describe('Position on the party list, from 1.'),
    nameKy: z.string().describe('Name as written in Kyrgyz (Cyrillic).'),
    nameRu: z.string().describe('Name as written in Russian documents (Cyrillic).'),
    nameLatin: z.string().describe('Name in Latin script (transliteration).'),
    birthDate: isoDate.describe('Date of birth, as published by the commission.'),
    sex: sexSchema.describe('Sex, as registered.'),
    occupation: z.string().describe('Occupation and employer, as declared.'),
    placeOfResidence: z.string().describe('Settlement or district only; a home address is never published.'),
    ethnicMinority: z.boolean().describe('Counted towards the ethnic-minority quota of the list.'),
    disability: z.boolean().describe('Counted towards the quota for persons with disabilities.'),
    status: candidateStatusSchema.describe('Whether the candidate still stands.'),
    withdrawnOn: isoDate.nullable().describe('Date of withdrawal or deregistration, when not registered.'),
  })
  .meta({ id: 'Candidate', description: 'A person on a party list in one election (public fields only).' });
export type CandidateResourceT = z.infer<typeof CandidateResource>;

export const CandidatePage = z
  .object({
    data: z.array(CandidateResource).describe('One page of candidates.'),
    pagination: Pagination,
  })
  .meta({ id: 'CandidatePage', description: 'One page of a candidate listing.' });

export const CandidateDetail = z
  .object({
    candidate: CandidateResource,
    party: z
      .object({
        registrationNumber: z.string().describe('Registration number of the party.'),
        name: LocalizedText.describe('Full name of the party.'),
        shortName: LocalizedText.describe('Short name of the party.'),
      })
      .describe('The party whose list the candidate is on.'),
    election: z
      .object({
        id: z.string().describe('Election id.'),
        name: LocalizedText.describe('Name of the election.'),
        synthetic: z.boolean().describe('True when the election is synthetic demo data.'),
      })
      .describe('The election.'),
  })
  .meta({ id: 'CandidateDetail', description: 'A candidate with the party and election they stand in.' });

export const CandidatePathParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .describe('Candidate id.')
    .meta({ examples: [1] }),
});

const listQueryShape = {
  ...pageQueryShape,
  sort: z
    .enum(candidateSorts)
    .default('position')
    .describe('Sort key: `position` on the list, `name` (Latin form) or `birthDate`; ties are broken by id.'),
  order: z.enum(['asc', 'desc']).default('asc').describe('Sort direction.'),
  sex: sexSchema.optional().describe('Only candidates of this sex.'),
  status: candidateStatusSchema.optional().describe('Only candidates with this status.'),
};

export const ListCandidatesQuery = z.object(listQueryShape);
export const ElectionCandidatesQuery = z.object({
  ...listQueryShape,
  party: z.string().min(1).max(40).optional().describe('Only candidates of the party with this registration number.'),
});

export function toCandidateResource(c: PublicCandidate): CandidateResourceT {
  return {
    id: c.id,
    electionId: c.electionId,
    partyRegistrationNumber: c.partyRegistrationNumber,
    listPosition: c.listPosition,
    nameKy: c.nameKy,
    nameRu: c.nameRu,
    nameLatin: c.nameLatin,
    birthDate: c.birthDate,
    sex: c.sex,
    occupation: c.occupation,
    placeOfResidence: c.placeOfResidence,
    ethnicMinority: c.ethnicMinority,
    disability: c.disability,
    status: c.status,
    withdrawnOn: c.withdrawnOn,
  };
}

/**
 * A page of a candidate listing as the API's serializer writes it (`z.encode` with `CandidatePage`,
 * then JSON), with each candidate's part written once per candidate object instead of once per
 * response: the listing held in memory hands out the same objects until the candidates change, and
 * encoding a hundred candidates through the schema is most of what a page costs otherwise. The parts
 * are kept in `memo` (weakly, so they go with the objects).
 */
export function candidatePageJson(
  memo: Memo,
  data: readonly PublicCandidate[],
  pagination: z.input<typeof Pagination>,
): string {
  let parts = memo.get<WeakMap<PublicCandidate, string>>('candidates.api', 'resource-json');
  if (!parts) memo.set('candidates.api', 'resource-json', (parts = new WeakMap()));
  let out = '{"data":[';
  let first = true;
  for (const c of data) {
    let json = parts.get(c);
    if (json === undefined) {
      json = JSON.stringify(z.encode(CandidateResource, toCandidateResource(c)));
      parts.set(c, json);
    }
    out += first ? json : `,${json}`;
    first = false;
  }
  return `${out}],"pagination":${JSON.stringify(z.encode(Pagination, pagination))}}`;
}
