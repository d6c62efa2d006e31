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
  | { kind: 'public' }
  | {
      kind: 'permission';
      actions: readonly Action[];
      resource: ResourceKind;
      /** A sensitive screen: the training gate stands before it. */
      training?: boolean;
    };

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
/** A commission screen the training gate stands before. */
const sensitive = (resource: ResourceKind, ...actions: Action[]): FilingAccess => ({
  kind: 'permission',
  actions,
  resource,
  training: true,
});
const D = '/:locale/treasurer/drafts/:draftId';

const MULTIPART = true;
/** One entry of the table: who may use `url`, reached with `method`, in the site or the API scope. */
const entry =
  (scope: FilingRouteSpec['scope'], method: FilingRouteSpec['method']) =>
  (id: string, url: string, access: FilingAccess, multipart = false): FilingRouteSpec => ({
    id,
    method,
    url,
    scope,
    access,
    ...(multipart ? { multipart } : {}),
  });
const siteGet = entry('site', 'GET');
const sitePost = entry('site', 'POST');
const apiGet = entry('api', 'GET');
const apiPost = entry('api', 'POST');

export const FILING_ROUTES: readonly FilingRouteSpec[] = [
  // The public record.
  siteGet('public.partyReports', '/:locale/elections/:id/parties/:reg/reports', pub),
  siteGet('public.search', '/:locale/reports/search', pub),
  siteGet('public.report', '/:locale/reports/:filingId', pub),
  siteGet('public.scan', '/reports/:filingId/scans/:sha', pub),
  siteGet('public.receiptsCsv', '/reports/:filingId/receipts.csv', pub),
  siteGet('public.expendituresCsv', '/reports/:filingId/expenditures.csv', pub),
  siteGet('public.refundsCsv', '/reports/:filingId/refunds.csv', pub),
  // A v2 version's gifts in kind and loans; a v1 version has neither file.
  siteGet('public.inKindCsv', '/reports/:filingId/in-kind.csv', pub),
  siteGet('public.loansCsv', '/reports/:filingId/loans.csv', pub),
  // Treasurers: drafts of their own party.
  siteGet('treasurer.home', '/:locale/treasurer', perm('own', 'filing.draft.read')),
  sitePost('treasurer.createDraft', '/:locale/treasurer/drafts', perm('bodyParty', 'filing.draft.write')),
  siteGet('treasurer.draft', D, perm('draft', 'filing.draft.read')),
  sitePost('treasurer.header', `${D}/header`, perm('draft', 'filing.draft.write')),
  sitePost('treasurer.addLine', `${D}/lines/:section`, perm('draft', 'filing.draft.write')),
  siteGet('treasurer.lineForm', `${D}/lines/:section/:index`, perm('draft', 'filing.draft.read')),
  sitePost('treasurer.updateLine', `${D}/lines/:section/:index`, perm('draft', 'filing.draft.write')),
  sitePost('treasurer.deleteLine', `${D}/lines/:section/:index/delete`, perm('draft', 'filing.draft.write')),
  sitePost('treasurer.import', `${D}/import`, perm('draft', 'filing.draft.write'), MULTIPART),
  sitePost('treasurer.addScan', `${D}/scans`, perm('draft', 'filing.draft.write'), MULTIPART),
  sitePost('treasurer.removeScan', `${D}/scans/:sha/delete`, perm('draft', 'filing.draft.write')),
  siteGet('treasurer.draftScan', '/treasurer/drafts/:draftId/scans/:sha', perm('draft', 'filing.draft.read')),
  sitePost('treasurer.submit', `${D}/submit`, perm('submission', 'filing.submit')),
  sitePost('treasurer.discard', `${D}/discard`, perm('draft', 'filing.draft.write')),
  sitePost('treasurer.amend', '/:locale/treasurer/reports/:filingId/amend', perm('filing', 'filing.draft.write')),
  // The commission's review. Reviewing reports is done by the staff who review findings (admins and
  // analysts); the policy has no separate action for it yet.
  siteGet('commission.queue', '/:locale/commission/reports', sensitive('none', 'filing.read')),
  siteGet('commission.report', '/:locale/commission/reports/:filingId', sensitive('none', 'filing.read')),
  sitePost('commission.review', '/:locale/commission/reports/:filingId/status', sensitive('none', 'findings.review')),
  // Software.
  apiGet('api.schema', '/schemas/filing-v1.json', pub),
  apiGet('api.schemaV2', '/schemas/filing-v2.json', pub),
  apiGet('api.template', '/v1/filings/template.xlsx', pub),
  apiPost('api.submit', '/v1/filings', perm('bodyParty', 'filing.draft.write', 'filing.submit')),
  apiPost('api.uploadScan', '/v1/filings/scans', perm('own', 'filing.draft.write'), MULTIPART),
  apiGet('api.filing', '/v1/filings/:filingId', pub),
  apiGet('api.partyFilings', '/v1/elections/:electionId/parties/:registrationNumber/filings', pub),
];

export function specOf(id: string): FilingRouteSpec {
  const spec = FILING_ROUTES.find((r) => r.id === id);
  if (!spec) throw new Error(`filing route ${id} is not in FILING_ROUTES`);
  return spec;
}
