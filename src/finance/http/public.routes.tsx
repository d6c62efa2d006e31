// Site routes of the public finance side: the pages, every table's CSV/XLSX/JSON download, and the
// Atom feeds of new filings. Each route parses its parameters and query (http/schemas.ts), calls a
// service and renders a view; parameters that do not parse, or name nothing, answer 404.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { VNode } from 'preact';
import type { Election, Locale } from '../../domain/election.ts';
import { defineRoutes, publicGet, route, type RouteDef } from '../../platform/web/index.ts';
import { notFound, parseLocale, PUBLIC_CACHE, renderPage, sendDownload, sendHtml } from '../../platform/web/index.ts';
import { DOWNLOAD_FORMATS, type DownloadFormat } from '../core/download-tables.ts';
import { ATOM_MEDIA_TYPE } from '../core/atom-feed.ts';
import {
  withCursorOfSort,
  type ExpenditureListState,
  type ListState,
  type PartyOption,
  type ReceiptListState,
} from '../core/list-state.ts';
import type { LinePage, PublicExpenditure, PublicReceipt } from '../core/lines.ts';
import { feedPath } from '../core/paths.ts';
import {
  expenditureListing,
  loadElectionFinanceReports,
  loadPartyFinanceReports,
  receiptListing,
  type LineListing,
} from '../finance.service.ts';
import {
  electionTableFile,
  expendituresFile,
  MEDIA_TYPES,
  partyTableFile,
  receiptsFile,
  type DownloadFile,
} from '../download.service.ts';
import { allFilingsFeed, electionFilingsFeed } from '../feed.service.ts';
import { REGISTER_ROUTES } from './registers.routes.tsx';
import { ElectionFinancePage } from '../views/election-finance.page.tsx';
import { PartyFinancePage } from '../views/party-finance.page.tsx';
import { ReceiptsPage } from '../views/receipts.page.tsx';
import { ExpendituresPage } from '../views/expenditures.page.tsx';
import {
  ElectionFileParams,
  ElectionFinanceQuery,
  ElectionParams,
  ExpenditureListQuery,
  LocaleParams,
  PartyFileParams,
  PartyParams,
  ReceiptListQuery,
} from './schemas.ts';

/** The election's comparison page shows the latest reports; the rest are in its download. */
const LATEST_REPORTS = 20;

function sendFileOr404(reply: FastifyReply, locale: Locale, file: DownloadFile | undefined) {
  if (!file) return notFound(reply, locale);
  return sendDownload(reply, {
    type: MEDIA_TYPES[file.format],
    filename: `${file.filename}.${file.format}`,
    body: file.body,
  });
}

/** The page of what was found, or 404 when nothing was. */
function sendPage<T>(reply: FastifyReply, locale: Locale, found: T | undefined, page: (found: T) => VNode) {
  return found ? sendHtml(reply, renderPage(page(found))) : notFound(reply, locale);
}

function sendFeed(reply: FastifyReply, locale: Locale, xml: string | undefined) {
  if (xml === undefined) return notFound(reply, locale);
  return reply.header('content-type', ATOM_MEDIA_TYPE).header('cache-control', PUBLIC_CACHE).send(xml);
}

const origin = (req: { protocol: string; host: string }) => `${req.protocol}://${req.host}`;

function preferredLocale(acceptLanguage: string | undefined): Locale {
  for (const part of (acceptLanguage ?? '').toLowerCase().split(',')) {
    const l = parseLocale(part.trim().slice(0, 2));
    if (l) return l;
  }
  return 'ky';
}

type ObjectSchema = z.ZodObject<Record<string, z.ZodType>>;

/** The download of one table of a finance page, `:file` naming the table and the format. */
function tableDownloadRoute<PS extends ObjectSchema>(
  id: string,
  url: string,
  params: PS,
  file: (
    ctx: AppContext,
    params: PS extends ObjectSchema ? z.output<PS> : Record<string, never>,
    locale: Locale,
  ) => Promise<DownloadFile | undefined>,
): RouteDef {
  return publicGet(id, url, params, async ({ ctx, reply, locale, params: p }) =>
    sendFileOr404(reply, locale, await file(ctx, p, locale)),
  );
}

