// API routes of campaign finance: totals with breakdowns, the cumulative timeline, report deadlines,
// and the itemised receipts and expenditures with the same filters and keyset pagination as the
// pages. Registered inside the /api scope (api/api.routes.ts), which supplies the zod compilers,
// the error body, cache headers and the OpenAPI document.
import type { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { tyiyn } from '../../domain/money.ts';
import { ApiError, notFound, type ApiInstance } from '../../platform/api/api-http.ts';
import { ElectionPathParams, lookupResponses } from '../../platform/api/common.schemas.ts';
import { categoryGroupOf, type FinanceTotals as Totals } from '../core/totals.ts';
import {
  categoriesAsked,
  type LineFilter,
  type LinePage,
  type PublicExpenditure,
  type PublicReceipt,
} from '../core/lines.ts';
import type { Result } from '../../platform/result.ts';
import { totalsOf, type ElectionFinanceView, type FilingAnnouncement } from '../core/finance-view.ts';
import {
  electionExpenditures,
  electionReceipts,
  loadElectionFinanceReports,
  loadElectionFinanceView,
  type LineListingRefusal,
  type PageAsked,
} from '../finance.service.ts';
import {
  ExpendituresQuery,
  FinanceExpenditurePage,
  FinanceReceiptPage,
  FinanceReports,
  FinanceTimeline,
  FinanceTotals,
  ReceiptsQuery,
  TimelineQuery,
} from './api.schemas.ts';

/** The tag of these operations in the OpenAPI document; api.routes.ts lists tags with a description. */
export const FINANCE_API_TAG = {
  name: 'Finance',
  description: 'Electoral funds: totals, deadlines, itemised receipts and expenditures.',
};

/** The API's error for a listing that has no page. */
function refused(refusal: LineListingRefusal, electionId: string): ApiError {
  switch (refusal) {
    case 'no_election':
      return noElection(electionId);
    case 'invalid_cursor':
      return new ApiError(
        400,
        'invalid_cursor',
        'The cursor is not one this API gave out for this sort; start again without `cursor` and follow `pagination.next`.',
      );
  }
}

function nextLink(url: string, cursor: string | null): string | null {
  if (cursor === null) return null;
  const u = new URL(url, 'http://api.invalid');
  u.searchParams.set('cursor', cursor);
  return `${u.pathname}${u.search}`;
}

/** One page of a line listing as the API answers it: the items as resources and the link to the next page. */
async function linesAnswer<T, R>(
  req: { url: string; params: { electionId: string }; query: PageAsked },
  resource: (line: T) => R,
  list: (asked: PageAsked) => Promise<Result<LinePage<T>, LineListingRefusal>>,
) {
  const q = req.query;
  const page = await list({ sort: q.sort, order: q.order, limit: q.limit, cursor: q.cursor });
  if (!page.ok) throw refused(page.error, req.params.electionId);
  return {
    data: page.value.items.map(resource),
    pagination: { limit: q.limit, nextCursor: page.value.nextCursor, next: nextLink(req.url, page.value.nextCursor) },
  };
}

const noElection = (electionId: string) => notFound(`There is no election "${electionId}".`);

interface ListParams {
  party?: string | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
}

function lineFilter(electionId: string, q: ListParams): LineFilter {
  return {
    electionId,
    ...(q.party !== undefined ? { party: q.party } : {}),
    ...(q.dateFrom !== undefined ? { dateFrom: q.dateFrom } : {}),
    ...(q.dateTo !== undefined ? { dateTo: q.dateTo } : {}),
    ...(q.minAmount !== undefined ? { minAmount: tyiyn(q.minAmount) } : {}),
    ...(q.maxAmount !== undefined ? { maxAmount: tyiyn(q.maxAmount) } : {}),
  };
}

function figures(x: Totals) {
  return {
    receipts: x.receipts,
    expenditures: x.expenditures,
    refunds: x.refunds,
    balance: x.balance,
    receiptCount: x.receiptCount,
    expenditureCount: x.expenditureCount,
    refundCount: x.refundCount,
    byDonorType: x.byDonorType.map((d) => ({ donorType: d.key, amount: d.amount, count: d.count })),
    byCategory: x.byCategory.map((c) => ({
      category: c.key,
      categoryGroup: categoryGroupOf(c.key),
      amount: c.amount,
      count: c.count,
    })),
  };
}

const expenditureResource = (x: PublicExpenditure) => ({
  id: x.id,
  filingId: x.filingId,
  partyRegistrationNumber: x.partyRegistrationNumber,
  lineId: x.lineId,
  date: x.date,
  amount: x.amount,
  category: x.category,
  categoryGroup: categoryGroupOf(x.category),
  payeeName: x.payeeName,
  documentNumber: x.documentNumber,
  description: x.description,
});

const PAGINATION_NOTE =
  'Keyset pagination: follow `pagination.next` (or pass `pagination.nextCursor` as `cursor` with the same other parameters) until it is `null`. Only lines of the latest filed version of each report are listed.';

async function viewOrThrow(ctx: AppContext, electionId: string): Promise<ElectionFinanceView> {
  const view = await loadElectionFinanceView(ctx, electionId);
  if (!view) throw noElection(electionId);
  return view;
}

function totalsResource(view: ElectionFinanceView) {
  return {
    electionId: view.election.id,
    synthetic: view.election.synthetic,
    currency: 'KGS' as const,
    total: figures(view.total),
    parties: view.parties.map((p) => ({
      registrationNumber: p.registrationNumber,
      name: p.entry ? p.entry.party.name : null,
      shortName: p.entry ? p.entry.party.shortName : null,
      ballotNumber: p.entry?.participation.ballotNumber ?? null,
      figures: figures(p.totals),
      lateReports: p.late,
      missingReports: p.missing,
    })),
  };
}

function reportsResource(view: ElectionFinanceView, filings: readonly FilingAnnouncement[]) {
  return {
    electionId: view.election.id,
    today: view.today,
    deadlines: view.deadlines,
    parties: view.parties.map((p) => ({
      registrationNumber: p.registrationNumber,
      reports: p.reports.map((r) => ({
        kind: r.kind,
        dueDate: r.dueDate,
        state: r.status.state,
        filedOn: r.status.state === 'filed' || r.status.state === 'late' ? r.status.filedOn : null,
        coveredBy: r.status.state === 'filed' ? (r.status.coveredBy ?? null) : null,
        daysLate: r.status.state === 'late' ? r.status.daysLate : null,
        daysOverdue: r.status.state === 'missing' ? r.status.daysOverdue : null,
        daysLeft: r.status.state === 'due' ? r.status.daysLeft : null,
      })),
    })),
    filings: filings.map((f) => ({
      filingId: f.filingId,
      partyRegistrationNumber: f.partyRegistrationNumber,
      reportKind: f.reportKind,
      periodFrom: f.periodFrom,
      periodTo: f.periodTo,
      version: f.version,
      status: f.status,
      latest: f.isLatest,
      submittedAt: f.submittedAt,
      receipts: f.totalReceipts,
      expenditures: f.totalExpenditures,
      refunds: f.totalRefunds,
      closingBalance: f.closingBalance,
    })),
  };
}

const receiptResource = (r: PublicReceipt) => ({
  id: r.id,
  filingId: r.filingId,
  partyRegistrationNumber: r.partyRegistrationNumber,
  lineId: r.lineId,
  date: r.date,
  amount: r.amount,
  donorType: r.donorType,
  donorName: r.donorName,
  channel: r.channel,
});

/** The schema of an operation on one election's finance: its tag, the election in the path, and the 400 and 404 answers. */
function electionOperation<X extends { querystring?: z.ZodType }, R extends z.ZodType>(
  doc: { operationId: string; summary: string; description: string } & X,
  answer: string,
  body: R,
) {
  const { operationId, summary, description, ...rest } = doc;
  return {
    schema: {
      operationId,
      tags: [FINANCE_API_TAG.name],
      summary,
      description,
      params: ElectionPathParams,
      ...rest,
      response: lookupResponses(answer, body),
    },
  };
}

/** Totals, the timeline, and deadlines with the filed reports. */
function financeTotalsApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections/:electionId/finance/totals',
    electionOperation(
      {
        operationId: 'getFinanceTotals',
        summary: 'Get the finance totals of every party',
        description:
          'Received, spent, refunded and balance of each party’s electoral fund and of all together, with breakdowns by kind of donor and by expenditure category, and counts of late and missing reports. Amounts in tyiyn.',
      },
      'Totals of the election.',
      FinanceTotals,
    ),
    async (req) => totalsResource(await viewOrThrow(ctx, req.params.electionId)),
  );

  api.get(
    '/v1/elections/:electionId/finance/timeline',
    electionOperation(
      {
        operationId: 'getFinanceTimeline',
        summary: 'Get cumulative receipts and spending by date',
        description: 'Money in and out per day with running totals, for one party or for all parties of the election.',
        querystring: TimelineQuery,
      },
      'The timeline.',
      FinanceTimeline,
    ),
    async (req) => {
      const view = await viewOrThrow(ctx, req.params.electionId);
      const party = req.query.party;
      return {
        electionId: view.election.id,
        partyRegistrationNumber: party ?? null,
        points: totalsOf(view, party).timeline,
      };
    },
  );

  api.get(
    '/v1/elections/:electionId/finance/reports',
    electionOperation(
      {
        operationId: 'getFinanceReports',
        summary: 'Get report deadlines and late or missing reports',
        description:
          'The deadlines of the election’s rules profile, the state of every party’s report against each (filed, late, missing or due, with days), counted on today’s date in Bishkek, and every filed version.',
      },
      'Deadlines and reports.',
      FinanceReports,
    ),
    async (req) => {
      const found = await loadElectionFinanceReports(ctx, req.params.electionId);
      if (!found) throw noElection(req.params.electionId);
      return reportsResource(found.view, found.filings);
    },
  );
}

