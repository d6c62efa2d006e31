// HTTP of finance reports. Three audiences, one route table:
// - the public: a party's reports, one filed version itemised (with ?diff=<other version>), its scans
//   (inline and as download), CSV of its lines, search in donors and scanned documents;
// - treasurers (and commission staff): drafts under /{locale}/treasurer/… and the commission's review
//   under /{locale}/commission/…, plain forms with CSRF tokens;
// - software: the filing API under /api (filingApi, for the API scope), the JSON Schema and the XLSX
//   template.
// FILING_ROUTES says who may use each route; the guards are made from it, and the authorisation test
// walks it, so a route added without an entry cannot be registered and one without a test fails.
//
// Needs authPlugin (principal, CSRF) registered before it, as every guarded route does.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import type { ComponentChildren } from 'preact';
import type { AppContext } from '../platform/app-context.ts';
import type { Locale } from '../domain/election.ts';
import { LOCALES } from '../domain/election.ts';
import { toDecimalString, tyiyn } from '../domain/money.ts';
import { parseLocale, sendHtml } from '../platform/web/http.ts';
import { renderPage } from '../platform/web/layout.tsx';
import { notFound } from '../platform/web/errors.tsx';
import { t } from '../platform/i18n/i18n.ts';
import type { Problem } from '../platform/result.ts';
import { findElection, listElections } from '../elections/election.repository.ts';
import { findParticipation, findParty, partyFromRow } from '../parties/party.repository.ts';
import { actorOf, can, type Action, type Principal, type Resource } from '../accounts/authorization.ts';
import { CSRF_FIELD, requirePermission } from '../accounts/auth.plugin.ts';
import type { ApiInstance } from '../platform/api/api-http.ts';
import { ErrorBody } from '../platform/api/common.schemas.ts';
import { LINE_SECTIONS, filingJsonSchema, type Filing, type LineSection } from './filing.ts';
import { buildFilingTemplate } from './filing-template.xlsx.ts';
import { diffFilings } from './filing-diff.ts';
import { filingColumns } from './filing-columns.ts';
import {
  findAttachment,
  findChain,
  findFiling,
  findFilingByIdempotencyKey,
  listChainsOfParty,
  listDrafts,
  listLatestFilings,
  listStatusEvents,
  searchDocuments,
  searchDonors,
  totalsByParty,
  type ChainWithVersions,
} from './filing.repository.ts';
import {
  addLine,
  amendFiling,
  attachScan,
  createDraft,
  deleteLine,
  discardDraft,
  draftOwner,
  dueDate,
  deadlineOf,
  importLines,
  isLineSection,
  loadDraft,
  loadPublicReport,
  loadPublicVersion,
  removeScan,
  reviewFiling,
  rulesOf,
  todayOf,
  updateHeader,
  updateLine,
  type FormFields,
  type PublicFilingDoc,
} from './filing.service.ts';
import { submitDraft, submitFiling, MAX_IDEMPOTENCY_KEY_LENGTH } from './filing-submission.ts';
import { scanProblem, storeScan } from './filing-attachments.ts';
import {
  FinanceElectionSection,
  FinancePartySection,
  PartyReportsPage,
  ReportPage,
  ReportSearchPage,
  reportKindLabel,
  reportPath,
  type ChainRow,
  type DiffView,
  type MissingReport,
} from './filing.pages.tsx';
import {
  DraftPage,
  LineEditPage,
  ReviewPage,
  ReviewQueuePage,
  TreasurerHomePage,
  formErrors,
  lineValues,
  type ElectionReports,
  type FailedForm,
  type FormError,
} from './filing-treasurer.pages.tsx';
import { describeProblem } from './filing-web.messages.ts';

// ---------------------------------------------------------------- the route table

/** What a guarded route's resource is: whose party the request is about. */
export type ResourceKind =
  /** The draft in `:draftId`. */
  | 'draft'
  /**
   * The draft in `:draftId`, or, once it has been submitted, the report filed from it under the form's
   * idempotency key: so that a second click of "submit" gets the first one's answer, not "no such draft".
   */
  | 'submission'
  /** The filed version in `:filingId`. */
  | 'filing'
  /** The principal's own party (their home page, their uploads). */
  | 'own'
  /** The party the request body names (a new draft's `party` field; a filing's header). */
  | 'bodyParty'
  /** No particular party: commission-wide pages. */
  | 'none';

export type FilingAccess = { kind: 'public' } | { kind: 'permission'; actions: readonly Action[]; resource: ResourceKind };

export interface FilingRouteSpec {
  id: string;
  method: 'GET' | 'POST';
  /** Path as registered; API routes are relative to the /api scope. */
  url: string;
  scope: 'site' | 'api';
  access: FilingAccess;
  /** multipart/form-data: the CSRF token is read from the form's first field by the handler. */
  multipart?: boolean;
}

const pub: FilingAccess = { kind: 'public' };
const perm = (resource: ResourceKind, ...actions: Action[]): FilingAccess => ({ kind: 'permission', actions, resource });
const D = '/:locale/treasurer/drafts/:draftId';

export const FILING_ROUTES: readonly FilingRouteSpec[] = [
  // The public record.
  { id: 'public.partyReports', method: 'GET', url: '/:locale/elections/:id/parties/:reg/reports', scope: 'site', access: pub },
  { id: 'public.search', method: 'GET', url: '/:locale/reports/search', scope: 'site', access: pub },
  { id: 'public.report', method: 'GET', url: '/:locale/reports/:filingId', scope: 'site', access: pub },
  { id: 'public.scan', method: 'GET', url: '/reports/:filingId/scans/:sha', scope: 'site', access: pub },
  { id: 'public.receiptsCsv', method: 'GET', url: '/reports/:filingId/receipts.csv', scope: 'site', access: pub },
  { id: 'public.expendituresCsv', method: 'GET', url: '/reports/:filingId/expenditures.csv', scope: 'site', access: pub },
  { id: 'public.refundsCsv', method: 'GET', url: '/reports/:filingId/refunds.csv', scope: 'site', access: pub },
  // Treasurers: drafts of their own party.
  { id: 'treasurer.home', method: 'GET', url: '/:locale/treasurer', scope: 'site', access: perm('own', 'filing.draft.read') },
  { id: 'treasurer.createDraft', method: 'POST', url: '/:locale/treasurer/drafts', scope: 'site', access: perm('bodyParty', 'filing.draft.write') },
  { id: 'treasurer.draft', method: 'GET', url: D, scope: 'site', access: perm('draft', 'filing.draft.read') },
  { id: 'treasurer.header', method: 'POST', url: `${D}/header`, scope: 'site', access: perm('draft', 'filing.draft.write') },
  { id: 'treasurer.addLine', method: 'POST', url: `${D}/lines/:section`, scope: 'site', access: perm('draft', 'filing.draft.write') },
  { id: 'treasurer.lineForm', method: 'GET', url: `${D}/lines/:section/:index`, scope: 'site', access: perm('draft', 'filing.draft.read') },
  { id: 'treasurer.updateLine', method: 'POST', url: `${D}/lines/:section/:index`, scope: 'site', access: perm('draft', 'filing.draft.write') },
  { id: 'treasurer.deleteLine', method: 'POST', url: `${D}/lines/:section/:index/delete`, scope: 'site', access: perm('draft', 'filing.draft.write') },
  { id: 'treasurer.import', method: 'POST', url: `${D}/import`, scope: 'site', access: perm('draft', 'filing.draft.write'), multipart: true },
  { id: 'treasurer.addScan', method: 'POST', url: `${D}/scans`, scope: 'site', access: perm('draft', 'filing.draft.write'), multipart: true },
  { id: 'treasurer.removeScan', method: 'POST', url: `${D}/scans/:sha/delete`, scope: 'site', access: perm('draft', 'filing.draft.write') },
  { id: 'treasurer.draftScan', method: 'GET', url: '/treasurer/drafts/:draftId/scans/:sha', scope: 'site', access: perm('draft', 'filing.draft.read') },
  { id: 'treasurer.submit', method: 'POST', url: `${D}/submit`, scope: 'site', access: perm('submission', 'filing.submit') },
  { id: 'treasurer.discard', method: 'POST', url: `${D}/discard`, scope: 'site', access: perm('draft', 'filing.draft.write') },
  { id: 'treasurer.amend', method: 'POST', url: '/:locale/treasurer/reports/:filingId/amend', scope: 'site', access: perm('filing', 'filing.draft.write') },
  // The commission's review. Reviewing reports is done by the staff who review findings (admins and
  // analysts); the policy has no separate action for it yet.
  { id: 'commission.queue', method: 'GET', url: '/:locale/commission/reports', scope: 'site', access: perm('none', 'filing.read') },
  { id: 'commission.report', method: 'GET', url: '/:locale/commission/reports/:filingId', scope: 'site', access: perm('none', 'filing.read') },
  { id: 'commission.review', method: 'POST', url: '/:locale/commission/reports/:filingId/status', scope: 'site', access: perm('none', 'findings.review') },
  // Software.
  { id: 'api.schema', method: 'GET', url: '/schemas/filing-v1.json', scope: 'api', access: pub },
  { id: 'api.template', method: 'GET', url: '/v1/filings/template.xlsx', scope: 'api', access: pub },
  { id: 'api.submit', method: 'POST', url: '/v1/filings', scope: 'api', access: perm('bodyParty', 'filing.draft.write', 'filing.submit') },
  { id: 'api.uploadScan', method: 'POST', url: '/v1/filings/scans', scope: 'api', access: perm('own', 'filing.draft.write'), multipart: true },
  { id: 'api.filing', method: 'GET', url: '/v1/filings/:filingId', scope: 'api', access: pub },
  { id: 'api.partyFilings', method: 'GET', url: '/v1/elections/:electionId/parties/:registrationNumber/filings', scope: 'api', access: pub },
];

