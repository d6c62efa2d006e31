// HTTP routes of the public finance side: the pages, every table's CSV/XLSX/JSON download, the
// Atom feeds of new filings, and the sections the election and party pages embed. Query strings of
// pages are read leniently (a bad filter is dropped, not an error page), because they come from
// people editing URLs; the JSON API (finance.api.ts) is the strict one.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../platform/app-context.ts';
import type { Locale } from '../domain/election.ts';
import { parseSom, type Tyiyn } from '../domain/money.ts';
import { parseLocale, PUBLIC_CACHE, sendHtml } from '../platform/web/http.ts';
import { renderPage } from '../platform/web/layout.tsx';
import { notFound } from '../platform/web/errors.tsx';
import { pick } from '../platform/web/format.tsx';
import { t } from '../platform/i18n/i18n.ts';
import { decodeCursor } from '../platform/keyset.ts';
import { findElection } from '../elections/election.repository.ts';
import { listBallot } from '../parties/party.repository.ts';
import { contentDisposition } from '../api/candidate-exports.ts';
import { donorTypeSchema, expenditureCategorySchema, receiptChannelSchema, type ExpenditureCategory } from '../filings/filing.ts';
import { EXPENDITURE_GROUPS, expenditureCategoryGroups, type ExpenditureGroup } from '../filings/filing-labels.ts';
import {
  cursorFitsSort,
  expenditureBatches,
  listExpenditures,
  listFiledReports,
  listReceipts,
  receiptBatches,
  type ExpenditureFilter,
  type FilingAnnouncement,
  type LineFilter,
  type PageRequest,
  type ReceiptFilter,
} from './finance.repository.ts';
import { loadElectionFinanceView, type ElectionFinanceView, type PartyFinanceView } from './finance.service.ts';
import {
  COMPARISON_SORTS,
  DEFAULT_SORT,
  ElectionFinancePage,
  ElectionFinanceSection,
  ExpendituresPage,
  PartyFinancePage,
  PartyFinanceSection,
  ReceiptsPage,
  electionFeedPath,
  electionFinancePath,
  type ComparisonSort,
  type ExpenditureListState,
  type ListState,
  type PartyOption,
  type ReceiptListState,
} from './finance.pages.tsx';
import {
  DOWNLOAD_FORMATS,
  MEDIA_TYPES,
  PAGE_TABLES,
  categoriesTable,
  deadlinesTable,
  donorTypesTable,
  downloadStream,
  expendituresTable,
  filingsTable,
  receiptsTable,
  timelineTable,
  totalsRows,
  totalsTable,
  type DownloadFormat,
  type PageTable,
} from './finance-downloads.ts';
import { ATOM_MEDIA_TYPE, FEED_ENTRIES, atomFeed } from './finance-feed.ts';

/** Rows per page of the itemised listings. */
export const PAGE_SIZE = 50;
/** Rows per database round trip of a download: big enough to amortise the query, small enough to keep memory flat. */
export const DOWNLOAD_BATCH = 500;

type Query = Record<string, unknown>;

