// API routes of donors and payees: the ranked lists of an election and one donor's or payee's lines.
// Registered inside the /api scope, which supplies the zod compilers, the error body, cache headers and
// the OpenAPI document.
import type { PartySide } from '../core/breakdowns.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { ApiError, notFound, type ApiInstance } from '../../platform/api/api-http.ts';
import { badRequestResponse, jsonResponse, notFoundResponse } from '../../platform/api/common.schemas.ts';
import type { Counterpart as CounterpartT, CounterpartLine as LineT, Role, TopRow } from '../core/aggregates.ts';
import type { Bucket } from '../core/breakdowns.ts';
import { breakdownPage, comparisonPage, counterpartPage, topList } from '../explore.service.ts';
import {
  Breakdown,
  BreakdownQuery,
  Comparison,
  ComparisonQuery,
  CounterpartDetail,
  CounterpartParams,
  DonorPath,
  ElectionPath,
  PayeePath,
  TopList,
  TopQuery,
} from './api.schemas.ts';

export const EXPLORE_API_TAG = {
  name: 'Donors and payees',
  description:
    'Donors and payees merged by identity across parties, reports and spellings: ranked lists and each one’s lines. Never a PIN.',
};

const BASIS =
  'Only lines of the latest filed version of each report count. One PIN or INN is one entry however the name was spelled; lines without a number are grouped by name and marked `identifiedBy: name`.';

const counterpartResource = (c: CounterpartT) => ({
  id: c.id,
  identifiedBy: c.basis,
  inn: c.inn,
  name: c.name,
  names: c.names,
  kinds: c.kinds,
  total: c.total,
  count: c.count,
  firstDate: c.first,
  lastDate: c.last,
  parties: c.parties.map((p) => ({ partyRegistrationNumber: p.party, amount: p.amount, count: p.count })),
});

const topEntry = (r: TopRow) => ({
  rank: r.rank,
  amount: r.amount,
  count: r.count,
  counterpart: counterpartResource(r.counterpart),
});

/** A bucket under the name of its key (`donorType`, `month`, `weekStart`, `category`). */
const bucketAs =
  <K extends string>(name: K) =>
  (b: Bucket) =>
    ({ [name]: b.key, amount: b.amount, count: b.count }) as Record<K, string> & { amount: number; count: number };

const lineResource = (x: LineT) => ({
  id: x.id,
  filingId: x.filingId,
  partyRegistrationNumber: x.party,
  lineId: x.lineId,
  date: x.date,
  amount: x.amount,
  name: x.name,
  kind: x.kind,
  note: x.note,
});

function roleApi(api: ApiInstance, ctx: AppContext, role: Role): void {
  const plural = role === 'donor' ? 'donors' : 'payees';
  const Plural = role === 'donor' ? 'Donors' : 'Payees';
  const what = role === 'donor' ? 'donor' : 'payee';
  api.get(
    `/v1/elections/:electionId/${plural}`,
    {
      schema: {
        operationId: `list${Plural}`,
        tags: [EXPLORE_API_TAG.name],
        summary: `List the top ${plural} of an election`,
        description: `Every ${what} of the election, most money first, with the parties involved. Filter by party, or to those involved with more than one party. ${BASIS}`,
        params: ElectionPath,
        querystring: TopQuery,
        response: {
          200: jsonResponse(`The ranked ${plural}.`, TopList),
          ...badRequestResponse,
          ...notFoundResponse,
        },
      },
    },
    async (req) => {
      const q = req.query;
      const filter = {
        ...(q.party !== undefined ? { party: q.party } : {}),
        ...(q.multiParty === 'true' ? { minParties: 2 } : {}),
      };
      const list = await topList(ctx, req.params.electionId, role, 'en', filter);
      if (!list) throw notFound(`There is no election "${req.params.electionId}".`);
      return {
        electionId: list.election.id,
        total: list.rows.length,
        data: list.rows.slice(0, q.limit).map(topEntry),
      };
    },
  );

  api.get(
    `/v1/elections/:electionId/${plural}/:${what}Id`,
    {
      schema: {
        operationId: `get${role === 'donor' ? 'Donor' : 'Payee'}`,
        tags: [EXPLORE_API_TAG.name],
        summary: `Get one ${what} with every line`,
        description: `The ${what}’s totals per party and every line in the election, oldest first. ${BASIS}`,
        params: role === 'donor' ? DonorPath : PayeePath,
        response: {
          200: jsonResponse(`The ${what} and its lines.`, CounterpartDetail),
          ...badRequestResponse,
          ...notFoundResponse,
        },
      },
    },
    async (req) => {
      const params = CounterpartParams.parse(req.params);
      const id = (role === 'donor' ? params.donorId : params.payeeId) ?? '';
      const found = await counterpartPage(ctx, params.electionId, role, id, 'en');
      // The number asked for is not repeated: it might be someone's PIN.
      if (!found) throw notFound(`No ${what} of the election "${params.electionId}" has this identifier or INN.`);
      return {
        electionId: found.election.id,
        counterpart: counterpartResource(found.counterpart),
        lines: found.lines.map(lineResource),
      };
    },
  );
}

function breakdownApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections/:electionId/breakdown',
    {
      schema: {
        operationId: 'getBreakdown',
        tags: [EXPLORE_API_TAG.name],
        summary: 'Get the money of an election in detail',
        description: `Gifts by size band (ending at the caps of the election’s rules), by kind of donor, by month and by week; donors giving to more than one party; spending by category per party. For one party with \`party\`. ${BASIS}`,
        params: ElectionPath,
        querystring: BreakdownQuery,
        response: {
          200: jsonResponse('The breakdowns.', Breakdown),
          ...badRequestResponse,
          ...notFoundResponse,
        },
      },
    },
    async (req) => {
      const found = await breakdownPage(ctx, req.params.electionId, 'en', req.query.party);
      if (!found) throw notFound(`There is no election "${req.params.electionId}".`);
      const b = found.breakdowns;
      return {
        electionId: found.election.id,
        partyRegistrationNumber: found.party ?? null,
        sizeBands: b.bands,
        donorTypes: b.donorTypes.map(bucketAs('donorType')),
        months: b.months.map(bucketAs('month')),
        weeks: b.weeks.map(bucketAs('weekStart')),
        multiPartyDonors: found.multiParty,
        spending: b.spending.map((x) => ({
          partyRegistrationNumber: x.party,
          total: x.total,
          count: x.count,
          categories: x.categories.map(bucketAs('category')),
        })),
      };
    },
  );

  api.get(
    '/v1/elections/:electionId/comparison',
    {
      schema: {
        operationId: 'compareParties',
        tags: [EXPLORE_API_TAG.name],
        summary: 'Compare two to four parties of an election',
        description: `Totals, spending by category, top donors and receipts per week of each party, side by side. ${BASIS}`,
        params: ElectionPath,
        querystring: ComparisonQuery,
        response: {
          200: jsonResponse('The parties side by side.', Comparison),
          ...badRequestResponse,
          ...notFoundResponse,
        },
      },
    },
    async (req) => {
      const asked = req.query.parties.split(',');
      const found = await comparisonPage(ctx, req.params.electionId, 'en', asked);
      if (!found) throw notFound(`There is no election "${req.params.electionId}".`);
      const c = found.comparison;
      const compared = new Set(c.parties.map((x) => x.party));
      const unknown = asked.filter((p) => !compared.has(p));
      if (unknown.length > 0 || c.parties.length !== new Set(asked).size) {
        throw new ApiError(
          400,
          'invalid_request',
          `Not a party of the election "${found.election.id}": ${unknown.join(', ') || 'a party is named twice'}.`,
        );
      }
      return {
        electionId: found.election.id,
        weeks: c.weeks,
        categories: c.categories,
        parties: c.parties.map(comparedParty),
      };
    },
  );
}

/** One party of a comparison as the API shows it: money in tyiyn, buckets named by what they count. */
function comparedParty(x: PartySide) {
  const { party, categories, topDonors, weeks, ...figures } = x;
  return {
    partyRegistrationNumber: party,
    ...figures,
    categories: categories.map(bucketAs('category')),
    topDonors: topDonors.map(topEntry),
    weeks: weeks.map(bucketAs('weekStart')),
  };
}

export function exploreApi(api: ApiInstance, ctx: AppContext): void {
  roleApi(api, ctx, 'donor');
  roleApi(api, ctx, 'payee');
  breakdownApi(api, ctx);
}