const PAGE_ROUTES: RouteDef[] = [
  route({
    id: 'finance.election',
    method: 'GET',
    url: '/:locale/elections/:id/finance',
    access: { kind: 'public' },
    params: ElectionParams,
    query: ElectionFinanceQuery,
    handler: async ({ ctx, reply, locale, params, query }) =>
      sendPage(reply, locale, await loadElectionFinanceReports(ctx, params.id, LATEST_REPORTS), (found) => (
        <ElectionFinancePage locale={locale} view={found.view} sort={query.sort} filings={found.filings} />
      )),
  }),
  tableDownloadRoute(
    'finance.election.table',
    '/:locale/elections/:id/finance/:file',
    ElectionFileParams,
    (ctx, p, l) => electionTableFile(ctx, p.id, p.file.table, p.file.format, l),
  ),
  route({
    id: 'finance.party',
    method: 'GET',
    url: '/:locale/elections/:id/parties/:reg/finance',
    access: { kind: 'public' },
    params: PartyParams,
    handler: async ({ ctx, reply, locale, params }) =>
      sendPage(reply, locale, await loadPartyFinanceReports(ctx, params.id, params.reg), (found) => (
        <PartyFinancePage locale={locale} view={found.view} party={found.party} filings={found.filings} />
      )),
  }),
  tableDownloadRoute(
    'finance.party.table',
    '/:locale/elections/:id/parties/:reg/finance/:file',
    PartyFileParams,
    (ctx, p, l) => partyTableFile(ctx, p.id, p.reg, p.file.table, p.file.format, l),
  ),
];

/** What differs between the receipts and the expenditures listings: the query, the service calls, the page. */
interface LineListingKind<S extends ListState, T> {
  name: 'receipts' | 'expenditures';
  query: typeof ReceiptListQuery | typeof ExpenditureListQuery;
  listing(ctx: AppContext, electionId: string, l: Locale, s: S): Promise<LineListing<T> | undefined>;
  file(ctx: AppContext, electionId: string, l: Locale, s: S, format: DownloadFormat): Promise<DownloadFile | undefined>;
  Page(p: { locale: Locale; election: Election; parties: readonly PartyOption[]; state: S; page: LinePage<T> }): VNode;
}

/** A listing's page and its filtered downloads, one route a format. */
function lineListingRoutes<S extends ListState, T>(kind: LineListingKind<S, T>): RouteDef[] {
  // The kind's query schema reads exactly its state type; the route table erases that link.
  const stateOf = (query: unknown): S => withCursorOfSort(query as S);
  return [
    route({
      id: `finance.${kind.name}`,
      method: 'GET',
      url: `/:locale/elections/:id/${kind.name}`,
      access: { kind: 'public' },
      params: ElectionParams,
      query: kind.query,
      handler: async ({ ctx, reply, locale, params, query }) => {
        const state = stateOf(query);
        const { Page } = kind;
        return sendPage(reply, locale, await kind.listing(ctx, params.id, locale, state), (found) => (
          <Page locale={locale} election={found.election} parties={found.parties} state={state} page={found.page} />
        ));
      },
    }),
    ...DOWNLOAD_FORMATS.map((format) =>
      route({
        id: `finance.${kind.name}.${format}`,
        method: 'GET',
        url: `/:locale/elections/:id/${kind.name}.${format}`,
        access: { kind: 'public' },
        params: ElectionParams,
        query: kind.query,
        handler: async ({ ctx, reply, locale, params, query }) =>
          sendFileOr404(reply, locale, await kind.file(ctx, params.id, locale, stateOf(query), format)),
      }),
    ),
  ];
}

const LISTING_ROUTES: RouteDef[] = [
  ...lineListingRoutes<ReceiptListState, PublicReceipt>({
    name: 'receipts',
    query: ReceiptListQuery,
    listing: receiptListing,
    file: receiptsFile,
    Page: ReceiptsPage,
  }),
  ...lineListingRoutes<ExpenditureListState, PublicExpenditure>({
    name: 'expenditures',
    query: ExpenditureListQuery,
    listing: expenditureListing,
    file: expendituresFile,
    Page: ExpendituresPage,
  }),
];

const FEED_ROUTES: RouteDef[] = [
  route({
    id: 'finance.feed',
    method: 'GET',
    url: `/:locale${feedPath}`,
    access: { kind: 'public' },
    params: LocaleParams,
    handler: async ({ ctx, req, reply, locale }) =>
      sendFeed(reply, locale, await allFilingsFeed(ctx, locale, origin(req))),
  }),
  route({
    id: 'finance.election.feed',
    method: 'GET',
    url: `/:locale/elections/:id${feedPath}`,
    access: { kind: 'public' },
    params: ElectionParams,
    handler: async ({ ctx, req, reply, locale, params }) =>
      sendFeed(reply, locale, await electionFilingsFeed(ctx, locale, origin(req), params.id)),
  }),
  // One address to subscribe to without choosing a language first; feed readers follow redirects.
  route({
    id: 'finance.feed.redirect',
    method: 'GET',
    url: feedPath,
    access: { kind: 'public' },
    handler: ({ req, reply }) =>
      reply
        .header('vary', 'Accept-Language')
        .redirect(`/${preferredLocale(req.headers['accept-language'])}${feedPath}`, 302),
  }),
];

/** Every site route of the finance capability, for the authorisation test: all of them public. */
export const FINANCE_ROUTES: readonly RouteDef[] = [
  ...PAGE_ROUTES,
  ...LISTING_ROUTES,
  ...REGISTER_ROUTES,
  ...FEED_ROUTES,
];

export async function financeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await defineRoutes(app, ctx, FINANCE_ROUTES);
}