function specOf(id: string): FilingRouteSpec {
  const spec = FILING_ROUTES.find((r) => r.id === id);
  if (!spec) throw new Error(`filing route ${id} is not in FILING_ROUTES`);
  return spec;
}

// ---------------------------------------------------------------- guards

const positiveId = (s: string | undefined): number | undefined => (s !== undefined && /^[1-9]\d{0,15}$/.test(s) ? Number(s) : undefined);
const paramsOf = (req: FastifyRequest) => req.params as Record<string, string | undefined>;
const bodyField = (body: unknown, name: string): string => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};
const localeOf = (req: FastifyRequest): Locale => parseLocale(paramsOf(req).locale) ?? 'en';

/** The resource a route acts on; null when it does not exist (404 before any permission is judged). */
async function resourceOf(ctx: AppContext, kind: ResourceKind, req: FastifyRequest): Promise<Resource | null> {
  const me = req.principal;
  switch (kind) {
    case 'draft': {
      const id = positiveId(paramsOf(req).draftId);
      const chain = id === undefined ? undefined : await draftOwner(ctx, id);
      return chain ? { partyRegistrationNumber: chain.partyRegistrationNumber } : null;
    }
    case 'submission': {
      const id = positiveId(paramsOf(req).draftId);
      const chain = id === undefined ? undefined : await draftOwner(ctx, id);
      if (chain) return { partyRegistrationNumber: chain.partyRegistrationNumber };
      const key = webSubmissionKey(id ?? 0, bodyField(req.body, 'idempotencyKey'));
      const filed = key === null ? undefined : await findFilingByIdempotencyKey(ctx.db, key);
      const filedChain = filed ? await findChain(ctx.db, filed.chainId) : undefined;
      return filedChain ? { partyRegistrationNumber: filedChain.partyRegistrationNumber } : null;
    }
    case 'filing': {
      const id = positiveId(paramsOf(req).filingId);
      const filing = id === undefined ? undefined : await findFiling(ctx.db, id);
      const chain = filing && filing.version > 0 ? await findChain(ctx.db, filing.chainId) : undefined;
      return chain ? { partyRegistrationNumber: chain.partyRegistrationNumber } : null;
    }
    case 'own':
      return { partyRegistrationNumber: me?.partyRegistrationNumber ?? null };
    case 'bodyParty': {
      const body = req.body as Record<string, unknown> | undefined;
      const header = body && typeof body.header === 'object' && body.header !== null ? (body.header as Record<string, unknown>) : undefined;
      const named = typeof header?.partyRegistrationNumber === 'string' ? header.partyRegistrationNumber : bodyField(body, 'party');
      // A body that names no party is judged as the principal's own: its problems are for the validation to tell.
      return { partyRegistrationNumber: named !== '' ? named : (me?.partyRegistrationNumber ?? null) };
    }
    case 'none':
      return {};
  }
}

/** The preHandler of a route: nobody → 401 / sign-in; missing resource → 404; not allowed → 403. */
function guardOf(ctx: AppContext, spec: FilingRouteSpec): preHandlerAsyncHookHandler | undefined {
  const access = spec.access;
  if (access.kind === 'public') return undefined;
  const first = access.actions[0]!;
  return async function filingGuard(this: FastifyInstance, req, reply) {
    if (!req.principal) return requirePermission(first).call(this, req, reply);
    const resource = await resourceOf(ctx, access.resource, req);
    if (resource === null) {
      if (spec.scope === 'api') return reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'not_found', message: 'No such resource' } });
      return notFound(reply, localeOf(req));
    }
    for (const action of access.actions) {
      await requirePermission(action, () => resource).call(this, req, reply);
      if (reply.sent) return reply;
    }
  };
}

/**
 * The stored idempotency key of a submission from the draft page: the key made for each rendering of the
 * page (a double click sends it twice and files once), bound to the draft it was made for.
 */
function webSubmissionKey(draftId: number, raw: string): string | null {
  return /^[0-9a-f-]{36}$/.test(raw) ? `web:${draftId}:${raw}` : null;
}

/** The principal a guarded route has let through. */
function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('filing route reached without a principal: guard missing');
  return req.principal;
}

/**
 * CSRF for multipart forms: the body is read by the handler, so the global check cannot see the token.
 * Forms put `_csrf` first; scripts may send the X-CSRF-Token header. Calls without a session (Bearer) are
 * exempt as everywhere. False when refused: the 403 is then on its way.
 */
function csrfPasses(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, token: string | undefined): boolean {
  if (req.bearer) return true;
  (req as { body?: unknown }).body = token !== undefined ? { [CSRF_FIELD]: token } : {};
  let passed = false;
  app.csrfProtection(req, reply, () => {
    passed = true;
  });
  return passed;
}

interface MultipartForm {
  fields: FormFields;
  /** The problems of reading the form (too large, too many parts). */
  problems: Problem[];
  /** False when the CSRF check refused the request (the reply is being sent). */
  allowed: boolean;
  /** Whether a file part was there. */
  hadFile: boolean;
}

/**
 * Reads a multipart form, checking CSRF before the first file byte is read, and handing the file part
 * (there is at most one) to `onFile` as a stream.
 */
async function readMultipart(
  app: FastifyInstance,
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  onFile: (file: Readable, filename: string, fields: FormFields) => Promise<void>,
): Promise<MultipartForm> {
  const fields: FormFields = {};
  const problems: Problem[] = [];
  let checked = false;
  let hadFile = false;
  const tooLarge = () => scanProblem('scan.too_large', { limitMb: Math.round((ctx.config.uploadLimitBytes / (1024 * 1024)) * 10) / 10 });
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (!checked) {
        checked = true;
        if (!csrfPasses(app, req, reply, fields[CSRF_FIELD])) {
          part.file.resume();
          return { fields, problems, allowed: false, hadFile };
        }
      }
      if (hadFile || part.filename === '') {
        // A second file, or an empty file input: not wanted.
        part.file.resume();
        continue;
      }
      hadFile = true;
      await onFile(part.file, part.filename, fields);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') problems.push(tooLarge());
    else if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      problems.push({ code: 'form.invalid', message: 'The form could not be read.', severity: 'error', field: 'file' });
    } else throw e;
  }
  if (!checked && !csrfPasses(app, req, reply, fields[CSRF_FIELD])) return { fields, problems, allowed: false, hadFile };
  return { fields, problems, allowed: true, hadFile };
}

