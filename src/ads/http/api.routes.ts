// API route of political advertising: one election's comparison of the platforms' figures with the
// parties' declarations. Registered inside the /api scope (zod compilers, error body, cache headers,
// the OpenAPI document).
import type { AppContext } from '../../platform/app-context.ts';
import { notFound, type ApiInstance } from '../../platform/api/api-http.ts';
import { badRequestResponse, jsonResponse, notFoundResponse } from '../../platform/api/common.schemas.ts';
import { adsOverview, findingsOfElection } from '../ads.service.ts';
import { adsResource } from '../ads-export.ts';
import { AdsElection, AdsElectionPath } from './api.schemas.ts';

export const ADS_API_TAG = {
  name: 'Political advertising',
  description:
    'What the platforms’ ad libraries (Meta, Google) say was spent on each party’s ads during the campaign, in som with the official rate used, beside the party’s declared online advertising.',
};

export function adsApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections/:electionId/ads',
    {
      schema: {
        operationId: 'getElectionAds',
        tags: [ADS_API_TAG.name],
        summary: 'Get an election’s political advertising',
        description:
          'Per party: the spend range of its own pages and of supporter pages (linked by the commission), converted at the National Bank’s rate on the last day of each report, and its declared online advertising for the campaign. Cumulative reports are subtracted so that no day counts twice.',
        params: AdsElectionPath,
        response: {
          200: jsonResponse('The election’s advertising.', AdsElection),
          ...badRequestResponse,
          ...notFoundResponse,
        },
      },
    },
    async (req) => {
      const o = await adsOverview(ctx, req.params.electionId);
      if (!o) throw notFound(`There is no election "${req.params.electionId}".`);
      return adsResource(o, await findingsOfElection(ctx.db, o.election.id));
    },
  );
}
