// API routes of donors and payees: the ranked lists of an election and one donor's or payee's lines.
// Registered inside the /api scope, which supplies the zod compilers, the error body, cache headers and
// the OpenAPI document.
import type { AppContext } from '../../platform/app-context.ts';
import { notFound, type ApiInstance } from '../../platform/api/api-http.ts';
import { badRequestResponse, jsonResponse, notFoundResponse } from '../../platform/api/common.schemas.ts';
import type { Counterpart as CounterpartT, CounterpartLine as LineT, Role } from '../core/aggregates.ts';
import { counterpartPage, topList } from '../explore.service.ts';
import { CounterpartDetail, DonorPath, ElectionPath, PayeePath, TopList, TopQuery } from './api.schemas.ts';

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
        data: list.rows.slice(0, q.limit).map((r) => ({
          rank: r.rank,
          amount: r.amount,
          count: r.count,
          counterpart: counterpartResource(r.counterpart),
        })),
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
      const params = req.params as { electionId: string; donorId?: string; payeeId?: string };
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

export function exploreApi(api: ApiInstance, ctx: AppContext): void {
  roleApi(api, ctx, 'donor');
  roleApi(api, ctx, 'payee');
}