// ---------------------------------------------------------------- replies

/**
 * Public finance pages change the moment something is filed or reviewed, so browsers and CDNs may keep
 * them but must ask again each time; the ETag makes the answer "not modified" cheap.
 */
const PUBLIC_REVALIDATE = 'public, no-cache';

function sendPublicHtml(req: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  const etag = `W/"${createHash('sha1').update(html).digest('base64url')}"`;
  reply.header('etag', etag);
  if (status === 200 && req.headers['if-none-match'] === etag) return reply.status(304).header('cache-control', PUBLIC_REVALIDATE).send();
  return sendHtml(reply, html, { status, cache: PUBLIC_REVALIDATE });
}

const privatePage = (reply: FastifyReply, html: string, status = 200) => sendHtml(reply, html, { status, cache: 'no-store' });
const seeOther = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);

/** `attachment` or `inline` with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
function disposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\w.\-]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Scans are PDF, JPEG or PNG by their bytes (never served as anything else, nosniff set by helmet), so
 * none can run script; the policy still allows nothing but showing them, framed by this site only.
 */
const SCAN_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

async function sendScan(ctx: AppContext, reply: FastifyReply, a: { sha256: string; mediaType: string; size: number; fileName: string }, download: boolean, cache: string) {
  const body = await ctx.blobs.get(a.sha256);
  if (!body) return reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'not_found', message: 'The file is missing from the store.' } });
  return reply
    .header('content-type', a.mediaType)
    .header('content-length', String(a.size))
    .header('cache-control', cache)
    .header('content-security-policy', SCAN_CSP)
    .header('content-disposition', disposition(download ? 'attachment' : 'inline', a.fileName))
    .send(body);
}

/** A CSV cell that starts like a formula is shown as text by spreadsheets after a leading apostrophe. */
const neutralise = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function linesCsv(doc: PublicFilingDoc, section: LineSection): string {
  const columns = filingColumns[section]
    .map((c) => c.key)
    // The public file has the public fields only (toPublicFiling removed the rest; the columns say so too).
    .filter((k) => k !== 'donorPin' && k !== 'donorAddress');
  const lines = doc[section] as unknown as Array<Record<string, unknown>>;
  const rows = lines.map((line) =>
    columns.map((k) => {
      const v = line[k];
      if (v === undefined) return '';
      if (k === 'amount' && typeof v === 'number') return toDecimalString(tyiyn(v));
      return neutralise(String(v));
    }),
  );
  return `\ufeff${stringify([columns.map((k) => (k === 'amount' ? 'amount_som' : k)), ...rows], { record_delimiter: '\r\n' })}`;
}

// ---------------------------------------------------------------- notices after a redirect

/** Only these keys are shown, so a query string cannot put words on the page. */
const DONE = new Set(['created', 'existing', 'header', 'lineAdded', 'lineSaved', 'lineDeleted', 'imported', 'scanAdded', 'scanRemoved', 'discarded', 'reviewed', 'amend', 'amendExisting']);

function doneText(locale: Locale, query: Record<string, string | undefined>): string | undefined {
  const key = query.done;
  if (!key || !DONE.has(key)) return undefined;
  const n = positiveId(query.n) ?? 0;
  return t(locale, `filings.done.${key}`, { n });
}

// ---------------------------------------------------------------- the site routes

export interface FilingRouteOptions {
  /** Registers @fastify/multipart in the routes' own scope unless the app has it already (default true). */
  registerMultipart?: boolean;
}

/**
 * The finance report pages, treasurer and commission routes. Async because it registers its own scope
 * (with the multipart parser); call it with `await` after authPlugin and before `app.ready()`.
 */
export async function filingRoutes(app: FastifyInstance, ctx: AppContext, opts: FilingRouteOptions = {}): Promise<void> {
  await app.register(async (scope) => {
    if (opts.registerMultipart !== false && !scope.hasContentTypeParser('multipart/form-data')) {
      // One byte over the limit is let through so that the blob store, which counts, says "too large"
      // instead of storing a silently truncated file.
      await scope.register(multipart, { limits: { fileSize: ctx.config.uploadLimitBytes + 1, files: 1, fields: 20, fieldSize: 10_000, parts: 25 } });
    }
    siteRoutes(scope, ctx);
  });
}

type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