/** The first value of a query parameter as bounded text; anything else is empty. */
function param(q: Query, key: string, max = 100): string {
  const raw = q[key];
  const v = Array.isArray(raw) ? raw[0] : raw;
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function amountOf(text: string): Tyiyn | undefined {
  const t = text === '' ? undefined : parseSom(text);
  return t !== undefined && t >= 0 ? t : undefined;
}

function listStateOf(q: Query): ListState {
  const sort = param(q, 'sort');
  const order = param(q, 'order');
  const s: ListState = {
    party: param(q, 'party', 40),
    from: ISO_DAY.test(param(q, 'from')) ? param(q, 'from') : '',
    to: ISO_DAY.test(param(q, 'to')) ? param(q, 'to') : '',
    min: amountOf(param(q, 'min', 20)) !== undefined ? param(q, 'min', 20) : '',
    max: amountOf(param(q, 'max', 20)) !== undefined ? param(q, 'max', 20) : '',
    sort: sort === 'amount' || sort === 'date' ? sort : DEFAULT_SORT.sort,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_SORT.order,
    cursor: '',
  };
  // A cursor from another sort, or a mangled one, starts the listing again instead of failing.
  const cursor = param(q, 'cursor', 500);
  const decoded = cursor ? decodeCursor(cursor) : undefined;
  if (decoded && cursorFitsSort(decoded, s.sort)) s.cursor = cursor;
  return s;
}

function lineFilterOf(electionId: string, s: ListState): LineFilter {
  const min = amountOf(s.min);
  const max = amountOf(s.max);
  return {
    electionId,
    ...(s.party ? { party: s.party } : {}),
    ...(s.from ? { dateFrom: s.from } : {}),
    ...(s.to ? { dateTo: s.to } : {}),
    ...(min !== undefined ? { minAmount: min } : {}),
    ...(max !== undefined ? { maxAmount: max } : {}),
  };
}

export function receiptListOf(electionId: string, q: Query): { state: ReceiptListState; filter: ReceiptFilter } {
  const base = listStateOf(q);
  const type = donorTypeSchema.safeParse(param(q, 'type'));
  const channel = receiptChannelSchema.safeParse(param(q, 'channel'));
  const state: ReceiptListState = {
    ...base,
    q: param(q, 'q', 200),
    type: type.success ? type.data : '',
    channel: channel.success ? channel.data : '',
  };
  return {
    state,
    filter: {
      ...lineFilterOf(electionId, base),
      ...(type.success ? { donorType: type.data } : {}),
      ...(channel.success ? { channel: channel.data } : {}),
      ...(state.q ? { donorName: state.q } : {}),
    },
  };
}

/** A category, or a whole heading of the CEC's list given as `group:<heading>`. */
export function categoriesOf(value: string): readonly ExpenditureCategory[] | undefined {
  if (value.startsWith('group:')) {
    const g = value.slice('group:'.length);
    return (EXPENDITURE_GROUPS as readonly string[]).includes(g) ? expenditureCategoryGroups[g as ExpenditureGroup] : undefined;
  }
  const c = expenditureCategorySchema.safeParse(value);
  return c.success ? [c.data] : undefined;
}

export function expenditureListOf(electionId: string, q: Query): { state: ExpenditureListState; filter: ExpenditureFilter } {
  const base = listStateOf(q);
  const category = param(q, 'category', 60);
  const categories = categoriesOf(category);
  return {
    state: { ...base, category: categories ? category : '' },
    filter: { ...lineFilterOf(electionId, base), ...(categories ? { categories } : {}) },
  };
}

function pageRequestOf(s: ListState): PageRequest {
  const after = s.cursor ? decodeCursor(s.cursor) : undefined;
  return { sort: s.sort, order: s.order, limit: PAGE_SIZE, ...(after ? { after } : {}) };
}

async function partyOptions(ctx: AppContext, electionId: string, l: Locale): Promise<PartyOption[]> {
  const ballot = await listBallot(ctx.db, electionId);
  return ballot.map((b) => ({ reg: b.party.registrationNumber, name: pick(b.party.shortName, l) || pick(b.party.name, l) }));
}

function sendDownload(reply: FastifyReply, body: Readable, format: DownloadFormat, filename: string) {
  return reply
    .header('content-type', MEDIA_TYPES[format])
    .header('content-disposition', contentDisposition(`${filename}.${format}`))
    .header('cache-control', PUBLIC_CACHE)
    .send(body);
}

/** `totals.csv` → ['totals', 'csv'] when both parts are known. */
function tableFile(file: string): [PageTable, DownloadFormat] | undefined {
  const m = /^([a-z-]+)\.([a-z]+)$/.exec(file);
  if (!m) return undefined;
  const table = PAGE_TABLES.find((x) => x === m[1]);
  const format = DOWNLOAD_FORMATS.find((x) => x === m[2]);
  return table && format ? [table, format] : undefined;
}

/** One of a page's tables as a file; `parties` is the whole election, or the one party of a party page. */
function pageTable(
  view: ElectionFinanceView,
  parties: readonly PartyFinanceView[],
  table: PageTable,
  l: Locale,
  filings: FilingAnnouncement[],
  format: DownloadFormat,
): Readable {
  const totals = parties.length === 1 && parties[0] ? parties[0].totals : view.total;
  switch (table) {
    case 'totals':
      return downloadStream(totalsTable(totalsRows(parties, l)), format);
    case 'donor-types':
      return downloadStream(donorTypesTable(totals, l), format);
    case 'categories':
      return downloadStream(categoriesTable(totals, l), format);
    case 'timeline':
      return downloadStream(timelineTable(totals.timeline), format);
    case 'deadlines':
      return downloadStream(deadlinesTable(parties, l), format);
    case 'filings':
      return downloadStream(filingsTable(filings, l), format);
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

type P = Record<string, string>;

export function financeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: P; Querystring: Query }>('/:locale/elections/:id/finance', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const view = locale && (await loadElectionFinanceView(ctx, req.params.id as string));
    if (!locale || !view) return notFound(reply, locale ?? 'en');
    const sortParam = param(req.query, 'sort');
    const sort: ComparisonSort = (COMPARISON_SORTS as readonly string[]).includes(sortParam) ? (sortParam as ComparisonSort) : 'ballot';
    const filings = await listFiledReports(ctx.db, { electionId: view.election.id, limit: 20 });
    return sendHtml(reply, renderPage(<ElectionFinancePage locale={locale} view={view} sort={sort} filings={filings} />));
  });

  app.get<{ Params: P }>('/:locale/elections/:id/finance/:file', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const file = tableFile(req.params.file as string);
    const view = locale && file && (await loadElectionFinanceView(ctx, req.params.id as string));
    if (!locale || !file || !view) return notFound(reply, locale ?? 'en');
    const [table, format] = file;
    const filings = table === 'filings' ? await listFiledReports(ctx.db, { electionId: view.election.id }) : [];
    return sendDownload(reply, pageTable(view, view.parties, table, locale, filings, format), format, `${view.election.id}_${table}`);
  });

  const partyView = async (params: P) => {
    const locale = parseLocale(params.locale);
    const view = locale && (await loadElectionFinanceView(ctx, params.id as string));
    const party = view ? view.parties.find((x) => x.registrationNumber === params.reg) : undefined;
    return { locale, view, party };
  };

  app.get<{ Params: P }>('/:locale/elections/:id/parties/:reg/finance', async (req, reply) => {
    const { locale, view, party } = await partyView(req.params);
    if (!locale || !view || !party) return notFound(reply, locale ?? 'en');
    const filings = await listFiledReports(ctx.db, { electionId: view.election.id, party: party.registrationNumber });
    return sendHtml(reply, renderPage(<PartyFinancePage locale={locale} view={view} party={party} filings={filings} />));
  });

  app.get<{ Params: P }>('/:locale/elections/:id/parties/:reg/finance/:file', async (req, reply) => {
    const { locale, view, party } = await partyView(req.params);
    const file = tableFile(req.params.file as string);
    if (!locale || !view || !party || !file) return notFound(reply, locale ?? 'en');
    const [table, format] = file;
    const filings = table === 'filings' ? await listFiledReports(ctx.db, { electionId: view.election.id, party: party.registrationNumber }) : [];
    return sendDownload(reply, pageTable(view, [party], table, locale, filings, format), format, `${view.election.id}_${party.registrationNumber}_${table}`);
  });

  app.get<{ Params: P; Querystring: Query }>('/:locale/elections/:id/receipts', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const election = locale && (await findElection(ctx.db, req.params.id as string));
    if (!locale || !election) return notFound(reply, locale ?? 'en');
    const { state, filter } = receiptListOf(election.id, req.query);
    const [parties, page] = await Promise.all([partyOptions(ctx, election.id, locale), listReceipts(ctx.db, filter, pageRequestOf(state))]);
    return sendHtml(reply, renderPage(<ReceiptsPage locale={locale} election={election} parties={parties} state={state} page={page} />));
  });

  app.get<{ Params: P; Querystring: Query }>('/:locale/elections/:id/expenditures', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const election = locale && (await findElection(ctx.db, req.params.id as string));
    if (!locale || !election) return notFound(reply, locale ?? 'en');
    const { state, filter } = expenditureListOf(election.id, req.query);
    const [parties, page] = await Promise.all([partyOptions(ctx, election.id, locale), listExpenditures(ctx.db, filter, pageRequestOf(state))]);
    return sendHtml(reply, renderPage(<ExpendituresPage locale={locale} election={election} parties={parties} state={state} page={page} />));
  });

  for (const format of DOWNLOAD_FORMATS) {
    app.get<{ Params: P; Querystring: Query }>(`/:locale/elections/:id/receipts.${format}`, async (req, reply) => {
      const locale = parseLocale(req.params.locale);
      const election = locale && (await findElection(ctx.db, req.params.id as string));
      if (!locale || !election) return notFound(reply, locale ?? 'en');
      const { state, filter } = receiptListOf(election.id, req.query);
      const names = new Map((await partyOptions(ctx, election.id, locale)).map((x) => [x.reg, x.name]));
      const table = receiptsTable(() => receiptBatches(ctx.db, filter, state.sort, state.order, DOWNLOAD_BATCH), names, locale);
      return sendDownload(reply, downloadStream(table, format), format, `${election.id}${state.party ? `_${state.party}` : ''}_receipts`);
    });

    app.get<{ Params: P; Querystring: Query }>(`/:locale/elections/:id/expenditures.${format}`, async (req, reply) => {
      const locale = parseLocale(req.params.locale);
      const election = locale && (await findElection(ctx.db, req.params.id as string));
      if (!locale || !election) return notFound(reply, locale ?? 'en');
      const { state, filter } = expenditureListOf(election.id, req.query);
      const names = new Map((await partyOptions(ctx, election.id, locale)).map((x) => [x.reg, x.name]));
      const table = expendituresTable(() => expenditureBatches(ctx.db, filter, state.sort, state.order, DOWNLOAD_BATCH), names, locale);
      return sendDownload(reply, downloadStream(table, format), format, `${election.id}${state.party ? `_${state.party}` : ''}_expenditures`);
    });
  }

  const sendFeed = (reply: FastifyReply, xml: string) => reply.header('content-type', ATOM_MEDIA_TYPE).header('cache-control', PUBLIC_CACHE).send(xml);

  app.get<{ Params: P }>('/:locale/feeds/filings.atom', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const entries = await listFiledReports(ctx.db, { limit: FEED_ENTRIES });
    return sendFeed(
      reply,
      atomFeed({
        locale,
        origin: origin(req),
        title: t(locale, 'feed.title'),
        selfPath: `/${locale}/feeds/filings.atom`,
        alternatePath: `/${locale}/`,
        scope: 'all',
        entries,
        now: ctx.now(),
      }),
    );
  });

  app.get<{ Params: P }>('/:locale/elections/:id/feeds/filings.atom', async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const election = locale && (await findElection(ctx.db, req.params.id as string));
    if (!locale || !election) return notFound(reply, locale ?? 'en');
    const entries = await listFiledReports(ctx.db, { electionId: election.id, limit: FEED_ENTRIES });
    return sendFeed(
      reply,
      atomFeed({
        locale,
        origin: origin(req),
        title: t(locale, 'feed.electionTitle', { election: pick(election.name, locale) }),
        selfPath: `/${locale}${electionFeedPath(election.id)}`,
        alternatePath: `/${locale}${electionFinancePath(election.id)}`,
        scope: election.id,
        entries,
        now: ctx.now(),
      }),
    );
  });

  // One address to subscribe to without choosing a language first; feed readers follow redirects.
  app.get('/feeds/filings.atom', async (req, reply) =>
    reply.header('vary', 'Accept-Language').redirect(`/${preferredLocale(req.headers['accept-language'])}/feeds/filings.atom`, 302),
  );
}

// ---- Sections of the election and party pages (PageExtensions in elections/election.routes.tsx) ----

export async function financeElectionSection(ctx: AppContext, electionId: string, locale: Locale): Promise<ComponentChildren> {
  const view = await loadElectionFinanceView(ctx, electionId);
  return view ? <ElectionFinanceSection view={view} locale={locale} /> : null;
}

export async function financePartySection(ctx: AppContext, electionId: string, reg: string, locale: Locale): Promise<ComponentChildren> {
  const view = await loadElectionFinanceView(ctx, electionId);
  const party = view?.parties.find((x) => x.registrationNumber === reg);
  return view && party ? <PartyFinanceSection view={view} party={party} locale={locale} /> : null;
}
