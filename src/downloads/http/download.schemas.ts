// The API's view of a downloaded list as one JSON file.
import { z } from 'zod';
import { CandidateResource } from '../../candidates/index.ts';

export const CandidateListFile = z
  .object({
    electionId: z.string().describe('The election.'),
    partyRegistrationNumber: z.string().describe('The party.'),
    synthetic: z.boolean().describe('True when the candidates are synthetic demo data.'),
    candidates: z.array(CandidateResource).describe('The whole list, in list order, withdrawn candidates included.'),
  })
  .meta({ id: 'CandidateListFile', description: "A party's whole candidate list as one JSON file." });