function siteRoutes(app: FastifyInstance, ctx: AppContext): void {
  const registered = new Set<string>();
  const route = (id: string, handler: Handler) => {
    const spec = specOf(id);
    if (spec.scope !== 'site') throw new Error(`${id} is an API route`);
    const guard = guardOf(ctx, spec);
    app.route({
      method: spec.method,
      url: spec.url,
      ...(guard ? { preHandler: guard } : {}),
      ...(spec.multipart ? { config: { csrf: false } } : {}),
      handler,
    });
    registered.add(id);
  };
  const query = (req: FastifyRequest) => req.query as Record<string, string | undefined>;

  // ---- public ----

  route('public.partyReports', async (req, reply) => {
    const { locale: rawLocale, id, reg } = paramsOf(req);
    const locale = parseLocale(rawLocale);
    const election = locale && id ? await findElection(ctx.db, id) : undefined;
    const participation = election && reg ? await findParticipation(ctx.db, election.id, reg) : undefined;
    if (!locale || !election || !participation || !reg) return notFound(reply, locale ?? 'en');
    const [party, chains, rules, totals] = await Promise.all([
      findParty(ctx.db, reg),
      listChainsOfParty(ctx.db, election.id, reg),
      rulesOf(ctx, election),
      totalsByParty(ctx.db, election.id),
    ]);
    const today = todayOf(ctx);
    const rows: ChainRow[] = chains.map((entry) => ({ entry, deadline: deadlineOf(rules, election, entry.chain, entry.versions) }));
    const missing: MissingReport[] = rules.reports
      .map((r) => ({ kind: r.kind, due: dueDate(rules, election, r.kind) ?? '' }))
      .filter((m) => m.due !== '' && m.due < today && !chains.some((c) => c.chain.reportKind === m.kind));
    const html = renderPage(
      <PartyReportsPage locale={locale} election={election} party={party} reg={reg} chains={rows} missing={missing} totals={totals.find((x) => x.partyRegistrationNumber === reg)} />,
    );
    return sendPublicHtml(req, reply, html);
  });

  route('public.search', async (req, reply) => {
    const locale = parseLocale(paramsOf(req).locale);
    if (!locale) return notFound(reply, 'en');
    const q = (query(req).q ?? '').trim().slice(0, 100);
    const searching = q.length >= 2;
    const [documents, donors, parties, elections] = await Promise.all([
      searching ? searchDocuments(ctx.db, q, 50) : [],
      searching ? searchDonors(ctx.db, q, 100) : [],
      ctx.db.selectFrom('parties').selectAll().execute(),
      listElections(ctx.db),
    ]);
    const partyNames = new Map(parties.map((r) => [r.registration_number, partyFromRow(r)]));
    const html = renderPage(
      <ReportSearchPage locale={locale} q={q} documents={documents} donors={donors} partyNames={partyNames} synthetic={elections.some((e) => e.synthetic)} />,
    );
    return sendPublicHtml(req, reply, html);
  });

  route('public.report', async (req, reply) => {
    const locale = parseLocale(paramsOf(req).locale);
    const id = positiveId(paramsOf(req).filingId);
    const report = locale && id !== undefined ? await loadPublicReport(ctx, id) : undefined;
    if (!locale || !report) return notFound(reply, locale ?? 'en');
    let diff: DiffView | undefined;
    let diffRefused = false;
    const rawDiff = query(req).diff;
    if (rawDiff !== undefined && rawDiff !== '') {
      const otherId = positiveId(rawDiff);
      const other = otherId === undefined ? undefined : await loadPublicVersion(ctx, report.chain.id, otherId);
      if (!other) diffRefused = true;
      else {
        // Always from the earlier version to the later, whichever page the reader is on.
        const [from, to] = other.filing.version <= report.filing.version ? [other, { filing: report.filing, doc: report.doc }] : [{ filing: report.filing, doc: report.doc }, other];
        // The public documents, so that the diff cannot show what the pages do not: diffFilings reads
        // whatever fields the lines have, and these lack the private ones.
        diff = { from: from.filing, to: to.filing, diff: diffFilings(from.doc as unknown as Filing, to.doc as unknown as Filing) };
      }
    }
    return sendPublicHtml(req, reply, renderPage(<ReportPage locale={locale} report={report} diff={diff} diffRefused={diffRefused} />), diffRefused ? 404 : 200);
  });

  route('public.scan', async (req, reply) => {
    const id = positiveId(paramsOf(req).filingId);
    const filing = id === undefined ? undefined : await findFiling(ctx.db, id);
    // Only scans of filed versions are public; a draft's scans are the treasurer's until submitted.
    const a = filing && filing.version > 0 ? await findAttachment(ctx.db, filing.id, paramsOf(req).sha ?? '') : undefined;
    if (!a) return reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'not_found', message: 'No such scan.' } });
    return sendScan(ctx, reply, a, query(req).download !== undefined, 'public, max-age=31536000, immutable');
  });

  for (const section of LINE_SECTIONS) {
    route(`public.${section}Csv`, async (req, reply) => {
      const id = positiveId(paramsOf(req).filingId);
      const report = id === undefined ? undefined : await loadPublicReport(ctx, id);
      if (!report) return reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'not_found', message: 'No such report.' } });
      const name = `${report.chain.electionId}_${report.chain.partyRegistrationNumber}_${report.chain.reportKind}_v${report.filing.version}_${section}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        // A filed version never changes; its status is not in the file.
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-disposition', disposition('attachment', name))
        .send(linesCsv(report.doc, section));
    });
  }

  // ---- treasurers ----

  /** The home page, with the errors of a refused "new report" form when there are some. */
  async function renderHome(req: FastifyRequest, reply: FastifyReply, locale: Locale, failed?: { errors: FormError[]; values: FormFields }) {
    const principal = me(req);
    const own = principal.partyRegistrationNumber;
    const [electionsAll, partyRows] = await Promise.all([listElections(ctx.db), ctx.db.selectFrom('parties').selectAll().execute()]);
    const elections = new Map(electionsAll.map((e) => [e.id, e]));
    const parties = new Map(partyRows.map((r) => [r.registration_number, partyFromRow(r)]));
    let participations = ctx.db.selectFrom('participations').select(['election_id', 'party_registration_number']).where('status', '=', 'registered');
    if (own) participations = participations.where('party_registration_number', '=', own);
    const rows = await participations.execute();
    const choices = rows
      .filter((r) => elections.has(r.election_id))
      .map((r) => ({ election: elections.get(r.election_id)!, reg: r.party_registration_number, party: parties.get(r.party_registration_number) }))
      .sort((a, b) => b.election.electionDay.localeCompare(a.election.electionDay) || a.reg.localeCompare(b.reg));
    // Treasurers see their party's reports here; staff have the review queue for everyone's.
    const reports: ElectionReports[] = own
      ? await Promise.all(choices.map(async (c) => ({ ...c, chains: (await listChainsOfParty(ctx.db, c.election.id, c.reg, { includeDrafts: true })) as ChainWithVersions[] })))
      : [];
    const drafts = await listDrafts(ctx.db, own ? { partyRegistrationNumber: own } : {});
    const canWrite = can(principal, 'filing.draft.write', { partyRegistrationNumber: own });
    const html = TreasurerHomePage({
      locale,
      csrfToken: reply.generateCsrf(),
      principal,
      choices,
      reports,
      drafts,
      parties,
      elections,
      canWrite,
      ...(failed ? { errors: failed.errors, values: failed.values } : {}),
      done: doneText(locale, query(req)),
    });
    return privatePage(reply, html, failed ? 422 : 200);
  }

  route('treasurer.home', async (req, reply) => {
    const locale = parseLocale(paramsOf(req).locale);
    if (!locale) return notFound(reply, 'en');
    return renderHome(req, reply, locale);
  });

  route('treasurer.createDraft', async (req, reply) => {
    const locale = parseLocale(paramsOf(req).locale);
    if (!locale) return notFound(reply, 'en');
    const values: FormFields = {};
    for (const k of ['electionId', 'party', 'reportKind', 'periodFrom', 'periodTo']) values[k] = bodyField(req.body, k).trim();
    const r = await createDraft(
      ctx,
      {
        electionId: values.electionId ?? '',
        partyRegistrationNumber: values.party ?? '',
        reportKind: values.reportKind ?? '',
        periodFrom: values.periodFrom ?? '',
        periodTo: values.periodTo ?? '',
      },
      actorOf(me(req)),
    );
    if (r.ok) return seeOther(reply, `/${locale}/treasurer/drafts/${r.value.draftId}?done=${r.value.existing ? 'existing' : 'created'}`);
    return renderHome(req, reply, locale, { errors: formErrors(locale, 'new', r.error), values });
  });

  /** The draft page, with a refused form's values and errors when there are some. */
  async function renderDraft(req: FastifyRequest, reply: FastifyReply, locale: Locale, draftId: number, failed?: FailedForm) {
    const view = await loadDraft(ctx, draftId);
    if (!view) return notFound(reply, locale);
    const principal = me(req);
    const resource = { partyRegistrationNumber: view.chain.partyRegistrationNumber };
    const html = DraftPage({
      locale,
      csrfToken: reply.generateCsrf(),
      view,
      idempotencyKey: randomUUID(),
      canWrite: can(principal, 'filing.draft.write', resource),
      canSubmit: can(principal, 'filing.submit', resource),
      ...(failed ? { failed } : {}),
      done: doneText(locale, query(req)),
    });
    return privatePage(reply, html, failed ? 422 : 200);
  }

  /** Locale and draft id of a draft route (the guard has found the draft already). */
  const draftParams = (req: FastifyRequest) => ({ locale: localeOf(req), draftId: positiveId(paramsOf(req).draftId) ?? 0 });
  const draftUrl = (locale: Locale, draftId: number, rest = '') => `/${locale}/treasurer/drafts/${draftId}${rest}`;
  const formValues = (body: unknown): FormFields => {
    const out: FormFields = {};
    if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== CSRF_FIELD) out[k] = v;
    return out;
  };

  route('treasurer.draft', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    if (!parseLocale(paramsOf(req).locale)) return notFound(reply, 'en');
    return renderDraft(req, reply, locale, draftId);
  });

  route('treasurer.header', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    const values = formValues(req.body);
    const r = await updateHeader(ctx, draftId, values, actorOf(me(req)));
    if (r.ok) return seeOther(reply, draftUrl(locale, draftId, '?done=header#header'));
    return renderDraft(req, reply, locale, draftId, { form: 'header', values, errors: formErrors(locale, 'header', r.error) });
  });

  route('treasurer.addLine', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    const section = paramsOf(req).section ?? '';
    if (!isLineSection(section)) return notFound(reply, locale);
    const values = formValues(req.body);
    const r = await addLine(ctx, draftId, section, values, actorOf(me(req)));
    if (r.ok) return seeOther(reply, draftUrl(locale, draftId, `?done=lineAdded#${section}-row-${r.value.index + 1}`));
    return renderDraft(req, reply, locale, draftId, { form: section, values, errors: formErrors(locale, section, r.error) });
  });

  route('treasurer.lineForm', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    const section = paramsOf(req).section ?? '';
    const index = Number(paramsOf(req).index);
    const view = await loadDraft(ctx, draftId);
    const line = view && isLineSection(section) && /^\d{1,6}$/.test(paramsOf(req).index ?? '') ? (view.body[section][index] as Record<string, unknown> | undefined) : undefined;
    if (!view || !line || !isLineSection(section)) return notFound(reply, locale);
    const html = LineEditPage({ locale, csrfToken: reply.generateCsrf(), view, section, index, expectedLineId: String(line.lineId), values: lineValues(line), errors: [] });
    return privatePage(reply, html);
  });

  route('treasurer.updateLine', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    const section = paramsOf(req).section ?? '';
    const rawIndex = paramsOf(req).index ?? '';
    if (!isLineSection(section) || !/^\d{1,6}$/.test(rawIndex)) return notFound(reply, locale);
    const index = Number(rawIndex);
    const values = formValues(req.body);
    const expected = values.expectedLineId ?? '';
    const r = await updateLine(ctx, draftId, section, index, expected, values, actorOf(me(req)));
    if (r.ok) return seeOther(reply, draftUrl(locale, draftId, `?done=lineSaved#${section}-row-${index + 1}`));
    const view = await loadDraft(ctx, draftId);
    if (!view) return notFound(reply, locale);
    const html = LineEditPage({ locale, csrfToken: reply.generateCsrf(), view, section, index, expectedLineId: expected, values, errors: formErrors(locale, 'line', r.error) });
    return privatePage(reply, html, 422);
  });

  route('treasurer.deleteLine', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    const section = paramsOf(req).section ?? '';
    const rawIndex = paramsOf(req).index ?? '';
    if (!isLineSection(section) || !/^\d{1,6}$/.test(rawIndex)) return notFound(reply, locale);
    const r = await deleteLine(ctx, draftId, section, Number(rawIndex), bodyField(req.body, 'expectedLineId'), actorOf(me(req)));
    if (r.ok) return seeOther(reply, draftUrl(locale, draftId, `?done=lineDeleted#h-${section}`));
    return renderDraft(req, reply, locale, draftId, { form: section, values: {}, errors: formErrors(locale, section, r.error) });
  });

  route('treasurer.import', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    let bytes: Buffer | undefined;
    const form = await readMultipart(app, ctx, req, reply, async (file) => {
      // An import is parsed whole (a workbook is a zip), so it is read into memory, within the limit.
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of file as AsyncIterable<Buffer>) {
        size += c.length;
        if (size > ctx.config.uploadLimitBytes) throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
        chunks.push(c);
      }
      bytes = Buffer.concat(chunks);
    });
    if (!form.allowed) return reply;
    const values = form.fields;
    let problems: Problem[] = form.problems;
    if (problems.length === 0 && (!bytes || bytes.length === 0)) problems = [scanProblem('scan.missing')];
    if (problems.length === 0 && bytes) {
      const mode = values.mode === 'replace' ? 'replace' : 'append';
      const r = await importLines(ctx, draftId, { bytes, mode, ...(values.section ? { section: values.section } : {}) }, actorOf(me(req)));
      if (r.ok) {
        const n = r.value.counts.receipts + r.value.counts.expenditures + r.value.counts.refunds;
        return seeOther(reply, draftUrl(locale, draftId, `?done=imported&n=${n}#check`));
      }
      problems = r.error;
    }
    // Problems of the file (sheet, row, column) are the file's, not a form field's: they point at the file input.
    const errors = problems.map((p) => ({ target: p.field === 'section' ? 'f-import-section' : 'f-import-file', text: describeProblem(p, locale) }));
    return renderDraft(req, reply, locale, draftId, { form: 'import', values, errors });
  });

  route('treasurer.addScan', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    let problems: Problem[] = [];
    const form = await readMultipart(app, ctx, req, reply, async (file, filename) => {
      const r = await attachScan(ctx, draftId, file, filename, actorOf(me(req)));
      if (!r.ok) problems = r.error;
    });
    if (!form.allowed) return reply;
    problems = [...form.problems, ...problems];
    if (problems.length === 0 && !form.hadFile) problems = [scanProblem('scan.missing')];
    if (problems.length === 0) return seeOther(reply, draftUrl(locale, draftId, '?done=scanAdded#scans'));
    return renderDraft(req, reply, locale, draftId, { form: 'scan', values: {}, errors: formErrors(locale, 'scan', problems) });
  });

  route('treasurer.removeScan', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    await removeScan(ctx, draftId, paramsOf(req).sha ?? '', actorOf(me(req)));
    return seeOther(reply, draftUrl(locale, draftId, '?done=scanRemoved#scans'));
  });

  route('treasurer.draftScan', async (req, reply) => {
    const draftId = positiveId(paramsOf(req).draftId) ?? 0;
    const a = await findAttachment(ctx.db, draftId, paramsOf(req).sha ?? '');
    if (!a) return reply.status(404).header('cache-control', 'no-store').send({ error: { code: 'not_found', message: 'No such scan.' } });
    return sendScan(ctx, reply, a, query(req).download !== undefined, 'private, no-store');
  });

  route('treasurer.submit', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    const key = webSubmissionKey(draftId, bodyField(req.body, 'idempotencyKey'));
    const r = await submitDraft(ctx, draftId, { actor: actorOf(me(req)), idempotencyKey: key });
    if (r.ok) return seeOther(reply, `${reportPath(locale, r.value.filingId)}`);
    if (r.error.some((p) => p.code === 'draft.not_found')) return notFound(reply, locale);
    const errors = r.error.map((p) => ({ target: problemTargetOf(p), text: describeProblem(p, locale) }));
    return renderDraft(req, reply, locale, draftId, { form: 'submit', values: {}, errors });
  });

  route('treasurer.discard', async (req, reply) => {
    const { locale, draftId } = draftParams(req);
    await discardDraft(ctx, draftId, actorOf(me(req)));
    return seeOther(reply, `/${locale}/treasurer?done=discarded`);
  });

  route('treasurer.amend', async (req, reply) => {
    const locale = parseLocale(paramsOf(req).locale);
    if (!locale) return notFound(reply, 'en');
    const id = positiveId(paramsOf(req).filingId) ?? 0;
    const r = await amendFiling(ctx, id, actorOf(me(req)));
    if (r.ok) return seeOther(reply, draftUrl(locale, r.value.draftId, `?done=${r.value.existing ? 'amendExisting' : 'amend'}`));
    return renderHome(req, reply, locale, { errors: r.error.map((p) => ({ target: 'filed', text: describeProblem(p, locale) })), values: {} });
  });

  // ---- the commission ----

  route('commission.queue', async (req, reply) => {
    const locale = parseLocale(paramsOf(req).locale);
    if (!locale) return notFound(reply, 'en');
    const [pending, decided, partyRows] = await Promise.all([
      listLatestFilings(ctx.db, { statuses: ['filed', 'under_review'] }),
      listLatestFilings(ctx.db, { statuses: ['accepted', 'returned'], limit: 100 }),
      ctx.db.selectFrom('parties').selectAll().execute(),
    ]);
    const parties = new Map(partyRows.map((r) => [r.registration_number, partyFromRow(r)]));
    return privatePage(reply, ReviewQueuePage({ locale, pending, decided, parties }));
  });

  async function renderReview(req: FastifyRequest, reply: FastifyReply, locale: Locale, failed?: { errors: FormError[]; values: FormFields }) {
    const id = positiveId(paramsOf(req).filingId);
    const report = id === undefined ? undefined : await loadPublicReport(ctx, id);
    if (!report) return notFound(reply, locale);
    const partyName = report.party ? report.party.name[locale] : report.chain.partyRegistrationNumber;
    const html = ReviewPage({
      locale,
      csrfToken: reply.generateCsrf(),
      filingId: report.filing.id,
      title: `${reportKindLabel(locale, report.chain.reportKind)}: ${partyName} — ${t(locale, 'filings.versions.short', { n: report.filing.version })}`,
      status: report.filing.status,
      isLatest: report.filing.isLatest,
      events: await listStatusEvents(ctx.db, [report.filing.id]),
      canReview: can(me(req), 'findings.review'),
      ...(failed ? { errors: failed.errors, values: failed.values } : {}),
      done: doneText(locale, query(req)),
    });
    return privatePage(reply, html, failed ? 422 : 200);
  }

  route('commission.report', async (req, reply) => {
    const locale = parseLocale(paramsOf(req).locale);
    if (!locale) return notFound(reply, 'en');
    return renderReview(req, reply, locale);
  });

  route('commission.review', async (req, reply) => {
    const locale = parseLocale(paramsOf(req).locale);
    const id = positiveId(paramsOf(req).filingId);
    if (!locale || id === undefined) return notFound(reply, locale ?? 'en');
    const values = formValues(req.body);
    const r = await reviewFiling(ctx, id, { status: values.status ?? '', reason: values.reason ?? '' }, actorOf(me(req)));
    if (r.ok) return seeOther(reply, `/${locale}/commission/reports/${id}?done=reviewed`);
    if (r.error.some((p) => p.code === 'review.not_found')) return notFound(reply, locale);
    return renderReview(req, reply, locale, { errors: formErrors(locale, 'review', r.error), values });
  });

  const missing = FILING_ROUTES.filter((r) => r.scope === 'site' && !registered.has(r.id));
  if (missing.length > 0) throw new Error(`filing routes without a handler: ${missing.map((r) => r.id).join(', ')}`);
}

