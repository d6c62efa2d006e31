// The public record of finance reports: a party's reports, one filed version itemised (with ?diff=<other
// version>), its scans (inline and as download), the CSV of its lines, and the search in donors and
// scanned documents. No account needed; answers revalidate with an ETag.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { renderPage } from '../../platform/web/layout.tsx';
import { notFound } from '../../platform/web/errors.tsx';
import { LINE_SECTIONS, type LineSection } from '../core/filing.ts';
import { linesCsv } from '../core/public-filing.ts';
import { loadPartyReports, loadPublicReport, loadReportPage, searchReports } from '../public-report.service.ts';
import { openPublicScan } from '../scan.service.ts';
import { PartyReportsPage } from '../views/party-reports.page.tsx';
import { ReportPage } from '../views/report.page.tsx';
import { ReportSearchPage } from '../views/report-search.page.tsx';
import { localeOf } from './access.ts';
import { disposition, fileNotFound, sendPublicHtml, sendScan } from './replies.ts';
import { fileQuery, filingFileParams, idText, localeParams, parsed, partyReportsParams, reportParams, reportQuery, scanParams, searchQuery } from './schemas.ts';
import type { RouteOf } from './site.ts';

export function publicRoutes(route: RouteOf, ctx: AppContext): void {
  route('public.partyReports', (req, reply) => partyReports(ctx, req, reply));
  route('public.search', (req, reply) => search(ctx, req, reply));
  route('public.report', (req, reply) => report(ctx, req, reply));
  route('public.scan', (req, reply) => scan(ctx, req, reply));
  for (const section of LINE_SECTIONS) route(`public.${section}Csv`, (req, reply) => linesFile(ctx, req, reply, section));
}

async function partyReports(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(partyReportsParams, req.params);
  const reports = params && (await loadPartyReports(ctx, params.id, params.reg));
  if (!params || !reports) return notFound(reply, localeOf(req));
  return sendPublicHtml(req, reply, renderPage(<PartyReportsPage locale={params.locale} {...reports} />));
}

async function search(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(localeParams, req.params);
  if (!params) return notFound(reply, 'en');
  const q = (parsed(searchQuery, req.query)?.q ?? '').trim().slice(0, 100);
  const found = await searchReports(ctx, q);
  return sendPublicHtml(req, reply, renderPage(<ReportSearchPage locale={params.locale} q={q} {...found} />));
}

/** `?diff=` names the other version: absent or empty is no diff, anything but an id a refused one. */
function diffWith(query: unknown): number | 'invalid' | undefined {
  const raw = parsed(reportQuery, query)?.diff;
  if (raw === undefined || raw === '') return undefined;
  return parsed(idText, raw) ?? 'invalid';
}

async function report(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(reportParams, req.params);
  const page = params && (await loadReportPage(ctx, params.filingId, diffWith(req.query)));
  if (!params || !page) return notFound(reply, localeOf(req));
  const html = renderPage(<ReportPage locale={params.locale} report={page.report} diff={page.diff} diffRefused={page.diffRefused} />);
  return sendPublicHtml(req, reply, html, page.diffRefused ? 404 : 200);
}

async function scan(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const params = parsed(scanParams, req.params);
  const file = params && (await openPublicScan(ctx, params.filingId, params.sha));
  if (!file) return fileNotFound(reply, 'No such scan.');
  return sendScan(reply, file, parsed(fileQuery, req.query)?.download !== undefined, 'public, max-age=31536000, immutable');
}

async function linesFile(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, section: LineSection) {
  const params = parsed(filingFileParams, req.params);
  const report = params && (await loadPublicReport(ctx, params.filingId));
  if (!report) return fileNotFound(reply, 'No such report.');
  const name = `${report.chain.electionId}_${report.chain.partyRegistrationNumber}_${report.chain.reportKind}_v${report.filing.version}_${section}.csv`;
  return (
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      // A filed version never changes; its status is not in the file.
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-disposition', disposition('attachment', name))
      .send(linesCsv(report.doc, section))
  );
}
