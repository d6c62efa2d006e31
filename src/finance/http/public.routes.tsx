// Site routes of the public finance side: the pages, every table's CSV/XLSX/JSON download, and the
// Atom feeds of new filings. Each handler parses its parameters and query (http/schemas.ts), calls a
// service and renders a view.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { parseLocale, PUBLIC_CACHE, sendHtml } from '../../platform/web/http.ts';
import { renderPage } from '../../platform/web/layout.tsx';
import { notFound } from '../../platform/web/errors.tsx';
import { contentDisposition } from '../../api/candidate-exports.ts';
import { DOWNLOAD_FORMATS } from '../core/download-tables.ts';
import { ATOM_MEDIA_TYPE } from '../core/atom-feed.ts';
import { feedPath } from '../core/paths.ts';
import { expenditureListing, loadElectionFinanceReports, loadPartyFinanceReports, receiptListing } from '../finance.service.ts';
import { electionTableFile, expendituresFile, MEDIA_TYPES, partyTableFile, receiptsFile, type DownloadFile } from '../download.service.ts';
import { allFilingsFeed, electionFilingsFeed } from '../feed.service.ts';
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
  lenientQuery,
} from './schemas.ts';

/** The language of the 404 page of an address whose parameters are not ones a route serves. */
const notFoundLocale = (params: unknown): Locale => LocaleParams.safeParse(params).data?.locale ?? 'en';

function sendDownload(reply: FastifyReply, file: DownloadFile) {
  return reply
    .header('content-type', MEDIA_TYPES[file.format])
    .header('content-disposition', contentDisposition(`${file.filename}.${file.format}`))
    .header('cache-control', PUBLIC_CACHE)
    .send(file.body);
}

function financePageRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/elections/:id/finance', async (req, reply) => {
    const params = ElectionParams.safeParse(req.params);
    const found = params.success ? await loadElectionFinanceReports(ctx, params.data.id, 20) : undefined;
    if (!params.success || !found) return notFound(reply, notFoundLocale(req.params));
    const { sort } = lenientQuery(ElectionFinanceQuery, req.query);
    return sendHtml(reply, renderPage(<ElectionFinancePage locale={params.data.locale} view={found.view} sort={sort} filings={found.filings} />));
  });

  app.get('/:locale/elections/:id/finance/:file', async (req, reply) => {
    const params = ElectionFileParams.safeParse(req.params);
    const p = params.data;
    const file = p && (await electionTableFile(ctx, p.id, p.file.table, p.file.format, p.locale));
    return file ? sendDownload(reply, file) : notFound(reply, notFoundLocale(req.params));
  });

  app.get('/:locale/elections/:id/parties/:reg/finance', async (req, reply) => {
    const params = PartyParams.safeParse(req.params);
    const found = params.success ? await loadPartyFinanceReports(ctx, params.data.id, params.data.reg) : undefined;
    if (!params.success || !found) return notFound(reply, notFoundLocale(req.params));
    return sendHtml(reply, renderPage(<PartyFinancePage locale={params.data.locale} view={found.view} party={found.party} filings={found.filings} />));
  });

  app.get('/:locale/elections/:id/parties/:reg/finance/:file', async (req, reply) => {
    const p = PartyFileParams.safeParse(req.params).data;
    const file = p && (await partyTableFile(ctx, p.id, p.reg, p.file.table, p.file.format, p.locale));
    return file ? sendDownload(reply, file) : notFound(reply, notFoundLocale(req.params));
  });
}

function lineListingRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/elections/:id/receipts', async (req, reply) => {
    const params = ElectionParams.safeParse(req.params);
    const state = lenientQuery(ReceiptListQuery, req.query);
    const found = params.success ? await receiptListing(ctx, params.data.id, params.data.locale, state) : undefined;
    if (!params.success || !found) return notFound(reply, notFoundLocale(req.params));
    const { election, parties, page } = found;
    return sendHtml(reply, renderPage(<ReceiptsPage locale={params.data.locale} election={election} parties={parties} state={state} page={page} />));
  });

  app.get('/:locale/elections/:id/expenditures', async (req, reply) => {
    const params = ElectionParams.safeParse(req.params);
    const state = lenientQuery(ExpenditureListQuery, req.query);
    const found = params.success ? await expenditureListing(ctx, params.data.id, params.data.locale, state) : undefined;
    if (!params.success || !found) return notFound(reply, notFoundLocale(req.params));
    const { election, parties, page } = found;
    return sendHtml(reply, renderPage(<ExpendituresPage locale={params.data.locale} election={election} parties={parties} state={state} page={page} />));
  });

  for (const format of DOWNLOAD_FORMATS) {
    app.get(`/:locale/elections/:id/receipts.${format}`, async (req, reply) => {
      const p = ElectionParams.safeParse(req.params).data;
      const file = p && (await receiptsFile(ctx, p.id, p.locale, lenientQuery(ReceiptListQuery, req.query), format));
      return file ? sendDownload(reply, file) : notFound(reply, notFoundLocale(req.params));
    });

    app.get(`/:locale/elections/:id/expenditures.${format}`, async (req, reply) => {
      const p = ElectionParams.safeParse(req.params).data;
      const file = p && (await expendituresFile(ctx, p.id, p.locale, lenientQuery(ExpenditureListQuery, req.query), format));
      return file ? sendDownload(reply, file) : notFound(reply, notFoundLocale(req.params));
    });
  }
}

const origin = (req: { protocol: string; host: string }) => `${req.protocol}://${req.host}`;

function preferredLocale(acceptLanguage: string | undefined): Locale {
  for (const part of (acceptLanguage ?? '').toLowerCase().split(',')) {
    const l = parseLocale(part.trim().slice(0, 2));
    if (l) return l;
  }
  return 'ky';
}

function feedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const sendFeed = (reply: FastifyReply, xml: string) => reply.header('content-type', ATOM_MEDIA_TYPE).header('cache-control', PUBLIC_CACHE).send(xml);

  app.get(`/:locale${feedPath}`, async (req, reply) => {
    const p = LocaleParams.safeParse(req.params).data;
    return p ? sendFeed(reply, await allFilingsFeed(ctx, p.locale, origin(req))) : notFound(reply, 'en');
  });

  app.get(`/:locale/elections/:id${feedPath}`, async (req, reply) => {
    const p = ElectionParams.safeParse(req.params).data;
    const xml = p && (await electionFilingsFeed(ctx, p.locale, origin(req), p.id));
    return xml ? sendFeed(reply, xml) : notFound(reply, notFoundLocale(req.params));
  });

  // One address to subscribe to without choosing a language first; feed readers follow redirects.
  app.get(feedPath, async (req, reply) =>
    reply.header('vary', 'Accept-Language').redirect(`/${preferredLocale(req.headers['accept-language'])}${feedPath}`, 302),
  );
}

export function financeRoutes(app: FastifyInstance, ctx: AppContext): void {
  financePageRoutes(app, ctx);
  lineListingRoutes(app, ctx);
  feedRoutes(app, ctx);
}
