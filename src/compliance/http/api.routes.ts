// The findings part of the public API: `GET /v1/elections/{electionId}/findings`, the findings of an
// election that the commission published, in the public shape (money in integer tyiyn, no individual's
// identity number anywhere). Before publication the list is empty; an unknown election is 404.
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { notFound, type ApiInstance } from '../../platform/api/api-http.ts';
import {
  badRequestResponse,
  ElectionPathParams,
  jsonResponse,
  notFoundResponse,
} from '../../platform/api/common.schemas.ts';
import { getElection } from '../../elections/index.ts';
import { FINDING_STATUSES, REMEDY_KINDS, SEVERITIES } from '../core/finding.ts';
import { loadPublishedFindings } from '../publication.service.ts';

export const COMPLIANCE_API_TAG = {
  name: 'Findings',
  description:
    'Findings of the preliminary check of every donation against the state registries, as the commission published them.',
};

const tyiynField = z.number().int().describe('Money in tyiyn (1 som = 100 tyiyn).');

export const FindingRemedy = z
  .object({
    kind: z.enum(REMEDY_KINDS).describe('What the law says must happen to the money.'),
    amount: tyiynField,
    deadline: z.string().describe('The day (YYYY-MM-DD) by which the remedy is due.'),
  })
  .meta({ id: 'FindingRemedy', description: 'The remedy the law sets for a finding.' });

export const PublishedFinding = z
  .object({
    id: z.string().describe('Stable id: the same finding has the same id on every run of the analysis.'),
    rule: z.string().describe('The rule’s stable id, e.g. `prohibited.foreign_citizen`, `cap.individual`.'),
    severity: z.enum(SEVERITIES).describe('`error`: against the law; `warning`: to be looked at.'),
    status: z.enum(FINDING_STATUSES).describe('Published findings are `confirmed` or `remedied`.'),
    party: z.string().describe('The party’s registration number.'),
    election: z.string().describe('The election id.'),
    lineIds: z.array(z.string()).describe('The report lines concerned, e.g. `R-7` (receipt 7).'),
    donor: z
      .object({ type: z.string(), name: z.string() })
      .nullable()
      .describe('The donor as reported; never an individual’s identity number.'),
    amount: tyiynField.nullable().describe('The amount concerned, in tyiyn.'),
    excess: tyiynField.nullable().describe('Over a cap: the amount over it.'),
    remedy: FindingRemedy.nullable().describe('The remedy the law sets, when it sets one.'),
    evidence: z
      .record(z.string(), z.unknown())
      .describe('Why: the report lines, the registry record as of its snapshot, the computation; no personal data.'),
  })
  .meta({ id: 'PublishedFinding', description: 'A finding the commission confirmed and published.' });

export const PublishedFindingList = z
  .object({
    findings: z.array(PublishedFinding).describe('The published findings; empty before the commission publishes.'),
  })
  .meta({ id: 'PublishedFindingList', description: 'The published findings of an election.' });

export function complianceApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections/:electionId/findings',
    {
      schema: {
        operationId: 'listPublishedFindings',
        tags: [COMPLIANCE_API_TAG.name],
        summary: 'List the published findings of an election',
        description:
          'The findings of the preliminary check that the commission confirmed and decided to publish, with the remedy the law sets and whether it is done. Empty until the commission publishes.',
        params: ElectionPathParams,
        response: {
          200: jsonResponse('The published findings.', PublishedFindingList),
          ...badRequestResponse,
          ...notFoundResponse,
        },
      },
    },
    async (req) => {
      const { electionId } = req.params;
      if (!(await getElection(ctx, electionId))) throw notFound(`There is no election "${electionId}".`);
      const published = await loadPublishedFindings(ctx, electionId);
      return { findings: published?.findings ?? [] };
    },
  );
}