/** Where on the draft page a submission problem is fixed (the check panel's targets). */
function problemTargetOf(p: Problem): string {
  const section = p.params?.section;
  if (typeof section === 'string' && isLineSection(section) && p.row !== undefined) return `${section}-row-${p.row}`;
  if (section === 'attachments') return 'scans';
  return 'check';
}

// ---------------------------------------------------------------- sections of the election and party pages

/** For `extensions.election` in server.ts: money received and spent by party, latest versions only. */
export async function filingElectionSection(ctx: AppContext, electionId: string, locale: Locale): Promise<ComponentChildren> {
  const totals = await totalsByParty(ctx.db, electionId);
  const rows = await Promise.all(totals.map(async (tt) => ({ party: await findParty(ctx.db, tt.partyRegistrationNumber), totals: tt })));
  rows.sort((a, b) => b.totals.receipts - a.totals.receipts);
  return <FinanceElectionSection locale={locale} electionId={electionId} rows={rows} />;
}

/** For `extensions.party` in server.ts: the party's totals and a link to its reports. */
export async function filingPartySection(ctx: AppContext, electionId: string, reg: string, locale: Locale): Promise<ComponentChildren> {
  const totals = (await totalsByParty(ctx.db, electionId)).find((x) => x.partyRegistrationNumber === reg);
  return <FinancePartySection locale={locale} electionId={electionId} reg={reg} totals={totals} reports={totals?.reports ?? 0} />;
}