/** The itemised receipts and expenditures. */
function financeLinesApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/elections/:electionId/receipts',
    electionOperation(
      {
        operationId: 'listReceipts',
        summary: 'List itemised receipts',
        description: `Every receipt of every party’s electoral fund in one election: donor name, kind of donor, amount, date and channel (never a PIN or an address). Filter by party, kind of donor, channel, dates, amounts and donor name (any script). ${PAGINATION_NOTE}`,
        querystring: ReceiptsQuery,
      },
      'One page of receipts.',
      FinanceReceiptPage,
    ),
    async (req) => {
      const q = req.query;
      const filter = {
        ...lineFilter(req.params.electionId, q),
        ...(q.donorType !== undefined ? { donorType: q.donorType } : {}),
        ...(q.channel !== undefined ? { channel: q.channel } : {}),
        ...(q.q !== undefined ? { donorName: q.q } : {}),
      };
      return linesAnswer(req, receiptResource, (asked) => electionReceipts(ctx, filter, asked));
    },
  );

  api.get(
    '/v1/elections/:electionId/expenditures',
    electionOperation(
      {
        operationId: 'listExpenditures',
        summary: 'List itemised expenditures',
        description: `Every expenditure of every party’s electoral fund in one election, filterable by party, category or CEC heading, dates and amounts. ${PAGINATION_NOTE}`,
        querystring: ExpendituresQuery,
      },
      'One page of expenditures.',
      FinanceExpenditurePage,
    ),
    async (req) => {
      const q = req.query;
      const categories = categoriesAsked(q.category, q.group);
      const filter = { ...lineFilter(req.params.electionId, q), ...(categories ? { categories } : {}) };
      return linesAnswer(req, expenditureResource, (asked) => electionExpenditures(ctx, filter, asked));
    },
  );
}

export function financeApi(api: ApiInstance, ctx: AppContext): void {
  financeTotalsApi(api, ctx);
  financeLinesApi(api, ctx);
}
