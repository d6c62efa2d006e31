// The route table of finance reports: three audiences, one table.
// - the public: a party's reports, one filed version itemised (with ?diff=<other version>), its scans
//   (inline and as download), CSV of its lines, search in donors and scanned documents (public.routes.tsx);
// - treasurers (and commission staff): drafts under /{locale}/treasurer/… (treasurer.routes.tsx,
//   draft-files.routes.ts) and the commission's review under /{locale}/commission/… (review.routes.tsx),
//   plain forms with CSRF tokens;
// - software: the filing API under /api (api.routes.ts), the JSON Schema and the XLSX template.
// FILING_ROUTES says who may use each route; the guards are made from it (access.ts), and the
// authorisation test walks it, so a route added without an entry cannot be registered and one without a
// test fails.
import type { Action } from '../../accounts/index.ts';

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

export type FilingAccess =
  { kind: 'public' } | { kind: 'permission'; actions: readonly Action[]; resource: ResourceKind };

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
const perm = (resource: ResourceKind, ...actions: Action[]): FilingAccess => ({
  kind: 'permission',
  actions,
  resource,
});
const D = '/:locale/treasurer/drafts/:draftId';

export const FILING_ROUTES: readonly FilingRouteSpec[] = [
  // The public record.
  {
    id: 'public.partyReports',
    method: 'GET',
    url: '/:locale/elections/:id/parties/:reg/reports',
    scope: 'site',
    access: pub,
  },
  { id: 'public.search', method: 'GET', url: '/:locale/reports/search', scope: 'site', access: pub },
  { id: 'public.report', method: 'GET', url: '/:locale/reports/:filingId', scope: 'site', access: pub },
  { id: 'public.scan', method: 'GET', url: '/reports/:filingId/scans/:sha', scope: 'site', access: pub },
  { id: 'public.receiptsCsv', method: 'GET', url: '/reports/:filingId/receipts.csv', scope: 'site', access: pub },
  {
    id: 'public.expendituresCsv',
    method: 'GET',
    url: '/reports/:filingId/expenditures.csv',
    scope: 'site',
    access: pub,
  },
  { id: 'public.refundsCsv', method: 'GET', url: '/reports/:filingId/refunds.csv', scope: 'site', access: pub },
  // Treasurers: drafts of their own party.
  {
    id: 'treasurer.home',
    method: 'GET',
    url: '/:locale/treasurer',
    scope: 'site',
    access: perm('own', 'filing.draft.read'),
  },
  {
    id: 'treasurer.createDraft',
    method: 'POST',
    url: '/:locale/treasurer/drafts',
    scope: 'site',
    access: perm('bodyParty', 'filing.draft.write'),
  },
  { id: 'treasurer.draft', method: 'GET', url: D, scope: 'site', access: perm('draft', 'filing.draft.read') },
  {
    id: 'treasurer.header',
    method: 'POST',
    url: `${D}/header`,
    scope: 'site',
    access: perm('draft', 'filing.draft.write'),
  },
  {
    id: 'treasurer.addLine',
    method: 'POST',
    url: `${D}/lines/:section`,
    scope: 'site',
    access: perm('draft', 'filing.draft.write'),
  },
  {
    id: 'treasurer.lineForm',
    method: 'GET',
    url: `${D}/lines/:section/:index`,
    scope: 'site',
    access: perm('draft', 'filing.draft.read'),
  },
  {
    id: 'treasurer.updateLine',
    method: 'POST',
    url: `${D}/lines/:section/:index`,
    scope: 'site',
    access: perm('draft', 'filing.draft.write'),
  },
  {
    id: 'treasurer.deleteLine',
    method: 'POST',
    url: `${D}/lines/:section/:index/delete`,
    scope: 'site',
    access: perm('draft', 'filing.draft.write'),
  },
  {
    id: 'treasurer.import',
    method: 'POST',
    url: `${D}/import`,
    scope: 'site',
    access: perm('draft', 'filing.draft.write'),
    multipart: true,
  },
  {
    id: 'treasurer.addScan',
    method: 'POST',
    url: `${D}/scans`,
    scope: 'site',
    access: perm('draft', 'filing.draft.write'),
    multipart: true,
  },
  {
    id: 'treasurer.removeScan',
    method: 'POST',
    url: `${D}/scans/:sha/delete`,
    scope: 'site',
    access: perm('draft', 'filing.draft.write'),
  },
  {
    id: 'treasurer.draftScan',
    method: 'GET',
    url: '/treasurer/drafts/:draftId/scans/:sha',
    scope: 'site',
    access: perm('draft', 'filing.draft.read'),
  },
  {
    id: 'treasurer.submit',
    method: 'POST',
    url: `${D}/submit`,
    scope: 'site',
    access: perm('submission', 'filing.submit'),
  },
  {
    id: 'treasurer.discard',
    method: 'POST',
    url: `${D}/discard`,
    scope: 'site',
    access: perm('draft', 'filing.draft.write'),
  },
  {
    id: 'treasurer.amend',
    method: 'POST',
    url: '/:locale/treasurer/reports/:filingId/amend',
    scope: 'site',
    access: perm('filing', 'filing.draft.write'),
  },
  // The commission's review. Reviewing reports is done by the staff who review findings (admins and
  // analysts); the policy has no separate action for it yet.
  {
    id: 'commission.queue',
    method: 'GET',
    url: '/:locale/commission/reports',
    scope: 'site',
    access: perm('none', 'filing.read'),
  },
  {
    id: 'commission.report',
    method: 'GET',
    url: '/:locale/commission/reports/:filingId',
    scope: 'site',
    access: perm('none', 'filing.read'),
  },
  {
    id: 'commission.review',
    method: 'POST',
    url: '/:locale/commission/reports/:filingId/status',
    scope: 'site',
    access: perm('none', 'findings.review'),
  },
  // Software.
  { id: 'api.schema', method: 'GET', url: '/schemas/filing-v1.json', scope: 'api', access: pub },
  { id: 'api.template', method: 'GET', url: '/v1/filings/template.xlsx', scope: 'api', access: pub },
  {
    id: 'api.submit',
    method: 'POST',
    url: '/v1/filings',
    scope: 'api',
    access: perm('bodyParty', 'filing.draft.write', 'filing.submit'),
  },
  {
    id: 'api.uploadScan',
    method: 'POST',
    url: '/v1/filings/scans',
    scope: 'api',
    access: perm('own', 'filing.draft.write'),
    multipart: true,
  },
  { id: 'api.filing', method: 'GET', url: '/v1/filings/:filingId', scope: 'api', access: pub },
  {
    id: 'api.partyFilings',
    method: 'GET',
    url: '/v1/elections/:electionId/parties/:registrationNumber/filings',
    scope: 'api',
    access: pub,
  },
];

export function specOf(id: string): FilingRouteSpec {
  const spec = FILING_ROUTES.find((r) => r.id === id);
  if (!spec) throw new Error(`filing route ${id} is not in FILING_ROUTES`);
  return spec;
}