// ---------------------------------------------------------------- the API

const ProblemResource = z
  .object({
    code: z.string().describe('Stable machine-readable code of the problem, e.g. `balance.mismatch` or `date.outside_period`.'),
    severity: z.enum(['error', 'warning']).describe('`error` refuses the report; `warning` does not.'),
    message: z.string().describe('What is wrong and where, in English.'),
    messages: z
      .object({
        ky: z.string().describe('In Kyrgyz.'),
        ru: z.string().describe('In Russian.'),
        en: z.string().describe('In English.'),
      })
      .describe('The same message in each language of the platform.'),
    field: z.string().optional().describe('Path of the field in the filing document, e.g. `receipts[3].date`.'),
    row: z.number().int().optional().describe('1-based line number within its section.'),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('The values the message is made from (amounts in tyiyn).'),
  })
  .meta({ id: 'FilingProblem', description: 'One problem found in a filing: where it is, what is wrong, and whether it blocks the report.' });

function problemResource(p: Problem): z.infer<typeof ProblemResource> {
  const messages = Object.fromEntries(LOCALES.map((l) => [l, describeProblem(p, l)])) as { ky: string; ru: string; en: string };
  return {
    code: p.code,
    severity: p.severity === 'warning' ? 'warning' : 'error',
    message: messages.en,
    messages,
    ...(p.field !== undefined ? { field: p.field } : {}),
    ...(p.row !== undefined ? { row: p.row } : {}),
    ...(p.params !== undefined ? { params: p.params } : {}),
  };
}

const FilingStatusEnum = z.enum(['filed', 'under_review', 'accepted', 'returned']).describe('Review status: filed → under_review → accepted or returned (with reasons).');

const SubmissionResult = z
  .object({
    data: z
      .object({
        id: z.number().int().describe('Id of the filed version; its public page is `/{locale}/reports/{id}`.'),
        chainId: z.number().int().describe('Id of the report (the chain of its versions).'),
        version: z.number().int().describe('Version number within the chain: 1 for a new report, more for an amendment.'),
        replayed: z.boolean().describe('True when the Idempotency-Key had been used for this same report: nothing new was filed.'),
        url: z.string().describe('Path of the public page of the version.'),
        warnings: z.array(ProblemResource).describe('Problems that did not stop the report but that the filer should read.'),
      })
      .describe('The filed version.'),
  })
  .meta({ id: 'FilingSubmission', description: 'The answer to a submitted filing.' });

const FilingErrorBody = z
  .object({
    error: z
      .object({
        code: z.string().describe('`filing_invalid` (see `problems`), `idempotency_key_reused`, `unauthorized` or `forbidden`.'),
        message: z.string().describe('Plain-language explanation, in English.'),
        problems: z.array(ProblemResource).optional().describe('For `filing_invalid`: every error found, each naming its line and field.'),
      })
      .describe('What went wrong.'),
  })
  .meta({ id: 'FilingError', description: 'A refused filing: nothing was stored.' });

const PublicHeader = z
  .object({
    partyRegistrationNumber: z.string().describe('Registration number of the party.'),
    electionId: z.string().describe('Election id.'),
    reportKind: z.string().describe('Kind of report: initial, interim, first, final or annual.'),
    periodFrom: z.string().describe('First day of the period, YYYY-MM-DD.'),
    periodTo: z.string().describe('Last day of the period, YYYY-MM-DD.'),
    account: z.object({ bank: z.string().describe('Bank of the electoral fund account.'), number: z.string().describe('Account number.') }).describe('The electoral fund account.'),
    openingBalance: z.number().int().describe('Balance at the start of the period, tyiyn.'),
    closingBalance: z.number().int().describe('Balance at the end of the period, tyiyn.'),
    totals: z
      .object({
        receipts: z.number().int().describe('Total receipts, tyiyn.'),
        expenditures: z.number().int().describe('Total expenditures, tyiyn.'),
        refunds: z.number().int().describe('Total refunds, tyiyn.'),
      })
      .describe('Section totals.'),
    signer: z.object({ name: z.string().describe('Who signed the report.'), position: z.string().describe('Their position.') }).describe('The signer.'),
  })
  .meta({ id: 'PublicFilingHeader', description: 'Header of a filed report.' });

