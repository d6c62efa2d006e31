// The API's view of the cross-script name search: the query parameters and the ranked hits.
import { z } from 'zod';
import { LocalizedText } from '../../platform/api/common.schemas.ts';
import { CandidateResource } from '../../candidates/index.ts';

export const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('A name or part of one, in any script: Kyrgyz or Russian Cyrillic, or any Latin spelling.')
    .meta({ examples: ['Shaildabekova'] }),
  election: z.string().min(1).max(80).optional().describe('Only candidates of this election (id).'),
  limit: z.coerce.number().int().min(1).max(200).default(20).describe('Most hits to return, 1–200.'),
});

export const SearchHitResource = z
  .object({
    candidate: CandidateResource,
    partyName: LocalizedText.describe('Name of the party whose list the candidate is on.'),
    electionName: LocalizedText.describe('Name of the election.'),
  })
  .meta({ id: 'SearchHit', description: 'A candidate whose name matches the query.' });

export const SearchResults = z
  .object({
    query: z.string().describe('The query as understood (trimmed).'),
    data: z.array(SearchHitResource).describe('Hits, best match first.'),
  })
  .meta({ id: 'SearchResults', description: 'Candidates found by name across scripts and spellings.' });
