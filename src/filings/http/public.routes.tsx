// The public record of finance reports: a party's reports, one filed version itemised (with ?diff=<other
// version>), its scans (inline and as download), the CSV of its lines (a v2 version's gifts in kind and
// loans too), and the search in donors and scanned documents. No account needed; pages revalidate with
// an ETag.
import { notFound, renderPage, route, sendRevalidatedHtml, type RouteDef } from '../../platform/web/index.ts';
import type { Action, Resource } from '../../accounts/index.ts';
import { LINE_SECTIONS, type LineSection } from '../core/filing.ts';
import { linesCsv, newLinesCsv } from '../core/public-filing.ts';
import { FILING_FORMAT_V2, type NewLineSection } from '../core/filing-v2.ts';
import { loadPartyReports, loadPublicReport, loadReportPage, searchReports } from '../public-report.service.ts';
import { openPublicScan } from '../scan.service.ts';
import { PartyReportsPage } from '../views/party-reports.page.tsx';
import { ReportPage } from '../views/report.page.tsx';
import { NEW_SECTION_FILES } from '../views/report-v2-sections.tsx';
import { ReportSearchPage } from '../views/report-search.page.tsx';
import { siteRoute } from './access.ts';
import { disposition, fileNotFound, sendScan } from './replies.ts';
import {
  fileQuery,
  filingFileParams,
  idOr0,
  idText,
  localeParams,
  partyReportsParams,
  reportParams,
  reportQuery,
  scanParams,
  searchQuery,
} from './schemas.ts';

/** `?diff=` names the other version: absent is no diff, anything but an id a refused one. */
const diffWith = (raw: string | undefined): number | 'invalid' | undefined =>
  raw === undefined ? undefined : (idText.safeParse(raw).data ?? 'invalid');

function linesFile(section: LineSection): RouteDef<Action, Resource> {
  return route({
    ...siteRoute(`public.${section}Csv`),
    params: filingFileParams,
    handler: async ({ ctx, reply, params }) => {
      const report = await loadPublicReport(ctx, idOr0(params.filingId));
      if (!report) return fileNotFound(reply, 'No such report.');
      const { electionId, partyRegistrationNumber, reportKind } = report.chain;
      const name = `${electionId}_${partyRegistrationNumber}_${reportKind}_v${report.filing.version}_${section}.csv`;
      return (
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          // A filed version never changes; its status is not in the file.
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('content-disposition', disposition('attachment', name))
          .send(linesCsv(report.doc, section))
      );
    },
  });
}

/** A v2 version's gifts in kind or loans as CSV; a v1 version has no such section, so no such file. */
function newLinesFile(section: NewLineSection): RouteDef<Action, Resource> {
  return route({
    ...siteRoute(`public.${section}Csv`),
    params: filingFileParams,
    handler: async ({ ctx, reply, params }) => {
      const report = await loadPublicReport(ctx, idOr0(params.filingId));
      if (!report || report.doc.format !== FILING_FORMAT_V2) return fileNotFound(reply, 'No such report.');
      const { electionId, partyRegistrationNumber, reportKind } = report.chain;
      const name = `${electionId}_${partyRegistrationNumber}_${reportKind}_v${report.filing.version}_${NEW_SECTION_FILES[section]}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-disposition', disposition('attachment', name))
        .send(newLinesCsv(report.doc, section));
    },
  });
}

export function publicRoutes(): RouteDef<Action, Resource>[] {
  return [
    route({
      ...siteRoute('public.partyReports'),
      params: partyReportsParams,
      handler: async ({ ctx, req, reply, locale, params }) => {
        const reports = await loadPartyReports(ctx, params.id, params.reg);
        if (!reports) return notFound(reply, locale);
        return sendRevalidatedHtml(req, reply, renderPage(<PartyReportsPage locale={locale} {...reports} />));
      },
    }),
    route({
      ...siteRoute('public.search'),
      params: localeParams,
      query: searchQuery,
      handler: async ({ ctx, req, reply, locale, query }) => {
        const q = (query.q ?? '').trim().slice(0, 100);
        const found = await searchReports(ctx, q);
        return sendRevalidatedHtml(req, reply, renderPage(<ReportSearchPage locale={locale} q={q} {...found} />));
      },
    }),
    route({
      ...siteRoute('public.report'),
      params: reportParams,
      query: reportQuery,
      handler: async ({ ctx, req, reply, locale, params, query }) => {
        const page = await loadReportPage(ctx, params.filingId, diffWith(query.diff));
        if (!page) return notFound(reply, locale);
        const html = renderPage(
          <ReportPage locale={locale} report={page.report} diff={page.diff} diffRefused={page.diffRefused} />,
        );
        return sendRevalidatedHtml(req, reply, html, page.diffRefused ? 404 : 200);
      },
    }),
    route({
      ...siteRoute('public.scan'),
      params: scanParams,
      query: fileQuery,
      handler: async ({ ctx, reply, params, query }) => {
        const file = await openPublicScan(ctx, idOr0(params.filingId), params.sha);
        if (!file) return fileNotFound(reply, 'No such scan.');
        return sendScan(reply, file, query.download !== undefined, 'public, max-age=31536000, immutable');
      },
    }),
    ...LINE_SECTIONS.map(linesFile),
    newLinesFile('inKind'),
    newLinesFile('loans'),
  ];
}