const PublicDocument = z
  .object({
    format: z.literal('talapker-filing-v1').describe('Format of the document.'),
    header: PublicHeader,
    receipts: z
      .array(
        z
          .object({
            lineId: z.string().describe('Line id, kept across versions.'),
            date: z.string().describe('Date, YYYY-MM-DD.'),
            donorType: z.string().describe('individual, legal_entity, party_own_funds, candidate_own_funds or other.'),
            donorName: z.string().describe('Name of the donor.'),
            donorInn: z.string().optional().describe('INN of a legal entity donor; never a person’s number.'),
            amount: z.number().int().describe('Amount, tyiyn.'),
            channel: z.string().describe('bank_transfer, cash, mobile_banking or other.'),
            bankReference: z.string().optional().describe('Reference of the bank operation.'),
          })
          .describe('A receipt.'),
      )
      .describe('Receipts, itemised. Personal identification numbers and addresses are never published.'),
    expenditures: z
      .array(
        z
          .object({
            lineId: z.string().describe('Line id, kept across versions.'),
            date: z.string().describe('Date, YYYY-MM-DD.'),
            category: z.string().describe('Expenditure category as the CEC publishes them.'),
            payeeName: z.string().describe('Who was paid.'),
            payeeInn: z.string().optional().describe('INN of the payee when it is a legal entity.'),
            amount: z.number().int().describe('Amount, tyiyn.'),
            documentNumber: z.string().describe('Supporting document.'),
            description: z.string().describe('What was bought.'),
          })
          .describe('An expenditure.'),
      )
      .describe('Expenditures, itemised.'),
    refunds: z
      .array(
        z
          .object({
            lineId: z.string().describe('Line id.'),
            date: z.string().describe('Date, YYYY-MM-DD.'),
            receiptLineId: z.string().describe('The receipt refunded.'),
            kind: z.string().describe('returned_to_donor or transferred_to_budget.'),
            reason: z.string().describe('prohibited_donor, over_cap, anonymous, debtor or other.'),
            amount: z.number().int().describe('Amount, tyiyn.'),
          })
          .describe('A refund.'),
      )
      .describe('Refunds of donations that could not be kept.'),
    attachments: z
      .array(
        z
          .object({
            sha256: z.string().describe('SHA-256 of the file.'),
            fileName: z.string().describe('File name.'),
            mediaType: z.string().describe('application/pdf, image/jpeg or image/png.'),
            size: z.number().int().describe('Size in bytes.'),
          })
          .describe('A scanned supporting document; served at /reports/{id}/scans/{sha256}.'),
      )
      .describe('Scans of supporting documents.'),
  })
  .meta({ id: 'PublicFiling', description: 'A filed version of a finance report as published: the filing v1 document without private fields.' });

const VersionSummary = z
  .object({
    id: z.number().int().describe('Id of the version.'),
    version: z.number().int().describe('Version number in its chain.'),
    status: FilingStatusEnum,
    isLatest: z.boolean().describe('Whether this is the latest version (the one totals count).'),
    submittedAt: z.string().describe('When it was filed (ISO 8601).'),
    totalReceipts: z.number().int().describe('Total receipts, tyiyn.'),
    totalExpenditures: z.number().int().describe('Total expenditures, tyiyn.'),
  })
  .meta({ id: 'FilingVersion', description: 'One filed version of a report.' });

const FilingResource = z
  .object({
    data: z
      .object({
        id: z.number().int().describe('Id of this version.'),
        chainId: z.number().int().describe('Id of the report.'),
        version: z.number().int().describe('Version number.'),
        status: FilingStatusEnum,
        isLatest: z.boolean().describe('Whether a later version exists (false) or not (true).'),
        submittedAt: z.string().describe('When it was filed (ISO 8601).'),
        versions: z.array(VersionSummary).describe('Every version of the report, oldest first.'),
        document: PublicDocument,
      })
      .describe('The version.'),
  })
  .meta({ id: 'Filing', description: 'A filed version of a finance report with its siblings.' });

const PartyFilings = z
  .object({
    data: z
      .array(
        z
          .object({
            chainId: z.number().int().describe('Id of the report.'),
            reportKind: z.string().describe('Kind of report.'),
            periodFrom: z.string().describe('First day of the period.'),
            periodTo: z.string().describe('Last day of the period.'),
            versions: z.array(VersionSummary).describe('Its versions, oldest first.'),
          })
          .describe('A report.'),
      )
      .describe('Every report of the party in the election.'),
  })
  .meta({ id: 'PartyFilings', description: 'A party’s finance reports in an election.' });

const ScanUpload = z
  .object({
    data: z
      .object({
        sha256: z.string().describe('Name the file by this hash in the filing’s `attachments`.'),
        fileName: z.string().describe('File name as stored.'),
        mediaType: z.string().describe('Type detected from the bytes.'),
        size: z.number().int().describe('Size in bytes.'),
      })
      .describe('The stored scan.'),
  })
  .meta({ id: 'ScanUpload', description: 'A scan stored for a later filing.' });

const SimpleError = z
  .object({ error: z.object({ code: z.string().describe('Machine-readable code.'), message: z.string().describe('Explanation, in English.') }).describe('What went wrong.') })
  .meta({ id: 'FilingRequestError', description: 'A refused request.' });

const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const versionSummary = (v: { id: number; version: number; status: string; isLatest: boolean; submittedAt: string | null; totalReceipts: number; totalExpenditures: number }) => ({
  id: v.id,
  version: v.version,
  status: v.status as z.infer<typeof FilingStatusEnum>,
  isLatest: v.isLatest,
  submittedAt: v.submittedAt ?? '',
  totalReceipts: v.totalReceipts,
  totalExpenditures: v.totalExpenditures,
});

const templates = new Map<Locale, Buffer>();

/**
 * The filing API, for the /api scope of registerApi (`await filingApi(typed, ctx)`): the JSON Schema, the
 * XLSX template, submission with an Idempotency-Key, scan upload, and the public JSON of filed reports.
 */
export async function filingApi(api: ApiInstance, ctx: AppContext): Promise<void> {
  const guard = (id: string) => guardOf(ctx, specOf(id));

  api.get(
    specOf('api.schema').url,
    {
      schema: {
        operationId: 'getFilingSchema',
        tags: ['Filings'],
        summary: 'JSON Schema of the filing v1 format',
        description: 'The document `POST /api/v1/filings` takes: header, itemised receipts, expenditures and refunds, and the SHA-256 of attached scans. Money is integer tyiyn.',
        response: { 200: json('JSON Schema (draft 2020-12).', z.record(z.string(), z.unknown()).describe('A JSON Schema document.')) },
      },
    },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').send(filingJsonSchema()),
  );

  api.get(
    specOf('api.template').url,
    {
      schema: {
        operationId: 'getFilingTemplate',
        tags: ['Filings'],
        summary: 'XLSX template for report lines',
        description: 'A workbook with one sheet per section, drop-down lists and column headers in the chosen language; the treasurer pages import it back.',
        querystring: z.object({ locale: z.enum(['ky', 'ru', 'en']).default('ru').describe('Language of the headers and lists.') }),
        response: {
          200: {
            description: 'XLSX workbook.',
            content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('XLSX workbook (binary).') } },
          },
          400: json('Unknown language; `details` names the parameter.', ErrorBody),
        },
      },
    },
    async (req, reply) => {
      const locale = (req.query as { locale: Locale }).locale;
      let file = templates.get(locale);
      if (!file) templates.set(locale, (file = await buildFilingTemplate(locale)));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', disposition('attachment', `talapker-filing-template-${locale}.xlsx`))
        .send(file);
    },
  );

  api.post(
    specOf('api.submit').url,
    {
      bodyLimit: Math.max(ctx.config.uploadLimitBytes, 1024 * 1024),
      preHandler: guard('api.submit'),
      schema: {
        operationId: 'submitFiling',
        tags: ['Filings'],
        summary: 'File a finance report',
        description:
          'Files a complete report in the filing v1 format (see `/api/schemas/filing-v1.json`). A report for the same election, party, kind and first day as an earlier one is its amendment: the next version. Errors refuse the report and store nothing; warnings are returned with it. Send `Authorization: Bearer <token>` of a treasurer with the scopes `filings:write` and `filings:submit`, and an `Idempotency-Key`: repeating a request with the same key returns the first answer (200) instead of filing twice.',
        headers: z.object({
          'idempotency-key': z.string().min(1).max(MAX_IDEMPOTENCY_KEY_LENGTH).describe('A key the filer makes once per report submission (a UUID, say).'),
        }),
        body: z.record(z.string(), z.unknown()).describe('A filing v1 document.'),
        response: {
          201: json('Filed.', SubmissionResult),
          200: json('Already filed with this key: the earlier answer.', SubmissionResult),
          400: json('The request is malformed (no Idempotency-Key, not a JSON object); `details` lists every problem.', ErrorBody),
          401: json('No valid token.', SimpleError),
          403: json('The token may not file for this party.', SimpleError),
          409: json('The key was used for a different report.', FilingErrorBody),
          422: json('The report has errors; nothing was stored.', FilingErrorBody),
        },
      },
    },
    async (req, reply) => {
      const principal = me(req);
      const headerKey = (req.headers['idempotency-key'] as string).trim();
      const h = (req.body as { header?: { partyRegistrationNumber?: unknown } }).header;
      const party = typeof h?.partyRegistrationNumber === 'string' ? h.partyRegistrationNumber : (principal.partyRegistrationNumber ?? 'staff');
      // Keys are the filer's: namespaced by party, so two parties choosing "1" do not collide.
      const r = await submitFiling(ctx, req.body, { actor: actorOf(principal), idempotencyKey: `api:${party}:${headerKey}` });
      reply.header('cache-control', 'no-store');
      if (!r.ok) {
        if (r.error.some((p) => p.code === 'submit.idempotency_conflict')) {
          return reply.status(409).send({ error: { code: 'idempotency_key_reused', message: 'This Idempotency-Key was used for a different report; nothing was stored.', problems: r.error.map(problemResource) } });
        }
        return reply.status(422).send({
          error: { code: 'filing_invalid', message: `The report has ${r.error.length} error(s); nothing was stored.`, problems: r.error.map(problemResource) },
        });
      }
      const v = r.value;
      return reply
        .status(v.replayed ? 200 : 201)
        .header('location', `/api/v1/filings/${v.filingId}`)
        .send({ data: { id: v.filingId, chainId: v.chainId, version: v.version, replayed: v.replayed, url: `/ru/reports/${v.filingId}`, warnings: v.warnings.map(problemResource) } });
    },
  );

  await api.register(async (sub) => {
    if (!sub.hasContentTypeParser('multipart/form-data')) {
      await sub.register(multipart, { limits: { fileSize: ctx.config.uploadLimitBytes + 1, files: 1, fields: 5, fieldSize: 10_000, parts: 6 } });
    }
    sub.post(
      specOf('api.uploadScan').url,
      {
        preHandler: guard('api.uploadScan'),
        config: { csrf: false },
        schema: {
          operationId: 'uploadFilingScan',
          tags: ['Filings'],
          summary: 'Upload a scanned supporting document',
          description:
            'Stores a PDF, JPEG or PNG (the type is read from the bytes; other files are refused) sent as multipart/form-data in the field `file`. Name it in a filing’s `attachments` by the returned SHA-256. Size limit: the instance’s upload limit (50 MB by default).',
          response: {
            201: json('Stored.', ScanUpload),
            401: json('No valid token.', SimpleError),
            403: json('This account may not upload for filings.', SimpleError),
            413: json('Larger than the limit.', FilingErrorBody),
            422: json('Not a PDF, JPEG or PNG, or no file.', FilingErrorBody),
          },
        },
      },
      async (req, reply) => {
        let result: Awaited<ReturnType<typeof storeScan>> | undefined;
        const form = await readMultipart(sub as unknown as FastifyInstance, ctx, req, reply, async (file, filename) => {
          result = await storeScan(ctx, file, filename);
        });
        if (!form.allowed) return reply;
        reply.header('cache-control', 'no-store');
        const problems = [...form.problems, ...(result && !result.ok ? result.error : [])];
        if (!result && problems.length === 0) problems.push(scanProblem('scan.missing'));
        if (problems.length > 0 || !result || !result.ok) {
          const tooLarge = problems.some((p) => p.code === 'scan.too_large');
          return reply.status(tooLarge ? 413 : 422).send({ error: { code: tooLarge ? 'payload_too_large' : 'scan_refused', message: problems.map((p) => p.message).join(' '), problems: problems.map(problemResource) } });
        }
        const s = result.value;
        await ctx.db
          .insertInto('activity_log')
          .values({ at: ctx.now().toISOString(), actor: actorOf(me(req)), action: 'filing.scan.upload', entity_type: 'blob', entity_id: s.sha256, before_json: null, after_json: JSON.stringify({ fileName: s.fileName, mediaType: s.mediaType, size: s.size }) })
          .execute();
        return reply.status(201).send({ data: { sha256: s.sha256, fileName: s.fileName, mediaType: s.mediaType, size: s.size } });
      },
    );
  });

  api.get(
    specOf('api.filing').url,
    {
      schema: {
        operationId: 'getFiling',
        tags: ['Filings'],
        summary: 'Get one filed version of a report',
        description: 'The version as published (no PINs, no addresses), with the list of all versions of the report. Older versions stay available for ever.',
        params: z.object({ filingId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('Id of a filed version.').meta({ examples: [1] }) }),
        response: { 200: json('The version.', FilingResource), 400: json('Invalid id; `details` names the parameter.', ErrorBody), 404: json('No such filed version.', ErrorBody) },
      },
    },
    async (req, reply) => {
      const report = await loadPublicReport(ctx, (req.params as { filingId: number }).filingId);
      if (!report) return reply.status(404).send({ error: { code: 'not_found', message: 'There is no filed report version with this id.' } });
      return reply.header('cache-control', PUBLIC_REVALIDATE).send({
        data: {
          id: report.filing.id,
          chainId: report.chain.id,
          version: report.filing.version,
          status: report.filing.status as z.infer<typeof FilingStatusEnum>,
          isLatest: report.filing.isLatest,
          submittedAt: report.filing.submittedAt ?? '',
          versions: report.versions.map(versionSummary),
          document: report.doc,
        },
      });
    },
  );

  api.get(
    specOf('api.partyFilings').url,
    {
      schema: {
        operationId: 'listPartyFilings',
        tags: ['Filings'],
        summary: 'List a party’s finance reports in an election',
        description: 'Every report the party filed in the election, each with all its versions; the latest version is the one totals count.',
        params: z.object({
          electionId: z.string().min(1).max(80).describe('Election id, e.g. `kg-2020-parliament`.').meta({ examples: ['kg-2020-parliament'] }),
          registrationNumber: z.string().min(1).max(40).describe("The party's registration number.").meta({ examples: ['10472-3301-PP'] }),
        }),
        response: { 200: json('The reports.', PartyFilings), 400: json('Invalid parameters; `details` lists every problem.', ErrorBody), 404: json('No such election or party in it.', ErrorBody) },
      },
    },
    async (req, reply) => {
      const { electionId, registrationNumber } = req.params as { electionId: string; registrationNumber: string };
      if (!(await findParticipation(ctx.db, electionId, registrationNumber))) {
        return reply.status(404).send({ error: { code: 'not_found', message: `Party "${registrationNumber}" does not stand in election "${electionId}".` } });
      }
      const chains = await listChainsOfParty(ctx.db, electionId, registrationNumber);
      return reply.header('cache-control', PUBLIC_REVALIDATE).send({
        data: chains.map((c) => ({
          chainId: c.chain.id,
          reportKind: c.chain.reportKind,
          periodFrom: c.chain.periodFrom,
          periodTo: c.chain.periodTo,
          versions: c.versions.map(versionSummary),
        })),
      });
    },
  );
}
